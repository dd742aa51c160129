import type { SheetSnapshot } from "../../src/core/model";
import { cellValueAt } from "../../src/taskpane/engine/local";
import { markedFileName } from "../../src/taskpane/hosts/standalone";

const snap: SheetSnapshot = {
  name: "取組(1)",
  origin: { row: 2, col: 1 },
  values: [
    ["項目", null],
    [null, "○(ⅰ)"],
  ],
  formulas: [],
  errors: [],
  merges: [],
  visibility: "visible",
  protected: false,
};

test.each([
  ["平野区.xlsx", "平野区_kusei.xlsx"],
  ["a.b.XLSX", "a.b_kusei.xlsx"],
  ["noext", "noext_kusei.xlsx"],
])("記号入りブックの名前 %s → %s", (name, expected) => {
  expect(markedFileName(name)).toBe(expected);
});

test.each([
  ["B3", "項目"],
  ["C4", "○(ⅰ)"],
  ["C3", null],
  ["A1", null],
  ["Z99", null],
  ["not-a-cell", null],
])("セルの値 %s → %j (原点 B3 のスナップショット)", (cell, expected) => {
  expect(cellValueAt([snap], "取組(1)", cell)).toBe(expected);
});

test("無いシートは null", () => {
  expect(cellValueAt([snap], "戦略(1)", "B3")).toBeNull();
});
