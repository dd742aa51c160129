/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import type { Handler } from "../../src/taskpane/components/handlers";
import type { HintProps } from "../../src/taskpane/components/Hint";
import { lazyHint, lazyPart } from "../../src/taskpane/components/parts";
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

/** A hint as the real one wraps its control (Fluent's Tooltip), made visible for the test. */
function Marked({ content, children }: HintProps) {
  return (
    <span data-testid="hint" data-content={content}>
      {children}
    </span>
  );
}

describe("lazyHint", () => {
  test("読み込むまでは操作だけを表示し、読み込んだらヒント付きで表示する(読み込みは作った時に始まる)", async () => {
    const chunk = deferred<React.ComponentType<HintProps>>();
    let loads = 0;
    const Hint = lazyHint(() => {
      loads++;
      return chunk.promise;
    });
    expect(loads).toBe(1);
    const view = render(
      <Hint content="説明" relationship="description">
        <button>押す</button>
      </Hint>,
    );
    expect(screen.getByRole("button", { name: "押す" })).toBeTruthy();
    expect(screen.queryByTestId("hint")).toBeNull();
    await act(async () => chunk.resolve(Marked));
    expect(screen.getByTestId("hint").getAttribute("data-content")).toBe("説明");
    expect(screen.getByRole("button", { name: "押す" })).toBeTruthy();
    view.unmount();
    // once loaded, a new control has its hint from its first render
    render(
      <Hint content="説明" relationship="description">
        <button>次</button>
      </Hint>,
    );
    expect(screen.getByTestId("hint").textContent).toBe("次");
  });

  test("読み込めなくても操作は使える", async () => {
    const chunk = deferred<React.ComponentType<HintProps>>();
    const Hint = lazyHint(() => chunk.promise);
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(
        <Hint content="説明" relationship="description">
          <button>押す</button>
        </Hint>,
      );
      await act(async () => chunk.reject(new Error("Loading chunk 18 failed")));
      expect(screen.getByRole("button", { name: "押す" })).toBeTruthy();
      expect(screen.queryByTestId("hint")).toBeNull();
    } finally {
      errors.mockRestore();
    }
  });
});
