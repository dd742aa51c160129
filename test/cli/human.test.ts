import { displayWidth, textTable } from "../../src/cli/human";

describe("端末での表示幅 (display width)", () => {
  test.each([
    ["abc", 3],
    ["戦略(1)", 7],
    ["ＡＢ", 4],
    ["○×", 3], // × is East Asian "ambiguous": one column, as Western terminals show it
    ["①", 2],
    ["", 0],
  ])("%s → %i", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test("全角を含む表の列がそろう", () => {
    const lines = textTable([
      ["シート", "記録"],
      ["戦略(1)", "8"],
      ["a", "120"],
    ]).split("\n");
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]).toBe(`a${" ".repeat(6 + 2 + 1)}120`);
  });
});
