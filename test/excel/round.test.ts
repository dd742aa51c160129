import { CHANGE_LOG_SHEET } from "../../src/core/changelog";
import { clearHighlights } from "../../src/excel/highlight";
import { readAndEvaluate, recalcSummary, recalculateInExcel, validateInExcel } from "../../src/excel/round";
import { revertLastApply } from "../../src/excel/revert";
import { fixtureSnapshots } from "../helpers/fixtures";
import { asExcel, FakeContext, type WorkbookModel } from "./fake-excel";
import { modelFromSnapshots } from "./workbooks";

const NOW = (): Date => new Date("2026-11-27T10:00:00.000Z");

function hirano(): { model: WorkbookModel; ctx: FakeContext } {
  const model = modelFromSnapshots(fixtureSnapshots("hirano-fy2016"));
  return { model, ctx: new FakeContext(model) };
}

describe("one read–derive–apply round in Excel (Hirano FY2016)", () => {
  test("recalculate writes exactly the planned marks in 4 syncs; a second run writes nothing", async () => {
    const { model, ctx } = hirano();
    const { read, apply } = await recalculateInExcel(asExcel(ctx), { supports: ctx.supports, now: NOW });
    expect(ctx.syncCount).toBe(4);
    const planned = read.evaluation.plan
      .filter((m) => m.action === "write")
      .map((m) => `${m.sheet}!${m.cell}`);
    expect(planned.length).toBeGreaterThan(0);
    const changed = model.changes
      .filter((c) => c.sheet !== CHANGE_LOG_SHEET)
      .map((c) => `${c.sheet}!${c.cell}`);
    expect(changed.sort()).toEqual(planned.sort());
    expect(apply.written).toHaveLength(planned.length);
    expect(recalcSummary(read, apply).ja).toContain(`${planned.length} 件を書き込みました`);

    const again = await recalculateInExcel(asExcel(ctx), { supports: ctx.supports, now: NOW });
    expect(again.apply.written).toEqual([]);
    expect(again.read.evaluation.plan.filter((m) => m.action === "write")).toEqual([]);
  });

  test("the change-log sheet is not evaluated, and revert brings the workbook back", async () => {
    const { model, ctx } = hirano();
    const before = model.sheets.map((s) => [s.name, [...s.cells.entries()]]);
    await recalculateInExcel(asExcel(ctx), { supports: ctx.supports, now: NOW });
    const read = await readAndEvaluate(asExcel(ctx), { supports: ctx.supports });
    expect(read.snapshots.map((s) => s.name)).not.toContain(CHANGE_LOG_SHEET);
    const r = await revertLastApply(asExcel(ctx), { supports: ctx.supports, now: NOW });
    expect(r.conflicts).toEqual([]);
    expect(
      model.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET).map((s) => [s.name, [...s.cells.entries()]]),
    ).toEqual(before);
  });

  test("validate highlights every finding cell and withdrawal row; clear leaves no trace", async () => {
    const { model, ctx } = hirano();
    const { read, highlight } = await validateInExcel(asExcel(ctx), { supports: ctx.supports });
    const withCell = read.evaluation.findings.filter((f) => f.cell !== null).length;
    const withdrawals = read.evaluation.initiatives.filter((d) => d.withdrawalFlag).length;
    expect(highlight.error).toBeNull();
    expect(highlight.highlighted).toBe(withCell + withdrawals);
    expect(model.changes).toEqual([]);
    await clearHighlights(asExcel(ctx), { supports: ctx.supports });
    expect(model.sheets.flatMap((s) => s.cfs)).toEqual([]);
    expect(model.notes.size).toBe(0);
    expect(model.settings.size).toBe(0);
  });
});
