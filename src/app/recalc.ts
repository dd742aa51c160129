import {
  nextApplyId,
  writesFromPlan,
  type CellWrite,
  type Evaluation,
  type PlanAction,
  type PlannedMark,
  type WriteChoice,
} from "../core";
import { NOTHING_APPLIED } from "./apply";
import { evaluateBy, type EvaluateOptions, type WithEvaluator } from "./evaluate";
import { withDefaultEvaluator } from "./evaluate-here";
import { changeLogIn, logSheetOf } from "./log";
import type { ApplyOutcome, WorkbookPort } from "./port";
import type { PhaseTotals } from "./timing";

export interface RecalcOptions extends EvaluateOptions {
  /** which conflicts to overwrite (default none) */
  readonly choice?: WriteChoice;
  /** the clock (tests fix it) */
  readonly now: () => Date;
  /** measures the phases (read, evaluate and its own, apply) for `--timings` and the bench */
  readonly timer?: PhaseTotals;
}

export interface RecalcResult {
  readonly evaluation: Evaluation;
  /** the writes the plan asked for */
  readonly writes: ReadonlyArray<CellWrite>;
  /** the id the apply is logged under; null when there was nothing to write */
  readonly applyId: string | null;
  readonly outcome: ApplyOutcome;
}

/**
 * Recalc: read, evaluate, write every mark the plan says to write (and the chosen conflicts), each only if its
 * cell still holds what was read, and log the writes in the change-log sheet in the same operation.
 */
export function recalc(port: WorkbookPort, opts: RecalcOptions): Promise<RecalcResult> {
  return recalcWith(port, withDefaultEvaluator(opts));
}

/** Recalc, evaluating with the options' evaluator. */
export async function recalcWith(
  port: WorkbookPort,
  opts: WithEvaluator<RecalcOptions>,
): Promise<RecalcResult> {
  port.assertWritable();
  const timer = opts.timer;
  const read = timer ? await timer.timeAsync("read", () => port.read()) : await port.read();
  // a sheet named as the log that is not kusei's refuses the recalc before anything is written
  const log = changeLogIn(read.snapshots, logSheetOf(port));
  const evaluate = () => evaluateBy(read, opts, log.name);
  const evaluation = timer ? await timer.timeAsync("evaluate", evaluate) : await evaluate();
  const writes = writesFromPlan(evaluation.plan, opts.choice ?? { overwriteConflicts: false });
  if (writes.length === 0) return { evaluation, writes, applyId: null, outcome: NOTHING_APPLIED };
  const time = opts.now().toISOString();
  const applyId = nextApplyId(log.entries, time);
  const apply = () => port.apply(writes, { applyId, time, op: "apply" });
  const outcome = timer ? await timer.timeAsync("apply", apply) : await apply();
  return { evaluation, writes, applyId, outcome };
}

function keyOf(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * What actually happened to each planned mark of a recalc: a chosen conflict that was written becomes
 * "write", a write the re-check refused becomes "conflict"; the others stay as planned.
 */
export function actionsDone(
  marks: ReadonlyArray<PlannedMark>,
  outcome: ApplyOutcome,
): ReadonlyMap<string, PlanAction> {
  const applied = new Set(outcome.applied.map((w) => keyOf(w.sheet, w.cell)));
  const done = new Map<string, PlanAction>();
  for (const m of marks) {
    if (m.action !== "write" && m.action !== "conflict") continue;
    if (applied.has(keyOf(m.sheet, m.cell))) done.set(m.id, "write");
    else if (m.action === "write") done.set(m.id, "conflict");
  }
  return done;
}
