import type { Issue } from "../model/findings";
import { rowIssue } from "./issue";
import type { Rule, RuleContext } from "./types";

/**
 * duplicates.repeated-row: a record repeated on a continuation page, reported once. The recogniser's own
 * duplicate issues pass through; a duplicate record it did not report is reported here.
 */
export const repeatedRows: Rule = {
  id: "duplicates.repeated-row",
  family: "duplicates",
  *run(ctx: RuleContext): Iterable<Issue> {
    const reported = new Set<string>();
    for (const issue of ctx.layoutIssues) {
      if (!issue.code.startsWith("duplicates.")) continue;
      reported.add(`${issue.sheet}\u0000${issue.gridRow ?? ""}`);
      yield issue;
    }
    for (const record of ctx.records) {
      if (record.duplicateOf === null) continue;
      if (reported.has(`${record.sheet}\u0000${record.rowStart}`)) continue;
      reported.add(`${record.sheet}\u0000${record.rowStart}`);
      yield rowIssue("duplicates.repeated-row", record, null, { of: record.duplicateOf });
    }
  },
};

export const duplicateRules: ReadonlyArray<Rule> = [repeatedRows];
