import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows } from "../core";
import type { ChangeLogEntry, CellWrite } from "../core";
import type { XlsxWorkbookHandle } from "./handle";
import { applyToDocument, type ApplyResult } from "./patch/apply-writes";
import { appendLogRows } from "./patch/change-log";

export type { AppliedWrite, ApplyResult, WriteConflict, WriteConflictReason } from "./patch/apply-writes";

/**
 * Performs the writes, each only if its cell still holds `expected`; never over a formula, an error value,
 * into a protected sheet (as Excel or LibreOffice protect it) or into a merged area's cell other than its
 * top-left. Only the written cells' `<c>` elements change. Writes are done in order, so two writes to one
 * cell chain. Each applied write carries `oldContent`, the cell's original element ("" when it was absent).
 */
export function applyWrites(handle: XlsxWorkbookHandle, writes: ReadonlyArray<CellWrite>): ApplyResult {
  return applyToDocument(handle.document, writes);
}

/**
 * Appends entries to the change-log sheet, creating it (last, with its header) when the workbook has none.
 * Nothing is created for an empty list. Throws WorkbookReadError when the log cannot be written safely
 * (its sheet protected, the workbook structure locked): kusei makes no change it cannot log.
 */
export function appendChangeLog(
  handle: XlsxWorkbookHandle,
  entries: ReadonlyArray<ChangeLogEntry>,
  sheetName: string = CHANGE_LOG_SHEET,
): void {
  if (entries.length === 0) return;
  appendLogRows(handle.document, sheetName, CHANGE_LOG_HEADER, changeLogRows(entries));
}
