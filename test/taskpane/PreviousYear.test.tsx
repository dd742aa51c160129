/** @jest-environment jsdom */
// 「前年度のブックと比較」 in the pane: the button and its hidden file input, the status line, removing the
// comparison, an unreadable file. The engine is a fake that behaves as local.ts does (engine.test.ts
// proves that one on real workbooks): openPrevious reads the file or rejects with the reader's ja/en text
// and keeps what it had; while a previous year is kept, a check carries its history.* findings.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { Engine } from "../../src/taskpane/engine/engine";
import { previousYearOn } from "../../src/taskpane/engine/previous-year";
import { translator, type Lang } from "../../src/taskpane/i18n/strings";
import { finding, sampleEvaluation } from "./evaluation";
import { fakeHost } from "./fakeHost";
import { eagerParts } from "./parts";

const HISTORY = finding({
  code: "history.figure-differs",
  severity: "warning",
  sheet: "具体的取組",
  cell: "H9",
  row: 9,
  message: {
    ja: "前年度までの実績 3.3 が前年度のブックの実績 3.4 と違います",
    en: "last year's figure differs",
  },
});

/** The engine's previous-year calls as local.ts answers them (a file named bad*.xlsx is unreadable). */
function fakeEngine() {
  const state = { previous: null as string | null, opened: 0, closed: 0 };
  const engine = {
    async openPrevious(file: Blob) {
      const name = (file as File).name;
      if (name.startsWith("bad"))
        throw Object.assign(new Error("not a zip"), {
          messages: { ja: "ZIP 形式ではありません。", en: "Not a zip archive." },
        });
      state.previous = name;
      state.opened++;
      return { year: 2015, ward: "平野区" };
    },
    async closePrevious() {
      state.previous = null;
      state.closed++;
    },
  } as unknown as Engine;
  return { engine, state };
}

function setup(lang: Lang = "ja") {
  const { engine, state } = fakeEngine();
  const source = previousYearOn(async () => engine);
  const host = fakeHost({
    evaluation: () => {
      const e = sampleEvaluation();
      return state.previous ? { ...e, findings: [...e.findings, HISTORY] } : e;
    },
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App t={translator(lang)} lang={lang} host={host} parts={eagerParts} previousYear={source} />
    </FluentProvider>,
  );
  return { host, state, source };
}

async function pick(name: string) {
  await act(async () => {
    fireEvent.change(screen.getByTestId("previous-input"), {
      target: { files: [new File(["x"], name)] },
    });
  });
}

describe("前年度のブックと比較", () => {
  test("the button opens the hidden .xlsx input; it is the labelled, focusable control", () => {
    setup();
    const button = screen.getByRole("button", { name: "前年度のブックと比較" });
    const input = screen.getByTestId("previous-input") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".xlsx,.xlsm");
    expect(input.tabIndex).toBe(-1);
    const clicked = jest.fn();
    input.addEventListener("click", clicked);
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  test("a picked file is compared: the check runs again, the history finding is listed, the status says which file", async () => {
    const { host, state } = setup();
    await pick("平野区_H27.xlsx");
    const status = await screen.findByTestId("previous-status");
    expect(status.textContent).toBe("前年度と比較中: 平野区_H27.xlsx(平成27年度・2015年度)");
    expect(state.opened).toBe(1);
    expect(host.calls.check).toHaveLength(1);
    await screen.findByText(HISTORY.message.ja);
    // and it jumps to its cell in Excel like every finding
    fireEvent.click(screen.getByText(HISTORY.message.ja));
    await screen.findByText("具体的取組!H9 を選択しました。");
    expect(host.calls.select).toEqual([["具体的取組", "H9"]]);
  });

  test("stop comparing: the engine drops it, the check runs again without it, the button is back", async () => {
    const { host, state } = setup();
    await pick("平野区_H27.xlsx");
    await screen.findByText(HISTORY.message.ja);
    const remove = screen.getByRole("button", { name: "比較をやめる" });
    await waitFor(() => expect((remove as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(remove);
    });
    await screen.findByRole("button", { name: "前年度のブックと比較" });
    expect(state.closed).toBe(1);
    expect(host.calls.check).toHaveLength(2);
    await waitFor(() => expect(screen.queryByText(HISTORY.message.ja)).toBeNull());
  });

  test("an unreadable file: the ja message with the reader's reason; the comparison and the findings as they were", async () => {
    const { host, state } = setup();
    await pick("平野区_H27.xlsx");
    await screen.findByText(HISTORY.message.ja);
    // a second pick while one is compared (the input stays in the page)
    await pick("bad.xlsx");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("前年度のブックを読めません。");
    expect(alert.textContent).toContain("比較の状態は変わっていません");
    expect(within(alert).getByTestId("error-detail").textContent).toBe("ZIP 形式ではありません。");
    expect(state.previous).toBe("平野区_H27.xlsx");
    expect(screen.getByTestId("previous-status").textContent).toContain("平野区_H27.xlsx");
    expect(host.calls.check).toHaveLength(1);
    expect(screen.getByText(HISTORY.message.ja)).toBeTruthy();
  });

  test("in English", async () => {
    setup("en");
    expect(screen.getByRole("button", { name: "Compare with last year's workbook" })).toBeTruthy();
    await pick("bad.xlsx");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The previous year's workbook cannot be read.");
    expect(within(alert).getByTestId("error-detail").textContent).toBe("Not a zip archive.");
    await pick("hirano-h27.xlsx");
    expect((await screen.findByTestId("previous-status")).textContent).toBe(
      "Compared with last year: hirano-h27.xlsx (FY2015, 平成27年度)",
    );
  });
});

test("previousYearOn: a new engine (its worker stopped) is given last year's file again before it is used", async () => {
  const a = fakeEngine();
  const b = fakeEngine();
  let current = a.engine;
  const source = previousYearOn(async () => current);
  await source.pick(new File(["x"], "h27.xlsx"), () => undefined);
  expect(await source.engine()).toBe(a.engine);
  expect(a.state.opened).toBe(1);
  current = b.engine;
  expect(await source.engine()).toBe(b.engine);
  expect(b.state.previous).toBe("h27.xlsx");
  await source.clear();
  expect(b.state.closed).toBe(1);
  expect(source.current()).toBeNull();
  current = a.engine;
  await source.engine();
  expect(a.state.opened).toBe(1);
});
