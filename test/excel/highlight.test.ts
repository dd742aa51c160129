import type { Evaluation, Finding, InitiativeDerivation } from "../../src/core/model";
import {
  clearHighlights,
  highlightTargets,
  HIGHLIGHT_FILL,
  HIGHLIGHTS_SETTING,
  NOTE_PREFIX,
  selectCell,
  showHighlights,
  type HighlightTarget,
} from "../../src/excel/highlight";
import { asExcel, FakeContext, WorkbookModel, type CfModel } from "./fake-excel";
import { fakeHost, HOSTS } from "./fake/host";
import { sampleSheet } from "./workbooks";

function workbook(): WorkbookModel {
  const m = new WorkbookModel();
  sampleSheet(m, "取組1");
  sampleSheet(m, "取組2");
  return m;
}

const TARGETS: HighlightTarget[] = [
  { sheet: "取組1", address: "F5", kind: "error", note: "達成状況が導出結果と異なります" },
  { sheet: "取組1", address: "F6", kind: "warning", note: "目標値を読み取れません" },
  { sheet: "取組1", address: "F6", kind: "error", note: "単位が異なります" },
  { sheet: "取組1", address: "A7:F7", kind: "withdrawal", note: null },
  { sheet: "取組2", address: "C4", kind: "info", note: "注意" },
];

function state(m: WorkbookModel): unknown {
  return {
    cfs: m.sheets.map((s) => [s.name, s.cfs.map((c) => ({ ...c }))]),
    notes: [...m.notes.entries()],
    settings: [...m.settings.entries()],
    cells: m.sheets.map((s) => [s.name, [...s.cells.entries()]]),
  };
}

const USER_CF: CfModel = {
  rects: [{ top: 3, left: 5, bottom: 8, right: 5 }],
  type: "Custom",
  formula: '=F4="×"',
  fill: "#FF0000",
};

describe.each(HOSTS)("highlights on %s", (host) => {
  test("with the served office.js: formats added, notes unsupported (visible), no failure", async () => {
    const m = workbook();
    m.sheet("取組1")?.cfs.push({ ...USER_CF });
    const ctx = fakeHost(m, host);
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.error).toBeNull();
    expect(shown.unsupported).toEqual(["notes"]);
    expect(shown.formatsAdded).toBe(4);
    expect(m.notes.size).toBe(0);
  });

  test("Clear removes exactly kusei's formats, in a later session, whatever their ids have become", async () => {
    const m = workbook();
    const s1 = m.sheet("取組1");
    s1?.cfs.push({ ...USER_CF });
    await showHighlights(asExcel(fakeHost(m, host)), TARGETS, { supports: fakeHost(m, host).supports });
    // The person adds formats of their own afterwards (each at the top priority, shifting kusei's ids).
    s1?.cfs.unshift({ ...USER_CF, formula: '=F5="○"', fill: "#00FF00" });
    s1?.cfs.unshift({ ...USER_CF, type: "CellValue", formula: "", fill: "#0000FF" });
    const ctx = fakeHost(m, host);
    const cleared = await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(cleared.error).toBeNull();
    expect(cleared.formatsRemoved).toBe(4);
    expect(s1?.cfs.map((c) => c.fill)).toEqual(["#0000FF", "#00FF00", "#FF0000"]);
    expect(m.sheets.flatMap((s) => s.cfs).every((c) => !c.formula.includes("kusei"))).toBe(true);
  });

  test("an office.js refreshed from the CDN: notes are added too", async () => {
    const m = workbook();
    const ctx = fakeHost(m, host, { cdnOfficeJs: true });
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.error).toBeNull();
    const hostHasNotes = ctx.supports("1.18");
    expect(shown.unsupported).toEqual(hostHasNotes ? [] : ["notes"]);
    expect(m.notes.size).toBe(hostHasNotes ? 3 : 0);
    await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(m.notes.size).toBe(0);
    expect(m.sheets.flatMap((s) => s.cfs)).toEqual([]);
  });
});

describe("highlights", () => {
  test("show adds kusei's own formats and notes; clear removes them without a trace", async () => {
    const m = workbook();
    m.sheet("取組1")?.cfs.push({ ...USER_CF });
    m.notes.set("取組2!A1", "担当者のメモ");
    const before = state(m);
    const ctx = new FakeContext(m, "all");
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.error).toBeNull();
    expect(shown.highlighted).toBe(5);
    expect(shown.formatsAdded).toBe(4); // 取組1: withdrawal, warning, error; 取組2: info
    const cfs = m.sheet("取組1")?.cfs ?? [];
    // each added at the top priority: the last added (errors) wins
    expect(cfs.map((c) => c.fill)).toEqual([
      HIGHLIGHT_FILL.error,
      HIGHLIGHT_FILL.warning,
      HIGHLIGHT_FILL.withdrawal,
      "#FF0000",
    ]);
    expect(cfs[0]?.rects).toEqual([
      { top: 4, left: 5, bottom: 4, right: 5 },
      { top: 5, left: 5, bottom: 5, right: 5 },
    ]);
    expect(m.notes.get("取組1!F6")).toBe(`${NOTE_PREFIX}目標値を読み取れません\n単位が異なります`);
    expect(m.settings.has(HIGHLIGHTS_SETTING)).toBe(true);
    expect(m.changes).toEqual([]);

    const cleared = await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(cleared.formatsRemoved).toBe(4);
    expect(cleared.notesRemoved).toBe(3);
    expect(state(m)).toEqual(before);
  });

  test("showing again replaces the last run's highlights instead of stacking them", async () => {
    const m = workbook();
    const ctx = new FakeContext(m, "all");
    await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    const again = await showHighlights(asExcel(ctx), TARGETS.slice(0, 1), { supports: ctx.supports });
    expect(again.formatsRemoved).toBe(4);
    expect(m.sheets.flatMap((s) => s.cfs)).toHaveLength(1);
    expect([...m.notes.keys()]).toEqual(["取組1!F5"]);
  });

  test("a person's note is never replaced; a kusei note a person edited is kept at clear", async () => {
    const m = workbook();
    m.notes.set("取組1!F5", "私のメモ");
    const ctx = new FakeContext(m, "all");
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.notesSkipped).toBe(1);
    expect(m.notes.get("取組1!F5")).toBe("私のメモ");
    m.notes.set("取組1!F6", "確認済み");
    const cleared = await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(cleared.notesKept).toBe(1);
    expect([...m.notes.entries()].sort()).toEqual([
      ["取組1!F5", "私のメモ"],
      ["取組1!F6", "確認済み"],
    ]);
  });

  test.each([
    [["1.4"], ["highlight", "notes"], 0],
    [["1.9"], ["notes"], 4],
  ] as const)("degrades at ExcelApi %j: unsupported %j", async (level, unsupported, formats) => {
    const m = workbook();
    const ctx = new FakeContext(m, level);
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.error).toBeNull();
    expect(shown.unsupported).toEqual(unsupported);
    expect(shown.formatsAdded).toBe(formats);
    expect(m.notes.size).toBe(0);
    await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(m.sheets.flatMap((s) => s.cfs)).toEqual([]);
  });

  test("without ExcelApi 1.9 each place gets its own format", async () => {
    const m = workbook();
    const ctx = new FakeContext(m, ["1.8"]);
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports, notes: false });
    // 取組1: withdrawal A7:F7, warning F6, error F5 and F6; 取組2: info C4
    expect(shown.formatsAdded).toBe(5);
    expect(m.sheet("取組1")?.cfs).toHaveLength(4);
  });

  test("places on a protected sheet are skipped, not a failure", async () => {
    const m = workbook();
    const p = m.sheet("取組2");
    if (p) p.protected = true;
    const ctx = new FakeContext(m, "all");
    const shown = await showHighlights(asExcel(ctx), TARGETS, { supports: ctx.supports });
    expect(shown.error).toBeNull();
    expect(shown.skipped).toBe(1);
    expect(p?.cfs).toEqual([]);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const m = workbook();
    const ctx = new FakeContext(m, "all");
    expect(await selectCell(asExcel(ctx), "取組2", "F7")).toBeNull();
    expect(m.selected).toEqual({ sheet: "取組2", address: "F7" });
    expect(m.events).toContain("activate 取組2");
    const missing = await selectCell(asExcel(ctx), "ない", "A1");
    expect(missing?.code).toBe("ItemNotFound");
    expect(missing?.message.ja).toContain("見つかりません");
  });
});

describe("highlightTargets", () => {
  test("findings with a cell, and the whole row span of a withdrawal-flagged initiative", () => {
    const cell = (address: string, row: number, col: number) => ({
      row,
      col,
      address,
      raw: null,
      text: "",
      formula: false,
      error: null,
    });
    const derivation = {
      withdrawalFlag: true,
      record: {
        sheet: "取組1",
        rowStart: 5,
        rowEnd: 6,
        fields: { activity: [cell("B8", 5, 1)], achievement: [cell("F8", 5, 5)] },
      },
    } as unknown as InitiativeDerivation;
    const finding = {
      sheet: "取組1",
      cell: "F8",
      severity: "error",
      message: { ja: "違います", en: "differs" },
    } as unknown as Finding;
    const sheetLevel = { ...finding, cell: null } as Finding;
    const evaluation = {
      // the grid starts at sheet row 3 (0-based origin 2): grid rows 5–6 are sheet rows 8–9
      layouts: [{ sheet: "取組1", origin: { row: 2, col: 0 } }],
      initiatives: [derivation, { ...derivation, withdrawalFlag: false }],
      findings: [finding, sheetLevel],
    } as unknown as Evaluation;
    expect(highlightTargets(evaluation, "en")).toEqual([
      { sheet: "取組1", address: "B8:F9", kind: "withdrawal", note: null },
      { sheet: "取組1", address: "F8", kind: "error", note: "differs" },
    ]);
  });
});
