import type { AchievementClass } from "../../../src/core/model/evaluation";
import type { FindingCode } from "../../../src/core/model/findings";
import { initiative } from "./builders";
import { run } from "./helpers";

interface Case {
  readonly name: string;
  readonly target: string;
  readonly result: string;
  readonly criterion?: string;
  readonly achievement: AchievementClass | null;
  readonly flag?: boolean;
  /** codes that must be among the row's findings */
  readonly codes?: ReadonlyArray<FindingCode>;
  /** fragments of the reason (ja) */
  readonly reason?: ReadonlyArray<string>;
}

const CASES: ReadonlyArray<Case> = [
  {
    name: "[3-1] 30%以上・60%以上 に 55.9%・85% → 目標達成、撤退なし",
    target:
      "地域活動協議会の活動に参加したことがある区民の割合30%以上\n区役所の支援が地域にとって適切であると感じる小学校区等地域の割合60%以上",
    result:
      "地域活動協議会の活動に参加したことがある区民の割合55.9%(地域活動協議会の活動を知っている方)\n区役所の支援が地域にとって適切であると感じる小学校区等地域の割合85%",
    criterion: "15%未満であれば、事業を再構築する。\n30%以下であれば、手法を再検討する。",
    achievement: "achieved",
    reason: ["55.9% ≥ 30%以上", "85% ≥ 60%以上", "目標達成"],
  },
  {
    name: "窓口サービス満足度 70%以上 に 95% → 目標達成",
    target: "窓口サービス満足度:70%以上",
    result: "窓口サービス満足度:95%",
    criterion: "左記目標が50%未満であれば、手法を再検討する。",
    achievement: "achieved",
    reason: ["95% ≥ 70%以上"],
  },
  {
    name: "窓口サービス格付 3.5以上 に 3.2、基準 3.0未満 → 目標未達成、撤退なし",
    target: "来庁者等に対する窓口サービス格付結果:3.5以上",
    result: "来庁者等に対する窓口サービス格付結果:3.2",
    criterion: "左記目標が3.0未満であれば、手法を再検討する。",
    achievement: "missed",
    reason: ["3.2 < 3.5以上", "目標未達成"],
  },
  {
    name: "やりがい 92%以上・提案 3件 に 75%/69.5%・0件 → 目標未達成、撤退基準は判定不能",
    target:
      "職員のやりがい度調査において、「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合 92%以上(平成28年度末)\n職員提案への提案件数 3件(平成26年度実績 1件)",
    result:
      "「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合(職員アンケート調査結果)\n7~8月 ワーク・ライフ・バランス研修時...75%\n1月 サービス・コンプライアンス研修時...69.5%\n職員提案への提案件数 0件",
    criterion: "職員提案への提案件数(平成26年度実績 1件)",
    achievement: "missed",
    codes: ["parse.criterion-not-computable"],
    reason: ["75% < 92%以上", "69.5% < 92%以上", "0件 < 3件以上"],
  },
  {
    name: "10% は 15%未満 に該当 → 撤退基準未達成、行にフラグ",
    target: "参加率30%以上",
    result: "参加率10%",
    criterion: "15%未満であれば、事業を再構築する。",
    achievement: "withdrawal",
    flag: true,
    codes: ["derive.withdrawal-fired"],
    reason: ["10% < 15%未満", "撤退基準未達成"],
  },
  {
    name: "以下の基準は等しい値で該当する(30% ≤ 30%以下)",
    target: "参加率60%以上",
    result: "参加率30%",
    criterion: "30%以下であれば、手法を再検討する。",
    achievement: "withdrawal",
    flag: true,
  },
  {
    name: "未満の基準は等しい値では該当しない(15% は 15%未満でない)",
    target: "参加率30%以上",
    result: "参加率15%",
    criterion: "15%未満であれば、事業を再構築する。",
    achievement: "missed",
  },
  { name: "以上の目標は等しい値で達成", target: "3.5以上", result: "3.5", achievement: "achieved" },
  {
    name: "以下の目標(低いほど良い)",
    target: "待ち時間 15日以内",
    result: "待ち時間 12日",
    achievement: "achieved",
  },
  {
    name: "未満の目標を超えた → 未達成",
    target: "事故件数 5件未満",
    result: "事故件数 5件",
    achievement: "missed",
  },
  {
    name: "2回の調査はどちらも目標を満たす必要がある",
    target: "満足度80%以上",
    result: "第1回 85%\n第2回 79%",
    achievement: "missed",
  },
  {
    name: "2回とも満たせば達成",
    target: "満足度80%以上",
    result: "第1回 85%\n第2回 80%",
    achievement: "achieved",
  },
  {
    name: "一方が未達成なら、他方が判定不能でも未達成",
    target: "参加者数 100人以上\n満足度 前年度比増加",
    result: "参加者数 80人\n満足度 75%",
    achievement: "missed",
  },
  {
    name: "判定不能な目標が残り、未達成がなければ記号なし",
    target: "参加者数 100人以上\n満足度 前年度比増加",
    result: "参加者数 120人\n満足度 75%",
    achievement: null,
    codes: ["derive.not-computable"],
  },
  {
    name: "単位が合わない → 判定せず報告",
    target: "実施回数 3回以上",
    result: "満足度 75%",
    achievement: null,
    codes: ["parse.unit-mismatch", "derive.not-computable"],
  },
  {
    name: "目標2件に実績1件(同じ単位、ラベルなし) → 推測せず報告",
    target: "30%以上\n60%以上",
    result: "55.9%",
    achievement: null,
    codes: ["parse.count-mismatch", "derive.not-computable"],
  },
  {
    name: "累計の目標は実績の合計と比べる(3,000+4,000+3,500 = 10,500 ≥ 10,000)",
    target: "10,000世帯以上(R3~R5作成合計目標)",
    result: "R3年度 3,000世帯\nR4年度 4,000世帯\nR5年度 3,500世帯",
    achievement: "achieved",
    reason: ["10,500世帯 ≥ 10,000世帯以上"],
  },
  {
    name: "累計の目標に合計が届かない → 未達成",
    target: "10,000世帯以上(R3~R5作成合計目標)",
    result: "R3年度 3,000世帯\nR4年度 4,000世帯\nR5年度 2,500世帯",
    achievement: "missed",
  },
  {
    name: "実績が空欄 → 記号なし",
    target: "30%以上",
    result: "",
    achievement: null,
    codes: ["derive.not-computable"],
  },
  {
    name: "「左記目標が」は同じ位置の目標を指す",
    target: "参加率60%以上\n開催回数 4回以上",
    result: "参加率70%\n開催回数 1回",
    criterion: "左記目標が30%未満であれば、手法を再検討する。\n左記目標が2回未満であれば、手法を再検討する。",
    achievement: "withdrawal",
    flag: true,
    reason: ["1回 < 2回未満"],
  },
];

describe("achievement derivation (domain.md §4)", () => {
  test.each(CASES.map((c) => [c.name, c]))("%s", (_name, c) => {
    const spec: Parameters<typeof initiative>[1] = {
      performanceTarget: c.target,
      achievementResult: c.result,
    };
    const record = initiative(
      7,
      c.criterion === undefined ? spec : { ...spec, withdrawalCriterion: c.criterion },
    );
    const { ctx, issues } = run([record]);
    const d = ctx.derived.initiativeById.get(record.id);
    expect(d).toBeDefined();
    expect(d?.achievement).toBe(c.achievement);
    expect(d?.withdrawalFlag).toBe(c.flag ?? false);
    for (const code of c.codes ?? []) expect(issues.map((i) => i.code)).toContain(code);
    for (const fragment of c.reason ?? []) expect(d?.reason.ja).toContain(fragment);
    if (!(c.flag ?? false)) expect(issues.map((i) => i.code)).not.toContain("derive.withdrawal-fired");
    expect(d?.reason.en.length).toBeGreaterThan(0);
  });

  test("3.2 vs 3.0未満 is explained as not firing", () => {
    const record = initiative(7, {
      performanceTarget: "3.5以上",
      achievementResult: "3.2",
      withdrawalCriterion: "左記目標が3.0未満であれば、手法を再検討する。",
    });
    const d = run([record]).ctx.derived.initiativeById.get(record.id);
    expect(d?.withdrawals.map((w) => [w.fired, w.explanation.ja])).toEqual([[false, "3.2 ≥ 3.0未満"]]);
  });

  test("a fired withdrawal names the criterion and its action, at the criterion cell", () => {
    const record = initiative(7, {
      performanceTarget: "参加率30%以上",
      achievementResult: "参加率10%",
      withdrawalCriterion: "15%未満であれば、事業を再構築する。",
    });
    const fired = run([record]).findings.find((f) => f.code === "derive.withdrawal-fired");
    expect(fired).toMatchObject({
      field: "withdrawal",
      cell: "G8",
      row: 8,
      column: "withdrawalCriterion",
      severity: "warning",
    });
    expect(fired?.message.ja).toContain("15%未満であれば、事業を再構築する。");
    expect(fired?.message.ja).toContain("事業を再構築する必要があります");
    expect(fired?.message.en).toContain("restructure");
  });

  test("やりがい: the criterion without a threshold is reported at its cell", () => {
    const record = initiative(7, {
      performanceTarget: "職員提案への提案件数 3件",
      achievementResult: "職員提案への提案件数 0件",
      withdrawalCriterion: "職員提案への提案件数(平成26年度実績 1件)",
    });
    const f = run([record]).findings.find((x) => x.code === "parse.criterion-not-computable");
    expect(f).toMatchObject({
      cell: "G8",
      field: "withdrawal",
      input: "職員提案への提案件数(平成26年度実績 1件)",
    });
  });
});
