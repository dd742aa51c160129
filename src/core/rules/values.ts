import type { Issue } from "../model/findings";
import type { ColumnField, FieldCell, SheetRecord } from "../model/records";
import type { ParseFailure, ResultValue, Target, WithdrawalCriterion } from "../model/values";
import { valueProblems } from "../values";
import { cellIssue } from "./issue";
import type { Rule, RuleContext } from "./types";

/** values.percent-out-of-range / values.negative-count: impossible numbers in targets, results, criteria. */
export const impossibleValues: Rule = {
  id: "values.range",
  family: "values",
  run(ctx: RuleContext): Iterable<Issue> {
    // plain loops, no spread lists: this rule visits every parsed value of the workbook
    const out: Issue[] = [];
    const check = (
      record: SheetRecord,
      value: Target | ResultValue | WithdrawalCriterion,
      cell: FieldCell,
      column: ColumnField,
    ): void => {
      for (const problem of valueProblems(value)) {
        out.push(
          cellIssue(problem.code, record, cell, column, null, {
            text: problem.params.raw,
            value: problem.params.value,
            unit: problem.params.unit,
          }),
        );
      }
    };
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const p = ctx.parsed(record);
      for (const l of p.targets) check(record, l.value, l.cell, l.column);
      for (const l of p.results) check(record, l.value, l.cell, l.column);
      for (const l of p.criteria) check(record, l.value, l.cell, l.column);
      for (const i of ctx.indicatorTargets(record).items) check(record, i.value, i.cell, "indicatorTarget");
    }
    return out;
  },
};

/** values.bad-era-year: an era year that does not exist (平成32年度 is 令和2年度). */
export const badEraYears: Rule = {
  id: "values.bad-era-year",
  family: "values",
  *run(ctx: RuleContext): Iterable<Issue> {
    const issue = (
      record: SheetRecord,
      failure: ParseFailure,
      cell: FieldCell,
      column: ColumnField,
    ): Issue => {
      const params =
        failure.detail !== undefined && failure.detail !== ""
          ? { text: failure.raw, suggestion: failure.detail }
          : { text: failure.raw };
      return cellIssue("values.bad-era-year", record, cell, column, null, params);
    };
    // the record's own failures, then its indicator targets' (no joined list per record)
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const indicator = ctx.indicatorTargets(record).failures;
      for (const { failure, cell, column } of ctx.parsed(record).failures) {
        if (failure.code === "bad-era-year") yield issue(record, failure, cell, column);
      }
      for (const { failure, cell } of indicator) {
        if (failure.code === "bad-era-year") yield issue(record, failure, cell, "indicatorTarget");
      }
    }
  },
};

export const valueRules: ReadonlyArray<Rule> = [impossibleValues, badEraYears];
