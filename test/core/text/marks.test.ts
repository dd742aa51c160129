import fc from "fast-check";
import {
  formatAchievementCell,
  formatMark,
  readMark,
  readMarks,
  type MarkKind,
  type MarkReading,
} from "../../../src/core/text";

describe("readMark", () => {
  const cases: Array<[MarkKind, string, MarkReading]> = [
    ["achievement", "", { status: "empty" }],
    ["achievement", "  \n ", { status: "empty" }],
    ["achievement", "-", { status: "empty", placeholder: "-" }],
    ["achievement", "○", { status: "mark", value: "achieved", qualifier: null, notation: "circle" }],
    ["achievement", "〇", { status: "mark", value: "achieved", qualifier: null, notation: "circle" }],
    ["achievement", "◯", { status: "mark", value: "achieved", qualifier: null, notation: "circle" }],
    ["achievement", "×", { status: "mark", value: "missed", qualifier: null, notation: "circle" }],
    ["achievement", "✕", { status: "mark", value: "missed", qualifier: null, notation: "circle" }],
    ["achievement", "X", { status: "mark", value: "missed", qualifier: null, notation: "circle" }],
    ["achievement", "x", { status: "mark", value: "missed", qualifier: null, notation: "circle" }],
    ["achievement", "Ｘ", { status: "mark", value: "missed", qualifier: null, notation: "circle" }],
    ["achievement", "①", { status: "mark", value: "achieved", qualifier: null, notation: "numbered" }],
    ["achievement", "②", { status: "mark", value: "missed", qualifier: null, notation: "numbered" }],
    ["achievement", "③", { status: "mark", value: "withdrawal", qualifier: null, notation: "numbered" }],
    ["achievement", "○(ⅰ)", { status: "mark", value: "achieved", qualifier: "i", notation: "circle" }],
    ["achievement", "○（ⅰ）", { status: "mark", value: "achieved", qualifier: "i", notation: "circle" }],
    ["achievement", "×(ⅱ)", { status: "mark", value: "missed", qualifier: "ii", notation: "circle" }],
    ["achievement", "× (ii)", { status: "mark", value: "missed", qualifier: "ii", notation: "circle" }],
    ["achievement", "②(ⅱ)", { status: "mark", value: "missed", qualifier: "ii", notation: "numbered" }],
    ["achievement", "○ⅰ", { status: "mark", value: "achieved", qualifier: "i", notation: "circle" }],
    ["achievement", "(i)", { status: "qualifier-only", qualifier: "i" }],
    ["achievement", "(ⅱ)", { status: "qualifier-only", qualifier: "ii" }],
    ["achievement", "（ｉｉ）", { status: "qualifier-only", qualifier: "ii" }],
    ["achievement", "A", { status: "invalid", found: "A" }],
    ["achievement", "済", { status: "invalid", found: "済" }],
    ["achievement", "○ ×", { status: "invalid", found: "○ ×" }],
    ["achievement", "1", { status: "invalid", found: "1" }],
    ["execution", "(ⅰ)", { status: "mark", value: "i", qualifier: "i" }],
    ["execution", "（ⅱ）", { status: "mark", value: "ii", qualifier: "ii" }],
    ["execution", "○", { status: "invalid", found: "○" }],
    ["initiativeEffectiveness", "○", { status: "mark", value: "effective", qualifier: null }],
    ["initiativeEffectiveness", "x", { status: "mark", value: "not-effective", qualifier: null }],
    ["initiativeEffectiveness", "✖", { status: "mark", value: "not-effective", qualifier: null }],
    ["initiativeEffectiveness", "○(i)", { status: "invalid", found: "○(i)" }],
    ["outcome", "A", { status: "mark", value: "A", qualifier: null }],
    ["outcome", "Ｂ", { status: "mark", value: "B", qualifier: null }],
    ["outcome", "a", { status: "invalid", found: "a" }],
    ["outcome", "A A", { status: "invalid", found: "A A" }],
    ["outcomeOverall", "B", { status: "mark", value: "B", qualifier: null }],
    ["strategyProgress", "a", { status: "mark", value: "a", qualifier: null }],
    ["strategyProgress", "ｂ", { status: "mark", value: "b", qualifier: null }],
    ["strategyProgress", "A", { status: "invalid", found: "A" }],
    ["strategyEffectiveness", "ア", { status: "mark", value: "effective", qualifier: null }],
    ["strategyEffectiveness", "㋐", { status: "mark", value: "effective", qualifier: null }],
    ["strategyEffectiveness", "(ア)", { status: "mark", value: "effective", qualifier: null }],
    ["strategyEffectiveness", "ｱ", { status: "mark", value: "effective", qualifier: null }],
    ["strategyEffectiveness", "㋑", { status: "mark", value: "review", qualifier: null }],
    ["strategyEffectiveness", "（イ）", { status: "mark", value: "review", qualifier: null }],
    ["strategyEffectiveness", "イ", { status: "mark", value: "review", qualifier: null }],
    ["strategyEffectiveness", "A", { status: "invalid", found: "A" }],
    ["strategyEffectiveness", "アイ", { status: "invalid", found: "アイ" }],
  ];
  test.each(cases)("%s %j", (kind, text, expected) => {
    expect(readMark(kind, text)).toEqual(expected);
  });
});

describe("readMarks (cells with several marks)", () => {
  test.each<[MarkKind, string, string[]]>([
    ["outcome", "A A", ["A", "A"]],
    ["outcome", "A\nB", ["A", "B"]],
    ["outcome", "Ａ　Ｂ", ["A", "B"]],
    ["outcome", "", []],
    ["outcome", "-", []],
    ["achievement", "○(ⅰ) ×(ⅱ)", ["achieved", "missed"]],
  ])("%s %j", (kind, text, values) => {
    const readings = readMarks(kind, text);
    expect(readings.map((r) => (r.status === "mark" ? r.value : r.status))).toEqual(values);
  });

  test("a token that is not a mark is reported where it stands", () => {
    expect(readMarks("outcome", "A C B")).toEqual([
      { status: "mark", value: "A", qualifier: null },
      { status: "invalid", found: "C" },
      { status: "mark", value: "B", qualifier: null },
    ]);
  });

  test("a qualifier after a space belongs to the mark before it", () => {
    expect(readMarks("achievement", "○ (ⅰ)")).toEqual([
      { status: "mark", value: "achieved", qualifier: "i", notation: "circle" },
    ]);
  });
});

describe("formatMark", () => {
  test.each<[MarkKind, string, "circle" | "numbered", string]>([
    ["achievement", "achieved", "circle", "○"],
    ["achievement", "missed", "circle", "×"],
    ["achievement", "withdrawal", "circle", "×"],
    ["achievement", "achieved", "numbered", "①"],
    ["achievement", "missed", "numbered", "②"],
    ["achievement", "withdrawal", "numbered", "③"],
    ["initiativeEffectiveness", "effective", "circle", "○"],
    ["initiativeEffectiveness", "not-effective", "circle", "×"],
    ["outcome", "A", "circle", "A"],
    ["outcomeOverall", "B", "circle", "B"],
    ["strategyProgress", "a", "circle", "a"],
    ["strategyProgress", "b", "circle", "b"],
    ["strategyEffectiveness", "effective", "circle", "ア"],
    ["strategyEffectiveness", "review", "circle", "イ"],
    ["execution", "i", "circle", "(ⅰ)"],
    ["execution", "ii", "circle", "(ⅱ)"],
  ])("%s %s %s → %s", (kind, value, notation, expected) => {
    expect(formatMark(kind, value as never, notation)).toBe(expected);
  });

  test("what formatMark writes, readMark reads back", () => {
    const all: Array<[MarkKind, string[]]> = [
      ["achievement", ["achieved", "missed"]],
      ["initiativeEffectiveness", ["effective", "not-effective"]],
      ["outcome", ["A", "B"]],
      ["strategyProgress", ["a", "b"]],
      ["strategyEffectiveness", ["effective", "review"]],
      ["execution", ["i", "ii"]],
    ];
    for (const [kind, values] of all) {
      for (const v of values) {
        const r = readMark(kind, formatMark(kind, v as never));
        expect(r.status === "mark" ? r.value : r).toBe(v);
      }
    }
    const w = readMark("achievement", formatMark("achievement", "withdrawal", "numbered"));
    expect(w).toEqual({ status: "mark", value: "withdrawal", qualifier: null, notation: "numbered" });
  });
});

describe("formatAchievementCell", () => {
  test.each([
    ["○", "", "○"],
    ["○", "(i)", "○(i)"],
    ["×", "(ⅱ)", "×(ⅱ)"],
    ["○", "×（ⅱ）", "○（ⅱ）"],
    ["②", "①(ⅰ)", "②(ⅰ)"],
    ["○", "× (ii)", "○(ii)"],
    ["×", "○", "×"],
    ["○", "済(i)", "○"],
    ["○", "xii", "○ii"],
  ])("%s into %j → %j", (mark, existing, expected) => {
    expect(formatAchievementCell(mark, existing)).toBe(expected);
  });
});

describe("mark readers never throw", () => {
  const kinds: MarkKind[] = [
    "achievement",
    "execution",
    "initiativeEffectiveness",
    "outcome",
    "outcomeOverall",
    "strategyProgress",
    "strategyEffectiveness",
  ];
  test("on any string", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ unit: "binary", maxLength: 80 }), (kind, s) => {
        const r = readMark(kind, s);
        expect(["empty", "mark", "qualifier-only", "invalid"]).toContain(r.status);
        readMarks(kind, s);
        formatAchievementCell("○", s);
      }),
      { numRuns: 1000 },
    );
  });
});
