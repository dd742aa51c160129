export { readWorkbook, writeWorkbook, snapshotOf, XlsxWorkbookHandle } from "./workbook";
export type { ReadWorkbookOptions, ReadWorkbookResult } from "./workbook";
export { applyWrites, appendChangeLog } from "./apply";
export type { ApplyResult, WriteConflict, WriteConflictReason } from "./apply";
export { WorkbookReadError, isWorkbookReadError } from "./errors";
export type { WorkbookReadErrorCode } from "./errors";
export { guardWorkbookBytes, DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./zip-guard";
export { flattenCellValue } from "./cell-value";
