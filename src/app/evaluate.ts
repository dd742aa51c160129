import type { Evaluation, MappingOverrides, PhaseTimer, Profile } from "../core";
import type { WorkbookRead } from "./port";

/** How to evaluate: what the host passes wins over what the workbook has saved; the default profile else. */
export interface EvaluateChoice {
  readonly profile?: Profile;
  readonly overrides?: MappingOverrides;
  /** measures the evaluation's phases */
  readonly timer?: PhaseTimer;
  /**
   * last year's workbook, evaluated (前年度のブックと比較): relative targets the sheet gives no previous
   * figure for take last year's results (see the core's EvaluateOptions.previous)
   */
  readonly previous?: Evaluation;
}

/**
 * Evaluates one read of the workbook somewhere else than in this call: the browser's task pane hands the
 * read to a Web Worker, which runs evaluateRead there. It must give what evaluateRead gives (a `timer` in
 * the choice measures only an evaluation in this thread: it cannot cross to a worker).
 */
export type Evaluator = (read: WorkbookRead, choice: EvaluateChoice, logSheet: string) => Promise<Evaluation>;

/** Where a use case evaluates: with `evaluator` when given, else evaluateRead in this thread (evaluate-here.ts). */
export interface EvaluateOptions extends EvaluateChoice {
  readonly evaluator?: Evaluator;
}

/** A use case's options with the evaluator named (what the …With use cases take). */
export type WithEvaluator<O extends EvaluateOptions> = O & { readonly evaluator: Evaluator };

/**
 * Evaluates one read with the options' evaluator, which gets the host's choice without itself. Nothing here
 * refers to evaluateRead: a bundle whose hosts always name their evaluator (the task pane's goes to a Web
 * Worker) carries none of the core's evaluation, since webpack leaves out what no used function refers to.
 */
export function evaluateBy(
  read: WorkbookRead,
  opts: WithEvaluator<EvaluateOptions>,
  logSheet: string,
): Promise<Evaluation> {
  const choice: EvaluateChoice = {
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.overrides ? { overrides: opts.overrides } : {}),
    ...(opts.timer ? { timer: opts.timer } : {}),
    ...(opts.previous ? { previous: opts.previous } : {}),
  };
  return opts.evaluator(read, choice, logSheet);
}
