import fc from "fast-check";
import { foldLabel, normalizeText } from "../../../src/core/text";

describe("normalizeText", () => {
  test.each([
    ["５５．９％", "55.9%"],
    ["〇", "○"],
    ["◯", "○"],
    ["✕", "×"],
    ["✖", "×"],
    ["R3～R5", "R3~R5"],
    ["R3〜R5", "R3~R5"],
    ["（ⅰ）", "(i)"],
    ["（ⅱ）", "(ii)"],
    ["㋐", "ア"],
    ["㋑", "イ"],
    ["①②③", "①②③"],
    ["☒ 目標達成", "☑ 目標達成"],
    ["■目標達成", "☑目標達成"],
    ["☐目標未達成", "□目標未達成"],
    ["Ａ", "A"],
    ["ａ", "a"],
    ["ｱ", "ア"],
    ["a\u3000\u3000b", "a b"],
    ["  a \r\n b  ", "a\nb"],
    ["a\rb", "a\nb"],
    ["x\u200By", "xy"],
    ["−5", "-5"],
    ["ー", "ー"],
    ["X", "X"],
  ])("%s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  test("is idempotent on sheet-like characters", () => {
    const chars = fc.constantFrom(
      ..."〇◯○✕✖×～〜~ⅰⅱ（）()㋐㋑①②③☑■□☐ 　\n\r\tＡａア%％0123456789.．,，ー－−―\u200B\u0301\u0338",
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (a) => {
        const once = normalizeText(a.join(""));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("foldLabel", () => {
  test.each([
    ["業績目標の\n達成状況", "業績目標の達成状況"],
    ["成果指数と目標値", "成果指標と目標値"],
    ["撤退・再構築基準", "撤退基準"],
    ["今後の対応方向・改善策", "今後の対応方向改善策"],
    ["「仕事にやりがいを感ずる」", "仕事にやりがいを感じる"],
    ["感ずっている区民の割合", "感じている区民の割合"],
    ["子どもの生きる力", "こどもの生きる力"],
    ["【地域活動力の向上】", "地域活動力の向上"],
    ["戦略の アウトカムに対する 有効性", "戦略のアウトカムに対する有効性"],
    ["ＡＢＣ", "abc"],
  ])("%s → %s", (input, expected) => {
    expect(foldLabel(input)).toBe(expected);
  });

  test("labels that differ only in 感じる/感ずる fold equal", () => {
    expect(foldLabel("区役所の支援が地域にとって適切であると感ずる小学校区等地域の割合")).toBe(
      foldLabel("区役所の支援が地域にとって適切であると感じる小学校区等地域の割合"),
    );
  });

  test("is idempotent when dropped punctuation leaves a kana beside a sound mark (fuzz find)", () => {
    const once = foldLabel("し]ﾞ");
    expect(once).toBe("じ");
    expect(foldLabel(once)).toBe(once);
  });

  test("never throws and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
        const once = foldLabel(s);
        expect(foldLabel(once)).toBe(once);
      }),
    );
  });
});
