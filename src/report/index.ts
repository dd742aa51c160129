/**
 * The report every surface shows: the per-file report model (the CLI's --json, its tables, the HTML report),
 * the self-contained HTML report (`kusei --report` and the standalone page's download) and its words.
 * Pure string code over the core's Evaluation: no Node, DOM or Office API.
 */
export { reportOf, failedReport, jsonOf, currentText } from "./model";
export type { AreaCount, FileReport, FindingOut, HistoryOut, MarkOut, SheetOut } from "./model";
export { escapeHtml, areaChartSvg, fileSection, reportHead, reportTail } from "./html";
export { reportText } from "./i18n";
export type { Lang, ReportTextKey } from "./i18n";
export { summarize } from "./summary";
export type { AreaSummary, Counts, StrategySummary, Summary, WithdrawalRow } from "./summary";
