import { readHeading, readItemMark } from "../../../src/core/layout";

describe("階層行 (headings)", () => {
  const cases: ReadonlyArray<
    readonly [string, readonly string[], "area" | "objective" | null, string, string]
  > = [
    [
      "area in one cell",
      ["1 「大きな公共を担う活力ある地域社会づくり」に向けて"],
      "area",
      "1",
      "「大きな公共を担う活力ある地域社会づくり」に向けて",
    ],
    [
      "area, number and title apart",
      ["2", "「自律した自治体型の区政運営」に向けて"],
      "area",
      "2",
      "「自律した自治体型の区政運営」に向けて",
    ],
    [
      "area, full-width digit",
      ["１\u3000「安全で安心なまちづくり」に向けて"],
      "area",
      "1",
      "「安全で安心なまちづくり」に向けて",
    ],
    [
      "area, 1. and no brackets",
      ["3. 誰もが住み続けたいまちづくりに向けて"],
      "area",
      "3",
      "誰もが住み続けたいまちづくりに向けて",
    ],
    ["objective (1)", ["(1) 豊かなコミュニティの実現"], "objective", "1", "豊かなコミュニティの実現"],
    ["objective （2） full-width", ["（２）多様な主体の協働"], "objective", "2", "多様な主体の協働"],
    ["objective ⑶", ["⑶ 地域資源の循環"], "objective", "3", "地域資源の循環"],
    [
      "objective, number apart",
      ["(4)", "地域公共人材の充実と中間支援組織の活用"],
      "objective",
      "4",
      "地域公共人材の充実と中間支援組織の活用",
    ],
    ["a number and a value are not a heading", ["3", "50%"], null, "", ""],
    ["a plain number alone is not a heading", ["12"], null, "", ""],
    ["a circled item mark is not a heading", ["⑦", "地域資源が活用されやすい仕組みづくり"], null, "", ""],
    ["three cells are not a heading", ["1", "「…」に向けて", "x"], null, "", ""],
    ["text without a number", ["豊かなコミュニティの実現"], null, "", ""],
  ];

  test.each(cases)("%s", (_name, cells, level, number, title) => {
    const h = readHeading(cells, 7);
    if (level === null) {
      expect(h).toBeNull();
      return;
    }
    expect(h).toEqual({ level, heading: { number, title, row: 7 } });
  });
});

describe("項目の記号 (item marks)", () => {
  const cases: ReadonlyArray<readonly [string, boolean, string | null, string]> = [
    ["㋐", true, "ア", ""],
    ["㋑", true, "イ", ""],
    ["(ア)", true, "ア", ""],
    ["（ウ）", true, "ウ", ""],
    ["ア", false, "ア", ""],
    ["ｱ", true, "ア", ""],
    ["㋐ 人と人とのつながりづくりの促進", true, "ア", "人と人とのつながりづくりの促進"],
    ["㋐人と人とのつながり", true, "ア", "人と人とのつながり"],
    // the seed's extraction noise, read only in the item-mark column
    ["⑦", true, "ア", ""],
    ["㊦", true, "ア", ""],
    ["④", true, "イ", ""],
    ["⑤", true, "ウ", ""],
    ["⑦", false, null, ""],
    ["㊦", false, null, ""],
    ["①", true, "①", ""],
    ["アウトカム", true, null, ""],
    ["イベントの充実", true, null, ""],
    ["1", true, null, ""],
    ["", true, null, ""],
  ];

  test.each(cases)("「%s」 (mark column: %s) → %s", (raw, markColumn, mark, rest) => {
    const m = readItemMark(raw, markColumn);
    if (mark === null) expect(m).toBeNull();
    else expect(m).toEqual({ mark, rest });
  });
});
