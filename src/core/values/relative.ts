/**
 * Relative targets (domain.md §3): 前年度以上, 前年度を上回る, 前年度より減少, 前年度比10%増, 前年度(85件)を上回る.
 * They become absolute only with last year's figure: the one in the cell (「前年度(85件)」), else the one
 * 前年度までの実績 names for the previous fiscal year with the same unit. Without it they stay relative,
 * and a relative target is never judged.
 */
import type { Comparator, RelativeTarget, Target, Unit } from "../model/values";
import { normalizeText } from "../text/normalize";
import type { ParseContext } from "./context";
import { readComparison, readQuantity, readRelative } from "./grammar";
import { scanQuantities } from "./scan";
import { labelSimilarity } from "./similarity";

/** Words that name last year's figure: 前年度, 前年度実績, 昨年度, 前年, 前回. */
const PREVIOUS = /(?:前年度|昨年度|前年|前回)(?:の)?(?:実績|数値|値|水準|結果)?(?:値)?/u;

/** 「前年度(85件)」: the baseline written in the cell, inside a parenthesis right after the word. */
function baselineInCell(
  s: string,
  after: number,
): { value: number; unit: Unit; figure: string; end: number } | null {
  let i = after;
  if (s[i] === " ") i++;
  if (s[i] !== "(") return null;
  const close = s.indexOf(")", i);
  if (close < 0 || close - i > 40) return null;
  const inner = s.slice(i + 1, close).trim();
  // the parenthesis may name the year too: (平成27年度 85件) — the quantity is its last figure
  const digit = inner.search(/\d(?=[\d.,]*[^\d.,年]*$)/u);
  if (digit < 0) return null;
  const q = readQuantity(inner, digit);
  if (q === null || q.comparator !== null || q.upper !== null) return null;
  if (inner.slice(q.end).trim() !== "") return null;
  return { value: q.value, unit: q.unit, figure: q.figure, end: close + 1 };
}

/**
 * The relative target a text states, if it is one: the relation and the amount. 「前年度比10%増」 →
 * increase by 10 %; 「前年度以上」 → gte; 「前年度(85件)を上回る」 → gt with the baseline 85件. Null when the
 * text does not compare with the previous year.
 */
export function readRelativeTarget(text: string): (RelativeTarget & { readonly raw: string }) | null {
  const s = normalizeText(text);
  const m = PREVIOUS.exec(s);
  if (m === null) return null;
  let i = m.index + m[0].length;
  const baseline = baselineInCell(s, i);
  if (baseline !== null) i = baseline.end;
  const base = baseline === null ? null : { ...baseline, source: "cell" as const };
  if (s[i] === " ") i++;
  // 前年度比10%増 / 前年度比5件増加 / 前年度から10%削減
  const via = /^(?:比|対比|と比べ(?:て)?|から|より|に比べ(?:て)?|比で)\s?/u.exec(s.slice(i));
  if (via !== null) i += via[0].length;
  if (/\d/.test(s[i] ?? "")) {
    const q = readQuantity(s, i);
    if (q === null || q.relative === null) return null;
    return { raw: s, change: q.relative, amount: { value: q.value, unit: q.unit }, baseline: base };
  }
  // 前年度以上 / 前年度を上回る / 前年度より増加 / 前年度を維持
  const particle = /^(?:を|より|と|に|の|と同じ|と同等)?\s?/u.exec(s.slice(i));
  const j = i + (particle?.[0].length ?? 0);
  const cmp = readComparison(s, j) ?? readComparison(s, i);
  if (cmp !== null) {
    const c = cmp.comparator;
    if (c === "gte" || c === "gt" || c === "lte" || c === "lt")
      return { raw: s, change: c, amount: null, baseline: base };
    return null;
  }
  const rel = readRelative(s, j) ?? readRelative(s, i);
  if (rel !== null) return { raw: s, change: rel.relative, amount: null, baseline: base };
  if (/^(?:と同(?:じ|等|程度)|並み)/u.test(s.slice(i))) return null;
  return null;
}

/** The absolute comparator and threshold of a relative target with its baseline; null when it stays relative. */
export function absoluteOf(
  rel: RelativeTarget,
): { value: number; unit: Unit; comparator: Comparator } | null {
  const b = rel.baseline;
  if (b === null) return null;
  const a = rel.amount;
  switch (rel.change) {
    case "gte":
    case "gt":
    case "lte":
    case "lt":
      return { value: b.value, unit: b.unit, comparator: rel.change };
    case "maintain":
      // 維持 keeps the level, but which side is good depends on the indicator: not decided here
      return null;
    case "increase":
    case "decrease": {
      const up = rel.change === "increase";
      if (a === null) return { value: b.value, unit: b.unit, comparator: up ? "gt" : "lt" };
      const delta =
        a.unit === "%" && b.unit !== "%" ? (b.value * a.value) / 100 : a.unit === b.unit ? a.value : null;
      if (delta === null) return null;
      return { value: up ? b.value + delta : b.value - delta, unit: b.unit, comparator: up ? "gte" : "lte" };
    }
  }
}

/**
 * Last year's figure for a target from 前年度までの実績: a quantity after a year that is the evaluation
 * year's previous fiscal year (「平成27年度実績 210件」), with the target's unit when the target says one,
 * the most similar label when there are several. Null when there is none or the choice is not clear.
 */
export function baselineFromHistory(
  history: string,
  unit: Unit,
  label: string | null,
  ctx: ParseContext,
): { value: number; unit: Unit; figure: string } | null {
  const s = normalizeText(history);
  if (s === "") return null;
  const scan = scanQuantities(s, ctx);
  const previous = ctx.evaluationYear - 1;
  const candidates: Array<{ value: number; unit: Unit; figure: string; label: string }> = [];
  let prevEnd = 0;
  for (const q of scan.quantities) {
    const years = scan.years.filter((y) => y.end <= q.index && y.index >= prevEnd);
    const year = years[years.length - 1];
    const lastYearBefore = scan.years.filter((y) => y.end <= q.index).pop();
    const y = year ?? lastYearBefore;
    if (y !== undefined && y.span.from === previous && y.span.to === previous && q.upper === null) {
      if (unit === null || q.unit === unit)
        candidates.push({ value: q.value, unit: q.unit, figure: q.figure, label: s.slice(prevEnd, q.index) });
    }
    prevEnd = q.end;
  }
  if (candidates.length === 1) {
    const c = candidates[0];
    return c === undefined ? null : { value: c.value, unit: c.unit, figure: c.figure };
  }
  if (candidates.length === 0 || label === null) return null;
  const scored = candidates
    .map((c) => ({ c, score: labelSimilarity(label, c.label) }))
    .sort((x, y) => y.score - x.score);
  const [best, second] = scored;
  if (best === undefined || best.score < 0.35 || (second !== undefined && best.score - second.score < 0.1))
    return null;
  return { value: best.c.value, unit: best.c.unit, figure: best.c.figure };
}

/** 前年度比5件増 needs a count of 件; 前年度以上 and 前年度比10%増 take last year's figure in any unit. */
function wantedUnit(rel: RelativeTarget): Unit {
  return rel.amount !== null && rel.amount.unit !== "%" ? rel.amount.unit : null;
}

/** The target made absolute with `baseline`; the same target when the change cannot be (維持, units). */
function withBaseline(
  target: Target,
  rel: RelativeTarget,
  baseline: NonNullable<RelativeTarget["baseline"]>,
): Target {
  const relative: RelativeTarget = { ...rel, baseline };
  const abs = absoluteOf(relative);
  if (abs === null) return target;
  return { ...target, ...abs, relative };
}

/** A relative target made absolute with a baseline from history; the same target when it cannot be. */
export function resolveWithHistory(target: Target, history: string, ctx: ParseContext): Target {
  const rel = target.relative;
  if (rel === undefined || rel.baseline !== null) return target;
  const b = baselineFromHistory(history, wantedUnit(rel), target.label, ctx);
  if (b === null) return target;
  return withBaseline(target, rel, { ...b, source: "history" });
}

/** A figure of last year's workbook: a result read there with certainty. */
export interface PreviousFigure {
  readonly value: number;
  readonly unit: Unit;
  readonly figure: string;
}

/**
 * A relative target still without a baseline made absolute with last year's result for the same record
 * (from last year's workbook): only when exactly one of last year's results has the unit the target needs
 * (any unit when it names none), else the target stays relative — two candidates are never chosen between.
 */
export function resolveWithPrevious(target: Target, previous: ReadonlyArray<PreviousFigure>): Target {
  const rel = target.relative;
  if (rel === undefined || rel.baseline !== null) return target;
  const wanted = wantedUnit(rel);
  const fit = previous.filter((p) => wanted === null || p.unit === wanted);
  const [only] = fit;
  if (fit.length !== 1 || only === undefined) return target;
  return withBaseline(target, rel, {
    value: only.value,
    unit: only.unit,
    figure: only.figure,
    source: "previous-workbook",
  });
}
