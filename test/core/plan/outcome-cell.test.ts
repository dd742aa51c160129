import { outcomeCellAgrees } from "../../../src/core/plan/outcome-cell";

describe("outcomeCellAgrees: 個別セルの入力と算定結果", () => {
  test.each([
    [["A"], ["A", "A"], true, "1つの「A」が2指標ともAを表す"],
    [["A"], ["A", "B"], false, "1つの記号では A と B を表せない"],
    [["B"], ["A", "A"], false, "入力 B、算定 A A"],
    [["A", "B"], ["A", "B"], true, "順に一致"],
    [["B", "A"], ["A", "B"], false, "順序違い"],
    [["A", "A", "A"], ["A", "A"], false, "数が多い"],
    [["A"], ["A"], true, "1対1"],
    [["A"], [], false, "算定なし"],
  ])("%j vs %j → %s (%s)", (entered, derived, expected) => {
    expect(outcomeCellAgrees(entered, derived)).toBe(expected);
  });
});
