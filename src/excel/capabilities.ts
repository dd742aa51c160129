/** Answers whether the host supports an ExcelApi requirement set, e.g. supports("1.9"). */
export type Supports = (version: string) => boolean;

/**
 * The running host's answer (Office.context.requirements.isSetSupported("ExcelApi", v)); false outside
 * Office, so optional features degrade rather than fail.
 */
export const officeSupports: Supports = (version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
};

/** The ExcelApi sets kusei uses, and what each one adds. The manifest requires MIN_EXCEL_API. */
export const API = {
  /** used range / intersections / getItemOrNullObject / workbook.settings: the manifest minimum */
  base: "1.4",
  /** conditional formats (highlights) */
  conditionalFormats: "1.6",
  /** application.suspendApiCalculationUntilNextSync */
  suspendCalculation: "1.6",
  /** getSpecialCellsOrNullObject (formula and error maps without reading every formula), getRanges */
  specialCells: "1.9",
  /** getMergedAreasOrNullObject */
  mergedAreas: "1.13",
  /** conditionalFormats.getItemOrNullObject */
  cfGetItemOrNull: "1.14",
  /** notes */
  notes: "1.18",
} as const;

/** The lowest ExcelApi set the add-in needs (the manifest's <Requirements>). */
export const MIN_EXCEL_API = API.base;
