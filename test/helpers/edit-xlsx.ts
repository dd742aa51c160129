// Workbook files made from a fixture by editing cells with exceljs, as a person would in Excel: last year's
// workbook, other wards' workbooks. (exceljs writes test inputs only; kusei's own writer is not involved.)
import ExcelJS from "exceljs";

/** Cell edits keyed "sheet!A1"; a key "*!A1" edits that cell on every sheet. */
export type CellEdits = Readonly<Record<string, string | number | null>>;

/** The fixture at `src` with the edits applied, as .xlsx bytes. */
export async function editedWorkbook(src: string, edits: CellEdits): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  for (const [key, value] of Object.entries(edits)) {
    const at = key.lastIndexOf("!");
    const sheet = key.slice(0, at);
    const address = key.slice(at + 1);
    const sheets = sheet === "*" ? wb.worksheets : [wb.getWorksheet(sheet)];
    for (const ws of sheets) {
      if (ws === undefined) throw new Error(`editedWorkbook: no sheet ${sheet}`);
      ws.getCell(address).value = value;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
