import type { FindingCode } from "../model/findings";

/** Every finding code, in documentation order (a type check below keeps it complete). */
export const FINDING_CODES = [
  "structure.unknown-sheet",
  "structure.missing-column",
  "structure.weak-header",
  "structure.no-records",
  "structure.rows-before-header",
  "structure.protected-sheet",
  "vocabulary.not-a-mark",
  "vocabulary.ambiguous-withdrawal-wording",
  "parse.target",
  "parse.result",
  "parse.criterion",
  "parse.criterion-not-computable",
  "parse.count-mismatch",
  "parse.unit-mismatch",
  "parse.cell-error",
  "consistency.mark-differs",
  "consistency.effective-but-withdrawn",
  "consistency.a-with-b-no-issue",
  "consistency.unlinked-initiative",
  "consistency.formula-in-mark-cell",
  "consistency.not-evaluated",
  "consistency.progress-rule-differs",
  "derive.not-computable",
  "derive.withdrawal-fired",
  "narrative.missing-issue",
  "narrative.missing-plan",
  "values.percent-out-of-range",
  "values.negative-count",
  "values.bad-era-year",
  "duplicates.repeated-row",
  "history.not-previous-year",
  "history.matched-by-label",
  "history.ambiguous-match",
  "history.item-added",
  "history.item-removed",
  "history.indicator-changed",
  "history.target-changed",
  "history.criterion-changed",
  "history.previous-mark-differs",
  "history.previous-mark-unpaired",
  "history.figure-differs",
  "history.withdrawal-continued",
] as const satisfies readonly FindingCode[];

// If FindingCode gains a member that the list lacks, this line stops compiling.
type Missing = Exclude<FindingCode, (typeof FINDING_CODES)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;
