export { readWorkbook, writeWorkbook, snapshotOf, XlsxWorkbookHandle } from "./workbook";
export type { ReadWorkbookOptions, ReadWorkbookResult, WriteWorkbookOptions } from "./workbook";
export { applyWrites, appendChangeLog } from "./apply";
export type { ApplyResult } from "./apply";
export { WorkbookReadError, isWorkbookReadError } from "./errors";
export type { WorkbookReadErrorCode } from "./errors";
export { guardWorkbookBytes, lossyParts, DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./zip-guard";
export { flattenCellValue } from "./cell-value";
