/**
 * @jest-environment jsdom
 */
// The shared runtime end to end in one page, as taskpane.html runs it: the commands' entry (src/commands/
// commands.ts) registered with a stand-in Office whose Excel.run is the fake Excel of a supported host, the
// ribbon's 検証 handing its run to the pane (src/excel/shared-runtime.ts), and the pane (App) showing it.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import { CHANGE_LOG_SHEET } from "../../src/core";
import { COMMAND_LIMIT_MS, FUNCTION_IDS } from "../../src/commands/actions";
import { NOTES_UNAVAILABLE } from "../../src/excel";
import { inThisThread, type Evaluator } from "../../src/app";
import { lentEvaluator, ribbonRuns, type RibbonRun, type SharedPage } from "../../src/excel/shared-runtime";
import { App } from "../../src/taskpane/components/App";
import { eagerParts } from "../taskpane/parts";
import { translator } from "../../src/taskpane/i18n/strings";
import { fakeRun, HOSTS } from "../excel/fake/host";
import { modelFromSnapshots } from "../excel/workbooks";
import { fixtureSnapshots } from "../helpers/fixtures";
import { press, stage, unstage } from "./ribbon-stage";

afterEach(unstage);

describe("a ribbon command's dialog left open", () => {
  test("closes itself before the command's 5-minute runtime limit, and event.completed() is called", async () => {
    jest.useFakeTimers();
    try {
      const s = stage({ answers: false });
      const f = s.commands.get(FUNCTION_IDS.recalculate);
      if (!f) throw new Error("recalculate not associated");
      const completed = jest.fn();
      const pressed = f({ completed });
      await jest.advanceTimersByTimeAsync(COMMAND_LIMIT_MS - 1000);
      expect(s.dialogs).toHaveLength(1);
      expect(completed).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1000);
      await pressed;
      expect(s.closed).toBe(1);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(COMMAND_LIMIT_MS).toBeLessThan(5 * 60 * 1000);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe.each(HOSTS)("shared runtime on %s: ribbon and task pane in one page", (profile) => {
  test("the entry associates the manifest's functions at load, before Office.onReady resolves", () => {
    const s = stage({ profile });
    expect([...s.commands.keys()].sort()).toEqual(Object.values(FUNCTION_IDS).sort());
  });

  test("検証 hands its findings to the pane of the same page and opens it; no dialog", async () => {
    const s = stage({ profile });
    const seen: RibbonRun[] = [];
    const unsubscribe = ribbonRuns(window as SharedPage).subscribe((r) => seen.push(r));
    await press(s, FUNCTION_IDS.validate);
    unsubscribe();
    expect(s.shown).toBe(1);
    expect(s.dialogs).toEqual([]);
    expect(seen).toHaveLength(1);
    const run = seen[0];
    expect(run?.evaluation.findings.length).toBeGreaterThan(0);
    // the packaged office.js has no workbook.notes: the pane is told, not left to guess
    expect(run?.notices).toContainEqual(NOTES_UNAVAILABLE);
    expect(Object.keys(run?.origins ?? {})).toEqual(
      expect.arrayContaining(run?.evaluation.layouts.map((l) => l.sheet) ?? []),
    );
  });

  test("検証 and 一括再計算 evaluate with the evaluator the pane of the page lent (its Web Worker)", async () => {
    const s = stage();
    const logSheets: string[] = [];
    lentEvaluator<Evaluator>(window as SharedPage).lend((read, choice, logSheet) => {
      logSheets.push(logSheet);
      return inThisThread(read, choice, logSheet);
    });
    await press(s, FUNCTION_IDS.validate);
    await press(s, FUNCTION_IDS.recalculate);
    expect(logSheets).toEqual([CHANGE_LOG_SHEET, CHANGE_LOG_SHEET]);
  });

  test("the pane shows the ribbon's run: a pane already open, and one opened after the run", async () => {
    const s = stage({ profile });
    const t = translator("ja");
    const board = ribbonRuns(window as SharedPage);
    const view = render(
      <FluentProvider theme={webLightTheme}>
        <App t={t} lang="ja" host={null} parts={eagerParts} ribbonRuns={board} />
      </FluentProvider>,
    );
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    await act(() => press(s, FUNCTION_IDS.validate));
    const n = board.latest()?.evaluation.findings.length ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(await screen.findByText(`指摘 ${n} 件 / 全 ${n} 件`)).toBeTruthy();
    view.unmount();
    // a pane that mounts after the ribbon ran still gets it
    render(
      <FluentProvider theme={webLightTheme}>
        <App t={t} lang="ja" host={null} parts={eagerParts} ribbonRuns={board} />
      </FluentProvider>,
    );
    expect(await screen.findByText(`指摘 ${n} 件 / 全 ${n} 件`)).toBeTruthy();
  });

  test("一括再計算 runs with delayForCellEdit: a user editing a cell is waited for, not failed", async () => {
    const s = stage({ profile });
    s.model.editMode = true;
    await press(s, FUNCTION_IDS.recalculate);
    expect(s.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(s.model.events).toContain("waited for cell edit");
    expect(s.model.changes.filter((c) => c.sheet !== CHANGE_LOG_SHEET).length).toBeGreaterThan(0);
    // the outcome dialog is commands.html beside taskpane.html, not the pane's page
    expect(s.dialogs).toHaveLength(1);
    expect(new URL(s.dialogs[0] ?? "").pathname.endsWith("/commands.html")).toBe(true);
  });

  test("without delayForCellEdit the same batch fails in cell-edit mode (what the option prevents)", async () => {
    const model = modelFromSnapshots(fixtureSnapshots("hirano-fy2016"));
    model.editMode = true;
    const run = fakeRun(model, profile);
    await expect(
      run(async (c) => {
        c.workbook.worksheets.add("y");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
