// Issue 9 item 6: what the seed itself (Hirano FY2016) still showed, as regression tests.
import {
  applyProfileOverride,
  evaluateWorkbook,
  withChangeLogOverride,
  type Evaluation,
} from "../../../src/core";
import { fixtureSnapshots } from "../../helpers/fixtures";

function hirano(profile = applyProfileOverride({})): Evaluation {
  return evaluateWorkbook(fixtureSnapshots("hirano-fy2016"), { profile, overrides: withChangeLogOverride() });
}

const at = (ev: Evaluation, sheet: string, row: number) =>
  ev.findings.filter((f) => f.sheet === sheet && f.row === row);

describe("Hirano FY2016: the seed's own cases", () => {
  const ev = hirano();

  test("取組(2)!G8: three criteria for two targets is reported although the result is empty", () => {
    const mismatch = at(ev, "取組(2)", 8).find((f) => f.code === "parse.count-mismatch");
    expect(mismatch?.cell).toBe("G8");
    expect(mismatch?.message.ja).toContain("撤退基準が3件");
  });

  test("戦略(2) row 28's 「-」: one info finding on the row, no conflict, no narrative warning", () => {
    const row = at(ev, "戦略(2)", 28);
    expect(row.filter((f) => f.code === "consistency.not-evaluated")).toHaveLength(1);
    expect(row.filter((f) => f.code.startsWith("narrative."))).toEqual([]);
    expect(row.filter((f) => f.code === "derive.not-computable")).toEqual([]);
    const marks = ev.plan.filter((p) => p.sheet === "戦略(2)" && p.row === 28);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((p) => p.action === "conflict" || p.action === "write")).toEqual([]);
  });

  test("戦略(2)!M26 (ward a, kusei b): the a/b rule is the ward's choice, so a warning, not an error", () => {
    const m26 = at(ev, "戦略(2)", 26).filter((f) => f.cell === "M26");
    expect(m26.map((f) => [f.code, f.severity])).toEqual([["consistency.progress-rule-differs", "warning"]]);
    expect(m26[0]?.message.ja).toContain("strategyProgressRule");
  });

  test('strategyProgressRule "executed" judges a/b by the (ⅰ)/(ⅱ) the ward entered', () => {
    const byExecution = hirano(applyProfileOverride({ strategyProgressRule: "executed" }));
    const d = byExecution.strategies.find(
      (s) => s.record.sheet === "戦略(2)" && s.record.rowStart + 1 === 26,
    );
    expect(d?.reason.ja).toMatch(/\(ⅰ\)|\(ⅱ\)|実施状況/);
    expect(
      byExecution.findings.filter((f) => f.sheet === "戦略(2)" && f.cell === "M26" && f.severity === "error"),
    ).toEqual([]);
  });
});
