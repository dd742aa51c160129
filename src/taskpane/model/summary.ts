// The Summary tab counts what the downloaded report and the CLI count: one summarize, in src/report.
export { summarize } from "../../report/summary";
export type { AreaSummary, Counts, StrategySummary, Summary, WithdrawalRow } from "../../report/summary";
