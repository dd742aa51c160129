import fc from "fast-check";
import { holds } from "../../../src/core/values/compare";
import type { Comparator } from "../../../src/core/model/values";
import { evaluateWorkbook } from "../../../src/core/evaluate";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { initiative } from "./builders";
import { run } from "./helpers";

// Each target gets its own unit, so pairing is unambiguous and the ground truth is known.
const UNITS = ["%", "件", "人"] as const;
const WORDS: ReadonlyArray<readonly [string, Comparator]> = [
  ["以上", "gte"],
  ["以下", "lte"],
  ["未満", "lt"],
  ["超", "gt"],
];
const value = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);

const row = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_v, i) =>
        fc.record({
          unit: fc.constant(UNITS[i] ?? "%"),
          threshold: value,
          word: fc.constantFrom(...WORDS),
          results: fc.array(value, { minLength: 1, maxLength: 2 }),
        }),
      ),
    ),
  )
  .chain((targets) =>
    fc.record({
      targets: fc.constant(targets),
      // an optional withdrawal criterion on the first target (a threshold below which the row is withdrawn)
      criterion: fc.option(
        fc.record({
          threshold: value,
          word: fc.constantFrom<readonly [string, Comparator]>(["未満", "lt"], ["以下", "lte"]),
        }),
      ),
    }),
  );

describe("properties of the derivation", () => {
  test("derived marks never contradict the numbers", () => {
    fc.assert(
      fc.property(row, ({ targets, criterion }) => {
        const unit0 = targets[0]?.unit ?? "%";
        const record = initiative(4, {
          performanceTarget: targets.map((t) => `${t.threshold}${t.unit}${t.word[0]}`).join("\n"),
          achievementResult: targets.flatMap((t) => t.results.map((r) => `${r}${t.unit}`)).join("\n"),
          withdrawalCriterion:
            criterion === null
              ? null
              : `${criterion.threshold}${unit0}${criterion.word[0]}であれば、事業を再構築する。`,
        });
        const d = run([record]).ctx.derived.initiativeById.get(record.id);
        const meets = targets.map((t) => t.results.every((r) => holds(r, t.word[1], t.threshold) === true));
        const fired =
          criterion !== null &&
          (targets[0]?.results ?? []).some((r) => holds(r, criterion.word[1], criterion.threshold) === true);
        // the parser reads these clean texts, so every row is computable; the class follows the numbers in §4 order
        const expected = fired ? "withdrawal" : meets.every(Boolean) ? "achieved" : "missed";
        expect(d?.achievement).toBe(expected);
        expect(d?.withdrawalFlag).toBe(fired);
        if (d?.achievement === "achieved") {
          for (const c of d.targets)
            for (const r of c.results) expect(holds(r.value, c.target.comparator, c.target.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("evaluateWorkbook never throws on arbitrary grids", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.constantFrom(
        "○",
        "×",
        "A",
        "B",
        "a",
        "ア",
        "イ",
        "(ⅰ)",
        "①",
        "項目",
        "業績目標",
        "撤退基準",
        "業績目標の達成状況",
        "30%以上",
        "15%未満であれば、事業を再構築する。",
        "55.9%",
        "[3-1]",
        "[3]",
        "平成32年度",
        "-",
        "#N/A",
      ),
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
    );
    const sheet = fc
      .record({
        h: fc.integer({ min: 0, max: 12 }),
        w: fc.integer({ min: 0, max: 16 }),
        seed: fc.array(cell, { minLength: 1, maxLength: 200 }),
        protected: fc.boolean(),
      })
      .map(({ h, w, seed, protected: p }): SheetSnapshot => ({
        name: `S${h}x${w}`,
        origin: { row: 0, col: 0 },
        values: Array.from({ length: h }, (_r, i) =>
          Array.from({ length: w }, (_c, j) => seed[(i * w + j) % seed.length] ?? null),
        ),
        formulas: h > 0 && w > 0 ? [{ row: 0, col: 0 }] : [],
        errors: [],
        merges: h > 1 && w > 1 ? [{ top: 0, left: 0, bottom: 1, right: 1 }] : [],
        visibility: "visible",
        protected: p,
      }));
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 3 }), (sheets) => {
        const ev = evaluateWorkbook(sheets);
        for (const f of ev.findings) expect(f.message.ja).not.toMatch(/undefined/);
      }),
      { numRuns: 150 },
    );
  });
});
