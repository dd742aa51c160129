/** The "values" rule family's checks on one parsed value (domain.md §5). */
import type { ResultValue, Target, WithdrawalCriterion } from "../model/values";
import { isRelative } from "./compare";
import { isCountUnit } from "./units";

/** A value problem as plain data; the rule runner adds the place and the message. */
export interface ValueProblem {
  readonly code: "values.percent-out-of-range" | "values.negative-count";
  readonly params: { readonly value: number; readonly unit: string; readonly raw: string };
}

/**
 * Problems of one target, result or criterion: a percentage outside 0–100 (割 is read as %), a negative
 * count (件 回 人 団体 箇所 世帯 地域 校 施設 社 日 台 …). Relative targets (前年度比110%) are not checked.
 */
export function valueProblems(item: Target | ResultValue | WithdrawalCriterion): ValueProblem[] {
  const value = "threshold" in item ? item.threshold : item.value;
  const unit = item.unit;
  if (unit === null) return [];
  if ("comparator" in item && isRelative(item.comparator)) return [];
  // the params are built only for a problem: most values have none
  // 割 is read as % (3割 = 30%)
  if (unit === "%" && (value < 0 || value > 100)) {
    return [{ code: "values.percent-out-of-range", params: { value, unit, raw: item.raw } }];
  }
  if (isCountUnit(unit) && value < 0)
    return [{ code: "values.negative-count", params: { value, unit, raw: item.raw } }];
  return [];
}
