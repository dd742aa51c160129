import {
  fires,
  formatQuantity,
  labelSimilarity,
  meets,
  pairValues,
  parseCriteria,
  parseResults,
  parseTargets,
  valueProblems,
  type ParseContext,
} from "../../../src/core/values";
import { describeComparison } from "../../../src/core/messages/comparison";
import type {
  Comparator,
  ResultValue,
  Target,
  Unit,
  WithdrawalCriterion,
} from "../../../src/core/model/values";

const ctx: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };

const target = (
  value: number,
  unit: Unit,
  comparator: Comparator = "gte",
  label: string | null = null,
): Target => ({
  raw: `${value}${unit ?? ""}`,
  label,
  value,
  unit,
  comparator,
  deadline: null,
  cumulative: false,
  note: null,
});
const result = (value: number, unit: Unit, label: string | null = null): ResultValue => ({
  raw: `${value}${unit ?? ""}`,
  label,
  value,
  unit,
  note: null,
});
const criterion = (threshold: number, unit: Unit, comparator: Comparator): WithdrawalCriterion => ({
  raw: "",
  label: null,
  refersToTarget: true,
  threshold,
  unit,
  comparator,
  action: "reconsider",
  actionText: "手法を再検討する",
});

describe("labelSimilarity", () => {
  test("感じる/感ずる variants are the same label", () => {
    expect(labelSimilarity("適切であると感ずる地域の割合", "適切であると感じる地域の割合")).toBe(1);
  });
  test("unrelated labels are far apart, null is 0", () => {
    expect(labelSimilarity("窓口サービス満足度", "職員提案への提案件数")).toBeLessThan(0.2);
    expect(labelSimilarity(null, "窓口")).toBe(0);
  });
});

describe("pairValues on seed rows", () => {
  test("[3-1]: two % targets with two % results, by label", () => {
    const t = parseTargets(
      "地域活動協議会の活動に参加したことがある区民の割合30%以上 区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合60%以上",
      ctx,
    ).items;
    // results in the other order: labels decide, not order
    const r = parseResults(
      "区役所の支援が地域にとって適切であると感じる小学校区等地域の割合85% 地域活動協議会の活動に参加したことがある区民の割合55.9%(地域活動協議会の活動を知っている方)",
      ctx,
    ).items;
    const p = pairValues(t, r);
    expect(p.problem).toBeNull();
    expect(p.pairs.map((x) => [x.left.value, x.right.map((y) => y.value)])).toEqual([
      [30, [55.9]],
      [60, [85]],
    ]);
  });

  test("やりがい: two survey rounds go to the one % target, 0件 to 3件", () => {
    const t = parseTargets(
      "職員のやりがい度調査において、「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合 92%以上(平成28年度末) 職員提案への提案件数 3件(平成26年度実績 1件)",
      ctx,
    ).items;
    const r = parseResults(
      "「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合(職員アンケート調査結果) 7~8月 ワーク・ライフ・バランス研修時...75% 1月 サービス・コンプライアンス研修時...69.5% 職員提案への提案件数 0件",
      ctx,
    ).items;
    const p = pairValues(t, r);
    expect(p.problem).toBeNull();
    expect(p.pairs.map((x) => [x.left.value, x.right.map((y) => y.value)])).toEqual([
      [92, [75, 69.5]],
      [3, [0]],
    ]);
  });

  test("格付 3.5以上 with 3.2 (bare numbers)", () => {
    const p = pairValues(
      parseTargets("来庁者等に対する窓口サービス格付結果:3.5以上", ctx).items,
      parseResults("来庁者等に対する窓口サービス格付結果:3.2", ctx).items,
    );
    expect(p.problem).toBeNull();
    expect(p.pairs[0]?.right.map((r) => r.value)).toEqual([3.2]);
  });
});

describe("pairValues rules", () => {
  test("by order when labels are missing and counts agree", () => {
    const p = pairValues([target(30, "%"), target(60, "%")], [result(55.9, "%"), result(85, "%")]);
    expect(p.problem).toBeNull();
    expect(p.pairs.map((x) => x.right.map((r) => r.value))).toEqual([[55.9], [85]]);
  });

  test("more results than targets of a unit without labels: ambiguous or count mismatch, no guess", () => {
    const p = pairValues(
      [target(30, "%"), target(60, "%")],
      [result(1, "%"), result(2, "%"), result(3, "%")],
    );
    expect(p.problem).toBe("count-mismatch");
    expect(p.pairs.flatMap((x) => x.right)).toEqual([]);
  });

  test("fewer results than targets: count mismatch", () => {
    const p = pairValues([target(92, "%"), target(3, "件")], [result(75, "%")]);
    expect(p.problem).toBe("count-mismatch");
    expect(p.pairs[0]?.right.map((r) => r.value)).toEqual([75]);
    expect(p.pairs[1]?.right).toEqual([]);
  });

  test("a result whose unit no target has: unit mismatch", () => {
    const p = pairValues([target(50, "%")], [result(3, "件")]);
    expect(p.problem).toBe("unit-mismatch");
  });

  test("empty sides", () => {
    expect(pairValues([], []).problem).toBeNull();
    expect(pairValues([target(1, "件")], []).problem).toBe("count-mismatch");
    expect(pairValues([], [result(1, "件")]).problem).toBe("count-mismatch");
  });

  test("targets with criteria: three criteria for two targets is reported", () => {
    const t = parseTargets(
      "区民モニターの分析結果を担当部署にフィードバックできた割合:100% 区政会議において活発な意見が述べられたと感じる委員の割合:60%以上",
      ctx,
    ).items;
    const c = parseCriteria(
      "左記目標が30%未満であれば、手法を再検討する。 左記目標が20%未満であれば、手法を再検討する。 左記目標が30%未満であれば、手法を再検討する。",
      ctx,
    ).items;
    expect(pairValues(t, c).problem).toBe("count-mismatch");
  });
});

describe("meets", () => {
  test.each<[Target, ResultValue[], boolean | null]>([
    [target(30, "%"), [result(55.9, "%")], true],
    [target(30, "%"), [result(30, "%")], true],
    [target(70, "%"), [result(95, "%")], true],
    [target(3.5, null), [result(3.2, null)], false],
    [target(92, "%"), [result(75, "%"), result(69.5, "%")], false],
    [target(50, "%"), [result(95, "%"), result(40, "%")], false],
    [target(3, "件"), [result(0, "件")], false],
    [target(3, "件"), [result(3, "件")], true],
    [target(5, "件", "lte"), [result(5, "件")], true],
    [target(5, "件", "lte"), [result(6, "件")], false],
    [target(5, "件", "lt"), [result(5, "件")], false],
    [target(50, "%", "gt"), [result(50, "%")], false],
    [target(30, "日", "lte"), [result(12, "日")], true],
    [target(10, "%", "increase"), [result(80, "%")], null],
    [target(10, "%", "maintain"), [result(80, "%")], null],
    [target(50, "%"), [result(3, "件")], null],
    [target(50, "%"), [result(3, "件"), result(10, "%")], false],
    [target(50, "%"), [], null],
    [target(3.5, "点"), [result(3.6, null)], true],
    [target(69.5, "%"), [result(69.5, "%")], true],
  ])("%j with %j → %s", (t, r, expected) => {
    expect(meets(t, r)).toBe(expected);
  });
});

describe("fires", () => {
  test.each<[WithdrawalCriterion, ResultValue[], boolean | null]>([
    [criterion(15, "%", "lt"), [result(55.9, "%")], false],
    [criterion(30, "%", "lte"), [result(30, "%")], true],
    [criterion(30, "%", "lt"), [result(30, "%")], false],
    [criterion(30, "%", "lt"), [result(29.9, "%")], true],
    [criterion(3.0, null, "lt"), [result(3.2, null)], false],
    [criterion(3.0, null, "lt"), [result(2.9, null)], true],
    [criterion(20, "%", "lt"), [result(50, "%"), result(10, "%")], true],
    [criterion(20, "%", "lt"), [result(3, "件")], null],
    [criterion(20, "%", "lt"), [], null],
    [criterion(10, "件", "gt"), [result(11, "件")], true],
  ])("%j with %j → %s", (c, r, expected) => {
    expect(fires(c, r)).toBe(expected);
  });
});

describe("formatQuantity / describeComparison", () => {
  test.each<[number, Unit, string]>([
    [55.9, "%", "55.9%"],
    [3, "件", "3件"],
    [3.5, null, "3.5"],
    [3.0, null, "3"],
    [10000, "世帯", "10,000世帯"],
    [1234, "人", "1234人"],
    [-5, "件", "-5件"],
    [0.1 + 0.2, "%", "0.3%"],
  ])("%d %s → %s", (v, u, s) => {
    expect(formatQuantity(v, u)).toBe(s);
  });

  test.each<[Target | WithdrawalCriterion, ResultValue[], string, string]>([
    [target(30, "%"), [result(55.9, "%")], "55.9% ≥ 30%以上", "55.9% ≥ 30% (at least)"],
    [target(3.5, null), [result(3.2, null)], "3.2 < 3.5以上", "3.2 < 3.5 (at least)"],
    [
      target(92, "%"),
      [result(75, "%"), result(69.5, "%")],
      "75% < 92%以上、69.5% < 92%以上",
      "75% < 92% (at least), 69.5% < 92% (at least)",
    ],
    [target(5, "件", "lte"), [result(3, "件")], "3件 ≤ 5件以下", "3件 ≤ 5件 (at most)"],
    [criterion(3.0, null, "lt"), [result(3.2, null)], "3.2 ≥ 3未満", "3.2 ≥ 3 (less than)"],
    [criterion(30, "%", "lte"), [result(30, "%")], "30% ≤ 30%以下", "30% ≤ 30% (at most)"],
  ])("%j", (subject, results, ja, en) => {
    expect(describeComparison(subject, results)).toEqual({ ja, en });
  });

  test("relative and unit mismatch say why", () => {
    expect(describeComparison(target(10, "%", "increase"), [result(80, "%")]).ja).toContain(
      "前年度の値が必要",
    );
    expect(describeComparison(target(10, "%"), [result(8, "件")]).en).toContain("units differ");
    expect(describeComparison(target(10, "%"), []).ja).toContain("結果なし");
  });
});

describe("valueProblems", () => {
  test.each<[Target | ResultValue, string[]]>([
    [result(55.9, "%"), []],
    [result(120, "%"), ["values.percent-out-of-range"]],
    [result(-1, "%"), ["values.percent-out-of-range"]],
    [target(100, "%"), []],
    [target(110, "%", "increase"), []],
    [result(-3, "件"), ["values.negative-count"]],
    [result(-3, null), []],
    [result(-2, "円"), []],
  ])("%j → %j", (item, codes) => {
    expect(valueProblems(item).map((p) => p.code)).toEqual(codes);
  });

  test("criteria are checked on their threshold, parsed values end to end", () => {
    expect(valueProblems(criterion(150, "%", "lt")).map((p) => p.code)).toEqual([
      "values.percent-out-of-range",
    ]);
    const r = parseResults("満足度 105%", ctx).items[0];
    expect(r && valueProblems(r)[0]?.params).toEqual({ value: 105, unit: "%", raw: "満足度 105%" });
  });
});
