export { recognizeSheet, recognizeWorkbook } from "./recognize";
export type { Recognition, SheetOverride } from "./recognize";
export { cellText } from "./grid";
export { recordKey } from "./dedup";
export { eraFiscalYear } from "./title";
export { readItemMark, readHeading } from "./hierarchy";
