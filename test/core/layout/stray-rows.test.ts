import { recognizeSheet } from "../../../src/core/layout";
import { isBareNumber } from "../../../src/core/layout/build-records";
import type { SheetRecord } from "../../../src/core/model/records";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { GridBuilder } from "./builder";

const LABELS = [
  "項目",
  null,
  "成果指標",
  "取組内容",
  "業績目標",
  "撤退基準",
  "業績目標の達成状況",
  null,
  "戦略に対する取組の有効性",
  "課題",
  "改善策",
] as const;

/** An initiative table: header in row 0 (改善策 left out when asked), one record in row 2. */
function table(withPlan = true): GridBuilder {
  const b = new GridBuilder("表");
  b.row(
    0,
    LABELS.map((l, c) => (c === 10 && !withPlan ? null : l)),
  );
  b.merge(0, 0, 0, 1).merge(0, 6, 0, 7);
  b.row(2, ["㋐", "名前", "指標", "[1-1] 取組", "30%以上", "10%未満", "40%", "○", "○"]);
  return b;
}

function cellRows(r: SheetRecord | undefined): number[] {
  return Object.values(r?.fields ?? {})
    .flatMap((cells) => cells ?? [])
    .map((c) => c.row);
}

describe("数値だけの行 (rows of bare numbers)", () => {
  test.each([
    ["1", true],
    ["-3", true],
    ["1,234.5", true],
    ["３０％", true],
    ["30 %", true],
    ["", false],
    ["30%以上", false],
    ["H29", false],
    ["[3-1]", false],
    ["①", false],
    ["ア", false],
  ])("isBareNumber(%p) = %p", (text, bare) => {
    expect(isBareNumber(text)).toBe(bare);
  });

  test("touching the record and inside the table: a continuation (a further result)", () => {
    const b = table().set(3, 6, 55);
    const { records } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.rowEnd])).toEqual([[2, 3]]);
    expect(records[0]?.fields.achievementResult?.map((c) => c.text)).toEqual(["40%", "55"]);
  });

  test("right after a page break (blank margin, repeated header): still a continuation", () => {
    const b = table();
    b.row(4, [...LABELS])
      .merge(4, 0, 4, 1)
      .merge(4, 6, 4, 7);
    b.set(5, 6, 55);
    const { layout, records } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout.repeatedHeaders).toEqual([{ top: 4, bottom: 4 }]);
    expect(records.map((r) => [r.rowStart, r.rowEnd])).toEqual([[2, 5]]);
    expect(records[0]?.fields.achievementResult?.map((c) => c.text)).toEqual(["40%", "55"]);
  });

  test.each([
    ["after a blank row", (b: GridBuilder) => b.set(4, 6, 55).set(4, 7, 2)],
    ["with a cell outside the table", (b: GridBuilder) => b.set(3, 6, 55).set(3, 12, 7)],
    ["before any record", (b: GridBuilder) => b.set(1, 1, 2).set(1, 2, 3)],
    ["numbers in the name and 取組内容 cells", (b: GridBuilder) => b.set(4, 1, 2).set(4, 3, 4)],
  ])("%s: not part of the form (no record, no cell read)", (_what, add) => {
    const { records } = recognizeSheet(add(table()).build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.rowEnd])).toEqual([[2, 2]]);
    expect(new Set(cellRows(records[0]))).toEqual(new Set([2]));
  });

  test("a row with text only outside the table does not extend the record", () => {
    const { records } = recognizeSheet(table().set(3, 12, "メモ").build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.rowEnd])).toEqual([[2, 2]]);
  });

  test("a 取組内容 with words under the item still starts an initiative", () => {
    const { records } = recognizeSheet(table().set(3, 3, "[1-2] 取組その2").build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.itemName])).toEqual([
      [2, "名前"],
      [3, "名前"],
    ]);
  });
});

describe("番号が読めない見出し (a heading whose number is an error value or missing)", () => {
  test.each([
    ["an objective", "豊かなコミュニティの実現", "objective"],
    ["an area", "「大きな公共を担う活力ある地域社会」づくりに向けて", "area"],
  ] as const)("#N/A beside %s title: a heading, one parse.cell-error", (_what, title, level) => {
    const b = table();
    b.error(1, 0, "#N/A").merge(1, 1, 1, 10, title);
    const { records, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => r.rowStart)).toEqual([2]);
    expect(records[0]?.[level]).toEqual({ number: "", title, row: 1 });
    expect(issues.filter((i) => i.code === "parse.cell-error")).toEqual([
      expect.objectContaining({
        gridRow: 1,
        gridCol: 0,
        input: "#N/A",
        params: expect.objectContaining({ error: "#N/A" }),
      }),
    ]);
  });

  test("a title merged across the table with an empty number cell: a heading, nothing reported", () => {
    const b = table();
    b.merge(1, 1, 1, 10, "豊かなコミュニティの実現");
    const { records, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.objective?.title])).toEqual([[2, "豊かなコミュニティの実現"]]);
    expect(issues).toEqual([]);
  });

  test("a heading banner holding only an error value: a heading of unknown number, the error reported once", () => {
    const b = table();
    b.merge(1, 0, 1, 10).error(1, 0, "#REF!");
    const { records, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.objective])).toEqual([[2, { number: "", title: "", row: 1 }]]);
    expect(issues.map((i) => [i.code, i.gridRow, i.gridCol])).toEqual([["parse.cell-error", 1, 0]]);
  });

  test("an unmerged name without a mark and nothing else is still an item (no heading guessed)", () => {
    const b = table();
    b.set(1, 1, "名前だけの項目");
    const { records } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.itemName])).toEqual([
      [1, "名前だけの項目"],
      [2, "名前"],
    ]);
  });
});

describe("最初の十分な見出し (the first good-enough header)", () => {
  /** Page 1: header without 改善策 and a record; page 2: the full header repeated and a record. */
  function twoPages(): GridBuilder {
    const b = table(false);
    b.row(4, [...LABELS]);
    b.merge(4, 0, 4, 1).merge(4, 6, 4, 7);
    b.row(5, ["㋑", "二つ目", "指標2", "[1-2] 取組", "30%以上", "10%未満", "20%", "×", "○"]);
    return b;
  }

  test("page 1's header is the header; page 2's is a repeat; 改善策 comes from it, said to be weak at K1", () => {
    const { layout, records, issues } = recognizeSheet(twoPages().build(), DEFAULT_PROFILE);
    expect(layout.header).toEqual({ top: 0, bottom: 0 });
    expect(layout.repeatedHeaders).toEqual([{ top: 4, bottom: 4 }]);
    expect(records.map((r) => r.rowStart)).toEqual([2, 5]);
    expect(layout.columns.find((c) => c.field === "plan")).toMatchObject({ col: 10, how: "position" });
    expect(issues.map((i) => [i.code, i.gridRow, i.gridCol, i.column])).toEqual([
      ["structure.weak-header", 0, 10, "plan"],
    ]);
  });

  test("without a repeat to take it from, the column is reported missing", () => {
    const { layout, issues } = recognizeSheet(table(false).build(), DEFAULT_PROFILE);
    expect(layout.header).toEqual({ top: 0, bottom: 0 });
    expect(issues.map((i) => [i.code, i.column])).toEqual([["structure.missing-column", "plan"]]);
  });

  test("a column mapping override of null is not refilled from the repeat", () => {
    const { layout, issues } = recognizeSheet(twoPages().build(), DEFAULT_PROFILE, {
      columns: { plan: null },
    });
    expect(layout.columns.find((c) => c.field === "plan")).toBeUndefined();
    expect(issues.map((i) => [i.code, i.column])).toEqual([["structure.missing-column", "plan"]]);
  });
});
