/**
 * Results (業績目標の達成状況 / アウトカムの達成状況 text): every quantity of the cell with its label and
 * note. Months (7~8月), dates, years (平成27年度) and numbers inside parentheses are not results.
 */
import type { ParseFailure, Parsed, ResultValue } from "../model/values";
import { normalizeText } from "../text/normalize";
import type { ParseContext } from "./context";
import { scanQuantities } from "./scan";
import { badEraFailures, segment } from "./segments";
import { precheck, uncertainty } from "./target";

/**
 * Every result in a cell, in order (「…割合55.9%(…) …割合85%」 → 55.9 %, 85 %). A comparator written after a
 * result is ignored. No quantity → failure "no-number". Never throws.
 */
export function parseResults(text: string, ctx: ParseContext): Parsed<ResultValue> {
  const raw = typeof text === "string" ? text : "";
  const pre = precheck(raw, ctx);
  if (pre !== null) return { items: [], failures: [pre] };
  const scan = scanQuantities(normalizeText(raw), ctx);
  const failures: ParseFailure[] = badEraFailures(scan);
  const uncertain = uncertainty(scan, raw);
  if (uncertain !== null) return { items: [], failures: [...failures, uncertain] };
  if (scan.quantities.length === 0) return { items: [], failures: [...failures, { raw, code: "no-number" }] };
  const items: ResultValue[] = segment(scan).map((seg) => ({
    raw: seg.raw,
    label: seg.label,
    value: seg.quantity.value,
    unit: seg.quantity.unit,
    note: seg.note,
    figure: seg.quantity.figure,
    ...(seg.quantity.approx ? { approx: true } : {}),
  }));
  return { items, failures };
}
