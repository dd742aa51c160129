/**
 * The top of a workbook's HTML report (issue 11 item 4): counts per sheet and severity, the rows whose
 * withdrawal criterion fired, a table of contents; and the row titles (item, initiative) shown beside cell
 * addresses so the report reads outside Excel.
 */
import type { Evaluation, SheetRecord } from "../core";

export type OverviewLang = "ja" | "en";

/** What the overview needs of a file's report (a subset of the CLI's FileReport). */
export interface OverviewInput {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly kind: string; readonly records: number }>;
  readonly findings: ReadonlyArray<{
    readonly sheet: string;
    readonly cell: string | null;
    readonly row: number | null;
    readonly code: string;
    readonly severity: "error" | "warning" | "info";
    readonly message: string;
  }>;
  /** "sheet!row" (1-based sheet row) → the row's title */
  readonly titles?: Readonly<Record<string, string>>;
}

const TEXT = {
  overview: { ja: "概要", en: "Overview" },
  sheet: { ja: "シート", en: "sheet" },
  error: { ja: "エラー", en: "errors" },
  warning: { ja: "警告", en: "warnings" },
  info: { ja: "情報", en: "info" },
  total: { ja: "合計", en: "total" },
  withdrawals: { ja: "撤退基準に該当した取組", en: "Initiatives whose withdrawal criterion fired" },
  noWithdrawals: { ja: "撤退基準に該当した取組はありません。", en: "No withdrawal criterion fired." },
  contents: { ja: "目次", en: "Contents" },
  cell: { ja: "セル", en: "cell" },
  title: { ja: "項目・取組", en: "item / initiative" },
  message: { ja: "内容", en: "message" },
} as const;
const tx = (lang: OverviewLang, k: keyof typeof TEXT): string => TEXT[k][lang];

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function firstLine(text: string, max = 40): string {
  const line =
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "" && !/^[[［]\s*[\d\s\-‐－ー−]+[\]］]$/.test(l)) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A record's title as a reader knows it: 「㋐ 人と人とのつながりづくりの促進 · [3-1] 地域活動協議会の…」. */
export function recordTitle(r: SheetRecord): string {
  const mark = r.fields.itemMark?.[0]?.text.trim() ?? "";
  const item = `${mark}${mark !== "" && r.itemName !== "" ? " " : ""}${r.itemName}`.trim();
  const lead = r.kind === "initiative" ? r.fields.activity : r.fields.strategy;
  const code = r.kind === "initiative" ? r.initiativeCode : r.strategyCode;
  const what = firstLine((lead ?? []).map((c) => c.text).join("\n"));
  const second = `${code !== null ? `[${code}] ` : ""}${what}`.trim();
  return [item, second].filter((s) => s !== "").join(" · ");
}

/**
 * "sheet!row" → title for every sheet row a record covers (its first row is the id's: "取組(1)!8"; a record
 * spans rowEnd − rowStart further rows).
 */
export function rowTitles(ev: Evaluation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of ev.records) {
    const first = Number(r.id.slice(r.id.lastIndexOf("!") + 1));
    if (!Number.isFinite(first)) continue;
    const title = recordTitle(r);
    if (title === "") continue;
    for (let i = 0; i <= r.rowEnd - r.rowStart; i++) out[`${r.sheet}!${first + i}`] = title;
  }
  return out;
}

/** The title of the row a cell sits in, or "". */
export function titleAt(input: OverviewInput, sheet: string, row: number | null): string {
  if (row === null || input.titles === undefined) return "";
  return input.titles[`${sheet}!${row}`] ?? "";
}

/** The anchor id of a sheet's section in the report (unique per file section). */
export function sheetAnchor(fileIndex: number, sheet: string): string {
  return `f${fileIndex}-s-${encodeURIComponent(sheet).replace(/%/g, "")}`;
}

/** The overview block at the top of a file's section. */
export function overviewHtml(input: OverviewInput, lang: OverviewLang, fileIndex: number): string {
  const out: string[] = [`<div class="overview"><h3>${esc(tx(lang, "overview"))}</h3>`];
  const names = input.sheets.map((s) => s.name);
  for (const f of input.findings) if (!names.includes(f.sheet)) names.push(f.sheet);
  const sev = ["error", "warning", "info"] as const;
  out.push(
    `<table class="counts"><thead><tr><th>${esc(tx(lang, "sheet"))}</th>${sev.map((s) => `<th class="num">${esc(tx(lang, s))}</th>`).join("")}</tr></thead><tbody>`,
  );
  const totals = { error: 0, warning: 0, info: 0 };
  for (const name of names) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of input.findings) if (f.sheet === name) counts[f.severity]++;
    for (const s of sev) totals[s] += counts[s];
    out.push(
      `<tr><td><a class="toc" href="#${sheetAnchor(fileIndex, name)}">${esc(name)}</a></td>${sev.map((s) => `<td class="num${s === "error" && counts[s] > 0 ? " sev-error" : ""}">${counts[s]}</td>`).join("")}</tr>`,
    );
  }
  out.push(
    `</tbody><tfoot><tr><th>${esc(tx(lang, "total"))}</th>${sev.map((s) => `<td class="num">${totals[s]}</td>`).join("")}</tr></tfoot></table>`,
  );
  const fired = input.findings.filter((f) => f.code === "derive.withdrawal-fired");
  out.push(`<h4>${esc(tx(lang, "withdrawals"))} (${fired.length})</h4>`);
  if (fired.length === 0) out.push(`<p class="meta">${esc(tx(lang, "noWithdrawals"))}</p>`);
  else {
    out.push(
      `<table><thead><tr><th>${esc(tx(lang, "cell"))}</th><th>${esc(tx(lang, "title"))}</th><th>${esc(tx(lang, "message"))}</th></tr></thead><tbody>`,
    );
    for (const f of fired)
      out.push(
        `<tr><td>${esc(`${f.sheet}!${f.cell ?? ""}`)}</td><td>${esc(titleAt(input, f.sheet, f.row))}</td><td>${esc(f.message)}</td></tr>`,
      );
    out.push("</tbody></table>");
  }
  out.push(
    `<nav aria-label="${esc(tx(lang, "contents"))}"><h4>${esc(tx(lang, "contents"))}</h4><ul>${names.map((n) => `<li><a class="toc" href="#${sheetAnchor(fileIndex, n)}">${esc(n)}</a></li>`).join("")}</ul></nav></div>`,
  );
  return out.join("\n");
}
