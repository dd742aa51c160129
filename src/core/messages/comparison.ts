/**
 * A comparison in the words a ward officer reads in a reason or a finding: 「55.9% ≥ 30%以上」 /
 * "55.9% ≥ 30% (at least)". The value grammar (src/core/values/compare.ts) decides; this module words it.
 */
import type { LocalizedText } from "../model/findings";
import type {
  Comparator,
  RelativeTarget,
  ResultValue,
  Target,
  Unit,
  WithdrawalCriterion,
} from "../model/values";
import { formatQuantity, holds, isRelative } from "../values/compare";
import { unitsAgree } from "../values/units";

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
export type ComparisonText = LocalizedText;

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

/** Where a relative target's baseline was read, as its explanation names it. */
const BASELINE_SOURCE: Readonly<Record<NonNullable<RelativeTarget["baseline"]>["source"], LocalizedText>> = {
  cell: { ja: "前年度", en: "previous year" },
  history: { ja: "前年度までの実績", en: "history column" },
  "previous-workbook": { ja: "前年度のブックの実績", en: "last year's workbook" },
};

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
  const from = BASELINE_SOURCE[b.source];
  return { ja: `${t.ja}(${from.ja} ${b.figure})`, en: `${t.en} (${from.en}: ${b.figure})` };
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
