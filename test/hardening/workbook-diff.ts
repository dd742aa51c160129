/**
 * Cell-by-cell comparison of two .xlsx workbooks as exceljs reads them: every cell that exists in either
 * (values, formulas, number formats, styles, also of empty styled cells), merges, column widths and
 * visibility, row heights and visibility, defined names, data validations, conditional formats, sheet
 * state, protection, views and page setup. Returns the differences as readable lines.
 */
import ExcelJS from "exceljs";

/** One difference: where, and what each side holds. */
export interface Difference {
  readonly sheet: string;
  /** A1 address, or a sheet-level aspect such as "#merges" / "#col:C" / "#row:12" */
  readonly where: string;
  readonly aspect: string;
  readonly before: string;
  readonly after: string;
}

/** Opens .xlsx bytes with exceljs. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

// exceljs's own row / cell arrays: walking them does not create cells (getCell would).
interface RowInternals {
  readonly _cells?: ReadonlyArray<ExcelJS.Cell | undefined>;
}
interface SheetInternals {
  readonly _rows?: ReadonlyArray<ExcelJS.Row | undefined>;
  readonly _columns?: ReadonlyArray<ExcelJS.Column | undefined>;
}

function stable(v: unknown): string {
  if (v === undefined) return "undefined";
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof Date) return `Date(${x.toISOString()})`;
    if (x !== null && typeof x === "object" && !Array.isArray(x)) {
      return Object.fromEntries(
        Object.entries(x as Record<string, unknown>)
          .filter(([, y]) => y !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return x;
  });
}

/** Every aspect of one cell, by name. Value and style are separate so a test can allow one to differ. */
export function cellAspects(cell: ExcelJS.Cell): Record<string, string> {
  return {
    value: stable(cell.type === ExcelJS.ValueType.Merge ? { merge: cell.master.address } : cell.value),
    type: String(cell.type),
    numFmt: stable(cell.numFmt),
    font: stable(cell.font),
    fill: stable(cell.fill),
    border: stable(cell.border),
    alignment: stable(cell.alignment),
    protection: stable(cell.protection),
    dataValidation: stable(cell.dataValidation),
    note: stable(cell.note),
  };
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  for (const row of (ws as unknown as SheetInternals)._rows ?? []) {
    if (row === undefined) continue;
    for (const cell of (row as unknown as RowInternals)._cells ?? []) {
      if (cell !== undefined) out.set(cell.address, cell);
    }
  }
  return out;
}

function rowsOf(ws: ExcelJS.Worksheet): Map<number, string> {
  const out = new Map<number, string>();
  for (const row of (ws as unknown as SheetInternals)._rows ?? []) {
    if (row === undefined) continue;
    const style = (row as unknown as { style?: unknown }).style;
    out.set(row.number, stable({ height: row.height, hidden: row.hidden, outline: row.outlineLevel, style }));
  }
  return out;
}

function columnsOf(ws: ExcelJS.Worksheet): Map<number, string> {
  const out = new Map<number, string>();
  for (const col of (ws as unknown as SheetInternals)._columns ?? []) {
    if (col === undefined) continue;
    out.set(
      col.number,
      stable({ width: col.width, hidden: col.hidden, outline: col.outlineLevel, style: col.style }),
    );
  }
  return out;
}

function sheetAspects(ws: ExcelJS.Worksheet): Record<string, string> {
  const model = ws.model as unknown as Record<string, unknown>;
  return {
    state: stable(ws.state),
    merges: stable([...ws.model.merges].sort()),
    dataValidations: stable((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    conditionalFormats: stable(
      (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? null,
    ),
    protection: stable((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null),
    views: stable(ws.views),
    pageSetup: stable(ws.pageSetup),
    headerFooter: stable(ws.headerFooter),
    autoFilter: stable(ws.autoFilter ?? null),
    properties: stable(ws.properties),
    rowBreaks: stable(model["rowBreaks"] ?? null),
    tables: stable(Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})),
  };
}

/** What may differ: cells whose value (only the value) may change, and sheets to leave out entirely. */
export interface Allowance {
  /** "Sheet!A1" keys whose `value`/`type` aspects may differ (styles must not) */
  readonly valueMayChange?: ReadonlySet<string>;
  /** sheets ignored on both sides (e.g. the change-log sheet) */
  readonly ignoreSheets?: ReadonlySet<string>;
}

/** Every difference between two workbooks, minus what `allow` permits. */
export function diffWorkbooks(
  before: ExcelJS.Workbook,
  after: ExcelJS.Workbook,
  allow: Allowance = {},
): Difference[] {
  const ignore = allow.ignoreSheets ?? new Set<string>();
  const may = allow.valueMayChange ?? new Set<string>();
  const diffs: Difference[] = [];
  const push = (sheet: string, where: string, aspect: string, b: string, a: string): void => {
    if (b !== a) diffs.push({ sheet, where, aspect, before: b, after: a });
  };
  const names = (wb: ExcelJS.Workbook): string[] =>
    wb.worksheets.map((w) => w.name).filter((n) => !ignore.has(n));
  push("", "#workbook", "sheets", stable(names(before)), stable(names(after)));
  push("", "#workbook", "definedNames", stable(before.definedNames.model), stable(after.definedNames.model));
  for (const name of names(before)) {
    const b = before.getWorksheet(name);
    const a = after.getWorksheet(name);
    if (b === undefined || a === undefined) continue;
    const sb = sheetAspects(b);
    const sa = sheetAspects(a);
    for (const k of Object.keys(sb)) push(name, "#sheet", k, sb[k] ?? "", sa[k] ?? "");
    const rb = rowsOf(b);
    const ra = rowsOf(a);
    for (const r of new Set([...rb.keys(), ...ra.keys()]))
      push(name, `#row:${r}`, "row", rb.get(r) ?? "none", ra.get(r) ?? "none");
    const colB = columnsOf(b);
    const colA = columnsOf(a);
    for (const c of new Set([...colB.keys(), ...colA.keys()]))
      push(name, `#col:${c}`, "column", colB.get(c) ?? "none", colA.get(c) ?? "none");
    const cb = cellsOf(b);
    const ca = cellsOf(a);
    for (const address of new Set([...cb.keys(), ...ca.keys()])) {
      const x = cb.get(address);
      const y = ca.get(address);
      const ax = x === undefined ? null : cellAspects(x);
      const ay = y === undefined ? null : cellAspects(y);
      const keys = Object.keys(ax ?? ay ?? {});
      for (const k of keys) {
        if ((k === "value" || k === "type") && may.has(`${name}!${address}`)) continue;
        // a cell that exists on one side only counts when it holds something the other side lacks
        push(name, address, k, ax?.[k] ?? absent(k), ay?.[k] ?? absent(k));
      }
    }
  }
  return diffs;
}

// What exceljs reports for a cell that does not exist, so a created-but-empty unstyled cell is no difference.
const ABSENT: Record<string, string> = {
  value: "null",
  type: String(ExcelJS.ValueType.Null),
  numFmt: "undefined",
  font: "undefined",
  fill: "undefined",
  border: "undefined",
  alignment: "undefined",
  protection: "undefined",
  dataValidation: "undefined",
  note: "undefined",
};

function absent(aspect: string): string {
  return ABSENT[aspect] ?? "undefined";
}

/** Differences as lines for a failing assertion's message. */
export function describeDifferences(diffs: ReadonlyArray<Difference>, max = 20): string {
  return diffs
    .slice(0, max)
    .map((d) => `${d.sheet}!${d.where} ${d.aspect}: ${d.before} → ${d.after}`)
    .join("\n");
}
