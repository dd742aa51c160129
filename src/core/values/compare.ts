/**
 * Comparing results with targets and withdrawal criteria (domain.md §4), and saying so in words a ward
 * officer reads in a plan's reason: 「55.9% ≥ 30%以上」 / "55.9% ≥ 30% (at least)".
 */
import type { Comparator, ResultValue, Target, Unit, WithdrawalCriterion } from "../model/values";
import { unitsAgree } from "./units";

// results are typed as decimals: 69.5 vs 69.5 must compare equal after float arithmetic elsewhere
const EPS = 1e-9;

const RELATIVE: ReadonlySet<Comparator> = new Set<Comparator>(["increase", "decrease", "maintain"]);

/** True when the comparator needs the previous value (増加/減少/維持). */
export function isRelative(c: Comparator): boolean {
  return RELATIVE.has(c);
}

/** True when lower values are better (以下, 未満, 以内, 減少). */
export function lowerIsBetter(c: Comparator): boolean {
  return c === "lte" || c === "lt" || c === "decrease";
}

/** Does `value` stand in relation `c` to `threshold`? Null for relative comparators. */
export function holds(value: number, c: Comparator, threshold: number): boolean | null {
  switch (c) {
    case "gte":
      return value >= threshold - EPS;
    case "gt":
      return value > threshold + EPS;
    case "lte":
      return value <= threshold + EPS;
    case "lt":
      return value < threshold - EPS;
    case "eq":
      return Math.abs(value - threshold) <= EPS;
    case "increase":
    case "decrease":
    case "maintain":
      return null;
  }
}

/**
 * Is the target met? Equal to an 以上 target meets it; lower-is-better comparators flip the direction;
 * several results meet only if each does. False as soon as one comparable result misses; null when no
 * result, a relative comparator, or a result whose unit disagrees (and none misses).
 */
export function meets(target: Target, results: ReadonlyArray<ResultValue>): boolean | null {
  if (results.length === 0 || isRelative(target.comparator)) return null;
  let unknown = false;
  for (const r of results) {
    if (!unitsAgree(target.unit, r.unit)) {
      unknown = true;
      continue;
    }
    if (holds(r.value, target.comparator, target.value) === false) return false;
  }
  return unknown ? null : true;
}

/**
 * Does the withdrawal criterion fire? Strictly below a 未満 threshold, at or below an 以下 one (and the
 * mirror for 超/以上). Any firing result fires; null when none fires and some result is not comparable.
 */
export function fires(criterion: WithdrawalCriterion, results: ReadonlyArray<ResultValue>): boolean | null {
  if (results.length === 0 || isRelative(criterion.comparator)) return null;
  let unknown = false;
  for (const r of results) {
    if (!unitsAgree(criterion.unit, r.unit)) {
      unknown = true;
      continue;
    }
    if (holds(r.value, criterion.comparator, criterion.threshold) === true) return true;
  }
  return unknown ? null : false;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A value with its unit as the sheets write it: 55.9%, 3件, 3.5, 10,000世帯 (up to 4 decimals, no trailing zeros). */
export function formatQuantity(value: number, unit: Unit): string {
  return formatUncached(value, unit);
}

function formatUncached(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return `${String(value)}${unit ?? ""}`;
  const sign = value < 0 ? "-" : "";
  const fixed = Math.abs(value)
    .toFixed(4)
    .replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const grouped = Math.abs(value) >= 10000 ? groupThousands(int) : int;
  return `${sign}${grouped}${frac === undefined ? "" : `.${frac}`}${unit ?? ""}`;
}

const JA_WORD: Readonly<Record<Comparator, string>> = {
  gte: "以上",
  gt: "超",
  lte: "以下",
  lt: "未満",
  eq: "",
  increase: "増加",
  decrease: "減少",
  maintain: "維持",
};
const EN_WORD: Readonly<Record<Comparator, string>> = {
  gte: "at least",
  gt: "more than",
  lte: "at most",
  lt: "less than",
  eq: "exactly",
  increase: "increase",
  decrease: "decrease",
  maintain: "maintain",
};
// the sign shown between result and threshold: the comparator's when it holds, its negation when not
const SIGN: Readonly<Record<"gte" | "gt" | "lte" | "lt" | "eq", readonly [string, string]>> = {
  gte: ["≥", "<"],
  gt: [">", "≤"],
  lte: ["≤", ">"],
  lt: ["<", "≥"],
  eq: ["=", "≠"],
};

/** Japanese and English text, as in findings and plan reasons. */
export interface ComparisonText {
  readonly ja: string;
  readonly en: string;
}

/** 「30%以上」 / "30% (at least)": a threshold with its comparator. */
export function describeThreshold(value: number, unit: Unit, comparator: Comparator): ComparisonText {
  return thresholdText(formatQuantity(value, unit), comparator);
}

function thresholdText(q: string, comparator: Comparator): ComparisonText {
  return { ja: `${q}${JA_WORD[comparator]}`, en: `${q} (${EN_WORD[comparator]})` };
}

/** A figure as the cell wrote it (「12万4千人」), else as kusei formats it. */
function shown(item: {
  readonly value: number;
  readonly unit: Unit;
  readonly figure?: string | undefined;
}): string {
  return item.figure !== undefined && item.figure !== ""
    ? item.figure
    : formatQuantity(item.value, item.unit);
}

/**
 * The threshold of a target or criterion as a reviewer checks it: the figure as written with its comparator
 * (「10万人以上」); a relative target made absolute names its baseline (「85件超(前年度 85件)」); one that
 * stays relative shows its words (「前年度以上」).
 */
function subjectText(subject: Target | WithdrawalCriterion): ComparisonText {
  if ("threshold" in subject)
    return thresholdText(
      shown({ value: subject.threshold, unit: subject.unit, figure: subject.figure }),
      subject.comparator,
    );
  const rel = subject.relative;
  if (rel === undefined) return thresholdText(shown(subject), subject.comparator);
  if (isRelative(subject.comparator)) return { ja: subject.raw, en: subject.raw };
  const t = describeThreshold(subject.value, subject.unit, subject.comparator);
  const b = rel.baseline;
  if (b === null) return t;
  const from = b.source === "history" ? "前年度までの実績" : "前年度";
  const fromEn = b.source === "history" ? "history column" : "previous year";
  return { ja: `${t.ja}(${from} ${b.figure})`, en: `${t.en} (${fromEn}: ${b.figure})` };
}

/**
 * One fragment per result, joined with 「、」 / ", ": 「55.9% ≥ 30%以上」 / "55.9% ≥ 30% (at least)";
 * 「3.2 < 3.5以上」 when missed; relative comparators and unit mismatches say why there is no answer.
 * A criterion reads the same way with its threshold: 「3.2 ≥ 3.0未満」 (does not fire). Figures appear as
 * the cells wrote them (「12万4千人 ≥ 10万人以上」), so that a misread shows at a glance.
 */
export function describeComparison(
  subject: Target | WithdrawalCriterion,
  results: ReadonlyArray<ResultValue>,
): ComparisonText {
  const threshold = "threshold" in subject ? subject.threshold : subject.value;
  const t = subjectText(subject);
  if (results.length === 0) return { ja: `結果なし (${t.ja})`, en: `no result (${t.en})` };
  const ja: string[] = [];
  const en: string[] = [];
  for (const r of results) {
    const q = shown(r);
    if (!unitsAgree(subject.unit, r.unit)) {
      ja.push(`${q} と ${t.ja} は単位が異なる`);
      en.push(`${q} vs ${t.en}: units differ`);
      continue;
    }
    const c = subject.comparator;
    if (c === "increase" || c === "decrease" || c === "maintain") {
      ja.push(`${q} (${t.ja}: 前年度の値が必要)`);
      en.push(`${q} (${t.en}: needs the previous year's value)`);
      continue;
    }
    const sign = SIGN[c][holds(r.value, c, threshold) === true ? 0 : 1];
    ja.push(`${q} ${sign} ${t.ja}`);
    en.push(`${q} ${sign} ${t.en}`);
  }
  return { ja: ja.join("、"), en: en.join(", ") };
}
