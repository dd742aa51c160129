/**
 * The slice of the Excel JavaScript API (@types/office-js) that kusei's Excel adapter uses, and nothing more.
 *
 * The adapter is written against these interfaces instead of Excel.RequestContext so that the test fake can
 * implement exactly this slice without a cast: a member the adapter starts to use must be added here, and
 * the assertion at the bottom proves at compile time that every member named here exists, with a compatible
 * type, on the real @types/office-js classes. (Whether the *served* office.js has it at run time is a
 * separate question: see capabilities.ts.)
 */

export interface XClientObject {
  readonly isNullObject: boolean;
}

export interface XWorksheetProtection extends XClientObject {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): XWorksheetProtection;
}

export interface XRangeFormat {
  readonly protection: XFormatProtection;
}

export interface XFormatProtection {
  readonly locked: boolean;
  load(propertyNames?: string | string[]): XFormatProtection;
}

export interface XConditionalRangeFill {
  color: string;
}

export interface XCustomConditionalFormat extends XClientObject {
  readonly rule: { formula: string };
  readonly format: { readonly fill: XConditionalRangeFill };
}

export interface XConditionalFormat extends XClientObject {
  /** documented as the format's priority in its collection, not a stable key */
  readonly id: string;
  readonly type: Excel.ConditionalFormatType | string;
  readonly custom: XCustomConditionalFormat;
  readonly customOrNullObject: XCustomConditionalFormat;
  delete(): void;
  load(propertyNames?: string | string[]): XConditionalFormat;
}

export interface XConditionalFormatCollection extends XClientObject {
  readonly items: XConditionalFormat[];
  add(type: "Custom"): XConditionalFormat;
  load(propertyNames?: string | string[]): XConditionalFormatCollection;
}

export interface XRangeAreas extends XClientObject {
  readonly address: string;
  readonly conditionalFormats: XConditionalFormatCollection;
  load(propertyNames?: string | string[]): XRangeAreas;
}

export interface XRange extends XClientObject {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: any[][];
  readonly formulas: any[][];
  numberFormat: any[][];
  readonly text: string[][];
  readonly format: XRangeFormat;
  readonly conditionalFormats: XConditionalFormatCollection;
  load(propertyNames?: string | string[]): XRange;
  getIntersectionOrNullObject(anotherRange: string): XRange;
  getCell(row: number, column: number): XRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XRange;
  getSpecialCellsOrNullObject(cellType: "Formulas" | "Constants", cellValueType?: "Errors"): XRangeAreas;
  getMergedAreasOrNullObject(): XRangeAreas;
  insert(shift: "Down" | "Right"): XRange;
  select(): void;
}

export interface XWorksheet extends XClientObject {
  readonly name: string;
  readonly visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  readonly protection: XWorksheetProtection;
  load(propertyNames?: string | string[]): XWorksheet;
  getRange(address?: string): XRange;
  getRanges(address?: string): XRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  activate(): void;
}

export interface XWorksheetCollection extends XClientObject {
  readonly items: XWorksheet[];
  load(propertyNames?: string | string[]): XWorksheetCollection;
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  add(name?: string): XWorksheet;
}

export interface XSetting extends XClientObject {
  readonly value: any;
  delete(): void;
  load(propertyNames?: string | string[]): XSetting;
}

export interface XSettingCollection extends XClientObject {
  getItemOrNullObject(key: string): XSetting;
  add(key: string, value: string | number | boolean | Date | unknown[] | object): XSetting;
}

export interface XNote extends XClientObject {
  readonly content: string;
  delete(): void;
  load(propertyNames?: string | string[]): XNote;
}

export interface XNoteCollection extends XClientObject {
  add(cellAddress: string, content: string): XNote;
  getItemOrNullObject(key: string): XNote;
}

export interface XApplication {
  suspendApiCalculationUntilNextSync(): void;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

/** A worksheet function's result, computed by Excel when the batch runs (ExcelApi 1.2). */
export interface XFunctionResult {
  readonly value: number;
  readonly error: string;
  load(propertyNames?: string | string[]): XFunctionResult;
}

export interface XFunctions {
  date(year: number, month: number, day: number): XFunctionResult;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  /** worksheet functions (ExcelApi 1.2): DATE tells the workbook's date system (src/excel/dates.ts) */
  readonly functions: XFunctions;
  readonly settings: XSettingCollection;
  /**
   * ExcelApi 1.18. Typed as present (as in @types/office-js), but the office.js a closed network serves may
   * predate it: check with `served(workbook, "notes")` before use.
   */
  readonly notes: XNoteCollection;
  readonly application: XApplication;
}

/** What the adapter needs of an Excel.RequestContext. */
export interface ExcelContext {
  readonly workbook: XWorkbook;
  sync(): Promise<void>;
}

// Compile-time proof that the slice is the real API: each real class is assignable to its slice.
type Assert<T extends true> = T;
export type OfficeSliceIsReal = [
  Assert<Excel.RequestContext extends ExcelContext ? true : false>,
  Assert<Excel.Range extends XRange ? true : false>,
  Assert<Excel.RangeAreas extends XRangeAreas ? true : false>,
  Assert<Excel.ConditionalFormat extends XConditionalFormat ? true : false>,
  Assert<Excel.Worksheet extends XWorksheet ? true : false>,
  Assert<Excel.Workbook extends XWorkbook ? true : false>,
  Assert<Excel.NoteCollection extends XNoteCollection ? true : false>,
];
