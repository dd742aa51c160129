import type { Issue } from "../model/findings";
import { valueProblems } from "../values";
import { cellIssue } from "./issue";
import type { Rule, RuleContext } from "./types";

/** values.percent-out-of-range / values.negative-count: impossible numbers in targets, results, criteria. */
export const impossibleValues: Rule = {
  id: "values.range",
  family: "values",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const p = ctx.parsed(record);
      for (const located of [...p.targets, ...p.results, ...p.criteria]) {
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
      for (const { failure, cell, column } of ctx.parsed(record).failures) {
        if (failure.code !== "bad-era-year") continue;
        const params: Record<string, string> = { text: failure.raw };
        if (failure.detail !== undefined && failure.detail !== "") params["suggestion"] = failure.detail;
        yield cellIssue("values.bad-era-year", record, cell, column, null, params);
      }
    }
  },
};

export const valueRules: ReadonlyArray<Rule> = [impossibleValues, badEraYears];
