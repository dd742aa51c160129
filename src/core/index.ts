/**
 * The public barrel of the pure core: what hosts (Excel add-in, CLI, task pane, browser page) import.
 * One entry point (evaluateWorkbook), the model types, profiles, messages, the write plan and helpers.
 */

// model (types only)
export type * from "./model";

// the entry point
export { evaluateWorkbook, KuseiUsageError } from "./evaluate";
export type { EvaluateOptions } from "./evaluate";
export { EVALUATION_PHASES, UNTIMED } from "./model/phases";
export type { EvaluationPhase, PhaseTimer } from "./model/phases";

// profiles
export {
  DEFAULT_PROFILE,
  parseProfile,
  parseProfileJson,
  applyProfileOverride,
  profileOverrideSchema,
} from "./profile";
export type { Profile, ProfileError, ProfileParseResult, ProfileOverride } from "./profile";

// messages and findings
export {
  message,
  severityOf,
  toFinding,
  failureReason,
  withdrawalActionText,
  columnLabel,
  reportFieldLabel,
  FINDING_CODES,
  messageTemplate,
  renderFindingsTable,
  describeComparison,
} from "./messages";
export type { ComparisonText, OriginsByName } from "./messages";

// the write plan
export { writesFromPlan, sameCellValue, buildPlan, achievementSymbol, markSeparator } from "./plan";
export type { WriteChoice, PlanInput } from "./plan";

// rules (for hosts that list or test them)
export { RULES, runRules, buildContext, deriveAll, linkInitiatives } from "./rules";
export type { Rule, RuleContext, RuleFamily } from "./rules";

// A1 addresses
export { columnLetters, columnIndex, toA1, fromA1, gridToA1, positionOf } from "./address/a1";

// text, values, layout: what hosts need
export {
  normalizeText,
  foldLabel,
  readMark,
  readMarks,
  formatMark,
  formatAchievementCell,
  CIRCLE,
  CROSS,
} from "./text";
export type { MarkKind, MarkReading, MarkValue, MarkValues, Qualifier } from "./text";
export {
  parseTargets,
  parseResults,
  parseCriteria,
  pairValues,
  meets,
  fires,
  formatQuantity,
  parseYearSpan,
  eraToFiscalYear,
  formatFiscalYear,
  valueProblems,
  labelSimilarity,
} from "./values";
export type { ParseContext } from "./values";
export { recognizeWorkbook, recognizeSheet, cellText } from "./layout";
export type { Recognition, SheetOverride } from "./layout";

// year-on-year comparison (kusei check --previous)
export { compareYears } from "./history";
export type { HistoryComparison } from "./history";

// the change log
export * from "./changelog";
