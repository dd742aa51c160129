/**
 * The layout recogniser (domain.md §1): SheetSnapshot → sheet kind, header block, column map with
 * confidences, legend notation, title year and ward, and records with the address of every field cell.
 * Pure and total: no grid makes it throw.
 */
export { recognizeSheet, recognizeWorkbook } from "./recognize";
export type { Recognition, SheetOverride } from "./recognize";
export { cellText } from "./grid";
export { recordKey } from "./dedup";
export { eraFiscalYear } from "./title";
export { readItemMark, readHeading } from "./hierarchy";
