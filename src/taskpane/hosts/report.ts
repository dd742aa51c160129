import { fileSection, reportHead, reportOf, reportTail, type FileReport } from "../../report";
import { formatJst } from "../../report/time";
import type { CheckResult } from "../host";

// The standalone page's HTML report is the one `kusei check --report` writes (src/report): one self-contained
// file, inline CSS, no script, every piece of workbook text escaped by the renderer.

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
  return [reportHead(lang, command, formatJst(now, lang)), fileSection(report, lang), reportTail()].join(
    "\n",
  );
}
