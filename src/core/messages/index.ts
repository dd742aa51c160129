export { message, severityOf, toFinding, failureReason, withdrawalActionText } from "./catalogue";
export type { MessageParams, OriginsByName } from "./catalogue";
export { columnLabel, reportFieldLabel } from "./fields";
export { FINDING_CODES } from "./codes";
export { messageTemplate, renderFindingsTable } from "./doc";
export { assertNever } from "./assert-never";
