/**
 * A fake Excel that behaves like Excel, per host, for the adapter tests, the browser stand-in and the Excel
 * benchmark. What it models and where each behaviour comes from is said in each module:
 * - model.ts: the workbook (cells as Excel stores them, merges, conditional formats, protection, notes);
 * - entry.ts: how a written string is stored (formulas, typed numbers/dates/percents) and the text shown;
 * - context.ts: batches and syncs (order, no atomicity, cell-edit mode, payload limits, byte counts);
 * - base.ts: proxies (PropertyNotLoaded, null objects, members the served office.js lacks);
 * - workbook.ts, range.ts, cf.ts, settings.ts: the Office.js objects kusei uses, each implementing the
 *   slice of @types/office-js the adapter is written against (src/excel/office.ts), with no cast;
 * - profiles.ts: the supported hosts (requirement sets, office.js host file, limits);
 * - served.ts, host.ts, seed.ts (Node only): the served library's members, a host context, seeding from files.
 */
export { FakeContext, type FakeApiLevel, type FakeHostOptions, type SyncStats } from "./context";
export { FakeRichApiError, PropertyNotLoadedError } from "./errors";
export {
  WorkbookModel,
  SheetModel,
  a1,
  parseRect,
  type CellChange,
  type CellModel,
  type CfModel,
  type Rect,
  type Scalar,
} from "./model";
export { PROFILES, PROFILE_NAMES, type HostProfile, type ProfileName } from "./profiles";
export { FakeWorkbook, FakeWorksheet, FakeWorksheetCollection, FakeApplication } from "./workbook";
export { FakeRange, FakeRangeAreas } from "./range";
export { FakeConditionalFormat, FakeConditionalFormatCollection } from "./cf";
export { display, enter, serialOf } from "./entry";
import type { ExcelContext } from "../../../src/excel/office";
import type { FakeContext } from "./context";

/** The fake as the adapter sees it: the slice of Office.js it implements (no cast). */
export function asExcel(ctx: FakeContext): ExcelContext {
  return ctx;
}
