import type { Issue } from "../model/findings";
import type { FieldCell, SheetRecord } from "../model/records";
import type { ParseFailure, Target } from "../model/values";
import { valueProblems } from "../values";
import { memoizedParsers, type CellParsers } from "./context";
import { cellIssue } from "./issue";
import type { Rule, RuleContext } from "./types";

interface IndicatorTargets {
  readonly items: ReadonlyArray<{ value: Target; cell: FieldCell }>;
  readonly failures: ReadonlyArray<{ failure: ParseFailure; cell: FieldCell }>;
}

// Both rules below read the same cells: parse them once per context and record (and each text once).
const indicatorMemo = new WeakMap<
  RuleContext,
  { readonly parsers: CellParsers; readonly perRecord: WeakMap<SheetRecord, IndicatorTargets> }
>();

/** The 成果指標と目標値 cells (目標値 「H29年度までに50%以上」): not derived, but checked for impossible values. */
function indicatorTargets(ctx: RuleContext, record: SheetRecord): IndicatorTargets {
  let memo = indicatorMemo.get(ctx);
  if (memo === undefined) {
    memo = { parsers: memoizedParsers(), perRecord: new WeakMap() };
    indicatorMemo.set(ctx, memo);
  }
  const hit = memo.perRecord.get(record);
  if (hit !== undefined) return hit;
  const found = parseIndicatorTargets(ctx, record, memo.parsers);
  memo.perRecord.set(record, found);
  return found;
}

function parseIndicatorTargets(ctx: RuleContext, record: SheetRecord, parsers: CellParsers): IndicatorTargets {
  const items: { value: Target; cell: FieldCell }[] = [];
  const failures: { failure: ParseFailure; cell: FieldCell }[] = [];
  for (const cell of record.fields.indicatorTarget ?? []) {
    if (cell.error !== null || cell.text.trim() === "") continue;
    const parsed = parsers.targets(cell.text, {
      evaluationYear: ctx.yearOf(record.sheet),
      defaultEra: ctx.profile.defaultEra,
      maxLength: ctx.profile.maxCellLength,
    });
    for (const value of parsed.items) items.push({ value, cell });
    for (const failure of parsed.failures) failures.push({ failure, cell });
  }
  return { items, failures };
}

/** values.percent-out-of-range / values.negative-count: impossible numbers in targets, results, criteria. */
export const impossibleValues: Rule = {
  id: "values.range",
  family: "values",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const p = ctx.parsed(record);
      const indicator = indicatorTargets(ctx, record).items.map((i) => ({
        ...i,
        column: "indicatorTarget" as const,
      }));
      for (const located of [...p.targets, ...p.results, ...p.criteria, ...indicator]) {
        for (const problem of valueProblems(located.value)) {
          yield cellIssue(problem.code, record, located.cell, located.column, null, {
            text: problem.params.raw,
            value: problem.params.value,
            unit: problem.params.unit,
          });
        }
      }
    }
  },
};

/** values.bad-era-year: an era year that does not exist (平成32年度 is 令和2年度). */
export const badEraYears: Rule = {
  id: "values.bad-era-year",
  family: "values",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const indicator = indicatorTargets(ctx, record).failures.map((f) => ({
        ...f,
        column: "indicatorTarget" as const,
      }));
      for (const { failure, cell, column } of [...ctx.parsed(record).failures, ...indicator]) {
        if (failure.code !== "bad-era-year") continue;
        const params: Record<string, string> = { text: failure.raw };
        if (failure.detail !== undefined && failure.detail !== "") params["suggestion"] = failure.detail;
        yield cellIssue("values.bad-era-year", record, cell, column, null, params);
      }
    }
  },
};

export const valueRules: ReadonlyArray<Rule> = [impossibleValues, badEraYears];
