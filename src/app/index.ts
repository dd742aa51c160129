/**
 * The use cases, written once over a WorkbookPort: every host (CLI, task pane in Excel and in the browser,
 * ribbon commands) and the tests call these. The ports themselves are imported apart (`./xlsx-port`,
 * `./excel-port`) so that a bundle carries only the adapter it uses.
 */
export type {
  ApplyOutcome,
  HighlightOutcome,
  LogStamp,
  PortFailure,
  SavedSettings,
  WorkbookPort,
  WorkbookRead,
} from "./port";
export type { EvaluateChoice, EvaluateOptions, Evaluator, WithEvaluator } from "./evaluate";
export { evaluateRead, inThisThread } from "./evaluate-here";
export { check, checkWith } from "./check";
export type { CheckOptions, CheckResult } from "./check";
export { recalc, recalcWith, actionsDone } from "./recalc";
export type { RecalcOptions, RecalcResult } from "./recalc";
export { revert, revertWith } from "./revert";
export type { RevertOptions, RevertResult } from "./revert";
export { plan, applySelected, clear, NOTHING_APPLIED } from "./apply";
export { PortError } from "./errors";
export { phaseTotals } from "./timing";
export type { PhaseTotals } from "./timing";
export { changeLogIn, logSheetOf } from "./log";
export type { WorkbookLog } from "./log";
export type { ApplySelectedResult } from "./apply";
export { evaluatePreviousYear, PREVIOUS_UNREADABLE, withPreviousYear } from "./previous";
export type { YearComparison } from "./previous";
