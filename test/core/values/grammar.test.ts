// The value grammar (src/core/values/grammar.ts) and what the parsers make of it: numbers with 万/千 and
// kanji numerals, open counters, comparator families with conjugations and negations, relative targets
// resolved from a baseline, certainty (a cell read only in part yields nothing).
import {
  parseCriteria,
  parseResults,
  parseTargets,
  readArabic,
  readComparison,
  readKanjiNumeral,
  resolveWithHistory,
} from "../../../src/core/values";
import type { ParseContext } from "../../../src/core/values";

const ctx: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };
const one = (text: string) => parseTargets(text, ctx).items[0];

describe("numbers", () => {
  test.each([
    ["12万4千", 124000],
    ["1億2,000万", 120000000],
    ["1.5万", 15000],
    ["3千", 3000],
    ["1,234,567", 1234567],
    ["55.9", 55.9],
  ])("arabic %s = %d", (text, value) => {
    expect(readArabic(text, 0)).toEqual({ value, end: text.length });
  });

  test.each([
    ["十二", 12],
    ["一万二千", 12000],
    ["百五十", 150],
    ["二〇", 20],
    ["三千五百", 3500],
    ["十", 10],
  ])("kanji %s = %d", (text, value) => {
    expect(readKanjiNumeral(text, 0)?.value).toBe(value);
  });

  test("a comma list is not a thousands separator", () => {
    expect(readArabic("1,2", 0)).toEqual({ value: 1, end: 1 });
  });

  test("words that contain a numeral are not quantities", () => {
    for (const text of ["十分な支援を行う", "一人ひとりに寄り添う", "統一した様式で一部実施", "万全の体制"])
      expect(parseTargets(text, ctx).items).toEqual([]);
  });
});

describe("units: an open class with synonyms", () => {
  test.each([
    ["5台以上", 5, "台"],
    ["45分以内", 45, "分"],
    ["100ページ", 100, "ページ"],
    ["3冊以上", 3, "冊"],
    ["12万4千人以上", 124000, "人"],
    ["一万二千人以上", 12000, "人"],
    ["十二回以上", 12, "回"],
    ["3割5分以上", 35, "%"],
    ["5ポイント", 5, "pt"],
    ["50パーセント", 50, "%"],
    ["10ヶ所", 10, "箇所"],
    ["10か所", 10, "箇所"],
    ["30名", 30, "人"],
    ["500千円", 500000, "円"],
    ["5km", 5, "km"],
  ])("%s → %d %s", (text, value, unit) => {
    expect(one(text)).toMatchObject({ value, unit });
  });

  test("the figure is kept as written", () => {
    expect(one("延べ12万4千人以上")?.figure).toBe("12万4千人");
    expect(one("約300人")).toMatchObject({ value: 300, approx: true, figure: "300人" });
  });
});

describe("comparator families, conjugations and negations", () => {
  test.each([
    ["以上", "gte"],
    ["以下", "lte"],
    ["未満", "lt"],
    ["超", "gt"],
    ["を超える", "gt"],
    ["を超えた", "gt"],
    ["を超えない", "lte"],
    ["を超えなかった", "lte"],
    ["を上回る", "gt"],
    ["を上回った", "gt"],
    ["を上回らない", "lte"],
    ["を下回る", "lt"],
    ["を下回った", "lt"],
    ["を下回らない", "gte"],
    ["に満たない", "lt"],
    ["に満たなかった", "lt"],
    ["に達しない", "lt"],
    ["に達しなかった", "lt"],
    ["に達した", "gte"],
    ["を切る", "lt"],
    ["を切った", "lt"],
    ["を割り込んだ", "lt"],
    ["以内", "lte"],
    ["まで", "lte"],
    ["以上でない", "lt"],
    ["以上とならなかった", "lt"],
  ])("%s → %s", (word, comparator) => {
    expect(readComparison(word, 0)?.comparator).toBe(comparator);
  });

  test("までに is a deadline, not a comparator", () => {
    expect(readComparison("までに", 0)).toBeNull();
  });

  test.each([
    ["45分を超えた場合は手法を見直す", 45, "分", "gt"],
    ["25%を下回った場合", 25, "%", "lt"],
    ["年4回に満たない場合", 4, "回", "lt"],
    ["20%以下となった場合", 20, "%", "lte"],
    ["参加者が50人に達しない場合は事業を再構築する", 50, "人", "lt"],
    ["満足度が60%を超えない場合は再検討する", 60, "%", "lte"],
  ])("criterion %s", (text, threshold, unit, comparator) => {
    expect(parseCriteria(text, ctx).items[0]).toMatchObject({ threshold, unit, comparator });
  });
});

describe("labels, notes, figure before the verb", () => {
  test("(1)(2) list labels start items; they are neither label text nor notes", () => {
    const items = parseTargets("(1)窓口満足度 70%以上 (2)区政満足度 60%以上", ctx).items;
    expect(items.map((i) => [i.label, i.value, i.note])).toEqual([
      ["窓口満足度", 70, null],
      ["区政満足度", 60, null],
    ]);
  });

  test("a bracketed note beside a result is not the result", () => {
    expect(parseResults("87.3%(回答者 212人)", ctx).items).toMatchObject([
      { value: 87.3, note: "回答者 212人" },
    ]);
    expect(parseResults("55.9%(前年度 31.5%)", ctx).items).toMatchObject([{ value: 55.9, unit: "%" }]);
  });

  test("the figure before the verb", () => {
    expect(one("ワークショップを8回以上開催")).toMatchObject({ value: 8, unit: "回", comparator: "gte" });
  });
});

describe("relative targets", () => {
  test("a baseline in the cell makes the target absolute", () => {
    expect(one("前年度(85件)を上回る")).toMatchObject({ value: 85, unit: "件", comparator: "gt" });
    expect(parseTargets("前年度(85件)を上回る", ctx).failures).toEqual([]);
  });

  test("前年度比10%増 with a baseline in the cell: at least 110% of it", () => {
    const t = one("相談件数 前年度(200件)比10%増");
    expect(t).toMatchObject({ value: 220, unit: "件", comparator: "gte" });
  });

  test("without a baseline a relative target stays relative", () => {
    for (const text of ["前年度以上", "前年度より減少", "前年度比10%増"]) {
      const p = parseTargets(text, ctx);
      expect(p.failures.map((f) => f.code)).toContain("relative-needs-previous");
      expect(["increase", "decrease", "maintain"]).toContain(p.items[0]?.comparator);
    }
  });

  test("前年度までの実績 naming last year's figure resolves it; another year does not", () => {
    const t = one("前年度以上");
    expect(t).toBeDefined();
    if (t === undefined) return;
    expect(resolveWithHistory(t, "平成27年度実績 210件\n平成26年度実績 180件", ctx)).toMatchObject({
      value: 210,
      unit: "件",
      comparator: "gte",
    });
    expect(resolveWithHistory(t, "平成26年度実績 180件", ctx).comparator).toBe("increase");
  });
});

describe("certainty: a cell read only in part yields nothing", () => {
  test("a range is not a figure", () => {
    expect(parseTargets("10~20件", ctx)).toMatchObject({ items: [], failures: [{ code: "range" }] });
  });

  test("a number glued to words the grammar cannot place makes the cell partial", () => {
    const p = parseResults("参加者 120人 うち継続参加者12", ctx);
    expect(p.items).toEqual([]);
    expect(p.failures.map((f) => f.code)).toEqual(["partial"]);
  });
});
