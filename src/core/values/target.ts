/**
 * Targets (業績目標, 成果指標と目標値, アウトカム): `(deadline)? (label)? value unit? comparator? (note)?`,
 * several per cell (domain.md §3).
 */
import type { Comparator, ParseFailure, Parsed, Target } from "../model/values";
import { normalizeText } from "../text/normalize";
import { DEFAULT_MAX_LENGTH, type ParseContext } from "./context";
import { absoluteOf, readRelativeTarget } from "./relative";
import { scanQuantities, type Scan } from "./scan";
import { badEraFailures, segment } from "./segments";

const CUMULATIVE = /合計|累計|累積|延べ|のべ|通算/;
const RELATIVE_LABEL = /(?:前年度|前年|昨年度|前回)(?:比|より|から|と比べ(?:て)?)?\s?$/;
const RELATIVE_WORD = /増加|減少|維持|前年度比|前年比|前年度より|前年度から/;

/** A relative change as a comparator that is never judged (isRelative) until a baseline makes it absolute. */
function relativeComparator(change: NonNullable<Target["relative"]>["change"]): Comparator {
  if (change === "gte" || change === "gt" || change === "increase") return "increase";
  if (change === "lte" || change === "lt" || change === "decrease") return "decrease";
  return "maintain";
}

/** The relative spec without the text it was read from. */
function withoutRaw(
  rel: NonNullable<Target["relative"]> & { readonly raw: string },
): NonNullable<Target["relative"]> {
  return { change: rel.change, amount: rel.amount, baseline: rel.baseline };
}

/** The target when it is absolute (a plain comparator), else null. */
function absoluteOrNull(t: Target): Target | null {
  return t.comparator === "increase" || t.comparator === "decrease" || t.comparator === "maintain" ? null : t;
}

/**
 * Certainty (issue 9): a cell with a number the grammar saw but could not read as a value, or with a range,
 * yields nothing — no item, one failure — so that no mark or flag can rest on a part of it.
 */
export function uncertainty(scan: Scan, raw: string): ParseFailure | null {
  const left = scan.residue[0];
  if (left !== undefined) return { raw, code: "partial", detail: left.text.trim() };
  const range = scan.quantities.find((q) => q.upper !== null);
  if (range !== undefined) return { raw, code: "range", detail: scan.text.slice(range.index, range.end) };
  return null;
}

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
  const uncertain = uncertainty(scan, raw);
  if (uncertain !== null) return { items: [], failures: [...failures, uncertain] };
  if (scan.quantities.length === 0) {
    const rel = readRelativeTarget(scan.text);
    if (rel !== null) {
      const relRaw = rel.raw;
      const relative = withoutRaw(rel);
      const abs = absoluteOf(relative);
      const target: Target = {
        raw: relRaw,
        label: null,
        // not judged while relative (isRelative): the value is only the amount, 0 when none is written
        value: abs?.value ?? relative.amount?.value ?? 0,
        unit: abs?.unit ?? rel.baseline?.unit ?? null,
        comparator: abs?.comparator ?? relativeComparator(rel.change),
        deadline: null,
        cumulative: false,
        note: null,
        relative,
        ...(rel.baseline === null ? {} : { figure: rel.baseline.figure }),
      };
      return {
        items: [target],
        failures: abs === null ? [...failures, { raw: relRaw, code: "relative-needs-previous" }] : failures,
      };
    }
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
    let target: Target = {
      raw: seg.raw,
      label: seg.label,
      value: q.value,
      unit: q.unit,
      comparator,
      deadline: seg.deadline,
      cumulative: CUMULATIVE.test(seg.labelText),
      note: seg.note,
      figure: q.figure,
      ...(q.approx ? { approx: true } : {}),
    };
    if (comparator === "increase" || comparator === "decrease" || comparator === "maintain") {
      // 前年度比10%増: the relation, and the baseline when the cell gives it (前年度(85件)より10%増)
      const rel = readRelativeTarget(seg.raw);
      if (rel !== null) {
        const relative = withoutRaw(rel);
        const abs = absoluteOf(relative);
        target = abs === null ? { ...target, relative } : { ...target, ...abs, relative };
      }
      if (absoluteOrNull(target) === null) failures.push({ raw: seg.raw, code: "relative-needs-previous" });
    }
    items.push(target);
  }
  return { items, failures };
}
