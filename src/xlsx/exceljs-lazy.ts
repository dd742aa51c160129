import type * as ExcelJS from "exceljs";

/**
 * exceljs, loaded on first use: `check` never loads it (about 1 MB of JavaScript and its start-up cost), only a
 * save through exceljs does. A plain `require` rather than `import()`: the CLI is CommonJS (Node loads the
 * module when this runs), jest runs CommonJS without VM modules, and webpack bundles the required module into
 * the same lazy xlsx chunk the standalone page already loads (no second chunk to fetch).
 */
export function loadExcelJS(): typeof ExcelJS {
  return require("exceljs") as typeof ExcelJS;
}
