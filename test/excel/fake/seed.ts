/**
 * Seeds the fake Excel from a workbook FILE, by the fake's own reading of its cells (exceljs, not the
 * adapter's xlsx reader and not snapshots any adapter produced), so the Excel adapter sees what Excel would
 * hold after opening the file: numbers stay numbers with their number format (a percent cell is 0.873 with
 * "0.0%"), dates are serial numbers in the workbook's date system, formulas keep their last result, error
 * cells hold their error text, rich text and hyperlinks are their text. Merged areas, hidden sheets, sheet
 * protection with unlocked cells, and custom conditional formats (a person's own) come along.
 */
import ExcelJS from "exceljs";
import { WorkbookModel, type CellModel, type Scalar } from "./model";

function serial(d: Date, date1904: boolean): number {
  const days = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  // Excel's 1900 system counts the non-existent 1900-02-29; the 1904 system starts 1,462 days later.
  if (date1904) return days - 1462;
  return days < 61 ? days - 1 : days;
}

function scalar(v: ExcelJS.CellValue, date1904: boolean): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return serial(v, date1904);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return v.error;
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? "" : scalar(result as ExcelJS.CellValue, date1904);
    }
    if ("text" in v)
      return typeof v.text === "string" ? v.text : scalar(v.text as ExcelJS.CellValue, date1904);
  }
  return String(v);
}

function formulaOf(v: ExcelJS.CellValue): string | null {
  if (typeof v !== "object" || v === null || v instanceof Date) return null;
  if ("formula" in v && typeof v.formula === "string") return `=${v.formula}`;
  if ("sharedFormula" in v) return `=${String((v as { sharedFormula: string }).sharedFormula)}`;
  return null;
}

/** A fake workbook holding what Excel would show after opening this .xlsx file. */
export async function modelFromFile(file: string | Buffer): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  const date1904 = wb.properties.date1904 === true;
  const model = new WorkbookModel();
  model.date1904 = date1904;
  wb.eachSheet((ws) => {
    const sheet = model.addSheet(ws.name);
    sheet.visibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    sheet.protected = Boolean(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    );
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const key = `${r - 1},${c - 1}`;
        const locked = cell.protection?.locked === false ? { locked: false } : {};
        const format = cell.numFmt && cell.numFmt !== "General" ? { format: cell.numFmt } : {};
        const value = scalar(cell.value, date1904);
        if (value === null || value === "") {
          if (cell.protection?.locked === false) sheet.unlockedEmpty.add(key);
          if (format.format) sheet.emptyFormats.set(key, format.format);
          const f = formulaOf(cell.value);
          if (f) sheet.cells.set(key, { value: "", formula: f, ...format, ...locked });
          return;
        }
        const cm: CellModel = { value, formula: formulaOf(cell.value), ...format, ...locked };
        sheet.cells.set(key, cm);
      });
    });
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) sheet.merge(range);
    const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    for (const cf of cfs ?? []) {
      for (const rule of cf.rules) {
        const formula = rule.type === "expression" ? (rule.formulae?.[0] ?? "") : "";
        sheet.cfs.push({
          rects: cf.ref.split(/\s+/).map((a) => {
            const [x, y = x] = a.split(":");
            return rectOf(`${x}:${y}`);
          }),
          type: rule.type === "expression" ? "Custom" : "CellValue",
          formula: formula ? `=${String(formula)}` : "",
          fill: null,
        });
      }
    }
  });
  return model;
}

function rectOf(address: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ""));
  if (!m) throw new Error(`bad conditional-format range ${address}`);
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1] ?? "A"), bottom: Number(m[4]) - 1, right: col(m[3] ?? "A") };
}
