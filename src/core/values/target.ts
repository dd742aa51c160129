/**
 * Targets (業績目標, 成果指標と目標値, アウトカム): `(deadline)? (label)? value unit? comparator? (note)?`,
 * several per cell (domain.md §3).
 */
import type { Comparator, ParseFailure, Parsed, Target } from "../model/values";
import { normalizeText } from "../text/normalize";
import { DEFAULT_MAX_LENGTH, type ParseContext } from "./context";
import { scanQuantities } from "./scan";
import { badEraFailures, segment } from "./segments";

const CUMULATIVE = /合計|累計|累積|延べ|のべ|通算/;
const RELATIVE_LABEL = /(?:前年度|前年|昨年度|前回)(?:比|より|から|と比べ(?:て)?)?\s?$/;
const RELATIVE_WORD = /増加|減少|維持|前年度比|前年比|前年度より|前年度から/;

/** The start of every parser: length and emptiness checks on the raw text. */
export function precheck(raw: string, ctx: ParseContext): ParseFailure | null {
  if (raw.length > (ctx.maxLength ?? DEFAULT_MAX_LENGTH))
    return { raw, code: "too-long", detail: String(raw.length) };
  if (normalizeText(raw) === "") return { raw, code: "empty" };
  return null;
}

/**
 * Every target in a cell. A bare value (「3件」「100%」) means at least (gte). 増加/減少/維持/前年度比 give a
 * relative comparator and a failure "relative-needs-previous" next to the parsed target. Numbers inside a
 * parenthesis belong to the note of the value before it (「3件(平成26年度実績 1件)」 is one target). A
 * year in the label or in a note that is only a year/period is the deadline. `raw` of an item is its
 * normalised text; failures for the whole cell carry the cell's text as given. Never throws.
 */
export function parseTargets(text: string, ctx: ParseContext): Parsed<Target> {
  const raw = typeof text === "string" ? text : "";
  const pre = precheck(raw, ctx);
  if (pre !== null) return { items: [], failures: [pre] };
  const scan = scanQuantities(normalizeText(raw), ctx);
  const failures: ParseFailure[] = badEraFailures(scan);
  if (scan.quantities.length === 0) {
    const code = RELATIVE_WORD.test(scan.text) ? "relative-needs-previous" : "no-number";
    return { items: [], failures: [...failures, { raw, code }] };
  }
  const items: Target[] = [];
  for (const seg of segment(scan)) {
    const q = seg.quantity;
    let comparator: Comparator = q.comparator ?? "gte";
    const labelRelative = RELATIVE_LABEL.test(scan.text.slice(seg.start, q.index));
    if (q.relative !== null) comparator = q.relative;
    else if (labelRelative)
      comparator = q.comparator === "lte" || q.comparator === "lt" ? "decrease" : "increase";
    const target: Target = {
      raw: seg.raw,
      label: seg.label,
      value: q.value,
      unit: q.unit,
      comparator,
      deadline: seg.deadline,
      cumulative: CUMULATIVE.test(seg.labelText),
      note: seg.note,
    };
    items.push(target);
    if (comparator === "increase" || comparator === "decrease" || comparator === "maintain") {
      failures.push({ raw: seg.raw, code: "relative-needs-previous" });
    }
  }
  return { items, failures };
}
