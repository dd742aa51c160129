import { INITIATIVE_LAYOUT, render, STRATEGY_LAYOUT } from "../fixtures/layout";
import { usedExtent } from "../fixtures/model";
import { hiranoInitiative2, NAME_SOGO } from "../fixtures/seed";
import { insertAfter, mapFields, patchItem, reorder, toFullWidth } from "../fixtures/variants";
import { describeFixture } from "../fixtures/describe";

describe("fixture transforms", () => {
  test.each([
    ["H29年度までに50%以上", "Ｈ２９年度までに５０％以上"],
    ["格付結果:3.2", "格付結果：３．２"],
    ["3件(平成26年度実績 1件)", "３件（平成２６年度実績　１件）"],
    ["A", "Ａ"],
    ["ア", "ア"],
    ["改行\nは残す", "改行\nは残す"],
  ])("toFullWidth(%j) = %j", (input, want) => {
    expect(toFullWidth(input)).toBe(want);
    expect(
      toFullWidth(input)
        .normalize("NFKC")
        .replace(/\u3000/g, " "),
    ).toBe(input.normalize("NFKC"));
  });

  test("reorder refuses a list that is not a permutation of the layout's fields", () => {
    expect(() => reorder(INITIATIVE_LAYOUT, ["itemMark", "itemName"])).toThrow(/not a permutation/);
  });

  test("insertAfter refuses an unknown anchor, and an unlabelled column makes render throw", () => {
    expect(() => insertAfter(STRATEGY_LAYOUT, "activity", { field: "department", width: 10 })).toThrow(
      /no activity/,
    );
    const noLabel = {
      ...INITIATIVE_LAYOUT,
      labels: INITIATIVE_LAYOUT.labels.filter((l) => l.text !== "課題"),
    };
    expect(() => render(hiranoInitiative2("x"), noLabel)).toThrow(/has no label/);
  });

  test("patchItem changes every occurrence of an item (continuation repeats stay identical) and refuses unknown items", () => {
    const spec = patchItem(hiranoInitiative2("x"), NAME_SOGO, { achievement: "○" });
    const rows = spec.rows.filter((r) => r.kind === "item" && r.name === NAME_SOGO);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.kind === "item" && r.lines[0]?.achievement).toBe("○");
    expect(() => patchItem(spec, "存在しない項目", {})).toThrow(/no item/);
  });

  test("mapFields touches only the named fields", () => {
    const spec = mapFields(hiranoInitiative2("x"), ["performanceTarget"], () => "X");
    const sogo = spec.rows.find((r) => r.kind === "item" && r.name === NAME_SOGO);
    expect(sogo?.kind === "item" && sogo.lines[0]?.performanceTarget).toBe("X");
    expect(sogo?.kind === "item" && sogo.lines[0]?.withdrawalCriterion).toBe(
      "左記目標が50%未満であれば、手法を再検討する。",
    );
  });

  test("the used extent ends at the last value or merge, not at empty styled cells", () => {
    const r = render(hiranoInitiative2("x"), INITIATIVE_LAYOUT);
    expect(usedExtent(r.sheet)).toEqual({ rows: 26, cols: 14 });
  });

  test("describeFixture prints the column letters and rows", () => {
    const text = describeFixture("hirano-fy2016");
    expect(text).toContain("strategyEffectiveness=H");
    expect(text).toContain("26: ㋑ 区民が納税者の視点で納得できる効果的・効率的な業務運営");
    expect(() => describeFixture("nope")).toThrow(/unknown fixture/);
  });
});
