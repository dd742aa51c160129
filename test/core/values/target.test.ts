import { parseTargets, type ParseContext } from "../../../src/core/values";
import type { Target } from "../../../src/core/model/values";

const ctx: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };
type Partial = { [K in keyof Target]?: Target[K] };

describe("parseTargets: seed examples", () => {
  test.each<[string, Partial[]]>([
    [
      "H29年度までに50%以上",
      [
        {
          label: null,
          value: 50,
          unit: "%",
          comparator: "gte",
          deadline: { from: 2017, to: 2017, endOfYear: false },
        },
      ],
    ],
    [
      "窓口サービス満足度:70%以上(平成29年度)",
      [
        {
          label: "窓口サービス満足度",
          value: 70,
          unit: "%",
          comparator: "gte",
          note: null,
          deadline: { from: 2017, to: 2017, endOfYear: false },
        },
      ],
    ],
    ["3.5以上", [{ value: 3.5, unit: null, comparator: "gte", deadline: null }]],
    ["H29年度までに3.5点以上", [{ value: 3.5, unit: "点", comparator: "gte" }]],
    ["3件", [{ value: 3, unit: "件", comparator: "gte" }]],
    ["100%", [{ value: 100, unit: "%", comparator: "gte" }]],
    [
      "10,000世帯以上(R3~R5作成合計目標)",
      [
        {
          value: 10000,
          unit: "世帯",
          comparator: "gte",
          cumulative: true,
          note: "R3~R5作成合計目標",
          deadline: { from: 2021, to: 2023, endOfYear: false },
        },
      ],
    ],
    [
      "地域活動の重要性や役割を理解している区民の割合:平成31年度末までに60%",
      [
        {
          label: "地域活動の重要性や役割を理解している区民の割合",
          value: 60,
          unit: "%",
          comparator: "gte",
          deadline: { from: 2019, to: 2019, endOfYear: true },
        },
      ],
    ],
    [
      "職員提案への提案件数 3件(平成26年度実績 1件)",
      [{ label: "職員提案への提案件数", value: 3, unit: "件", note: "平成26年度実績 1件", deadline: null }],
    ],
    [
      "地域活動協議会の活動に参加したことがある区民の割合30%以上 区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合60%以上",
      [
        {
          label: "地域活動協議会の活動に参加したことがある区民の割合",
          value: 30,
          unit: "%",
          comparator: "gte",
        },
        {
          label: "区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合",
          value: 60,
          unit: "%",
          comparator: "gte",
        },
      ],
    ],
    [
      "職員のやりがい度調査において、「仕事にやりがいを感じている、もしくはある程度やりがいを感じている」と回答した職員の割合 92%以上(平成28年度末) 職員提案への提案件数 3件(平成26年度実績 1件)",
      [
        {
          value: 92,
          unit: "%",
          comparator: "gte",
          note: null,
          deadline: { from: 2016, to: 2016, endOfYear: true },
        },
        { label: "職員提案への提案件数", value: 3, unit: "件", note: "平成26年度実績 1件", deadline: null },
      ],
    ],
    [
      "区民モニターの分析結果を担当部署にフィードバックできた割合:100% 区政会議において活発な意見が述べられたと感じる委員の割合:60%以上",
      [
        { label: "区民モニターの分析結果を担当部署にフィードバックできた割合", value: 100, unit: "%" },
        { label: "区政会議において活発な意見が述べられたと感じる委員の割合", value: 60, unit: "%" },
      ],
    ],
    [
      "【地域活動力の向上】地域活動の重要性や役割を理解している区民の割合:平成31年度末までに60% 【こどもの生きる力の向上】重点目標 こどもたちの「生きる力」につながる学習や意欲が高まったと感じる事業参加者の割合:平成31年度末までに70%",
      [
        { value: 60, unit: "%", label: "【地域活動力の向上】地域活動の重要性や役割を理解している区民の割合" },
        {
          value: 70,
          unit: "%",
          label:
            "【こどもの生きる力の向上】重点目標 こどもたちの「生きる力」につながる学習や意欲が高まったと感じる事業参加者の割合",
        },
      ],
    ],
    [
      "来庁者等に対する窓口サービス格付結果:3.5以上",
      [{ label: "来庁者等に対する窓口サービス格付結果", value: 3.5, unit: null }],
    ],
    [
      "地域の防災・防犯…割合:80%(平成29年度)",
      [{ value: 80, unit: "%", deadline: { from: 2017, to: 2017, endOfYear: false } }],
    ],
  ])("%s", (text, expected) => {
    const parsed = parseTargets(text, ctx);
    expect(parsed.failures).toEqual([]);
    expect(parsed.items).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(parsed.items[i]).toMatchObject(e));
  });
});

describe("parseTargets: splitting", () => {
  test.each<[string, number[]]>([
    ["参加者数 100人以上\n満足度 80%以上", [100, 80]],
    ["・参加者数 100人以上 ・満足度 80%以上", [100, 80]],
    ["参加者数　100人以上　満足度　80%以上", [100, 80]],
    ["①参加者 100人 ②満足度 80%", [100, 80]],
    ["各1回以上", [1]],
    ["講座の開催 2回/年", [2]],
    ["過去1年間に相談した区民の割合 80%以上", [80]],
    ["7~8月に実施 参加者 50人", [50]],
    ["[3-1] 参加者 50人", [50]],
  ])("%j → %j", (text, values) => {
    expect(parseTargets(text, ctx).items.map((t) => t.value)).toEqual(values);
  });

  test("each item keeps its own text", () => {
    const parsed = parseTargets("参加者数 100人以上\n満足度 80%以上", ctx);
    expect(parsed.items.map((t) => t.raw)).toEqual(["参加者数 100人以上", "満足度 80%以上"]);
  });
});

describe("parseTargets: units", () => {
  test.each([
    ["50%", "%"],
    ["50％", "%"],
    ["50パーセント", "%"],
    ["5ポイント", "pt"],
    ["5pt", "pt"],
    ["5ｐｔ", "pt"],
    ["3.5点", "点"],
    ["3件", "件"],
    ["4回", "回"],
    ["100人", "人"],
    ["100名", "人"],
    ["5団体", "団体"],
    ["3箇所", "箇所"],
    ["3か所", "箇所"],
    ["3カ所", "箇所"],
    ["3ヶ所", "箇所"],
    ["10,000世帯", "世帯"],
    ["22地域", "地域"],
    ["10校", "校"],
    ["30日", "日"],
    ["2時間", "時間"],
    ["500円", "円"],
    ["300千円", "円"],
    ["8割", "%"],
    ["3.5", null],
  ])("%s → %s", (text, unit) => {
    const t = parseTargets(text, ctx).items[0];
    expect(t?.unit).toBe(unit);
  });

  test("千円 and 割 fold into 円 and %, with their scale", () => {
    expect(parseTargets("300千円", ctx).items[0]).toMatchObject({ value: 300000, unit: "円" });
    expect(parseTargets("8割以上", ctx).items[0]).toMatchObject({ value: 80, unit: "%", comparator: "gte" });
  });

  test("full-width digits and 万", () => {
    expect(parseTargets("５５．５％以上", ctx).items[0]).toMatchObject({ value: 55.5, unit: "%" });
    expect(parseTargets("1万人以上", ctx).items[0]).toMatchObject({ value: 10000, unit: "人" });
  });
});

describe("parseTargets: comparators", () => {
  test.each([
    ["50%以上", "gte"],
    ["50%", "gte"],
    ["5件以下", "lte"],
    ["5件未満", "lt"],
    ["50%超", "gt"],
    ["50%を超える", "gt"],
    ["50%を上回る", "gt"],
    ["5件を下回る", "lt"],
    ["30日以内", "lte"],
    ["5件まで", "lte"],
  ])("%s → %s", (text, comparator) => {
    const parsed = parseTargets(text, ctx);
    expect(parsed.items[0]?.comparator).toBe(comparator);
    expect(parsed.failures).toEqual([]);
  });

  test.each([
    ["前年度比10%増加", "increase"],
    ["事故件数 前年度比5%減少", "decrease"],
    ["満足度 80%を維持", "maintain"],
    ["相談件数 前年度より10件増", "increase"],
  ])("%s is relative (%s): parsed and reported", (text, comparator) => {
    const parsed = parseTargets(text, ctx);
    expect(parsed.items[0]?.comparator).toBe(comparator);
    expect(parsed.failures.map((f) => f.code)).toEqual(["relative-needs-previous"]);
  });
});

describe("parseTargets: failures", () => {
  test.each([
    ["平成27年度中に地域資源に関する情報が得られる仕組みを立ち上げる。", "no-number"],
    ["", "empty"],
    ["  \n ", "empty"],
    ["x".repeat(5001), "too-long"],
  ])("%j → %s", (text, code) => {
    const parsed = parseTargets(text, ctx);
    expect(parsed.items).toEqual([]);
    expect(parsed.failures.map((f) => f.code)).toEqual([code]);
    expect(parsed.failures[0]?.raw).toBe(text);
  });

  test("a relative target without a baseline is kept relative (never judged) and says so", () => {
    const parsed = parseTargets("前年度より増加", ctx);
    expect(parsed.items).toMatchObject([
      { comparator: "increase", relative: { change: "increase", baseline: null } },
    ]);
    expect(parsed.failures.map((f) => f.code)).toEqual(["relative-needs-previous"]);
  });

  test("a non-existent era year is reported next to the parsed target", () => {
    const parsed = parseTargets("平成32年度までに50%以上", ctx);
    expect(parsed.items[0]).toMatchObject({ value: 50, deadline: { from: 2020, to: 2020 } });
    expect(parsed.failures).toEqual([{ raw: "平成32年度", code: "bad-era-year", detail: "令和2年度" }]);
  });

  test("maxLength from the context", () => {
    expect(parseTargets("50%以上", { ...ctx, maxLength: 3 }).failures.map((f) => f.code)).toEqual([
      "too-long",
    ]);
  });
});

describe("parseTargets: quantities inside labels are not targets", () => {
  test.each<[string, number[]]>([
    ["3人以上の世帯の割合 20%以上", [20]],
    ["1日あたりの利用者数 50人以上", [50]],
    ["人口1万人につき 3件以下", [3]],
    ["65歳以上の高齢者の割合 30%", [30]],
    ["待機児童数 0人まで減らす", [0]],
    ["研修 3件以上の開催 満足度80%以上", [3, 80]],
    ["満足度80%以上の達成", [80]],
  ])("%j → %j", (text, values) => {
    expect(parseTargets(text, ctx).items.map((t) => t.value)).toEqual(values);
  });

  test("「0人まで減らす」 is an absolute at-most target, not a relative one", () => {
    const parsed = parseTargets("待機児童数 0人まで減らす", ctx);
    expect(parsed.items[0]?.comparator).toBe("lte");
    expect(parsed.failures).toEqual([]);
  });
});
