/**
 * Comparing results with targets and withdrawal criteria (domain.md §4). The words a ward officer reads
 * for a comparison (「55.9% ≥ 30%以上」) are the catalogue's: src/core/messages/comparison.ts.
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
