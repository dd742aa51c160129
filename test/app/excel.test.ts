// The use cases over the Excel port, against the strict fake Excel (test/excel/fake-excel.ts): what the ribbon
// and the task pane run in Excel.
import { applySelected, check, clear, recalc, revert } from "../../src/app";
import { excelPort } from "../../src/app/excel-port";
import { CHANGE_LOG_SHEET, changeLogOf, writesFromPlan, type CellWrite } from "../../src/core";
import { readSnapshots } from "../../src/excel";
import { asExcel, FakeContext, WorkbookModel } from "../excel/fake-excel";
import { fakeHost, HOSTS } from "../excel/fake/host";
import type { ProfileName } from "../excel/fake/profiles";
import { modelFromSnapshots, sampleSheet } from "../excel/workbooks";
import { fixtureSnapshots } from "../helpers/fixtures";
import { eagerSettingsParser } from "../../src/excel/settings-parse";
import { at } from "../helpers/cell-write";

const NOW = (): Date => new Date("2026-11-27T10:00:00.000Z");

function hirano(profile: ProfileName): { model: WorkbookModel; ctx: FakeContext } {
  const model = modelFromSnapshots(fixtureSnapshots("hirano-fy2016"));
  return { model, ctx: fakeHost(model, profile) };
}

const portOf = (ctx: FakeContext) =>
  excelPort(asExcel(ctx), { supports: ctx.supports, settings: eagerSettingsParser });

/** Marks for the F cells of rows 4… of the sample sheet (empty now). */
function markWrites(from: number, to: number): CellWrite[] {
  const out: CellWrite[] = [];
  for (let r = from; r < to; r++)
    out.push({ sheet: "取組1", ...at(`F${4 + r}`), expected: null, value: "○", reason: "55% ≥ 60%以上 → ○" });
  return out;
}

async function logOf(ctx: FakeContext) {
  return changeLogOf(await readSnapshots(asExcel(ctx), { supports: ctx.supports }));
}

describe.each(HOSTS)("on %s", (profile) => {
  describe("recalc, check and revert in Excel (Hirano FY2016)", () => {
    test("recalc writes exactly the planned marks in 5 syncs (sheet list, used ranges, cells; re-read, write); a second run writes nothing", async () => {
      const { model, ctx } = hirano(profile);
      const r = await recalc(portOf(ctx), { now: NOW });
      expect(ctx.syncCount).toBe(5);
      const planned = r.evaluation.plan
        .filter((m) => m.action === "write")
        .map((m) => `${m.sheet}!${m.cell}`);
      expect(planned.length).toBeGreaterThan(0);
      const changed = model.changes
        .filter((c) => c.sheet !== CHANGE_LOG_SHEET)
        .map((c) => `${c.sheet}!${c.cell}`);
      expect(changed.sort()).toEqual(planned.sort());
      expect(r.outcome.applied).toHaveLength(planned.length);
      expect(r.applyId).toBe("2026-11-27T10:00:00.000Z#1");

      const again = await recalc(portOf(ctx), { now: NOW });
      expect(again.outcome.applied).toEqual([]);
      expect(again.applyId).toBeNull();
      expect(again.evaluation.plan.filter((m) => m.action === "write")).toEqual([]);
    });

    test("the change-log sheet is never read as a form, and revert brings the workbook back", async () => {
      const { model, ctx } = hirano(profile);
      const before = model.sheets.map((s) => [s.name, [...s.cells.entries()]]);
      await recalc(portOf(ctx), { now: NOW });
      const { evaluation } = await check(portOf(ctx));
      expect(evaluation.layouts.find((l) => l.sheet === CHANGE_LOG_SHEET)?.kind).toBe("other");
      expect(evaluation.findings.filter((f) => f.sheet === CHANGE_LOG_SHEET)).toEqual([]);
      const r = await revert(portOf(ctx), { now: NOW });
      expect(r.plan.conflicts).toEqual([]);
      expect(
        model.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET).map((s) => [s.name, [...s.cells.entries()]]),
      ).toEqual(before);
    });

    test("check highlights every finding cell and withdrawal row; clear leaves no trace", async () => {
      const { model, ctx } = hirano(profile);
      const { evaluation, highlight } = await check(portOf(ctx), { highlight: "ja" });
      // the default fake host (Office LTSC 2021, ExcelApi 1.14) has no notes: said, not silent
      expect(highlight).toEqual({ unsupported: false, notesUnsupported: true, failure: null });
      expect(model.sheets.some((s) => s.cfs.length > 0)).toBe(true);
      expect(evaluation.findings.length).toBeGreaterThan(0);
      expect(model.changes).toEqual([]);
      await clear(portOf(ctx));
      expect(model.sheets.flatMap((s) => s.cfs)).toEqual([]);
      expect(model.notes.size).toBe(0);
      expect(model.settings.size).toBe(0);
    });
  });

  describe("apply ids and the change log", () => {
    test("each apply gets core's next id (time + count of applies), the log sheet is created once", async () => {
      const m = new WorkbookModel();
      sampleSheet(m, "取組1", 6);
      const ctx = fakeHost(m, profile);
      const a = await applySelected(portOf(ctx), markWrites(0, 2), NOW);
      const b = await applySelected(portOf(ctx), markWrites(2, 3), NOW);
      expect([a.applyId, b.applyId]).toEqual(["2026-11-27T10:00:00.000Z#1", "2026-11-27T10:00:00.000Z#2"]);
      expect(m.events.filter((e) => e.startsWith("addSheet"))).toEqual([`addSheet ${CHANGE_LOG_SHEET}`]);
      const entries = await logOf(ctx);
      expect(entries.map((e) => [e.applyId, e.cell, e.old, e.new, e.op])).toEqual([
        [a.applyId, "F4", null, "○", "apply"],
        [a.applyId, "F5", null, "○", "apply"],
        [b.applyId, "F6", null, "○", "apply"],
      ]);
      expect(entries[0]?.time).toBe("2026-11-27T10:00:00.000Z");
    });

    // revert honours only mark cells the evaluation finds (the log is a claim): these use the Hirano tables
    async function hiranoWrites(ctx: FakeContext): Promise<CellWrite[]> {
      const { evaluation } = await check(portOf(ctx));
      return writesFromPlan(evaluation.plan, { overwriteConflicts: false });
    }

    test("revert restores the last apply exactly (old values), then the one before", async () => {
      const { model: m, ctx } = hirano(profile);
      const writes = await hiranoWrites(ctx);
      expect(writes.length).toBeGreaterThan(2);
      const cellsOf = () =>
        m.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET).map((s) => [s.name, new Map(s.cells)]);
      const before = cellsOf();
      await applySelected(portOf(ctx), writes.slice(0, 1), NOW);
      const afterFirst = cellsOf();
      await applySelected(portOf(ctx), writes.slice(1), NOW);
      const r1 = await revert(portOf(ctx), { now: NOW });
      expect(r1.plan.conflicts).toEqual([]);
      expect(r1.outcome.applied).toHaveLength(writes.length - 1);
      expect(cellsOf()).toEqual(afterFirst);
      const r2 = await revert(portOf(ctx), { now: NOW });
      expect(r2.outcome.applied.map((w) => [w.cell, w.expected])).toEqual([
        [writes[0]!.cell, writes[0]!.value],
      ]);
      expect(cellsOf()).toEqual(before);
      expect((await logOf(ctx)).filter((e) => e.op === "revert")).toHaveLength(writes.length);
      const r3 = await revert(portOf(ctx), { now: NOW });
      expect(r3.plan.applyId).toBeNull();
    });

    test("revert leaves a cell changed since the apply alone and reports it", async () => {
      const { model: m, ctx } = hirano(profile);
      const [w1, w2] = await hiranoWrites(ctx);
      await applySelected(portOf(ctx), [w1!, w2!], NOW);
      m.userEdit(w2!.sheet, w2!.cell, "手で直した");
      const r = await revert(portOf(ctx), { now: NOW });
      expect(r.plan.conflicts.map((c) => [c.entry.cell, c.why, c.current])).toEqual([
        [w2!.cell, "changed", "手で直した"],
      ]);
      expect(r.outcome.applied.map((w) => w.cell)).toEqual([w1!.cell]);
    });

    test("a forged log row naming a cell outside the marks is never written", async () => {
      const m = new WorkbookModel();
      sampleSheet(m, "取組1", 6);
      const ctx = fakeHost(m, profile);
      // F is no mark column of this sheet as kusei reads it: a row claiming it is refused
      await applySelected(portOf(ctx), markWrites(0, 2), NOW);
      const r = await revert(portOf(ctx), { now: NOW });
      expect(r.plan.conflicts.map((c) => c.why)).toEqual(["not-a-mark-cell", "not-a-mark-cell"]);
      expect(r.outcome.applied).toEqual([]);
      expect(m.sheet("取組1")?.valueAt(3, 5)).toBe("○");
    });
  });
});
