import { parseCriteria, parseResults, actionOf, type ParseContext } from "../../../src/core/values";
import type { ResultValue, WithdrawalCriterion } from "../../../src/core/model/values";

const ctx: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };

describe("parseResults", () => {
  test.each<[string, Array<Partial<ResultValue>>]>([
    [
      "地域活動協議会の活動に参加したことがある区民の割合55.9%(地域活動協議会の活動を知っている方) 区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合85%",
      [
        {
          label: "地域活動協議会の活動に参加したことがある区民の割合",
          value: 55.9,
          unit: "%",
          note: "地域活動協議会の活動を知っている方",
        },
        {
          label: "区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合",
          value: 85,
          unit: "%",
          note: null,
        },
      ],
    ],
    ["窓口サービス満足度:95%", [{ label: "窓口サービス満足度", value: 95, unit: "%" }]],
    [
      "来庁者等に対する窓口サービス格付結果:3.2",
      [{ label: "来庁者等に対する窓口サービス格付結果", value: 3.2, unit: null }],
    ],
    [
      "「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合(職員アンケート調査結果) 7~8月 ワーク・ライフ・バランス研修時...75% 1月 サービス・コンプライアンス研修時...69.5% 職員提案への提案件数 0件",
      [
        { value: 75, unit: "%" },
        { value: 69.5, unit: "%", label: "1月 サービス・コンプライアンス研修時" },
        { value: 0, unit: "件", label: "職員提案への提案件数" },
      ],
    ],
    [
      "86.3% 95.9%",
      [
        { value: 86.3, unit: "%", label: null },
        { value: 95.9, unit: "%", label: null },
      ],
    ],
    [
      "こどもたちの「生きる力」につながる学習意欲が高まったと感じる事業参加者の割合:85.8%",
      [{ value: 85.8, unit: "%" }],
    ],
    ["平成28年12月31日現在 登録者 1,234人", [{ value: 1234, unit: "人" }]],
    [
      "ワークライフバランス研修の実施 1回(7月~8月) 人権研修の実施 1回(12月)",
      [
        { value: 1, note: "7月~8月" },
        { value: 1, note: "12月" },
      ],
    ],
    [
      "無作為抽出した区民あてアンケート調査の実施 2回/年",
      [{ value: 2, unit: "回", label: "無作為抽出した区民あてアンケート調査の実施" }],
    ],
    ["平成27年度実績 窓口サービス満足度:93%", [{ value: 93, unit: "%", label: "窓口サービス満足度" }]],
    ["満足度 70%以上", [{ value: 70, unit: "%" }]],
    ["－５件", [{ value: -5, unit: "件" }]],
  ])("%s", (text, expected) => {
    const parsed = parseResults(text, ctx);
    expect(parsed.failures).toEqual([]);
    expect(parsed.items).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(parsed.items[i]).toMatchObject(e));
  });

  test.each([
    ["地域活動の重要性や役割を理解している区民の割合", "no-number"],
    ["7~8月 研修実施", "no-number"],
    ["", "empty"],
  ])("%j → %s", (text, code) => {
    expect(parseResults(text, ctx).failures.map((f) => f.code)).toEqual([code]);
  });
});

describe("parseCriteria", () => {
  test.each<[string, Array<Partial<WithdrawalCriterion>>]>([
    [
      "15%未満であれば、事業を再構築する。 30%以下であれば、手法を再検討する。",
      [
        {
          threshold: 15,
          unit: "%",
          comparator: "lt",
          action: "restructure",
          actionText: "事業を再構築する",
          refersToTarget: false,
        },
        {
          threshold: 30,
          unit: "%",
          comparator: "lte",
          action: "reconsider",
          actionText: "手法を再検討する",
          refersToTarget: false,
        },
      ],
    ],
    [
      "左記目標が30%未満であれば、手法を再検討する。",
      [
        {
          threshold: 30,
          unit: "%",
          comparator: "lt",
          refersToTarget: true,
          action: "reconsider",
          label: null,
        },
      ],
    ],
    [
      "左記目標が3.0未満であれば、手法を再検討する。",
      [{ threshold: 3, unit: null, comparator: "lt", refersToTarget: true }],
    ],
    ["左記目標が50%未満であれば、手法を再検討する。", [{ threshold: 50, unit: "%" }]],
    [
      "左記目標が30%未満であれば、手法を再検討する。 左記目標が20%未満であれば、手法を再検討する。 左記目標が30%未満であれば、手法を再検討する。",
      [{ threshold: 30 }, { threshold: 20 }, { threshold: 30 }],
    ],
    [
      "参加者数が100人未満の場合は事業を廃止する。",
      [{ label: "参加者数", threshold: 100, unit: "人", action: "abolish" }],
    ],
    [
      "満足度が50%以下となった場合、事業の見直しを行う",
      [{ label: "満足度", threshold: 50, comparator: "lte", action: "reconsider" }],
    ],
    ["10件未満であれば、撤退する。", [{ action: "abolish" }]],
    ["10件未満であれば、規模を縮小する。", [{ action: "other", actionText: "規模を縮小する" }]],
    [
      "１５％未満であれば、事業を再構築する。\n３０％以下であれば、手法を再検討する。",
      [{ threshold: 15 }, { threshold: 30 }],
    ],
  ])("%s", (text, expected) => {
    const parsed = parseCriteria(text, ctx);
    expect(parsed.failures).toEqual([]);
    expect(parsed.items).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(parsed.items[i]).toMatchObject(e));
  });

  test.each([
    ["職員提案への提案件数(平成26年度実績 1件)", ["not-computable"]],
    ["実施できなかった場合", ["not-computable"]],
    ["撤退基準達成", ["ambiguous-wording"]],
    ["撤退基準に該当", ["ambiguous-wording"]],
    ["撤退基準に該当する場合は事業を廃止する。", ["ambiguous-wording"]],
    ["5件であれば見直す", ["no-comparator"]],
    ["", ["empty"]],
  ])("%j → %j", (text, codes) => {
    const parsed = parseCriteria(text, ctx);
    expect(parsed.items).toEqual([]);
    expect(parsed.failures.map((f) => f.code)).toEqual(codes);
  });

  test.each([
    ["事業を再構築する", "restructure"],
    ["手法を再検討する", "reconsider"],
    ["手法を見直す", "reconsider"],
    ["事業を廃止する", "abolish"],
    ["撤退する", "abolish"],
    ["担当課と協議する", "other"],
  ])("actionOf(%s) = %s", (text, action) => {
    expect(actionOf(text)).toBe(action);
  });
});

describe("parseResults: labels start after a sentence or a bullet", () => {
  test.each<[string, Array<string | null>]>([
    [
      "・中間支援組織の支援により、情報発信を推進した。 ・広報「ひらの」において情報発信を行った。 全22地域",
      ["全"],
    ],
    [
      "平成26年度実績 ・地域活動協議会の運営支援 全22地域 ・地域担当制の体制の再構築 平成25年度実績 ・地域活動協議会の設立支援 全22地域",
      ["地域活動協議会の運営支援 全", "地域活動協議会の設立支援 全"],
    ],
    ["ワーク・ライフ・バランス研修 2回", ["ワーク・ライフ・バランス研修"]],
  ])("%s", (text, labels) => {
    expect(parseResults(text, ctx).items.map((r) => r.label)).toEqual(labels);
  });
});
