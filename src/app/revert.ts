import { changeLogOf, planRevert, type Evaluation, type RevertPlan } from "../core";
import { NOTHING_APPLIED } from "./apply";
import { evaluateRead, type EvaluateChoice } from "./evaluate";
import type { ApplyOutcome, WorkbookPort } from "./port";

export interface RevertOptions extends EvaluateChoice {
  /** the clock (tests fix it) */
  readonly now: () => Date;
}

export interface RevertResult {
  /** the evaluation of the workbook as it was before the revert (it tells which cells are mark cells) */
  readonly evaluation: Evaluation;
  /** what the change log allowed: the apply undone (null: nothing to undo), its writes and its conflicts */
  readonly plan: RevertPlan;
  readonly outcome: ApplyOutcome;
}

/**
 * Revert: undo the last apply no revert has undone yet, exactly, from the change-log sheet. A logged cell that
 * changed since kusei wrote it is a conflict, never overwritten; the revert itself is logged (op "revert").
 */
export async function revert(port: WorkbookPort, opts: RevertOptions): Promise<RevertResult> {
  port.assertWritable();
  const read = await port.read();
  const evaluation = evaluateRead(read, opts);
  const plan = planRevert(changeLogOf(read.snapshots), read.snapshots);
  if (plan.applyId === null || plan.writes.length === 0)
    return { evaluation, plan, outcome: NOTHING_APPLIED };
  const outcome = await port.apply(plan.writes, {
    applyId: plan.applyId,
    time: opts.now().toISOString(),
    op: "revert",
  });
  return { evaluation, plan, outcome };
}
