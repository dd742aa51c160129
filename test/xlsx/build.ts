import * as ExcelJS from "exceljs";

/** A small workbook with every kind of cell the adapter must read (built in memory, no files). */
export async function sampleWorkbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("評価");
  ws.getCell("A1").value = "タイトル";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = { richText: [{ text: "取組" }, { font: { bold: true }, text: "内容" }] };
  ws.getCell("B2").value = 12.5;
  ws.getCell("C2").value = { formula: "B2*2", result: 25 };
  ws.getCell("A3").value = new Date(Date.UTC(2017, 2, 31));
  ws.getCell("B3").value = { text: "リンク", hyperlink: "https://example.org/" };
  ws.getCell("C3").value = { error: "#N/A" };
  ws.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("A4").value = 1;
  ws.getCell("A5").value = 2;
  // exceljs's types omit shareType/ref, which its reader and writer use for shared and array formulas.
  ws.getCell("B4").value = {
    formula: "A4*10",
    result: 10,
    shareType: "shared",
    ref: "B4:B5",
  } as ExcelJS.CellValue;
  ws.getCell("B5").value = { sharedFormula: "B4", result: 20 };
  ws.getCell("C4").value = {
    formula: "SUM(A4:A5)",
    result: 3,
    shareType: "array",
    ref: "C4",
  } as ExcelJS.CellValue;
  ws.getCell("D5").value = "";
  ws.getCell("E6").value = true;
  ws.getCell("D4").value = "○";
  ws.mergeCells("D4:E5");
  ws.getCell("F7").value = null;
  ws.getCell("F7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getColumn(2).width = 33;
  wb.definedNames.add("評価!$B$2", "rate");
  const hidden = wb.addWorksheet("隠し", { state: "hidden" });
  hidden.getCell("C5").value = "x";
  const locked = wb.addWorksheet("保護");
  locked.getCell("A1").value = "";
  locked.getCell("B2").value = "ロック";
  await locked.protect("", {});
  wb.addWorksheet("空");
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
