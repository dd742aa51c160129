export { message, severityOf, toFinding } from "./catalogue";
export { messageTemplate } from "./sentences";
export type { OriginsByName } from "./catalogue";
export { columnLabel, reportFieldLabel } from "./fields";
export { FINDING_CODES } from "./codes";
export { renderFindingsTable } from "./doc";
export {
  achievementText,
  failureReason,
  markBasisText,
  notComputableText,
  progressReasonText,
  withdrawalActionText,
} from "./reasons";
export { describeComparison, describeThreshold } from "./comparison";
export type { ComparisonText } from "./comparison";
export { assertNever } from "./assert-never";
