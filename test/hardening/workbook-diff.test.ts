/**
 * The comparison the no-data-loss proof relies on must see every kind of change it claims to check: each
 * row below changes one aspect of the main fixture and expects diffWorkbooks to report exactly there.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { fixturePath } from "../helpers/fixtures";
import { readWorkbook, writeWorkbook } from "../../src/xlsx";
import { diffWorkbooks, openWorkbook } from "./workbook-diff";

const ORIGINAL = new Uint8Array(readFileSync(fixturePath("hirano-fy2016")));

/**
 * Read and write through exceljs with one edit (the comparison is what is tested here, not kusei's writer).
 * exceljs 4.4 would turn page numbering "Auto" into "start at 1" (see the test below): that is undone first.
 */
async function roundTrip(edit: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = await openWorkbook(ORIGINAL);
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup as unknown as Record<string, unknown>;
    if (setup["useFirstPageNumber"] !== true) delete setup["firstPageNumber"];
  }
  edit(wb);
  return openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const sheet = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => wb.getWorksheet("取組(1)") ?? fail();

function fail(): never {
  throw new Error("fixture sheet 取組(1) missing");
}

const EDITS: ReadonlyArray<readonly [string, (wb: ExcelJS.Workbook) => void, string]> = [
  ["a value", (wb) => (sheet(wb).getCell("M8").value = "変更"), "M8 value"],
  ["a value in an empty cell", (wb) => (sheet(wb).getCell("Z40").value = 1), "Z40 value"],
  [
    "a formula",
    (wb) => (sheet(wb).getCell("P1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue),
    "P1 value",
  ],
  ["a number format", (wb) => (sheet(wb).getCell("K8").numFmt = "0.0%"), "K8 numFmt"],
  ["a font", (wb) => (sheet(wb).getCell("K8").font = { name: "Arial", size: 20 }), "K8 font"],
  [
    "a fill",
    (wb) =>
      (sheet(wb).getCell("K8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }),
    "K8 fill",
  ],
  ["a border", (wb) => (sheet(wb).getCell("K8").border = {}), "K8 border"],
  ["an alignment", (wb) => (sheet(wb).getCell("K8").alignment = { horizontal: "right" }), "K8 alignment"],
  ["a merge", (wb) => sheet(wb).mergeCells("P1:Q2"), "#sheet merges"],
  ["a column width", (wb) => (sheet(wb).getColumn(3).width = 99), "#col:3 column"],
  ["a row height", (wb) => (sheet(wb).getRow(8).height = 77), "#row:8 row"],
  ["a defined name", (wb) => wb.definedNames.add("'取組(1)'!$A$1", "追加"), "#workbook definedNames"],
  [
    "a data validation",
    (wb) =>
      (sheet(wb).getCell("K8").dataValidation = { type: "list", allowBlank: true, formulae: ['"○,×"'] }),
    "K8 dataValidation",
  ],
  [
    "a conditional format",
    (wb) =>
      sheet(wb).addConditionalFormatting({
        ref: "K8:K9",
        rules: [{ type: "expression", formulae: ["TRUE"], priority: 1, style: { font: { bold: true } } }],
      }),
    "#sheet conditionalFormats",
  ],
  ["the sheet state", (wb) => (sheet(wb).state = "hidden"), "#sheet state"],
];

describe("diffWorkbooks sees every aspect it compares", () => {
  test("a plain round trip through the xlsx adapter shows no difference", async () => {
    const { workbook } = await readWorkbook(ORIGINAL);
    const same = await openWorkbook(await writeWorkbook(workbook));
    expect(diffWorkbooks(await openWorkbook(ORIGINAL), same)).toEqual([]);
    expect(diffWorkbooks(await openWorkbook(ORIGINAL), await roundTrip(() => undefined))).toEqual([]);
  });

  test("a bare exceljs 4.4 round trip turns page numbering Auto into 'start at 1': the comparison sees it", async () => {
    const wb = await openWorkbook(ORIGINAL);
    const bare = await openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const found = diffWorkbooks(await openWorkbook(ORIGINAL), bare).map((d) => `${d.where} ${d.aspect}`);
    expect(found).toContain("#sheet pageSetup");
  });

  test.each(EDITS)("%s", async (_name, edit, expected) => {
    const before = await openWorkbook(ORIGINAL);
    const after = await roundTrip(edit);
    const found = diffWorkbooks(before, after).map((d) => `${d.where} ${d.aspect}`);
    expect(found).toContain(expected);
    // an allowance for the value of that one cell hides the value change, never a style change
    const cell = expected.split(" ")[0] ?? "";
    if (expected.endsWith(" value")) {
      const allowed = diffWorkbooks(before, after, { valueMayChange: new Set([`取組(1)!${cell}`]) });
      expect(allowed.filter((d) => d.where === cell)).toEqual([]);
    }
  });
});
