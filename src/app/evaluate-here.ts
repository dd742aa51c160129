import { CHANGE_LOG_SHEET, evaluateWorkbook, type Evaluation } from "../core";
import type { EvaluateChoice, EvaluateOptions, Evaluator, WithEvaluator } from "./evaluate";
import type { WorkbookRead } from "./port";

// The evaluation in this thread, apart from evaluate.ts: a bundle whose hosts only call the …With use
// cases (the task pane's first chunk, whose evaluation goes to a Web Worker) leaves this module out, and
// the core's evaluation with it — webpack drops what no used function refers to, src/app and src/core
// being marked free of side effects in webpack.config.js.

/** Evaluates one read of the workbook. */
export function evaluateRead(
  read: WorkbookRead,
  choice: EvaluateChoice,
  logSheet: string = CHANGE_LOG_SHEET,
): Evaluation {
  const profile = choice.profile ?? read.settings?.profile ?? null;
  const overrides = choice.overrides ?? read.settings?.overrides ?? {};
  return evaluateWorkbook(read.snapshots, {
    overrides,
    logSheet,
    ...(profile ? { profile } : {}),
    ...(choice.timer ? { timer: choice.timer } : {}),
    ...(choice.previous ? { previous: choice.previous } : {}),
  });
}

/** The evaluator of this thread: evaluateRead. */
export const inThisThread: Evaluator = (read, choice, logSheet) =>
  Promise.resolve(evaluateRead(read, choice, logSheet));

/** The options, with inThisThread where they name no evaluator. */
export function withDefaultEvaluator<O extends EvaluateOptions>(opts: O): WithEvaluator<O> {
  return { ...opts, evaluator: opts.evaluator ?? inThisThread };
}
