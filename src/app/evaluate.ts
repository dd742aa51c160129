import {
  CHANGE_LOG_SHEET,
  evaluateWorkbook,
  type Evaluation,
  type MappingOverrides,
  type Profile,
} from "../core";
import type { WorkbookRead } from "./port";

/** How to evaluate: what the host passes wins over what the workbook has saved; the default profile else. */
export interface EvaluateChoice {
  readonly profile?: Profile;
  readonly overrides?: MappingOverrides;
}

/**
 * Evaluates one read of the workbook somewhere else than in this call: the browser's task pane hands the
 * read to a Web Worker, which runs evaluateRead there. It must give what evaluateRead gives.
 */
export type Evaluator = (read: WorkbookRead, choice: EvaluateChoice, logSheet: string) => Promise<Evaluation>;

/** Where a use case evaluates: with `evaluator` when given, else evaluateRead in this thread. */
export interface EvaluateOptions extends EvaluateChoice {
  readonly evaluator?: Evaluator;
}

/** Evaluates one read of the workbook. */
export function evaluateRead(
  read: WorkbookRead,
  choice: EvaluateChoice,
  logSheet: string = CHANGE_LOG_SHEET,
): Evaluation {
  const profile = choice.profile ?? read.settings?.profile ?? null;
  const overrides = choice.overrides ?? read.settings?.overrides ?? {};
  return evaluateWorkbook(read.snapshots, { overrides, logSheet, ...(profile ? { profile } : {}) });
}

/** Evaluates one read where the options say (the evaluator gets the choice alone, without itself). */
export function evaluateWhere(
  read: WorkbookRead,
  opts: EvaluateOptions,
  logSheet: string,
): Promise<Evaluation> {
  const choice: EvaluateChoice = {
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.overrides ? { overrides: opts.overrides } : {}),
  };
  if (opts.evaluator) return opts.evaluator(read, choice, logSheet);
  return Promise.resolve(evaluateRead(read, choice, logSheet));
}
