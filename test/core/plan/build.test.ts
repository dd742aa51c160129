import type {
  AchievementClass,
  InitiativeDerivation,
  OutcomeDerivation,
} from "../../../src/core/model/evaluation";
import type {
  InitiativeRecord,
  SheetLayout,
  SheetRecord,
  StrategyRecord,
} from "../../../src/core/model/records";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import type { CellValue } from "../../../src/core/model/snapshot";
import { buildPlan, markSeparator } from "../../../src/core/plan/build";
import { writesFromPlan } from "../../../src/core/plan/writes";
import { initiative, layout, snapshot, strategy, type CellSpec } from "../rules/builders";

const why = { ja: "55.9% ≥ 30%以上、85% ≥ 60%以上", en: "55.9% ≥ 30% or more; 85% ≥ 60% or more" };

function initDerivation(
  record: InitiativeRecord,
  achievement: AchievementClass | null,
): InitiativeDerivation {
  return {
    record,
    targets: [
      {
        target: null as never,
        results: [],
        met: achievement === "achieved",
        explanation: { ja: "55.9% ≥ 30%以上", en: "55.9% ≥ 30%" },
      },
      {
        target: null as never,
        results: [],
        met: achievement === "achieved",
        explanation: { ja: "85% ≥ 60%以上", en: "85% ≥ 60%" },
      },
    ],
    withdrawals:
      achievement === "withdrawal"
        ? [
            {
              criterion: null as never,
              results: [],
              fired: true,
              explanation: { ja: "10% < 15%未満", en: "10% < 15%" },
            },
          ]
        : [],
    achievement,
    withdrawalFlag: achievement === "withdrawal",
    reason: achievement === null ? { ja: "実績が読み取れません", en: "no result" } : why,
  };
}

function planFor(
  records: SheetRecord[],
  ds: { i?: InitiativeDerivation[]; s?: OutcomeDerivation[] },
  opts: { layouts?: SheetLayout[]; snapshots?: SheetSnapshot[] } = {},
) {
  const layouts = opts.layouts ?? [layout("具体的取組", "initiative"), layout("戦略", "strategy")];
  const snaps = opts.snapshots ?? [snapshot("具体的取組"), snapshot("戦略")];
  return buildPlan({
    snapshots: new Map(snaps.map((s) => [s.name, s])),
    layouts: new Map(layouts.map((l) => [l.sheet, l])),
    records,
    initiatives: new Map((ds.i ?? []).map((d) => [d.record.id, d])),
    strategies: new Map((ds.s ?? []).map((d) => [d.record.id, d])),
  });
}

describe("write plan: achievement cells", () => {
  test.each<[string, CellValue | CellSpec, AchievementClass | null, string, string | null]>([
    ["empty cell → write", null, "achieved", "write", "○"],
    ["qualifier only → write, qualifier kept", "(ⅰ)", "achieved", "write", "○(ⅰ)"],
    ["half-width qualifier kept as spelled", "(i)", "missed", "write", "×(i)"],
    ["same mark, other spelling → keep", "〇(ⅰ)", "achieved", "keep", null],
    ["different mark → conflict, qualifier kept in the new value", "×(ⅰ)", "achieved", "conflict", "○(ⅰ)"],
    // the ward's 「-」 means "not evaluated here": never replaced, and no conflict (an info finding says so)
    ["a dash is not evaluated here → skip, never replaced", "-", "achieved", "skip", null],
    ["text that is not a mark → conflict", "達成", "achieved", "conflict", "○"],
    ["formula → skip", { value: "○", formula: true }, "achieved", "skip", null],
    ["error value → skip", { value: null, error: "#N/A" }, "achieved", "skip", null],
    ["not computable → skip", null, null, "skip", null],
    ["withdrawal in circle notation is ×", null, "withdrawal", "write", "×"],
  ])("%s", (_name, current, cls, action, value) => {
    const r = initiative(5, { achievement: current });
    const [m] = planFor([r], { i: [initDerivation(r, cls)] });
    expect(m).toMatchObject({
      action,
      value,
      sheet: "具体的取組",
      cell: "K6",
      row: 6,
      col: 11,
      field: "achievement",
      recordId: r.id,
      id: "具体的取組!K6",
    });
    expect(m?.reason.ja.length).toBeGreaterThan(0);
    expect(m?.reason.en.length).toBeGreaterThan(0);
  });

  test("reason names both comparisons and the symbol", () => {
    const r = initiative(5, {});
    const [m] = planFor([r], { i: [initDerivation(r, "achieved")] });
    expect(m?.reason.ja).toBe("55.9% ≥ 30%以上、85% ≥ 60%以上 → ○");
  });

  test.each<[AchievementClass, string]>([
    ["achieved", "①"],
    ["missed", "②"],
    ["withdrawal", "③"],
  ])("①②③ notation: %s → %s", (cls, symbol) => {
    const r = initiative(5, { achievement: "(ⅱ)" });
    const [m] = planFor(
      [r],
      { i: [initDerivation(r, cls)] },
      { layouts: [layout("具体的取組", "initiative", { notation: "numbered", notationSource: "legend" })] },
    );
    expect(m).toMatchObject({ action: "write", mark: symbol, value: `${symbol}(ⅱ)` });
  });

  test("①②③ notation: an entered ② where ③ is derived is a conflict; ② entered and derived is kept", () => {
    const l = [layout("具体的取組", "initiative", { notation: "numbered" })];
    const r = initiative(5, { achievement: "②" });
    expect(planFor([r], { i: [initDerivation(r, "withdrawal")] }, { layouts: l })[0]?.action).toBe(
      "conflict",
    );
    expect(planFor([r], { i: [initDerivation(r, "missed")] }, { layouts: l })[0]?.action).toBe("keep");
  });

  test("protected sheet and duplicate record → skip with a reason", () => {
    const r = initiative(5, {});
    const d = initiative(30, {}, { duplicateOf: r.id });
    const plan = planFor(
      [r, d],
      { i: [initDerivation(r, "achieved"), initDerivation(d, "achieved")] },
      { snapshots: [snapshot("具体的取組", { protected: true })] },
    );
    expect(plan.map((m) => m.action)).toEqual(["skip", "skip"]);
    expect(plan[0]?.reason.ja).toContain("保護");
  });

  test("no achievement column → no planned mark (nothing to address)", () => {
    const r = initiative(5, {});
    const rest = { ...r.fields };
    delete rest.achievement;
    expect(planFor([{ ...r, fields: rest }], { i: [initDerivation(r, "achieved")] })).toEqual([]);
  });

  test("the sheet origin shifts row/col but the address is the sheet's own", () => {
    const r = initiative(5, {});
    const [m] = planFor(
      [r],
      { i: [initDerivation(r, "achieved")] },
      { snapshots: [snapshot("具体的取組", { origin: { row: 3, col: 2 } })] },
    );
    expect(m).toMatchObject({ row: 9, col: 13 });
  });
});

function stratDerivation(
  record: StrategyRecord,
  marks: ("A" | "B" | null)[],
  overall: "A" | "B" | null,
  progress: "a" | "b" | null,
): OutcomeDerivation {
  return {
    record,
    outcomes: marks.map((mark) => ({
      target: null,
      results: [],
      mark,
      explanation: { ja: "95.9% ≥ 60%", en: "95.9% ≥ 60%" },
    })),
    overall,
    progress,
    initiatives: [],
    reason: { ja: "取組 [3-1] すべて目標達成", en: "initiatives [3-1] all achieved" },
  };
}

describe("write plan: strategy cells", () => {
  test("個別 marks in one cell are joined the way the cell had them", () => {
    expect(markSeparator("A\nB")).toBe("\n");
    expect(markSeparator("A A")).toBe(" ");
    expect(markSeparator("")).toBe("\n");
    const r = strategy(5, { outcome: "A B" });
    const plan = planFor([r], { s: [stratDerivation(r, ["A", "A"], "A", "a")] });
    expect(plan.map((m) => [m.field, m.action, m.value])).toEqual([
      ["outcome", "conflict", "A A"],
      ["outcomeOverall", "write", "A"],
      ["strategyProgress", "write", "a"],
    ]);
  });

  test.each<[string, CellValue, ("A" | "B" | null)[], string, string | null]>([
    ["empty → newline-joined write", null, ["A", "A"], "write", "A\nA"],
    ["same marks (full width) → keep", "Ａ\nＡ", ["A", "A"], "keep", null],
    ["one not computable → skip", null, ["A", null], "skip", null],
  ])("個別: %s", (_n, current, marks, action, value) => {
    const r = strategy(5, { outcome: current });
    const [m] = planFor([r], { s: [stratDerivation(r, marks, null, null)] });
    expect(m).toMatchObject({ field: "outcome", action, value });
  });

  test("progress reason ends with the symbol", () => {
    const r = strategy(5, { strategyProgress: "b" });
    const plan = planFor([r], { s: [stratDerivation(r, ["A"], "A", "a")] });
    const p = plan.find((m) => m.field === "strategyProgress");
    expect(p).toMatchObject({ action: "conflict", value: "a" });
    expect(p?.reason.ja).toBe("取組 [3-1] すべて目標達成 → a(入力は「b」)");
  });
});

describe("writesFromPlan", () => {
  const r1 = initiative(5, { achievement: null });
  const r2 = initiative(6, { achievement: "×" });
  const r3 = initiative(7, { achievement: "○" });
  const r4 = initiative(8, { achievement: { value: "○", formula: true } });
  const plan = planFor([r1, r2, r3, r4], { i: [r1, r2, r3, r4].map((r) => initDerivation(r, "achieved")) });

  test("writes only; conflicts when chosen (all, or by id); never keep or skip", () => {
    expect(plan.map((m) => m.action)).toEqual(["write", "conflict", "keep", "skip"]);
    expect(writesFromPlan(plan, { overwriteConflicts: false }).map((w) => w.cell)).toEqual(["K6"]);
    expect(writesFromPlan(plan, { overwriteConflicts: true }).map((w) => w.cell)).toEqual(["K6", "K7"]);
    expect(
      writesFromPlan(plan, { overwriteConflicts: new Set(["具体的取組!K7"]) }).map((w) => w.cell),
    ).toEqual(["K6", "K7"]);
    expect(
      writesFromPlan(plan, { overwriteConflicts: new Set(["具体的取組!K9"]) }).map((w) => w.cell),
    ).toEqual(["K6"]);
  });

  test("a write carries what the plan saw and the reason", () => {
    const [w1, w2] = writesFromPlan(plan, { overwriteConflicts: true });
    expect(w1).toEqual({
      sheet: "具体的取組",
      row: 6,
      col: 11,
      cell: "K6",
      expected: null,
      value: "○",
      reason: "55.9% ≥ 30%以上、85% ≥ 60%以上 → ○",
    });
    expect(w2?.expected).toBe("×");
  });
});
