/**
 * Reads a fixture .xlsx with exceljs and lists every way it differs from the generator's model: values
 * (rich text, formulas and cached results included), merges, styles, column widths, visibility and
 * protection. An empty list means the file is the model.
 */
import ExcelJS from "exceljs";
import { toA1 } from "../../src/core/address/a1";
import { cellKey, type CellContent, type SheetModel, type WorkbookModel } from "../fixtures/model";
import { styleFor } from "../fixtures/write-xlsx";

/** The model's content in the shape exceljs reads it back. */
function expectedValue(content: CellContent): unknown {
  if (content === null || typeof content !== "object") return content;
  if ("rich" in content) return { rich: content.rich.map((r) => [r.text, r.bold === true]) };
  return { formula: content.formula, result: content.result ?? undefined };
}

function actualValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if ("richText" in value) return { rich: value.richText.map((r) => [r.text, r.font?.bold === true]) };
  if ("formula" in value) return { formula: value.formula, result: value.result ?? undefined };
  return value;
}

function styleKey(style: Partial<ExcelJS.Style>): string {
  const fill = style.fill && style.fill.type === "pattern" ? (style.fill.fgColor?.argb ?? "") : "";
  const b = style.border;
  return JSON.stringify([
    style.font?.name ?? null,
    style.font?.size ?? null,
    style.font?.bold === true,
    fill,
    b?.top?.style ?? null,
    b?.left?.style ?? null,
    b?.bottom?.style ?? null,
    b?.right?.style ?? null,
    style.alignment?.horizontal ?? null,
    style.alignment?.vertical ?? null,
    style.alignment?.wrapText === true,
  ]);
}

function mergeAddress(m: { top: number; left: number; bottom: number; right: number }): string {
  return `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;
}

/** Differences between one worksheet and its model sheet (empty when equal). */
export function diffSheet(ws: ExcelJS.Worksheet, sheet: SheetModel): string[] {
  const out: string[] = [];
  const slaves = new Set<string>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(cellKey(r, c));
  }
  let maxRow = 0;
  let maxCol = 0;
  for (const key of sheet.cells.keys()) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    maxRow = Math.max(maxRow, r + 1);
    maxCol = Math.max(maxCol, c + 1);
  }
  maxRow = Math.max(maxRow, ws.rowCount);
  maxCol = Math.max(maxCol, ws.columnCount);
  for (let r = 0; r < maxRow; r++) {
    for (let c = 0; c < maxCol; c++) {
      const key = cellKey(r, c);
      // exceljs, not Office.js: nothing to load or sync, so the office-addins rules do not apply
      const xc: ExcelJS.Cell = ws.getRow(r + 1).getCell(c + 1);
      const { value: gotValue, style: gotCellStyle } = xc;
      const model = sheet.cells.get(key);
      const where = `${sheet.name}!${toA1(r, c)}`;
      if (!slaves.has(key)) {
        const want = JSON.stringify(model === undefined ? null : expectedValue(model.value));
        const got = JSON.stringify(actualValue(gotValue));
        if (want !== got) out.push(`${where} value: want ${want}, got ${got}`);
      }
      const wantStyle = model === undefined ? styleKey({}) : styleKey(styleFor(model.style));
      const gotStyle = styleKey(gotCellStyle);
      if (wantStyle !== gotStyle) out.push(`${where} style: want ${wantStyle}, got ${gotStyle}`);
    }
  }
  const wantMerges = sheet.merges.map(mergeAddress).sort();
  const gotMerges = [...(ws.model.merges ?? [])].sort();
  if (JSON.stringify(wantMerges) !== JSON.stringify(gotMerges))
    out.push(`${sheet.name} merges: want ${wantMerges.join(" ")}, got ${gotMerges.join(" ")}`);
  sheet.widths.forEach((w, i) => {
    const got = ws.getColumn(i + 1).width;
    if (got !== w) out.push(`${sheet.name} column ${i + 1} width: want ${w}, got ${String(got)}`);
  });
  if (ws.state !== sheet.visibility)
    out.push(`${sheet.name} state: want ${sheet.visibility}, got ${ws.state}`);
  const isProtected =
    (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
  if (isProtected !== sheet.protected)
    out.push(`${sheet.name} protected: want ${sheet.protected}, got ${isProtected}`);
  // exceljs 4.4 writes manual page breaks (<rowBreaks>) but does not read them back, so they are not compared
  return out;
}

/** Reads an .xlsx and lists its differences from a workbook model (sheet order and names included). */
export async function diffWorkbookFile(path: string, model: WorkbookModel): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  const names = wb.worksheets.map((w) => w.name);
  const wantNames = model.sheets.map((s) => s.name);
  if (JSON.stringify(names) !== JSON.stringify(wantNames))
    out.push(`sheets: want ${wantNames.join(",")}, got ${names.join(",")}`);
  for (const sheet of model.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (ws === undefined) continue;
    out.push(...diffSheet(ws, sheet));
  }
  return out;
}
