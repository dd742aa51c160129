import { planRevert, type Evaluation, type RejectedLogRow, type RevertPlan } from "../core";
import { NOTHING_APPLIED } from "./apply";
import { evaluateBy, type EvaluateOptions, type WithEvaluator } from "./evaluate";
import { withDefaultEvaluator } from "./evaluate-here";
import { changeLogIn, logSheetOf } from "./log";
import type { ApplyOutcome, WorkbookPort } from "./port";

export interface RevertOptions extends EvaluateOptions {
  /** the clock (tests fix it) */
  readonly now: () => Date;
}

export interface RevertResult {
  /** the evaluation of the workbook as it was before the revert (it tells which cells are mark cells) */
  readonly evaluation: Evaluation;
  /** what the change log allowed: the apply undone (null: nothing to undo), its writes and its conflicts */
  readonly plan: RevertPlan;
  /** rows of the change-log sheet that are not kusei's entries: never used, reported (rejectedRowsText) */
  readonly rejected: ReadonlyArray<RejectedLogRow>;
  readonly outcome: ApplyOutcome;
}

/**
 * Revert: undo the last apply no revert has undone yet, exactly, from the change-log sheet. The log is a
 * claim, not a licence: a row is honoured only for a mark cell of the workbook as it is now that still
 * holds what kusei wrote (core planRevert); anything else is a conflict, never written. The revert itself
 * is logged (op "revert"); when nothing can be restored nothing is written at all.
 */
export function revert(port: WorkbookPort, opts: RevertOptions): Promise<RevertResult> {
  return revertWith(port, withDefaultEvaluator(opts));
}

/** Revert, evaluating with the options' evaluator. */
export async function revertWith(
  port: WorkbookPort,
  opts: WithEvaluator<RevertOptions>,
): Promise<RevertResult> {
  port.assertWritable();
  const read = await port.read();
  const log = changeLogIn(read.snapshots, logSheetOf(port));
  const evaluation = await evaluateBy(read, opts, log.name);
  const plan = planRevert(log.entries, read.snapshots, evaluation.plan);
  const rejected = log.rejected;
  if (plan.applyId === null || plan.writes.length === 0)
    return { evaluation, plan, rejected, outcome: NOTHING_APPLIED };
  const outcome = await port.apply(plan.writes, {
    applyId: plan.applyId,
    time: opts.now().toISOString(),
    op: "revert",
  });
  return { evaluation, plan, rejected, outcome };
}
