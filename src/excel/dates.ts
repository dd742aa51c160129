import type { CellValue } from "../core";
import type { XFunctionResult, XWorkbook } from "./office";

/**
 * Date cells, read as the xlsx reader reads them, so both adapters hand the core the same value. Excel's
 * `Range.values` gives a date as its serial number ("Excel stores dates as sequential serial numbers (OADate
 * format)", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates); the xlsx
 * reader turns a number whose format shows a date into yyyy-mm-dd (src/xlsx/snapshot-build.ts, exceljs 4.4's
 * rule). The two functions below repeat that rule exactly (an adapter may not import the other; the shared
 * test test/excel/typed-cells.test.ts holds them to the same answers).
 *
 * The serial counts from the workbook's date system, which Office.js does not expose as a property. DATE does
 * depend on it: "Is a number from 1900 or 1904 (depending on the workbook's date system)"
 * (Excel.Functions.date, https://learn.microsoft.com/javascript/api/excel/excel.functions), so DATE(1904,1,1)
 * is 1462 in the 1900 system and 0 in the 1904 system. Where the answer is anything else (or the served
 * office.js has no `functions`), the serial is left as it is: the display still says what the cell shows.
 */

/** Queues DATE(1904,1,1) on the workbook (no sync); null where the served office.js has no `functions`. */
export function queueDateSystemProbe(workbook: XWorkbook): XFunctionResult | null {
  if (typeof (workbook as Partial<XWorkbook>).functions === "undefined") return null;
  return workbook.functions.date(1904, 1, 1).load("value,error");
}

/** true: 1904 system; false: 1900 system; null: not known (the probe was not run or gave something else). */
export function dateSystemOf(probe: XFunctionResult | null): boolean | null {
  if (probe === null) return null;
  const v = probe.value;
  if (v === 0) return true;
  if (v === 1462) return false;
  return null;
}

/** Whether a format shows a date: date/time letters outside quotes and brackets (exceljs 4.4's utils.isDateFmt). */
export function isDateFormat(code: string): boolean {
  let plain = "";
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? "";
    const close = ch === "[" ? "]" : ch === '"' ? '"' : "";
    if (close !== "") {
      const end = code.indexOf(close, i + 1);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    plain += ch;
    i++;
  }
  for (const ch of plain) if ("ymdhMsb".includes(ch)) return true;
  return false;
}

const DAY_MS = 86_400_000;

/** A serial as yyyy-mm-dd of its UTC instant (exceljs 4.4's excelToDate), null when there is none. */
export function serialToIso(serial: number, date1904: boolean): CellValue {
  const t = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
