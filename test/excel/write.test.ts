import { CHANGE_LOG_SHEET, readChangeLog } from "../../src/core/changelog";
import type { CellWrite } from "../../src/core/model";
import { applyWrites } from "../../src/excel/write";
import { readSnapshots } from "../../src/excel/read";
import { asExcel, FakeContext, WorkbookModel } from "./fake-excel";
import { sampleSheet } from "./workbooks";

const NOW = (): Date => new Date("2026-11-27T10:00:00.000Z");
/** The id every apply here is logged under (the use cases compute it with core's nextApplyId). */
const ID = "2026-11-27T10:00:00.000Z#1";

function workbook(sheets: number, rows = 6): WorkbookModel {
  const m = new WorkbookModel();
  for (let i = 0; i < sheets; i++) sampleSheet(m, `取組${i + 1}`, rows);
  return m;
}

/** Marks for every data row's F cell (empty now). */
function markWrites(sheets: number, rows = 6, mark = "○"): CellWrite[] {
  const out: CellWrite[] = [];
  for (let s = 0; s < sheets; s++) {
    for (let r = 0; r < rows; r++)
      out.push({
        sheet: `取組${s + 1}`,
        cell: `F${4 + r}`,
        expected: null,
        value: mark,
        reason: "55% ≥ 60%以上 → ○",
      });
  }
  return out;
}

function cellsChanged(m: WorkbookModel): string[] {
  return m.changes.filter((c) => c.sheet !== CHANGE_LOG_SHEET).map((c) => `${c.sheet}!${c.cell}`);
}

describe("applyWrites", () => {
  test.each([1, 10, 100])("%i sheets: 2 syncs, every planned cell and nothing else", async (n) => {
    const m = workbook(n);
    const ctx = new FakeContext(m);
    const writes = markWrites(n);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, applyId: ID });
    expect(ctx.syncCount).toBe(2);
    expect(res.error).toBeNull();
    expect(res.conflicts).toEqual([]);
    expect(res.written).toHaveLength(writes.length);
    expect(cellsChanged(m).sort()).toEqual(writes.map((w) => `${w.sheet}!${w.cell}`).sort());
    // one block per sheet column instead of one request per cell
    expect(res.requests).toBe(n);
    expect(m.events).toContain("suspendCalculation");
  });

  test("a co-author's edit since the read is a conflict, not an overwrite", async () => {
    const m = workbook(1);
    m.userEdit("取組1", "F5", "×");
    const ctx = new FakeContext(m);
    const res = await applyWrites(asExcel(ctx), markWrites(1), {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
    });
    expect(res.conflicts.map((c) => [c.write.cell, c.why, c.current])).toEqual([["F5", "changed", "×"]]);
    expect(m.sheet("取組1")?.valueAt(4, 5)).toBe("×");
    expect(cellsChanged(m)).not.toContain("取組1!F5");
    expect(res.written).toHaveLength(5);
  });

  test("never over a formula, never inside a merged area", async () => {
    const m = workbook(1);
    const s = m.sheet("取組1");
    s?.formula("F4", '=IF(E4="","","○")', "○");
    s?.merge("F6:F7");
    const ctx = new FakeContext(m);
    const writes: CellWrite[] = [
      { sheet: "取組1", cell: "F4", expected: "○", value: "×", reason: "r" },
      { sheet: "取組1", cell: "F6", expected: null, value: "○", reason: "r" },
      { sheet: "取組1", cell: "F7", expected: null, value: "○", reason: "r" },
    ];
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, applyId: ID });
    expect(res.conflicts.map((c) => [c.write.cell, c.why])).toEqual([
      ["F4", "formula"],
      ["F7", "merged"],
    ]);
    expect(cellsChanged(m)).toEqual(["取組1!F6"]);
    expect(s?.cell(3, 5)?.formula).toBe('=IF(E4="","","○")');
  });

  test("a protected sheet: conflicts with a message, nothing written there", async () => {
    const m = workbook(2);
    const p = m.sheet("取組2");
    if (p) p.protected = true;
    const ctx = new FakeContext(m);
    const res = await applyWrites(asExcel(ctx), markWrites(2), {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
    });
    const prot = res.conflicts.filter((c) => c.why === "protected");
    expect(prot).toHaveLength(6);
    expect(cellsChanged(m).every((c) => c.startsWith("取組1!"))).toBe(true);
  });

  test("cell edit mode: a clear ja/en message, nothing written, nothing logged", async () => {
    const m = workbook(1);
    m.editMode = true;
    const ctx = new FakeContext(m);
    const writes = markWrites(1);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, applyId: ID });
    expect(res.error?.code).toBe("InvalidOperationInCellEditMode");
    expect(res.error?.message.ja).toContain("編集中");
    expect(res.error?.message.en).toContain("cell-editing mode");
    expect(res.notWritten).toHaveLength(writes.length);
    expect(res.written).toEqual([]);
    expect(m.changes).toEqual([]);
  });

  test("a write sync that fails half-way: which cells were written (logged) and which were not", async () => {
    const m = workbook(2);
    const ctx = new FakeContext(m);
    ctx.failNextWriteAfter = 2; // suspend calculation + the first sheet's block
    const writes = markWrites(2);
    const res = await applyWrites(asExcel(ctx), writes, {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
      maxGap: 0,
    });
    expect(res.error?.code).toBe("GeneralException");
    const written = res.written.map((e) => `${e.sheet}!${e.cell}`);
    const notWritten = res.notWritten.map((w) => `${w.sheet}!${w.cell}`);
    expect(written).toEqual(["取組1!F4"]);
    expect(written.length + notWritten.length).toBe(writes.length);
    expect(written.sort()).toEqual(cellsChanged(m).sort());
    const [log] = await readSnapshots(asExcel(ctx), { supports: ctx.supports }).then((s) =>
      s.filter((x) => x.name === CHANGE_LOG_SHEET),
    );
    expect(
      log &&
        readChangeLog(log)
          .map((e) => `${e.sheet}!${e.cell}`)
          .sort(),
    ).toEqual(written.sort());
  });

  test("a sheet deleted since the plan: its cells are conflicts, the others are written", async () => {
    const m = workbook(2);
    const ctx = new FakeContext(m);
    const writes = markWrites(3);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, applyId: ID });
    expect(res.conflicts.filter((c) => c.why === "missing-sheet")).toHaveLength(6);
    expect(res.written).toHaveLength(12);
    expect(ctx.syncCount).toBe(4);
  });

  test("a host that fails a call on a null object: the first apply still creates the log (one extra round trip)", async () => {
    const m = workbook(1);
    const ctx = new FakeContext(m);
    ctx.strictNullChains = true;
    const res = await applyWrites(asExcel(ctx), markWrites(1), {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
    });
    expect(res.error).toBeNull();
    expect(res.written).toHaveLength(6);
    expect(ctx.syncCount).toBe(4);
    expect(m.sheet(CHANGE_LOG_SHEET)?.usedRect()).toEqual({ top: 0, left: 0, bottom: 6, right: 8 }); // header (9 columns, oldContent last) + 6 rows
  });

  test("per-cell writes when cells are far apart, a block with nulls when they are close", async () => {
    const m = workbook(1, 60);
    const ctx = new FakeContext(m);
    const writes: CellWrite[] = ["F4", "F5", "F7", "F60"].map((cell) => ({
      sheet: "取組1",
      cell,
      expected: null,
      value: "○",
      reason: "r",
    }));
    const res = await applyWrites(asExcel(ctx), writes, {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
      maxGap: 5,
    });
    expect(res.requests).toBe(2);
    expect(cellsChanged(m).sort()).toEqual(["取組1!F4", "取組1!F5", "取組1!F60", "取組1!F7"]);
  });

  test("a long run of marks is written in blocks of at most 200 rows", async () => {
    const m = workbook(1, 450);
    const ctx = new FakeContext(m);
    const res = await applyWrites(asExcel(ctx), markWrites(1, 450), {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
    });
    expect(res.written).toHaveLength(450);
    expect(res.requests).toBe(3);
    expect(ctx.syncCount).toBe(2);
  });

  test("without ExcelApi 1.6 there is no calculation suspension, and it still works", async () => {
    const m = workbook(1);
    const ctx = new FakeContext(m, ["1.4"]);
    const res = await applyWrites(asExcel(ctx), markWrites(1), {
      supports: ctx.supports,
      now: NOW,
      applyId: ID,
    });
    expect(res.written).toHaveLength(6);
    expect(m.events).not.toContain("suspendCalculation");
  });
});
