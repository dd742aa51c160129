/** Answers whether the host supports an ExcelApi requirement set, e.g. supports("1.9"). */
export type Supports = (version: string) => boolean;

/**
 * The running host's answer (Office.context.requirements.isSetSupported("ExcelApi", v)); false outside
 * Office, so optional features degrade rather than fail.
 *
 * The host answers from its own requirement matrix, not from the office.js the add-in serves
 * (RequirementMatrix.isSetSupported in @microsoft/office-js's excel-*.debug.js): a current Microsoft 365
 * reports ExcelApi 1.18 while the served 1.1.110 library stops at 1.15 and has no `workbook.notes`. So every
 * optional feature is gated on both answers — see `served` below and `features`.
 */
export const officeSupports: Supports = (version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
};

/** The ExcelApi sets kusei uses, and what each one adds. The manifest requires MIN_EXCEL_API. */
export const API = {
  /**
   * the manifest minimum: the support matrix starts at Office LTSC 2021, which reports ExcelApi 1.14 ("Excel
   * JavaScript API requirement sets", https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
   * The sets below it are still checked at run time, because the served office.js must also have the member.
   */
  base: "1.14",
  /** conditional formats (highlights) */
  conditionalFormats: "1.6",
  /** application.calculate after a write */
  calculate: "1.1",
  /** getSpecialCellsOrNullObject (formula and error maps without reading every formula), getRanges */
  specialCells: "1.9",
  /** getMergedAreasOrNullObject */
  mergedAreas: "1.13",
  /** notes */
  notes: "1.18",
} as const;

/** The lowest ExcelApi set the add-in needs (the manifest's <Requirements>). */
export const MIN_EXCEL_API = API.base;

/**
 * True when the object the served office.js handed us has this member. office.js defines every member on
 * the class prototype (methods, and properties through Object.defineProperty), so a member the library
 * predates is simply undefined, whatever the host reports. Reading a navigation property creates a proxy
 * only: no request is queued.
 */
export function served(obj: object, member: string): boolean {
  return typeof (obj as Record<string, unknown>)[member] !== "undefined";
}

/** Optional features, each on when the host reports its set AND the served library has its member. */
export interface Features {
  readonly specialCells: boolean;
  readonly mergedAreas: boolean;
  readonly conditionalFormats: boolean;
  readonly notes: boolean;
}

/** The features a read or write may use: the host's answer and the library's, checked on live objects. */
export function features(
  supports: Supports,
  probe: { readonly workbook: object; readonly range: object; readonly sheet: object },
): Features {
  return {
    specialCells:
      supports(API.specialCells) &&
      served(probe.range, "getSpecialCellsOrNullObject") &&
      served(probe.sheet, "getRanges"),
    mergedAreas: supports(API.mergedAreas) && served(probe.range, "getMergedAreasOrNullObject"),
    conditionalFormats: supports(API.conditionalFormats) && served(probe.range, "conditionalFormats"),
    notes: supports(API.notes) && served(probe.workbook, "notes"),
  };
}
