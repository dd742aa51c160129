import { readSnapshots } from "../../src/excel/read";
import { asExcel, FakeContext, PropertyNotLoadedError, WorkbookModel } from "./fake-excel";
import { sampleSheet } from "./workbooks";

function workbook(sheets: number, rows = 6): WorkbookModel {
  const m = new WorkbookModel();
  for (let i = 0; i < sheets; i++) sampleSheet(m, `取組${i + 1}`, rows);
  return m;
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- reading unloaded properties on purpose */
describe("the strict fake", () => {
  test("a property read without load throws PropertyNotLoaded", async () => {
    const ctx = new FakeContext(workbook(1));
    const r = ctx.workbook.worksheets.getItem("取組1").getRange("A1");
    r.load("address");
    expect(() => r.values).toThrow(PropertyNotLoadedError);
    await ctx.sync();
    expect(r.address).toBe("取組1!A1");
    expect(() => r.values).toThrow(PropertyNotLoadedError);
  });

  test("a loaded property is not there before sync", () => {
    const ctx = new FakeContext(workbook(1));
    const r = ctx.workbook.worksheets.getItem("取組1").getRange("A1").load("values");
    expect(() => r.values).toThrow(PropertyNotLoadedError);
  });
});
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */

describe("readSnapshots", () => {
  test.each([1, 10, 100])("%i sheets: 2 syncs", async (n) => {
    const ctx = new FakeContext(workbook(n));
    const snaps = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snaps).toHaveLength(n);
    expect(ctx.syncCount).toBe(2);
  });

  test("values, merges (value at top-left), formulas and errors", async () => {
    const ctx = new FakeContext(workbook(1, 3));
    const [s] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(s).toBeDefined();
    if (!s) return;
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values).toHaveLength(6);
    expect(s.values.every((r) => r.length === 7)).toBe(true);
    expect(s.values[0]?.[0]).toBe("平成28年度 区政運営基本方針 自己評価");
    expect(s.values[0]?.[1]).toBeNull();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(s.formulas).toEqual([{ row: 3, col: 6 }]);
    expect(s.values[3]?.[6]).toBe(2);
    expect(s.errors).toEqual([{ row: 4, col: 6, code: "#N/A" }]);
    expect(s.values[4]?.[6]).toBeNull();
    expect(s.visibility).toBe("visible");
    expect(s.protected).toBe(false);
  });

  test.each([
    ["ExcelApi 1.4 (no special cells, no merges)", ["1.4"]],
    ["ExcelApi 1.9 (no merges)", ["1.9"]],
  ])("degrades on %s", async (_label, level) => {
    const ctx = new FakeContext(workbook(2, 3), level);
    const [s] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(ctx.syncCount).toBe(2);
    expect(s?.formulas).toEqual([{ row: 3, col: 6 }]);
    expect(s?.errors).toEqual([{ row: 4, col: 6, code: "#N/A" }]);
    expect(s?.merges).toEqual([]);
  });

  test("a long sheet is read in row blocks, each sync under the byte budget", async () => {
    const ctx = new FakeContext(workbook(3, 3000));
    const snaps = await readSnapshots(asExcel(ctx), {
      supports: ctx.supports,
      windowCells: 300 * 16,
      byteBudget: 200_000,
    });
    expect(ctx.syncCount).toBeGreaterThan(2);
    for (const st of ctx.stats.slice(2)) expect(st.responseBytes).toBeLessThan(200_000);
    expect(snaps[2]?.values).toHaveLength(3003);
    expect(snaps[2]?.values[3002]?.[4]).toBe(`満足度 ${50 + 2999 * 5}%`);
  });

  test("an empty, bordered mark column at the right edge stays in the grid; formatting below the data does not", async () => {
    const m = workbook(1, 3);
    const s = m.sheet("取組1");
    if (s) s.formatted = { top: 2, left: 0, bottom: 500, right: 7 }; // H is empty but bordered down to row 501
    const ctx = new FakeContext(m);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(ctx.syncCount).toBe(2);
    expect(snap?.origin).toEqual({ row: 0, col: 0 });
    expect(snap?.values).toHaveLength(6);
    expect(snap?.values.every((r) => r.length === 8)).toBe(true);
    expect(snap?.values[3]?.[6]).toBe(2);
    expect(snap?.values[3]?.[7]).toBeNull();
  });

  test("an empty sheet, a hidden and a protected one", async () => {
    const m = workbook(1, 2);
    m.addSheet("空");
    const hidden = m.addSheet("隠し");
    hidden.visibility = "VeryHidden";
    hidden.protected = true;
    hidden.put(5, 2, [["x"]]);
    const ctx = new FakeContext(m);
    const snaps = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snaps[1]).toMatchObject({ name: "空", values: [], origin: { row: 0, col: 0 } });
    expect(snaps[2]).toMatchObject({
      name: "隠し",
      origin: { row: 5, col: 2 },
      values: [["x"]],
      visibility: "veryHidden",
      protected: true,
    });
  });
});
