/**
 * summary.xlsx as written by the streamed table writer (src/cli/table-xlsx.ts): exceljs reads its tables,
 * columns, values and hyperlinks; LibreOffice headless opens it and re-saves it with the links (the outside
 * judge, as in test/world). Many rows, awkward text (XML specials, control characters, a literal _x000D_)
 * and a finding without a cell are all in one workbook.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { writeSummaryXlsx, type FindingRow } from "../../src/cli/summary-files";
import { xmlText } from "../../src/cli/table-xlsx";
import type { WardSummary } from "../../src/report/dashboard-model";
import { convert, resaved, SOFFICE } from "../world/libreoffice";
import { tempDir } from "./helpers";

const FINDINGS = 5000;

function finding(i: number): FindingRow {
  const sheet = i % 2 === 0 ? "取組(2)" : "戦略's";
  return {
    ward: `区${i % 24}`,
    file: `wards/${i % 24}.xlsx`,
    link: i % 7 === 3 ? "" : `../wards/${String(i % 24).padStart(3, "0")}-北区.xlsx`,
    sheet,
    cell: i % 5 === 4 ? null : `H${i + 10}`,
    severity: "警告",
    code: `history.code${i % 9}`,
    ja: i === 1 ? `<&"> 改行\r\n制御\u0001 _x000D_ 終` : `指摘 ${i} `,
    en: `finding ${i}`,
  };
}

async function* findings(): AsyncIterable<FindingRow> {
  for (let i = 0; i < FINDINGS; i++) yield finding(i);
}

const ward = (name: string, achieved: number): WardSummary =>
  ({
    ward: name,
    file: `${name}.xlsx`,
    year: "令和7年度",
    report: null,
    error: null,
    counts: { achieved, missed: 1, withdrawal: 0, notComputable: 2, errors: 0, warnings: 3, infos: 0 },
  }) as unknown as WardSummary;

const NAMES = {
  wardSheet: "区別",
  commonSheet: "共通指標",
  findingSheet: "指摘",
  wardColumns: [
    "区",
    "ファイル",
    "年度",
    "目標達成",
    "目標未達成",
    "撤退基準",
    "算定不可",
    "エラー",
    "警告",
    "情報",
    "読み取れない理由",
  ],
  commonColumns: ["指標", "種類", "区", "目標", "実績", "評価"],
  findingColumns: ["区", "シート", "セル", "重要度", "コード", "内容(日本語)", "内容(英語)"],
};

describe("summary.xlsx streamed", () => {
  let out: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    out = join(dir, "summary.xlsx");
    await writeSummaryXlsx(out, [ward("北区", 4), ward("平野区", 7)], [], findings, NAMES);
  }, 60_000);
  afterAll(() => cleanup());

  test("exceljs reads every sheet as one table over its whole range, with its columns", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["区別", "共通指標", "指摘"]);
    const f = wb.getWorksheet("指摘")!;
    const tables = f.getTables() as unknown as Array<{ table: { name: string; tableRef: string } }>;
    expect(tables).toHaveLength(1);
    const model = (f.getTable("Findings") as unknown as { model: unknown }).model as {
      tableRef: string;
      autoFilterRef: string;
      columns: Array<{ name: string }>;
    };
    expect(model.tableRef).toBe(`A1:G${FINDINGS + 1}`);
    expect(model.autoFilterRef).toBe(`A1:G${FINDINGS + 1}`);
    expect(model.columns.map((c) => c.name)).toEqual(NAMES.findingColumns);
    // the header row holds the column names (a table whose header differs is repaired by Excel)
    expect(NAMES.findingColumns.map((_, i) => f.getCell(1, i + 1).value)).toEqual(NAMES.findingColumns);
    // an empty table still spans one (empty) data row
    const common = (
      wb.getWorksheet("共通指標")!.getTable("Common") as unknown as { model: { tableRef: string } }
    ).model;
    expect(common.tableRef).toBe("A1:F2");
    const wards = wb.getWorksheet("区別")!;
    expect(wards.getCell("A3").value).toBe("平野区");
    expect(wards.getCell("D3").value).toBe(7);
  });

  test("every finding is a row; the cell links into the ward's file; text survives exactly", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const f = wb.getWorksheet("指摘")!;
    expect(f.actualRowCount).toBe(FINDINGS + 1);
    for (const i of [0, 1, 3, 4, 4999]) {
      const want = finding(i);
      const at = (col: number): unknown => f.getCell(i + 2, col).value;
      expect(at(1)).toBe(want.ward);
      expect(at(5)).toBe(want.code);
      expect(at(7)).toBe(want.en);
      const c = at(3);
      if (want.link === "") expect(c).toBe(want.cell ?? "");
      else
        expect(c).toEqual({
          text: want.cell ?? "→",
          hyperlink:
            want.cell === null ? want.link : `${want.link}#'${want.sheet.replace(/'/g, "''")}'!${want.cell}`,
        });
    }
    expect(f.getCell("F2").value).toBe("指摘 0 ");
  });

  test("characters XML cannot hold are Excel's _xHHHH_ escapes, a literal _x000D_ escaped itself", async () => {
    const zip = unzipSync(new Uint8Array(await readFile(out)));
    const sheet = strFromU8(zip["xl/worksheets/sheet3.xml"]!);
    expect(sheet).toContain("&lt;&amp;&quot;&gt; 改行\r\n制御_x0001_ _x005F_x000D_ 終");
    expect(xmlText("\uD800a")).toBe("_xD800_a");
  });

  test("LibreOffice headless opens it and re-saves every row with its links", () => {
    if (!existsSync(SOFFICE))
      throw new Error(
        `${SOFFICE} is missing: apt-get install libreoffice-calc-nogui (scripts/pretest.js does)`,
      );
    const [dir] = convert("xlsx", [{ bytes: new Uint8Array(readFileSync(out)), ext: ".xlsx" }]);
    const again = resaved(dir!);
    expect(again).not.toBeNull();
    const zip = unzipSync(again!);
    const names = Object.keys(zip);
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(3);
    const rels = names
      .filter((n) => /^xl\/worksheets\/_rels\//.test(n))
      .map((n) => strFromU8(zip[n]!))
      .join("");
    const linked = Array.from({ length: FINDINGS }, (_, i) => finding(i)).filter((x) => x.link !== "");
    expect(rels.match(/Type="[^"]*\/hyperlink"/g)?.length).toBe(linked.length);
  }, 120_000);
});
