import type { ComputedMarkField, Issue } from "../model/findings";
import type { MarkBasis, ProgressReason } from "../model/reasons";
import type { InitiativeRecord, StrategyRecord } from "../model/records";
import { formatMark } from "../text/marks";
import { outcomeCellAgrees } from "../plan/outcome-cell";
import { enteredMark, enteredMarks, placeholderIn } from "./entered";
import { anchorOf, cellIssue, isBlank } from "./issue";
import type { Rule, RuleContext } from "./types";

const COMPUTED: ReadonlyArray<ComputedMarkField> = [
  "achievement",
  "outcome",
  "outcomeOverall",
  "strategyProgress",
];

/** consistency.mark-differs: an entered computed mark that is not the derived one (both named, and why). */
export const markDiffers: Rule = {
  id: "consistency.mark-differs",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      if (record.kind === "initiative") yield* initiativeDiffers(ctx, record);
      else yield* strategyDiffers(ctx, record);
    }
  },
};

function* initiativeDiffers(ctx: RuleContext, record: InitiativeRecord): Iterable<Issue> {
  const d = ctx.derived.initiativeById.get(record.id);
  const basis = ctx.derived.initiativeBasis.get(record.id);
  const cell = anchorOf(record, "achievement");
  if (d === undefined || d.achievement === null || basis === undefined || cell === undefined || cell.formula)
    return;
  const entered = enteredMark(record, "achievement");
  if (entered === null) return;
  const notation = ctx.layouts.get(record.sheet)?.notation ?? ctx.profile.notation;
  const derived = formatMark("achievement", d.achievement, notation);
  if (formatMark("achievement", entered, notation) === derived) return;
  yield cellIssue("consistency.mark-differs", record, cell, "achievement", "achievement", {
    entered: cell.text.trim(),
    derived,
    because: basis,
  });
}

function progressReason(ctx: RuleContext, record: StrategyRecord): ProgressReason {
  return ctx.derived.progressReasons.get(record.id) ?? { kind: "no-linked-initiative" };
}

function* strategyDiffers(ctx: RuleContext, record: StrategyRecord): Iterable<Issue> {
  const d = ctx.derived.strategyById.get(record.id);
  if (d === undefined) return;
  const outcomeCell = anchorOf(record, "outcome");
  const derivedOutcomes = d.outcomes.map((o) => o.mark);
  if (
    outcomeCell !== undefined &&
    !outcomeCell.formula &&
    derivedOutcomes.length > 0 &&
    derivedOutcomes.every((m) => m !== null)
  ) {
    const entered = enteredMarks(record, "outcome");
    if (
      entered.length > 0 &&
      !outcomeCellAgrees(
        entered,
        derivedOutcomes.filter((m): m is "A" | "B" => m !== null),
      )
    )
      yield cellIssue("consistency.mark-differs", record, outcomeCell, "outcome", "outcome", {
        entered: outcomeCell.text.trim(),
        derived: derivedOutcomes.join(" "),
        because: { kind: "outcomes", comparisons: d.outcomes.map((o) => o.explanation) },
      });
  }
  const single: ReadonlyArray<readonly ["outcomeOverall" | "strategyProgress", string | null, MarkBasis]> = [
    ["outcomeOverall", d.overall, { kind: "overall", marks: derivedOutcomes }],
    ["strategyProgress", d.progress, { kind: "progress", reason: progressReason(ctx, record) }],
  ];
  for (const [field, derived, because] of single) {
    const cell = anchorOf(record, field);
    if (derived === null || cell === undefined || cell.formula) continue;
    const entered = enteredMark(record, field);
    if (entered === null || entered === derived) continue;
    if (field === "strategyProgress") {
      // a/b rests on the ward's rule (profile.strategyProgressRule): a difference is a warning, not an error
      yield cellIssue("consistency.progress-rule-differs", record, cell, field, field, {
        entered: cell.text.trim(),
        derived,
        rule: ctx.profile.strategyProgressRule,
        because: progressReason(ctx, record),
      });
      continue;
    }
    yield cellIssue("consistency.mark-differs", record, cell, field, field, {
      entered: cell.text.trim(),
      derived,
      because,
    });
  }
}

/** consistency.effective-but-withdrawn: ○ effectiveness on a row whose withdrawal criterion fired. */
export const effectiveButWithdrawn: Rule = {
  id: "consistency.effective-but-withdrawn",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.kind !== "initiative" || record.duplicateOf !== null) continue;
      const flagged =
        ctx.derived.initiativeById.get(record.id)?.withdrawalFlag === true ||
        enteredMark(record, "achievement") === "withdrawal";
      const cell = anchorOf(record, "initiativeEffectiveness");
      if (!flagged || cell === undefined || enteredMark(record, "initiativeEffectiveness") !== "effective")
        continue;
      yield cellIssue(
        "consistency.effective-but-withdrawn",
        record,
        cell,
        "initiativeEffectiveness",
        "initiativeEffectiveness",
        {
          found: cell.text.trim(),
        },
      );
    }
  },
};

/** consistency.a-with-b-no-issue: ア (effective) while the outcome is B, and 課題 is empty. */
export const effectiveWithBNoIssue: Rule = {
  id: "consistency.a-with-b-no-issue",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.kind !== "strategy" || record.duplicateOf !== null) continue;
      const cell = anchorOf(record, "strategyEffectiveness");
      if (cell === undefined || enteredMark(record, "strategyEffectiveness") !== "effective") continue;
      const d = ctx.derived.strategyById.get(record.id);
      const hasB =
        enteredMarks(record, "outcome").includes("B") ||
        enteredMark(record, "outcomeOverall") === "B" ||
        d?.overall === "B" ||
        d?.outcomes.some((o) => o.mark === "B") === true;
      const issueCells = record.fields.issue;
      if (!hasB || issueCells === undefined || !issueCells.every((c) => isBlank(c.text))) continue;
      yield cellIssue(
        "consistency.a-with-b-no-issue",
        record,
        cell,
        "strategyEffectiveness",
        "strategyEffectiveness",
        {},
      );
    }
  },
};

/** consistency.unlinked-initiative: an initiative tied to no strategy (when the workbook has strategies). */
export const unlinkedInitiative: Rule = {
  id: "consistency.unlinked-initiative",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    if (!ctx.records.some((r) => r.kind === "strategy" && r.duplicateOf === null)) return;
    for (const record of ctx.records) {
      if (record.kind !== "initiative" || record.duplicateOf !== null) continue;
      if (ctx.derived.linkedInitiatives.has(record.id)) continue;
      const cell = anchorOf(record, "activity") ?? anchorOf(record, "itemName");
      const params = record.initiativeCode === null ? {} : { code: record.initiativeCode };
      if (cell !== undefined)
        yield cellIssue(
          "consistency.unlinked-initiative",
          record,
          cell,
          cell === anchorOf(record, "activity") ? "activity" : "itemName",
          null,
          params,
        );
      else
        yield {
          code: "consistency.unlinked-initiative",
          sheet: record.sheet,
          gridRow: record.rowStart,
          gridCol: null,
          field: null,
          column: null,
          input: null,
          params,
        };
    }
  },
};

/** consistency.formula-in-mark-cell: a computed mark cell holding a formula (never overwritten). */
export const formulaInMarkCell: Rule = {
  id: "consistency.formula-in-mark-cell",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      for (const field of COMPUTED) {
        const cell = anchorOf(record, field);
        if (cell?.formula === true)
          yield cellIssue("consistency.formula-in-mark-cell", record, cell, field, field, {});
      }
    }
  },
};

/**
 * consistency.not-evaluated: a ward's 「-」 (or 「なし」) in computed mark cells means "not evaluated here" —
 * one info finding on the row, naming those cells' columns (the plan leaves them alone, no conflict).
 */
export const notEvaluated: Rule = {
  id: "consistency.not-evaluated",
  family: "consistency",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const marked = COMPUTED.flatMap((field) => {
        const placeholder = placeholderIn(record, field);
        const cell = anchorOf(record, field);
        return placeholder === null || cell === undefined ? [] : [{ field, placeholder, cell }];
      });
      const first = marked[0];
      if (first === undefined) continue;
      yield cellIssue("consistency.not-evaluated", record, first.cell, first.field, null, {
        columns: marked.map((m) => m.field),
        placeholder: first.placeholder,
      });
    }
  },
};

export const consistencyRules: ReadonlyArray<Rule> = [
  markDiffers,
  effectiveButWithdrawn,
  effectiveWithBNoIssue,
  unlinkedInitiative,
  formulaInMarkCell,
  notEvaluated,
];
