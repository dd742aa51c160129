/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import type { Handler } from "../../src/taskpane/components/handlers";
import { lazyPart } from "../../src/taskpane/components/parts";
import { translator, type Lang, type Translate } from "../../src/taskpane/i18n/strings";

// lazyPart as index.tsx uses it, with the chunk's load given as a promise this test settles (the page's
// loaders are import(), which this jest setup cannot run; the built page's chunks are tested in test/e2e).

interface Props {
  readonly t: Translate;
  readonly lang: Lang;
  readonly label: string;
}

function Shown({ label }: Props) {
  return <p>{label}</p>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: Handler<T>;
  readonly reject: Handler<unknown>;
}

function deferred<T>(): Deferred<T> {
  const d: Partial<{ resolve: Handler<T>; reject: Handler<unknown> }> = {};
  const promise = new Promise<T>((res, rej) => {
    d.resolve = res;
    d.reject = rej;
  });
  return { promise, resolve: (v) => d.resolve?.(v), reject: (e) => d.reject?.(e) };
}

function show(Part: React.ComponentType<Props>, lang: Lang = "ja") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Part t={translator(lang)} lang={lang} label="中身" />
    </FluentProvider>,
  );
}

describe("lazyPart", () => {
  test("読み込むあいだはスピナー、読み込んだら部品を同じ props で表示する", async () => {
    const chunk = deferred<React.ComponentType<Props>>();
    let loads = 0;
    const Part = lazyPart(() => {
      loads++;
      return chunk.promise;
    });
    expect(loads).toBe(0);
    show(Part);
    expect(screen.getByTestId("part-loading").textContent).toContain("画面を読み込んでいます");
    expect(screen.queryByText("中身")).toBeNull();
    await act(async () => chunk.resolve(Shown));
    expect(screen.getByText("中身")).toBeTruthy();
    expect(screen.queryByTestId("part-loading")).toBeNull();
    expect(loads).toBe(1);
  });

  test("読み込めなければ、その場所で日本語と英語の理由を言う(ほかは壊れない)", async () => {
    const chunk = deferred<React.ComponentType<Props>>();
    const Part = lazyPart(() => chunk.promise);
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      show(Part, "en");
      await act(async () => chunk.reject(new Error("Loading chunk 17 failed")));
      const bar = screen.getByTestId("part-error");
      expect(bar.getAttribute("role")).toBe("alert");
      expect(bar.textContent).toContain("Could not load this view");
      expect(screen.getByTestId("error-detail").textContent).toBe("Loading chunk 17 failed");
    } finally {
      errors.mockRestore();
    }
  });
});
