import fc from "fast-check";
import { recognizeSheet, recognizeWorkbook } from "../../../src/core/layout";
import { fromA1 } from "../../../src/core/address/a1";
import type { CellValue, MergeArea, SheetSnapshot } from "../../../src/core/model/snapshot";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { initiativeSample, strategySample } from "./samples";

// Words that make random grids look like forms often enough to reach the record reader.
const WORDS = [
  "項目",
  "成果指標と目標値",
  "取組内容",
  "業績目標",
  "撤退基準",
  "業績目標の達成状況",
  "戦略に対する取組の有効性",
  "めざす状態",
  "アウトカム",
  "戦略",
  "アウトカムの達成状況",
  "個別",
  "全体",
  "課題",
  "改善策",
  "区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)",
  "平成28年度 具体的取組",
  "○:目標達成 ×:目標未達成",
  "①目標達成",
  "1 「…」に向けて",
  "(1) 目標",
  "㋐",
  "⑦",
  "[3-1] 取組",
  "[3]",
  "30%以上",
  "",
  " ",
];

const LABELS: readonly [string[], string[]] = [
  [
    "項目",
    "成果指標と目標値",
    "めざす状態",
    "アウトカム",
    "戦略",
    "戦略のアウトカムに対する有効性",
    "アウトカムの達成状況",
    "個別",
    "全体",
    "戦略の進捗状況",
    "課題",
    "改善策",
  ],
  [
    "項目",
    "成果指標と目標値",
    "取組内容",
    "業績目標",
    "撤退基準",
    "取組実績",
    "業績目標の達成状況",
    "戦略に対する取組の有効性",
    "課題",
    "改善策",
  ],
];

function plant(rows: CellValue[][], at: number, labels: readonly string[]): CellValue[][] {
  const out = rows.map((r) => [...r]);
  while (out.length <= at) out.push([]);
  out[at] = [...labels];
  return out;
}

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const merge: fc.Arbitrary<MergeArea> = fc.record({
  top: fc.integer({ min: -2, max: 14 }),
  left: fc.integer({ min: -2, max: 14 }),
  bottom: fc.integer({ min: -2, max: 30 }),
  right: fc.integer({ min: -2, max: 30 }),
});

const snapshot: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 14 }),
    merges: fc.array(merge, { maxLength: 8 }),
    origin: fc.record({ row: fc.integer({ min: 0, max: 50 }), col: fc.integer({ min: 0, max: 30 }) }),
    formulas: fc.array(
      fc.record({ row: fc.integer({ min: -1, max: 15 }), col: fc.integer({ min: -1, max: 15 }) }),
      { maxLength: 4 },
    ),
    // a planted label row (shuffled labels of one kind) so that random grids reach the record reader
    planted: fc.option(
      fc.tuple(
        fc.nat(5),
        fc.shuffledSubarray(LABELS[0], { minLength: 7 }),
        fc.shuffledSubarray(LABELS[1], { minLength: 7 }),
      ),
    ),
    kind: fc.nat(1),
  })
  .map(({ rows, merges, origin, formulas, planted, kind }) => ({
    name: "rnd",
    origin,
    // deliberately ragged: the contract says dense, the recogniser must not rely on it
    values: planted === null ? rows : plant(rows, planted[0], kind === 0 ? planted[1] : planted[2]),
    formulas,
    errors: formulas.map((f) => ({ ...f, code: "#N/A" })),
    merges,
    visibility: "visible" as const,
    protected: false,
  }));

function checkCells(s: SheetSnapshot, result: ReturnType<typeof recognizeSheet>): void {
  const height = s.values.length;
  const width = Math.max(0, ...s.values.map((r) => r.length));
  for (const r of result.records) {
    expect(r.rowStart).toBeGreaterThanOrEqual(0);
    expect(r.rowEnd).toBeLessThan(height);
    for (const cells of Object.values(r.fields)) {
      for (const c of cells ?? []) {
        expect(c.row >= 0 && c.row < height && c.col >= 0 && c.col < width).toBe(true);
        const pos = fromA1(c.address);
        expect(pos).toEqual({ row: s.origin.row + c.row, col: s.origin.col + c.col });
      }
    }
  }
  for (const m of result.layout.columns) expect(m.col >= 0 && m.col < Math.max(width, 1)).toBe(true);
}

describe("頑健性 (never throws, cells stay inside the sheet)", () => {
  test("random grids with random merges", () => {
    let withRecords = 0;
    fc.assert(
      fc.property(snapshot, (s) => {
        const result = recognizeSheet(s, DEFAULT_PROFILE);
        if (result.records.length > 0) withRecords++;
        checkCells(s, result);
      }),
      { numRuns: 400 },
    );
    // the property is only worth something if records were read from some of the grids
    expect(withRecords).toBeGreaterThan(20);
  });

  test("the sample sheets with random cells blanked, overwritten and random merges added", () => {
    const base = [
      strategySample("s", { continuation: true }).build(),
      initiativeSample("i", { continuation: true }).build(),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...base),
        fc.array(fc.tuple(fc.nat(40), fc.nat(20), cell), { maxLength: 30 }),
        fc.array(merge, { maxLength: 5 }),
        (s, edits, merges) => {
          const values = s.values.map((r) => [...r]);
          for (const [r, c, v] of edits) {
            const row = values[r % values.length];
            if (row !== undefined) row[c % row.length] = v;
          }
          const edited: SheetSnapshot = { ...s, values, merges: [...s.merges, ...merges] };
          checkCells(edited, recognizeSheet(edited, DEFAULT_PROFILE));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("degenerate input: empty sheet, empty rows, non-plain values, overrides out of range", () => {
    const empty: SheetSnapshot = {
      name: "空",
      origin: { row: 0, col: 0 },
      values: [],
      formulas: [],
      errors: [],
      merges: [],
      visibility: "visible",
      protected: false,
    };
    expect(recognizeSheet(empty, DEFAULT_PROFILE).layout.kind).toBe("other");
    const odd = {
      ...empty,
      values: [
        [{ a: 1 } as unknown as CellValue, undefined as unknown as CellValue],
        null as unknown as CellValue[],
      ],
      merges: [{ top: 0, left: 0, bottom: Number.NaN, right: 5 }],
    };
    expect(() =>
      recognizeSheet(odd, DEFAULT_PROFILE, { kind: "initiative", columns: { activity: 99, issue: -1 } }),
    ).not.toThrow();
    expect(() => recognizeWorkbook([empty, odd], DEFAULT_PROFILE, {})).not.toThrow();
  });
});
