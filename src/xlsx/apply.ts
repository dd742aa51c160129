import type * as ExcelJS from "exceljs";
import { fromA1, toA1 } from "../core";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, writeValueOf } from "../core";
import type { ChangeLogEntry, CellWrite, WriteConflict } from "../core";
import { sameCellValue } from "../core";
import { flattenCellValue } from "./cell-value";
import type { XlsxWorkbookHandle } from "./workbook";

/** exceljs's Enums.ValueType.Merge (a merged cell other than the top-left), without loading exceljs. */
const EXCELJS_MERGE = 1;

export interface ApplyResult {
  /** the writes performed; `cell` is the address actually written (a merged area's top-left) */
  readonly applied: CellWrite[];
  readonly conflicts: WriteConflict[];
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: unknown } | null }).sheetProtection;
  return Boolean(p && (p.sheet === true || p.sheet === 1 || p.sheet === "1" || p.sheet === "true"));
}

/**
 * Performs the writes, each only if its cell still holds `expected`; never over a formula, an error value or
 * into a protected sheet; a merged cell is written at its area's top-left. Styles, merges, formulas, other
 * cells and sheets are left as they are. Writes are done in order, so two writes to one cell chain.
 */
export function applyWrites(handle: XlsxWorkbookHandle, writes: ReadonlyArray<CellWrite>): ApplyResult {
  const applied: CellWrite[] = [];
  const conflicts: WriteConflict[] = [];
  for (const write of writes) {
    const ws = handle.sheets.get(write.sheet);
    if (!ws) {
      conflicts.push({ write, current: null, why: "missing-sheet" });
      continue;
    }
    const pos = fromA1(write.cell);
    if (!pos || pos.col < 0 || pos.col >= 16384 || pos.row >= 1048576) {
      conflicts.push({ write, current: null, why: "invalid-address" });
      continue;
    }
    // findCell does not create a cell; only a performed write may.
    const found = ws.findCell(pos.row + 1, pos.col + 1);
    const target = found && found.type === EXCELJS_MERGE ? found.master : found;
    const flat = flattenCellValue(target?.value ?? null);
    if (isProtected(ws)) {
      conflicts.push({ write, current: flat.value, why: "protected" });
      continue;
    }
    if (flat.formula) {
      conflicts.push({ write, current: flat.value, why: "formula" });
      continue;
    }
    if (flat.error !== null) {
      conflicts.push({ write, current: null, why: "error-value" });
      continue;
    }
    if (!sameCellValue(flat.value, write.expected)) {
      conflicts.push({ write, current: flat.value, why: "changed" });
      continue;
    }
    const cell = target ?? ws.getCell(pos.row + 1, pos.col + 1);
    cell.value = writeValueOf(write);
    const address = toA1(Number(cell.row) - 1, Number(cell.col) - 1);
    applied.push(address === write.cell ? write : { ...write, cell: address });
  }
  return { applied, conflicts };
}

/**
 * Appends entries to the change-log sheet, creating it (last, with its header) when the workbook has none.
 * Nothing is created for an empty list.
 */
export function appendChangeLog(handle: XlsxWorkbookHandle, entries: ReadonlyArray<ChangeLogEntry>): void {
  if (entries.length === 0) return;
  let ws = handle.sheets.get(CHANGE_LOG_SHEET);
  if (!ws) {
    ws = handle.workbook.addWorksheet(CHANGE_LOG_SHEET);
    handle.sheets.set(CHANGE_LOG_SHEET, ws);
    const created = ws;
    [30, 26, 24, 8, 16, 16, 60, 8].forEach((w, i) => {
      created.getColumn(i + 1).width = w;
    });
  }
  if (ws.actualRowCount === 0) {
    const header = ws.addRow([...CHANGE_LOG_HEADER]);
    header.font = { bold: true };
  }
  // Append after the last used row (exceljs rowCount counts rows holding anything).
  for (const row of changeLogRows(entries)) ws.addRow(row.map((v) => (v === null ? null : v)));
}
