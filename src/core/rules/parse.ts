import type { Issue, ReportField } from "../model/findings";
import type { ColumnField } from "../model/records";
import { cellIssue } from "./issue";
import type { Rule, RuleContext } from "./types";

const MARK_COLUMNS: ReadonlySet<ColumnField> = new Set<ColumnField>([
  "achievement",
  "execution",
  "initiativeEffectiveness",
  "outcome",
  "outcomeOverall",
  "strategyProgress",
  "strategyEffectiveness",
]);

const reportField = (column: ColumnField): ReportField | null =>
  MARK_COLUMNS.has(column) ? (column as ReportField) : column === "withdrawalCriterion" ? "withdrawal" : null;

/** parse.cell-error: a field cell holding an error value (#N/A, #DIV/0! …). */
export const cellErrors: Rule = {
  id: "parse.cell-error",
  family: "parse",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      // for…in visits the same own keys in the same order as Object.entries, without a pair per field
      const fields = record.fields;
      for (const key in fields) {
        const column = key as ColumnField;
        const cells = fields[column];
        if (cells === undefined) continue;
        for (const cell of cells) {
          if (cell.error !== null)
            yield cellIssue("parse.cell-error", record, cell, column, reportField(column), {
              error: cell.error,
            });
        }
      }
    }
  },
};

/** The finding code of a text that did not read, by what it is (all three share their params). */
const WHAT_CODE: Readonly<
  Record<"target" | "result" | "criterion", "parse.target" | "parse.result" | "parse.criterion">
> = {
  target: "parse.target",
  result: "parse.result",
  criterion: "parse.criterion",
};

/**
 * Targets, results and criteria that could not be read, at their cell. A criterion without a numeric
 * threshold is "not computable"; 「撤退基準達成/該当」 wording is a vocabulary finding; bad era years are
 * left to the values rules.
 */
export const parseFailures: Rule = {
  id: "parse.failures",
  family: "parse",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      for (const { what, failure, cell, column } of ctx.parsed(record).failures) {
        if (failure.code === "bad-era-year") continue;
        if (failure.code === "ambiguous-wording") {
          yield cellIssue("vocabulary.ambiguous-withdrawal-wording", record, cell, column, "withdrawal", {
            text: failure.raw,
          });
          continue;
        }
        if (
          what === "criterion" &&
          (failure.code === "not-computable" ||
            failure.code === "no-comparator" ||
            failure.code === "no-number")
        ) {
          yield cellIssue("parse.criterion-not-computable", record, cell, column, "withdrawal", {
            text: failure.raw,
          });
          continue;
        }
        const params =
          failure.detail !== undefined && failure.detail !== ""
            ? { text: failure.raw, reason: failure.code, detail: failure.detail }
            : { text: failure.raw, reason: failure.code };
        yield cellIssue(
          WHAT_CODE[what],
          record,
          cell,
          column,
          what === "criterion" ? "withdrawal" : null,
          params,
        );
      }
    }
  },
};

export const parseRules: ReadonlyArray<Rule> = [cellErrors, parseFailures];
