import type { Issue } from "../model/findings";
import type { ComputedMarkField, ValidatedMarkField } from "../model/findings";
import { normalizeText } from "../text/normalize";
import { MARK_FIELDS, readingsOf } from "./entered";
import { cellIssue, cellsOf } from "./issue";
import type { Rule, RuleContext } from "./types";

// 「撤退基準達成」「撤退基準に該当」:「達成」 of a withdrawal criterion reads both ways (cleared the bar, or hit the trigger)
const AMBIGUOUS_WITHDRAWAL = /撤退(?:・再構築)?基準(?:を|に)?(?:達成|該当)/;

/** vocabulary.not-a-mark: a mark cell holding something that is not a mark of its field. */
export const notAMark: Rule = {
  id: "vocabulary.not-a-mark",
  family: "vocabulary",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const notation = ctx.layouts.get(record.sheet)?.notation ?? ctx.profile.notation;
      for (const { kind, multi } of MARK_FIELDS[record.kind]) {
        for (const cell of cellsOf(record, kind)) {
          if (cell.error !== null) continue;
          const readings = readingsOf(kind, multi, cell);
          const bad = readings.find((r) => r.status === "invalid");
          if (bad === undefined || bad.status !== "invalid") continue;
          // an ambiguous withdrawal phrase gets its own finding below
          if (kind === "achievement" && AMBIGUOUS_WITHDRAWAL.test(normalizeText(cell.text))) continue;
          const field: ComputedMarkField | ValidatedMarkField = kind;
          yield cellIssue("vocabulary.not-a-mark", record, cell, kind, field, {
            mark: kind,
            notation,
            found: bad.found,
          });
        }
      }
    }
  },
};

/** vocabulary.ambiguous-withdrawal-wording: 「撤退基準達成/該当」 in an achievement cell or its result text. */
export const ambiguousWithdrawal: Rule = {
  id: "vocabulary.ambiguous-withdrawal-wording",
  family: "vocabulary",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.kind !== "initiative" || record.duplicateOf !== null) continue;
      for (const column of ["achievement", "achievementResult"] as const) {
        for (const cell of cellsOf(record, column)) {
          if (AMBIGUOUS_WITHDRAWAL.test(normalizeText(cell.text)))
            yield cellIssue(
              "vocabulary.ambiguous-withdrawal-wording",
              record,
              cell,
              column,
              "withdrawal",
              {},
            );
        }
      }
    }
  },
};

export const vocabularyRules: ReadonlyArray<Rule> = [notAMark, ambiguousWithdrawal];
