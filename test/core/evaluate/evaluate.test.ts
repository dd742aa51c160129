import { evaluateWorkbook, KuseiUsageError } from "../../../src/core/evaluate";
import { FINDING_CODES } from "../../../src/core/messages/codes";
import type { Evaluation, InitiativeDerivation, OutcomeDerivation } from "../../../src/core/model/evaluation";
import type { ColumnField, SheetRecord } from "../../../src/core/model/records";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { fromA1 } from "../../../src/core/address/a1";
import { writesFromPlan } from "../../../src/core/plan/writes";
import { fixtureSnapshots } from "../../helpers/fixtures";

const text = (r: SheetRecord, field: ColumnField): string =>
  (r.fields[field] ?? []).map((c) => c.text).join("\n");
const initiativeWith = (ev: Evaluation, field: ColumnField, needle: string): InitiativeDerivation[] =>
  ev.initiatives.filter((d) => text(d.record, field).includes(needle));
const strategyWith = (ev: Evaluation, field: ColumnField, needle: string): OutcomeDerivation[] =>
  ev.strategies.filter((d) => text(d.record, field).includes(needle));
const planFor = (ev: Evaluation, r: SheetRecord, field: string) =>
  ev.plan.find((m) => m.recordId === r.id && m.field === field);

/** A copy of the snapshots with one cell (sheet A1 address) replaced. */
function withCell(snaps: SheetSnapshot[], sheet: string, address: string, value: CellValue): SheetSnapshot[] {
  return snaps.map((s) => {
    if (s.name !== sheet) return s;
    const pos = fromA1(address);
    if (pos === null) throw new Error(address);
    const r = pos.row - s.origin.row;
    const c = pos.col - s.origin.col;
    return {
      ...s,
      values: s.values.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row)),
    };
  });
}

describe("evaluateWorkbook on hirano-fy2016 (the seed)", () => {
  const ev = evaluateWorkbook(fixtureSnapshots("hirano-fy2016"));

  test("evaluation year from the title, default profile", () => {
    expect(ev.evaluationYear).toBe(2016);
    expect(ev.profileId).toBe("osaka-ward-2016");
  });

  test("[3-1] 30%以上/60%以上 with 55.9% and 85% → 目標達成, no withdrawal, reason names both comparisons", () => {
    const rows = ev.initiatives.filter((d) => d.record.initiativeCode === "3-1");
    expect(rows.length).toBeGreaterThan(0);
    for (const d of rows) {
      expect(d.achievement).toBe("achieved");
      expect(d.withdrawalFlag).toBe(false);
      expect(d.withdrawals.every((w) => w.fired === false)).toBe(true);
      const m = planFor(ev, d.record, "achievement");
      expect(m?.reason.ja).toBe("55.9% ≥ 30%以上、85% ≥ 60%以上 → ○");
      expect(m?.action).toBe("write");
      expect(m?.value).toBe("○(ⅰ)"); // the qualifier already in the cell is kept
    }
  });

  test("窓口サービス満足度 70%以上 with 95% → 目標達成", () => {
    const [d, ...rest] = initiativeWith(ev, "performanceTarget", "窓口サービス満足度");
    expect(rest).toEqual([]);
    expect(d?.achievement).toBe("achieved");
    expect(d?.reason.ja).toContain("95% ≥ 70%以上");
  });

  test("窓口サービス格付 3.5以上, result 3.2, criterion 3.0未満 → 目標未達成, no withdrawal", () => {
    const [d] = initiativeWith(ev, "performanceTarget", "窓口サービス格付");
    expect(d?.achievement).toBe("missed");
    expect(d?.withdrawalFlag).toBe(false);
    expect(d?.withdrawals.map((w) => w.fired)).toEqual([false]);
    expect(d?.reason.ja).toContain("3.2 < 3.5以上");
    expect(planFor(ev, d!.record, "achievement")).toMatchObject({ action: "write", value: "×" });
  });

  test("やりがい 92%以上 & 提案 3件 with 75%/69.5% and 0件 → 目標未達成; its 撤退基準 is reported not computable", () => {
    const [d] = initiativeWith(ev, "performanceTarget", "やりがい");
    expect(d?.achievement).toBe("missed");
    expect(d?.reason.ja).toContain("75% < 92%以上");
    expect(d?.reason.ja).toContain("69.5% < 92%以上");
    expect(d?.reason.ja).toContain("0件 < 3件以上");
    const cell = d?.record.fields.withdrawalCriterion?.[0];
    const f = ev.findings.find((x) => x.code === "parse.criterion-not-computable");
    expect(f).toMatchObject({ sheet: d?.record.sheet, cell: cell?.address, field: "withdrawal" });
    expect(f?.input).toContain("職員提案への提案件数");
  });

  test("no withdrawal fires anywhere in the seed", () => {
    expect(ev.initiatives.filter((d) => d.withdrawalFlag)).toEqual([]);
    expect(ev.findings.filter((f) => f.code === "derive.withdrawal-fired")).toEqual([]);
  });

  test("the strategy row whose 有効性 holds A → vocabulary error (ア/イ expected)", () => {
    const bad = ev.records.filter(
      (r) =>
        r.kind === "strategy" && r.duplicateOf === null && text(r, "strategyEffectiveness").trim() === "A",
    );
    expect(bad.length).toBeGreaterThan(0);
    for (const r of bad) {
      const cell = r.fields.strategyEffectiveness?.[0];
      const f = ev.findings.find(
        (x) => x.code === "vocabulary.not-a-mark" && x.sheet === r.sheet && x.cell === cell?.address,
      );
      expect(f).toMatchObject({ severity: "error", field: "strategyEffectiveness", input: "A" });
      expect(f?.message.ja).toContain("ア/イ");
    }
  });

  test("continuation-page repeats are counted once", () => {
    const dups = ev.records.filter((r) => r.duplicateOf !== null);
    expect(dups.length).toBeGreaterThan(0);
    const derivedIds = new Set([...ev.initiatives, ...ev.strategies].map((d) => d.record.id));
    for (const r of dups) {
      expect(derivedIds.has(r.id)).toBe(false);
      const here = ev.findings.filter(
        (f) => f.sheet === r.sheet && f.row !== null && f.row - 1 >= r.rowStart && f.row - 1 <= r.rowEnd,
      );
      expect(here.map((f) => f.code)).toEqual(["duplicates.repeated-row"]);
      expect(ev.plan.filter((m) => m.recordId === r.id).every((m) => m.action === "skip")).toBe(true);
    }
    // the repeated item appears once among the derivations of its sheet
    for (const r of dups) {
      const same = ev.initiatives
        .concat()
        .filter((d) => d.record.sheet === r.sheet && d.record.itemName === r.itemName);
      const sameS = ev.strategies.filter(
        (d) => d.record.sheet === r.sheet && d.record.itemName === r.itemName,
      );
      expect(same.length + sameS.length).toBe(1);
    }
  });

  test("strategy progress follows the linked initiatives ([3] ← [3-1]: all achieved → a)", () => {
    const s3 = ev.strategies.filter((d) => d.record.strategyCode === "3");
    expect(s3.length).toBeGreaterThan(0);
    for (const d of s3) {
      expect(d.progress).toBe("a");
      expect(d.initiatives.length).toBeGreaterThan(0);
    }
    const [annai] = strategyWith(ev, "outcomeIndicator", "フロアマネージャー").filter((d) =>
      d.record.itemName.includes("庁舎案内"),
    );
    expect(annai?.progress).toBe("b"); // its initiative (窓口サービス格付) missed
  });

  test("every finding is complete and coded", () => {
    expect(ev.findings.length).toBeGreaterThan(0);
    for (const f of ev.findings) {
      expect(FINDING_CODES).toContain(f.code);
      expect(f.cell === null || /^[A-Z]+\d+$/.test(f.cell)).toBe(true);
      expect(f.message.ja.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
      expect(f.message.ja + f.message.en).not.toMatch(/undefined/);
    }
  });

  test("the plan writes only into computed mark cells, ids are unique, writes come from the plan", () => {
    const anchors = new Set(
      ev.records.flatMap((r) =>
        (["achievement", "outcome", "outcomeOverall", "strategyProgress"] as const).flatMap((f) => {
          // 個別 may have one cell per indicator row (the plan writes each indicator's mark in its own row)
          const cells = f === "outcome" ? (r.fields[f] ?? []) : (r.fields[f] ?? []).slice(0, 1);
          return cells.map((a) => `${r.sheet}!${a.address}`);
        }),
      ),
    );
    expect(new Set(ev.plan.map((m) => m.id)).size).toBe(ev.plan.length);
    for (const m of ev.plan) expect(anchors.has(m.id)).toBe(true);
    const writes = writesFromPlan(ev.plan, { overwriteConflicts: true });
    const allowed = new Set(
      ev.plan.filter((m) => m.action === "write" || m.action === "conflict").map((m) => m.id),
    );
    for (const w of writes) expect(allowed.has(`${w.sheet}!${w.cell}`)).toBe(true);
    expect(writesFromPlan(ev.plan, { overwriteConflicts: false }).length).toBe(
      ev.plan.filter((m) => m.action === "write").length,
    );
  });
});

describe("variants", () => {
  test("variant-formulas: a formula mark cell is skipped and reported; #DIV/0! is a cell error", () => {
    const ev = evaluateWorkbook(fixtureSnapshots("variant-formulas"));
    const formulaMarks = ev.plan.filter((m) => {
      const r = ev.records.find((x) => x.id === m.recordId);
      return r?.fields[m.field]?.[0]?.formula === true;
    });
    expect(formulaMarks.length).toBeGreaterThan(0);
    for (const m of formulaMarks) {
      expect(m.action).toBe("skip");
      expect(m.reason.ja).toContain("数式");
      expect(
        ev.findings.some(
          (f) => f.code === "consistency.formula-in-mark-cell" && f.cell === m.cell && f.sheet === m.sheet,
        ),
      ).toBe(true);
    }
    const err = ev.findings.find((f) => f.code === "parse.cell-error");
    expect(err?.input).toBe("#DIV/0!");
  });

  test("variant-numbered: ①②③ notation — an entered ① where ② is derived is a conflict, an equal ② is kept", () => {
    const ev = evaluateWorkbook(fixtureSnapshots("variant-numbered"));
    const [kakuduke] = initiativeWith(ev, "performanceTarget", "窓口サービス格付");
    const [yarigai] = initiativeWith(ev, "performanceTarget", "やりがい");
    expect(planFor(ev, kakuduke!.record, "achievement")).toMatchObject({
      action: "conflict",
      mark: "②",
      value: "②(ⅰ)",
    });
    expect(planFor(ev, yarigai!.record, "achievement")).toMatchObject({ action: "keep", mark: "②" });
    expect(
      ev.findings.some((f) => f.code === "consistency.mark-differs" && f.message.ja.includes("「②」")),
    ).toBe(true);
  });

  test("variant-numbered: a fired withdrawal writes ③ and flags the row", () => {
    const base = fixtureSnapshots("variant-numbered");
    const before = evaluateWorkbook(base);
    const [k] = initiativeWith(before, "performanceTarget", "窓口サービス格付");
    const rec = k!.record;
    let snaps = withCell(
      base,
      rec.sheet,
      rec.fields.achievementResult![0]!.address,
      "来庁者等に対する窓口サービス格付結果:2.5",
    );
    snaps = withCell(snaps, rec.sheet, rec.fields.achievement![0]!.address, "(ⅰ)");
    const ev = evaluateWorkbook(snaps);
    const [d] = initiativeWith(ev, "performanceTarget", "窓口サービス格付");
    expect(d?.achievement).toBe("withdrawal");
    expect(d?.withdrawalFlag).toBe(true);
    expect(planFor(ev, d!.record, "achievement")).toMatchObject({
      action: "write",
      mark: "③",
      value: "③(ⅰ)",
    });
    const f = ev.findings.find((x) => x.code === "derive.withdrawal-fired");
    expect(f?.field).toBe("withdrawal");
    expect(f?.message.ja).toContain("手法を再検討する");
  });

  test("a fired withdrawal in circle notation is × plus the withdrawal finding", () => {
    const base = fixtureSnapshots("hirano-fy2016");
    const [k] = initiativeWith(evaluateWorkbook(base), "performanceTarget", "窓口サービス格付");
    const ev = evaluateWorkbook(
      withCell(base, k!.record.sheet, k!.record.fields.achievementResult![0]!.address, "格付結果:2.9"),
    );
    const [d] = initiativeWith(ev, "performanceTarget", "窓口サービス格付");
    expect(planFor(ev, d!.record, "achievement")).toMatchObject({ action: "write", value: "×" });
    expect(ev.findings.some((x) => x.code === "derive.withdrawal-fired")).toBe(true);
  });

  test.each([
    "variant-column-order",
    "variant-extra-column",
    "variant-header-lower",
    "variant-fullwidth",
    "variant-label-typos",
  ])("%s derives the same achievements as the seed's area 2", (name) => {
    const ev = evaluateWorkbook(fixtureSnapshots(name));
    const classes = (e: Evaluation) =>
      e.initiatives
        .filter((d) => d.record.sheet === "取組(2)")
        .map((d) => `${d.record.itemName}:${d.achievement}`)
        .sort();
    expect(classes(ev)).toEqual(classes(evaluateWorkbook(fixtureSnapshots("hirano-fy2016"))));
  });
});

describe("misuse and robustness", () => {
  test("snapshots that are not an array → KuseiUsageError", () => {
    expect(() => evaluateWorkbook(null as never)).toThrow(KuseiUsageError);
    expect(() => evaluateWorkbook("x" as never)).toThrow(/snapshots must be an array/);
  });

  test("an empty workbook evaluates to nothing, with the profile's year", () => {
    const ev = evaluateWorkbook([]);
    expect(ev).toMatchObject({
      evaluationYear: 2016,
      records: [],
      plan: [],
      initiatives: [],
      strategies: [],
    });
  });

  test("a protected sheet gets no writes (skip) and an info finding", () => {
    const snaps = fixtureSnapshots("hirano-fy2016").map((s) =>
      s.name === "取組(2)" ? { ...s, protected: true } : s,
    );
    const ev = evaluateWorkbook(snaps);
    const onSheet = ev.plan.filter((m) => m.sheet === "取組(2)");
    expect(onSheet.length).toBeGreaterThan(0);
    expect(onSheet.every((m) => m.action === "skip")).toBe(true);
    expect(ev.findings.some((f) => f.code === "structure.protected-sheet" && f.sheet === "取組(2)")).toBe(
      true,
    );
  });
});
