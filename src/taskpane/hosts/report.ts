import type { Finding, PlannedMark } from "../../core/model";
import type { CheckResult } from "../host";
import { summarize } from "../model/summary";

// The standalone page's HTML report: one self-contained file (inline CSS, no script, no external asset).
// Every piece of workbook text passes through escapeHtml.

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const T = {
  ja: {
    title: "kusei 検証レポート",
    findings: "指摘",
    marks: "記号",
    summary: "集計",
    sheet: "シート",
    cell: "セル",
    severity: "重要度",
    message: "メッセージ",
    input: "セルの内容",
    current: "現在",
    next: "新しい値",
    action: "処理",
    reason: "理由",
    area: "経営課題",
    achieved: "目標達成",
    missed: "目標未達成",
    withdrawal: "撤退基準未達成",
    none: "なし",
  },
  en: {
    title: "kusei validation report",
    findings: "Findings",
    marks: "Marks",
    summary: "Summary",
    sheet: "Sheet",
    cell: "Cell",
    severity: "Severity",
    message: "Message",
    input: "Cell text",
    current: "Current",
    next: "New",
    action: "Action",
    reason: "Reason",
    area: "Area",
    achieved: "Achieved",
    missed: "Not achieved",
    withdrawal: "Withdrawal",
    none: "None",
  },
} as const;

function row(cells: ReadonlyArray<string>): string {
  return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
}

function head(cells: ReadonlyArray<string>): string {
  return `<tr>${cells.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
}

function findingRows(findings: ReadonlyArray<Finding>, lang: "ja" | "en"): string {
  return findings
    .map((f) => row([f.sheet, f.cell ?? "", f.severity, f.message[lang], f.input ?? ""]))
    .join("");
}

function markRows(plan: ReadonlyArray<PlannedMark>, lang: "ja" | "en"): string {
  return plan
    .map((m) =>
      row([
        m.sheet,
        m.cell,
        m.current === null ? "" : String(m.current),
        m.value ?? m.mark ?? "",
        m.action,
        m.reason[lang],
      ]),
    )
    .join("");
}

/** Renders the report of one workbook as a complete HTML document. */
export function renderReport(fileName: string, result: CheckResult, lang: "ja" | "en"): string {
  const t = T[lang];
  const e = result.evaluation;
  const s = summarize(e);
  const max = Math.max(1, ...s.areas.map((a) => a.counts.achieved + a.counts.missed + a.counts.withdrawal));
  const bars = s.areas
    .map((a, i) => {
      const w = (n: number) => (n / max) * 300;
      const y = i * 22;
      const x1 = 60 + w(a.counts.achieved);
      const x2 = x1 + w(a.counts.missed);
      return (
        `<text x="0" y="${y + 14}">${escapeHtml(a.areaNumber ?? "-")}</text>` +
        `<rect x="60" y="${y}" width="${w(a.counts.achieved)}" height="16" fill="#107c10"/>` +
        `<rect x="${x1}" y="${y}" width="${w(a.counts.missed)}" height="16" fill="#ca5010"/>` +
        `<rect x="${x2}" y="${y}" width="${w(a.counts.withdrawal)}" height="16" fill="#a4262c"/>`
      );
    })
    .join("");
  const summaryRows = s.areas
    .map((a) =>
      row([
        `${a.areaNumber ?? "-"} ${a.areaTitle ?? ""}`,
        String(a.counts.achieved),
        String(a.counts.missed),
        String(a.counts.withdrawal),
      ]),
    )
    .join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${t.title}: ${fileName}`)}</title>
<style>body{font-family:"Yu Gothic UI",Meiryo,"IPAGothic",sans-serif;margin:1.5em}table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top;white-space:pre-wrap;font-size:13px}th{background:#f3f2f1}</style></head>
<body><h1>${escapeHtml(`${t.title}: ${fileName}`)}</h1>
<h2>${t.summary}</h2>
<svg role="img" aria-label="${escapeHtml(t.summary)}" width="420" height="${s.areas.length * 22 + 4}">${bars}</svg>
<table>${head([t.area, t.achieved, t.missed, t.withdrawal])}${summaryRows}</table>
<h2>${t.findings} (${e.findings.length})</h2>
<table>${head([t.sheet, t.cell, t.severity, t.message, t.input])}${findingRows(e.findings, lang) || row([t.none])}</table>
<h2>${t.marks} (${e.plan.length})</h2>
<table>${head([t.sheet, t.cell, t.current, t.next, t.action, t.reason])}${markRows(e.plan, lang) || row([t.none])}</table>
</body></html>
`;
}
