import fc from "fast-check";
import {
  eraToFiscalYear,
  eraYearProblem,
  findYears,
  formatFiscalYear,
  parseYearSpan,
  type ParseContext,
} from "../../../src/core/values";

const heisei: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };
const reiwa: ParseContext = { evaluationYear: 2023, defaultEra: "reiwa" };

describe("eraToFiscalYear", () => {
  test.each([
    ["heisei", 1, 1989],
    ["heisei", 28, 2016],
    ["heisei", 29, 2017],
    ["heisei", 31, 2019],
    ["reiwa", 1, 2019],
    ["reiwa", 5, 2023],
  ] as const)("%s %d → %d", (era, n, fy) => {
    expect(eraToFiscalYear(era, n)).toBe(fy);
  });

  test("平成31年度 and 令和元年度 are the same fiscal year", () => {
    expect(eraToFiscalYear("heisei", 31)).toBe(eraToFiscalYear("reiwa", 1));
  });
});

describe("eraYearProblem / formatFiscalYear", () => {
  test.each([
    ["heisei", 31, null],
    ["heisei", 32, "令和2年度"],
    ["heisei", 33, "令和3年度"],
    ["reiwa", 0, "平成30年度"],
    ["heisei", 0, "1988年度"],
    ["reiwa", 1, null],
  ] as const)("%s %d → %s", (era, n, expected) => {
    expect(eraYearProblem(era, n)).toBe(expected);
  });

  test.each([
    [2016, "平成28年度"],
    [2019, "令和元年度"],
    [1989, "平成元年度"],
    [2021, "令和3年度"],
  ])("%d → %s", (year, text) => {
    expect(formatFiscalYear(year)).toBe(text);
  });
});

describe("parseYearSpan", () => {
  test.each<[string, ParseContext, unknown]>([
    ["平成29年度", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["H29年度", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["Ｈ２９年度までに", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["h29", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["令和元年度", heisei, { from: 2019, to: 2019, endOfYear: false }],
    ["令和 3 年度", heisei, { from: 2021, to: 2021, endOfYear: false }],
    ["R3~R5", heisei, { from: 2021, to: 2023, endOfYear: false }],
    ["R3〜R5", heisei, { from: 2021, to: 2023, endOfYear: false }],
    ["R3～R5作成合計目標", heisei, { from: 2021, to: 2023, endOfYear: false }],
    ["R3-5", heisei, { from: 2021, to: 2023, endOfYear: false }],
    ["平成29~31年度", heisei, { from: 2017, to: 2019, endOfYear: false }],
    ["平成30年度から令和2年度", heisei, { from: 2018, to: 2020, endOfYear: false }],
    ["5年度", reiwa, { from: 2023, to: 2023, endOfYear: false }],
    ["29年度", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["2017年度", heisei, { from: 2017, to: 2017, endOfYear: false }],
    ["平成31年度末までに", heisei, { from: 2019, to: 2019, endOfYear: true }],
    ["平成28年度末", heisei, { from: 2016, to: 2016, endOfYear: true }],
    ["年度末までに", heisei, { from: 2016, to: 2016, endOfYear: true }],
    ["今年度中に", heisei, { from: 2016, to: 2016, endOfYear: false }],
    ["50%以上", heisei, null],
    ["7~8月", heisei, null],
    ["", heisei, null],
    ["平成32年度", heisei, { raw: "平成32年度", code: "bad-era-year", detail: "令和2年度" }],
    ["令和0年度", heisei, { raw: "令和0年度", code: "bad-era-year", detail: "平成30年度" }],
    ["H35", heisei, { raw: "H35", code: "bad-era-year", detail: "令和5年度" }],
  ])("%j", (text, ctx, expected) => {
    expect(parseYearSpan(text, ctx)).toEqual(expected);
  });

  test("SNS or NPO letters are not eras", () => {
    expect(findYears("NPOR3団体", heisei)).toEqual([]);
  });

  test("finds every year of a text", () => {
    const s = "平成27年度実績 100% 平成26年度実績 100%";
    expect(findYears(s, heisei).map((h) => h.span.from)).toEqual([2015, 2014]);
  });

  test("never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (s) => {
        parseYearSpan(s, heisei);
      }),
      { numRuns: 1000 },
    );
  });
});
