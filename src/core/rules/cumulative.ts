import type { ResultValue, Target } from "../model/values";

/**
 * The results a target is judged on. A cumulative target (合計, 累計, 延べ: 「10,000世帯以上(R3~R5作成合計目標)」)
 * compares the sum of its paired results (one per year); any other target compares each result.
 */
export function judgedResults(
  target: Target,
  results: ReadonlyArray<ResultValue>,
): ReadonlyArray<ResultValue> {
  if (!target.cumulative || results.length < 2) return results;
  const units = new Set(results.map((r) => r.unit));
  if (units.size > 1) return results;
  const first = results[0];
  return [
    {
      raw: results.map((r) => r.raw).join(" + "),
      label: first?.label ?? null,
      value: results.reduce((sum, r) => sum + r.value, 0),
      unit: first?.unit ?? null,
      note: "累計",
    },
  ];
}
