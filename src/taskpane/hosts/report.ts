import { fileSection, reportHead, reportTail } from "../../cli/html-report";
import { reportOf, type FileReport } from "../../cli/report-model";
import type { CheckResult } from "../host";

// The standalone page's HTML report is the CLI's (`kusei check --report`): one self-contained file, inline CSS,
// no script, every piece of workbook text escaped by the CLI's renderer. Pure string code, no Node API.

/** Renders the report of one workbook as a complete HTML document. */
export function renderReport(
  fileName: string,
  result: CheckResult,
  lang: "ja" | "en",
  now: Date = new Date(),
): string {
  // A check writes nothing: no output file, nothing left unrestored.
  const report: FileReport = {
    ...reportOf(fileName, result.evaluation, lang),
    output: null,
    notes: [],
    unrestored: 0,
  };
  const command = lang === "ja" ? `ブラウザーで検証: ${fileName}` : `checked in the browser: ${fileName}`;
  return [reportHead(lang, command, now.toISOString()), fileSection(report, lang), reportTail()].join("\n");
}
