import { readSnapshots, readWorkbook } from "../../src/excel/read";
import { asExcel, FakeContext, PropertyNotLoadedError, WorkbookModel } from "./fake-excel";
import { fakeHost, HOSTS } from "./fake/host";
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

  test("the served office.js 1.1.110 has no workbook.notes, whatever the host reports", () => {
    const ctx = fakeHost(workbook(1), "m365");
    expect(ctx.supports("1.18")).toBe(true);
    expect(ctx.workbook.notes).toBeUndefined();
    expect(typeof ctx.workbook.worksheets.getItem("取組1").getRange("A1").getMergedAreasOrNullObject).toBe(
      "function",
    );
  });
});
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */

describe.each(HOSTS)("readSnapshots on %s", (host) => {
  test.each([1, 10, 100])(
    "%i sheets: the sheet list, the used ranges, then the cells in blocks the bytes need",
    async (n) => {
      const ctx = fakeHost(workbook(n), host);
      const report = await readWorkbook(asExcel(ctx), { supports: ctx.supports });
      expect(report.snapshots).toHaveLength(n);
      const bytes = ctx.stats.reduce((sum, st) => sum + st.responseBytes, 0);
      expect(ctx.syncCount).toBeLessThanOrEqual(2 + Math.max(1, Math.ceil(bytes / 4_000_000)));
      expect(report.syncs).toBe(ctx.syncCount);
      expect(report.missing).toEqual([]);
    },
  );

  test("values, merges (value at top-left), formulas and errors", async () => {
    const ctx = fakeHost(workbook(1, 3), host);
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
    expect(s.displays).toBeUndefined();
  });

  test("number cells with a format come with the text Excel shows (percent, separators, dates, eras)", async () => {
    const m = workbook(1, 3);
    const s = m.sheet("取組1");
    s?.number("E4", 0.873, "0.0%");
    s?.number("E5", 12400, "#,##0");
    s?.number("E6", 42825, "yyyy/m/d");
    s?.number("D6", 42461, '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"');
    const ctx = fakeHost(m, host);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snap?.values[3]?.[4]).toBe(0.873);
    // a date reads as the xlsx reader reads it (the date system asked of Excel through DATE, src/excel/dates.ts)
    expect(snap?.values[5]?.[4]).toBe("2017-03-31");
    expect(snap?.displays).toEqual([
      { row: 3, col: 4, text: "87.3%", format: "0.0%" },
      { row: 4, col: 4, text: "12,400", format: "#,##0" },
      { row: 5, col: 3, text: "平成28年4月1日", format: '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"' },
      { row: 5, col: 4, text: "2017/3/31", format: "yyyy/m/d" },
    ]);
  });

  test("a workbook in the 1904 date system: the same serial is a date four years later", async () => {
    const m = workbook(1, 3);
    m.date1904 = true;
    m.sheet("取組1")?.number("E6", 41363, "yyyy/m/d");
    const ctx = fakeHost(m, host);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snap?.values[5]?.[4]).toBe("2017-03-31");
  });

  test("more than 512 merged areas (a 1,000-row template) are read in bands, every one found", async () => {
    const m = new WorkbookModel();
    const s = m.addSheet("取組");
    for (let r = 0; r < 1000; r++) {
      s.put(r, 0, [[`見出し${r}`, null, null, `本文${r}`, null, "○"]]);
      s.merge(`A${r + 1}:C${r + 1}`);
      s.merge(`D${r + 1}:E${r + 1}`);
    }
    const ctx = fakeHost(m, host);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snap?.merges).toHaveLength(2000);
    expect(snap?.merges[1999]).toEqual({ top: 999, left: 3, bottom: 999, right: 4 });
  });

  test("a text-heavy single sheet is read in blocks that stay under 5 MB", async () => {
    const m = new WorkbookModel();
    const s = m.addSheet("取組");
    const text = "区政運営基本方針に基づく取組の実績と課題について記述する欄".repeat(4).slice(0, 120);
    for (let r = 0; r < 800; r++) s.put(r, 0, [new Array<string>(16).fill(`${r}${text}`)]);
    const ctx = fakeHost(m, host);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
    expect(snap?.values).toHaveLength(800);
    expect(snap?.values[799]?.[15]).toBe(`799${text}`);
    expect(ctx.stats.filter((st) => st.responseBytes > 5_000_000)).toEqual([]);
    expect(ctx.maxPayloadBytes()).toBeLessThan(5_000_000);
  });

  test("a long sheet is read in row blocks, each sync within the byte budget's headroom", async () => {
    const ctx = fakeHost(workbook(3, 1000), host);
    const snaps = await readSnapshots(asExcel(ctx), { supports: ctx.supports, byteBudget: 100_000 });
    expect(ctx.syncCount).toBeGreaterThan(4);
    // the budget is an estimate; a fifth above it is the headroom it keeps under Excel on the web's limit
    for (const st of ctx.stats) expect(st.responseBytes).toBeLessThan(125_000);
    expect(snaps[2]?.values).toHaveLength(1003);
    expect(snaps[2]?.values[1002]?.[4]).toBe(`満足度 ${50 + 999 * 5}%`);
  });

  test("an empty, bordered mark column at the right edge stays in the grid; formatting below the data does not", async () => {
    const m = workbook(1, 3);
    const s = m.sheet("取組1");
    if (s) s.formatted = { top: 2, left: 0, bottom: 500, right: 7 }; // H is empty but bordered down to row 501
    const ctx = fakeHost(m, host);
    const [snap] = await readSnapshots(asExcel(ctx), { supports: ctx.supports });
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
    const ctx = fakeHost(m, host);
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

describe("readSnapshots below the support matrix (older builds)", () => {
  test.each([
    ["ExcelApi 1.4 (no special cells, no merges)", ["1.4"], ["specialCells", "mergedAreas"]],
    ["ExcelApi 1.9 (no merges)", ["1.9"], ["mergedAreas"]],
  ])("degrades visibly on %s", async (_label, level, missing) => {
    const ctx = new FakeContext(workbook(2, 3), level);
    const report = await readWorkbook(asExcel(ctx), { supports: ctx.supports });
    const [s] = report.snapshots;
    expect(report.missing).toEqual(missing);
    expect(s?.formulas).toEqual([{ row: 3, col: 6 }]);
    expect(s?.errors).toEqual([{ row: 4, col: 6, code: "#N/A" }]);
    expect(s?.merges).toEqual([]);
  });

  test("web: a text-heavy single sheet of 1,700 rows × 20 columns (an 18 MB read in one go) stays under 5 MB a sync", async () => {
    const m = new WorkbookModel();
    const s = m.addSheet("取組");
    const text = "区政運営基本方針に基づく取組の実績と課題".repeat(7).slice(0, 125);
    for (let r = 0; r < 1700; r++) s.put(r, 0, [new Array<string>(20).fill(text)]);
    const ctx = fakeHost(m, "web");
    const report = await readWorkbook(asExcel(ctx), { supports: ctx.supports });
    expect(report.snapshots[0]?.values).toHaveLength(1700);
    expect(ctx.stats.filter((st) => st.responseBytes > 5_000_000 || st.requestBytes > 5_000_000)).toEqual([]);
  });

  test("a web request refused as too large is split and asked again", async () => {
    const m = new WorkbookModel();
    const s = m.addSheet("取組");
    for (let r = 0; r < 1000; r++) s.put(r, 0, [new Array<string>(10).fill("あ".repeat(300 + (r % 7)))]);
    const ctx = fakeHost(m, "web");
    // A budget above the host's limit makes the first estimate too large: the host refuses, kusei halves.
    const report = await readWorkbook(asExcel(ctx), { supports: ctx.supports, byteBudget: 9_000_000 });
    expect(report.snapshots[0]?.values).toHaveLength(1000);
    expect(ctx.maxPayloadBytes()).toBeGreaterThan(5_000_000); // the refused one is counted
    expect(ctx.stats.filter((st) => st.responseBytes > 5_000_000).length).toBeGreaterThan(0);
  });
});
