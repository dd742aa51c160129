import {
  CHANGE_LOG_SHEET,
  evaluateWorkbook,
  type Evaluation,
  type MappingOverrides,
  type PhaseTimer,
  type Profile,
} from "../core";
import type { WorkbookRead } from "./port";

/** How to evaluate: what the host passes wins over what the workbook has saved; the default profile else. */
export interface EvaluateChoice {
  readonly profile?: Profile;
  readonly overrides?: MappingOverrides;
  /** measures the evaluation's phases */
  readonly timer?: PhaseTimer;
}

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
  });
}
