import { CHANGE_LOG_SHEET, readChangeLog } from "../../src/core/changelog";
import type { CellWrite } from "../../src/core/model";
import { applyWrites } from "../../src/excel/write";
import { readSnapshots } from "../../src/excel/read";
import { asExcel, FakeContext, WorkbookModel } from "./fake-excel";
import { fakeHost, HOSTS } from "./fake/host";
import { sampleSheet } from "./workbooks";
import { at } from "../helpers/cell-write";

const NOW = (): Date => new Date("2026-11-27T10:00:00.000Z");

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
        ...at(`F${4 + r}`),
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

describe.each(HOSTS)("applyWrites on %s", (host) => {
  test.each([1, 10, 100])(
    "%i sheets: 2 syncs, every planned cell and nothing else, then a recalculation",
    async (n) => {
      const m = workbook(n);
      const ctx = fakeHost(m, host);
      const writes = markWrites(n);
      const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
      expect(ctx.syncCount).toBe(2);
      expect(res.error).toBeNull();
      expect(res.conflicts).toEqual([]);
      expect(res.written).toHaveLength(writes.length);
      expect(cellsChanged(m).sort()).toEqual(writes.map((w) => `${w.sheet}!${w.cell}`).sort());
      // one run of adjacent cells per sheet column instead of one request per cell
      expect(res.requests).toBe(n);
      expect(m.events).toContain("calculate Recalculate");
      expect(m.calculationPending).toBe(false);
    },
  );

  test("writes never run through a merged area they cover only in part (heading rows between marks)", async () => {
    const m = workbook(1, 8);
    const s = m.sheet("取組1");
    // Heading rows merged across the whole table between the records, as the templates have them.
    s?.put(6, 0, [["㋑ 見出し"]]);
    s?.merge("A7:G7");
    s?.put(9, 0, [["㋒ 見出し"]]);
    s?.merge("A10:G10");
    const writes = markWrites(1, 8).filter((w) => w.cell !== "F7" && w.cell !== "F10");
    const ctx = fakeHost(m, host);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
    expect(res.error).toBeNull();
    expect(res.conflicts).toEqual([]);
    expect(cellsChanged(m).sort()).toEqual(writes.map((w) => `${w.sheet}!${w.cell}`).sort());
  });

  test("text that Excel would read as a formula, number or date is written as text", async () => {
    const m = workbook(1, 7);
    const ctx = fakeHost(m, host);
    const texts = ["-未実施", "+1", "=SUM(A1)", "@x", "1", "2024/4/1", "93%"];
    const writes: CellWrite[] = texts.map((t, i) => ({
      sheet: "取組1",
      ...at(`F${4 + i}`),
      expected: null,
      value: t,
      reason: "revert",
    }));
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
    expect(res.error).toBeNull();
    const s = m.sheet("取組1");
    expect(texts.map((_, i) => s?.cell(3 + i, 5))).toEqual(texts.map((t) => ({ value: t, formula: null })));
  });

  test("a protected sheet: its unlocked mark cells are written, its locked cells are conflicts", async () => {
    const m = workbook(2);
    const p = m.sheet("取組2");
    if (p) {
      p.protected = true;
      p.unlock("F4:F6");
    }
    const ctx = fakeHost(m, host);
    const res = await applyWrites(asExcel(ctx), markWrites(2), { supports: ctx.supports, now: NOW });
    expect(res.error).toBeNull();
    const prot = res.conflicts.filter((c) => c.why === "protected");
    expect(prot.map((c) => c.write.cell)).toEqual(["F7", "F8", "F9"]);
    expect(
      cellsChanged(m)
        .filter((c) => c.startsWith("取組2!"))
        .sort(),
    ).toEqual(["取組2!F4", "取組2!F5", "取組2!F6"]);
  });

  test("cell edit mode without waiting: the whole batch fails with a clear message, nothing written", async () => {
    const m = workbook(1);
    m.editMode = true;
    const ctx = fakeHost(m, host);
    const writes = markWrites(1);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
    expect(res.error?.code).toBe("InvalidOperation");
    expect(res.error?.message.ja).toContain("編集中");
    expect(res.notWritten).toHaveLength(writes.length);
    expect(m.changes).toEqual([]);
  });

  test("cell edit mode with delayForCellEdit (the ribbon's run): Excel waits, then everything is written", async () => {
    const m = workbook(1);
    m.editMode = true;
    const ctx = fakeHost(m, host, { delayForCellEdit: true });
    const res = await applyWrites(asExcel(ctx), markWrites(1), { supports: ctx.supports, now: NOW });
    expect(res.error).toBeNull();
    expect(res.written).toHaveLength(6);
  });

  test("two co-authors applying at once both keep their change-log rows", async () => {
    const m = workbook(1);
    await applyWrites(asExcel(fakeHost(m, host)), markWrites(1).slice(0, 1), {
      supports: () => true,
      now: NOW,
    });
    const a = fakeHost(m, host);
    const b = fakeHost(m, host);
    const [ra, rb] = await Promise.all([
      applyWrites(asExcel(a), markWrites(1).slice(1, 3), { supports: a.supports, now: NOW }),
      applyWrites(asExcel(b), markWrites(1).slice(3, 5), { supports: b.supports, now: NOW }),
    ]);
    expect(ra.error).toBeNull();
    expect(rb.error).toBeNull();
    const log = (await readSnapshots(asExcel(fakeHost(m, host)))).find((x) => x.name === CHANGE_LOG_SHEET);
    const cells = (log ? readChangeLog(log) : []).map((e) => e.cell).sort();
    expect(cells).toEqual(["F4", "F5", "F6", "F7", "F8"]);
  });
});

describe("applyWrites", () => {
  test("a co-author's edit since the read is a conflict, not an overwrite", async () => {
    const m = workbook(1);
    m.userEdit("取組1", "F5", "×");
    const ctx = new FakeContext(m);
    const res = await applyWrites(asExcel(ctx), markWrites(1), { supports: ctx.supports, now: NOW });
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
      { sheet: "取組1", ...at("F4"), expected: "○", value: "×", reason: "r" },
      { sheet: "取組1", ...at("F6"), expected: null, value: "○", reason: "r" },
      { sheet: "取組1", ...at("F7"), expected: null, value: "○", reason: "r" },
    ];
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
    expect(res.conflicts.map((c) => [c.write.cell, c.why])).toEqual([
      ["F4", "formula"],
      ["F7", "merged"],
    ]);
    expect(cellsChanged(m)).toEqual(["取組1!F6"]);
    expect(s?.cell(3, 5)?.formula).toBe('=IF(E4="","","○")');
  });

  test("a write sync that fails half-way: which cells were written (logged) and which were not", async () => {
    const m = workbook(2);
    const ctx = new FakeContext(m);
    ctx.failNextWriteAfter = 1; // the first sheet's first cell
    const writes = markWrites(2);
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, maxGap: 0 });
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
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW });
    expect(res.conflicts.filter((c) => c.why === "missing-sheet")).toHaveLength(6);
    expect(res.written).toHaveLength(12);
    expect(ctx.syncCount).toBe(4);
  });

  test("a host that fails a call on a null object: the first apply still creates the log (one extra round trip)", async () => {
    const m = workbook(1);
    const ctx = new FakeContext(m);
    ctx.strictNullChains = true;
    const res = await applyWrites(asExcel(ctx), markWrites(1), { supports: ctx.supports, now: NOW });
    expect(res.error).toBeNull();
    expect(res.written).toHaveLength(6);
    expect(ctx.syncCount).toBe(4);
    expect(m.sheet(CHANGE_LOG_SHEET)?.usedRect()).toEqual({ top: 0, left: 0, bottom: 6, right: 8 }); // header (9 columns, oldContent last) + 6 rows
  });

  test("adjacent cells are written as one run, others one by one (never a block with gaps)", async () => {
    const m = workbook(1, 60);
    const ctx = new FakeContext(m);
    const writes: CellWrite[] = ["F4", "F5", "F7", "F60"].map((cell) => ({
      sheet: "取組1",
      ...at(cell),
      expected: null,
      value: "○",
      reason: "r",
    }));
    const res = await applyWrites(asExcel(ctx), writes, { supports: ctx.supports, now: NOW, maxGap: 5 });
    expect(res.requests).toBe(3); // F4:F5, F7, F60
    expect(cellsChanged(m).sort()).toEqual(["取組1!F4", "取組1!F5", "取組1!F60", "取組1!F7"]);
  });

  test("a long run of marks is written in blocks of at most 200 rows", async () => {
    const m = workbook(1, 450);
    const ctx = new FakeContext(m);
    const res = await applyWrites(asExcel(ctx), markWrites(1, 450), { supports: ctx.supports, now: NOW });
    expect(res.written).toHaveLength(450);
    expect(res.requests).toBe(3);
    expect(ctx.syncCount).toBe(2);
  });

  test("calculation is never left suspended", async () => {
    const m = workbook(1);
    const ctx = new FakeContext(m, ["1.4"]);
    const res = await applyWrites(asExcel(ctx), markWrites(1), { supports: ctx.supports, now: NOW });
    expect(res.written).toHaveLength(6);
    expect(m.events).not.toContain("suspendCalculation");
    expect(m.calculationPending).toBe(false);
  });
});

describe("change log and revert", () => {
  test("the log sheet is created once and gets one row per written cell", async () => {
    const m = workbook(1);
    const ctx = new FakeContext(m);
    await applyWrites(asExcel(ctx), markWrites(1).slice(0, 2), { supports: ctx.supports, now: NOW });
    await applyWrites(asExcel(ctx), markWrites(1).slice(2, 3), { supports: ctx.supports, now: NOW });
    expect(m.events.filter((e) => e.startsWith("addSheet"))).toEqual([`addSheet ${CHANGE_LOG_SHEET}`]);
    const log = (await readSnapshots(asExcel(ctx), { supports: ctx.supports })).find(
      (s) => s.name === CHANGE_LOG_SHEET,
    );
    const entries = log ? readChangeLog(log) : [];
    expect(entries.map((e) => [e.cell, e.old, e.new, e.op])).toEqual([
      ["F4", null, "○", "apply"],
      ["F5", null, "○", "apply"],
      ["F6", null, "○", "apply"],
    ]);
    expect(new Set(entries.map((e) => e.applyId)).size).toBe(2);
    expect(entries[0]?.time).toBe("2026-11-27T10:00:00.000Z");
  });
});
