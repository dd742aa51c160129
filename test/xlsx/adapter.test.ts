import * as ExcelJS from "exceljs";
import { applyWrites, appendChangeLog, readWorkbook, writeWorkbook } from "../../src/xlsx";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, readChangeLog } from "../../src/core/changelog";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { cellsByAddress, formulaAddresses, mergeRanges, valueAt } from "../contract/adapter-contract";
import { sampleWorkbookBytes } from "./build";
import { at } from "../helpers/cell-write";

function sheet(snaps: SheetSnapshot[], name: string): SheetSnapshot {
  const s = snaps.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("readWorkbook: セルの読み取り", () => {
  let snaps: SheetSnapshot[];
  beforeAll(async () => {
    snaps = (await readWorkbook(await sampleWorkbookBytes())).snapshots;
  });

  test("すべてのシートをブック順に読む", () => {
    expect(snaps.map((s) => s.name)).toEqual(["評価", "隠し", "保護", "空"]);
  });

  test.each<[string, CellValue, string]>([
    ["A1", "タイトル", "merged top-left keeps the value"],
    ["B1", null, "merged cell other than top-left is blank"],
    ["C1", null, "merged cell other than top-left is blank"],
    ["A2", "取組内容", "rich text flattened"],
    ["B2", 12.5, "number"],
    ["C2", 25, "formula → cached result"],
    ["A3", "2017-03-31", "date → ISO"],
    ["B3", "リンク", "hyperlink → text"],
    ["C3", null, "error literal → null"],
    ["D3", null, "formula with error result → null"],
    ["B4", 10, "shared formula master"],
    ["B5", 20, "shared formula clone"],
    ["C4", 3, "array formula"],
    ["D4", "○", "merged mark at top-left"],
    ["E4", null, "merged inner"],
    ["D5", null, "merged inner (also an empty string before the merge)"],
    ["E5", null, "merged inner"],
    ["E6", true, "boolean"],
  ])("%s = %p (%s)", (address, want) => {
    const s = sheet(snaps, "評価");
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    const col = (m?.[1] ?? "A").charCodeAt(0) - 65;
    const row = Number(m?.[2]) - 1;
    expect(valueAt(s, row, col)).toEqual(want);
  });

  test("数式と誤り値の一覧", () => {
    const s = sheet(snaps, "評価");
    expect(formulaAddresses(s)).toEqual(["B4", "B5", "C2", "C4", "D3"]);
    expect(s.errors.map((e) => e.code).sort()).toEqual(["#DIV/0!", "#N/A"]);
  });

  test("結合範囲、密なグリッド、表示状態、保護", () => {
    const s = sheet(snaps, "評価");
    expect(mergeRanges(s)).toEqual(["A1:C1", "D4:E5"]);
    expect(new Set(s.values.map((r) => r.length)).size).toBe(1);
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(sheet(snaps, "隠し").visibility).toBe("hidden");
    expect(sheet(snaps, "隠し").origin).toEqual({ row: 4, col: 2 });
    expect(sheet(snaps, "保護").protected).toBe(true);
    expect(sheet(snaps, "評価").protected).toBe(false);
    expect(sheet(snaps, "空").values).toEqual([]);
  });
});

describe("applyWrites: 書き込みの守り", () => {
  test("expected が一致するセルだけに書き、数式・誤り値・保護シート・変更済みは衝突", async () => {
    const { workbook } = await readWorkbook(await sampleWorkbookBytes());
    const result = applyWrites(workbook, [
      { sheet: "評価", ...at("F2"), expected: null, value: "○", reason: "empty" },
      { sheet: "評価", ...at("B3"), expected: "リンク", value: "×", reason: "text" },
      { sheet: "評価", ...at("C2"), expected: 25, value: "○", reason: "formula" },
      { sheet: "評価", ...at("B5"), expected: 20, value: "○", reason: "shared formula" },
      { sheet: "評価", ...at("C3"), expected: null, value: "○", reason: "error" },
      { sheet: "評価", ...at("A2"), expected: "取組", value: "○", reason: "stale" },
      { sheet: "保護", ...at("C3"), expected: null, value: "○", reason: "protected" },
      { sheet: "ない", ...at("A1"), expected: null, value: "○", reason: "missing" },
      { sheet: "評価", ...at("1A"), expected: null, value: "○", reason: "bad" },
      { sheet: "評価", ...at("E5"), expected: null, value: "×", reason: "merged inner" },
      { sheet: "評価", ...at("D4"), expected: "○", value: "×", reason: "merged top-left" },
    ]);
    expect(result.applied.map((w) => `${w.sheet}!${w.cell}`)).toEqual(["評価!F2", "評価!B3", "評価!D4"]);
    expect(result.conflicts.map((c) => [c.write.reason, c.why])).toEqual([
      ["formula", "formula"],
      ["shared formula", "formula"],
      ["error", "error-value"],
      ["stale", "changed"],
      ["protected", "protected"],
      ["missing", "missing-sheet"],
      ["bad", "invalid-address"],
      ["merged inner", "merged"],
    ]);
  });

  test("書いたセル以外は保存後も変わらない (styles, widths, merges, defined names, other sheets)", async () => {
    const bytes = await sampleWorkbookBytes();
    const { snapshots: before, workbook } = await readWorkbook(bytes);
    applyWrites(workbook, [
      { sheet: "評価", ...at("F2"), expected: null, value: "○", reason: "r" },
      { sheet: "評価", ...at("D4"), expected: "○", value: "×", reason: "r" },
    ]);
    const out = await writeWorkbook(workbook);
    const { snapshots: after } = await readWorkbook(out);
    for (const s of before) {
      const a = sheet(after, s.name);
      const want = cellsByAddress(s);
      if (s.name === "評価") {
        want.set("F2", "○");
        want.set("D4", "×");
      }
      expect(Object.fromEntries(cellsByAddress(a))).toEqual(Object.fromEntries(want));
      expect(formulaAddresses(a)).toEqual(formulaAddresses(s));
      expect(mergeRanges(a)).toEqual(mergeRanges(s));
      expect(a.visibility).toBe(s.visibility);
      expect(a.protected).toBe(s.protected);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("評価");
    expect(ws?.getColumn(2).width).toBe(33);
    expect((ws?.getCell("F7").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe("FFFFFF00");
    expect(wb.definedNames.getNames("評価!$B$2")).toEqual(["rate"]);
    expect(ws?.getCell("B4").formula).toBe("A4*10");
    expect(ws?.getCell("B5").formula).toBe("A5*10");
    expect(ws?.getCell("C4").formula).toBe("SUM(A4:A5)");
    expect(after.some((s) => s.name === CHANGE_LOG_SHEET)).toBe(false);
  });

  test("変更履歴シートは追記され、読み戻せる", async () => {
    const { workbook } = await readWorkbook(await sampleWorkbookBytes());
    const entry = {
      applyId: "t#1",
      time: "2026-01-01T00:00:00.000Z",
      sheet: "評価",
      cell: "F2",
      old: null,
      new: "○",
      reason: "理由 <b>",
      op: "apply",
    } as const;
    appendChangeLog(workbook, [entry]);
    appendChangeLog(workbook, [{ ...entry, cell: "F3", old: 7 }]);
    appendChangeLog(workbook, []);
    const { snapshots } = await readWorkbook(await writeWorkbook(workbook));
    const log = sheet(snapshots, CHANGE_LOG_SHEET);
    expect(log.values[0]).toEqual([...CHANGE_LOG_HEADER]);
    expect(readChangeLog(log)).toEqual([entry, { ...entry, cell: "F3", old: 7 }]);
    expect(snapshots.map((s) => s.name)).toEqual(["評価", "隠し", "保護", "空", CHANGE_LOG_SHEET]);
  });
});
