import { t, type Lang } from "./i18n";
import type { FileReport } from "../report";

/** Display width of text in a terminal: East Asian wide and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x25a0 && c <= 0x25ff);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function textTable(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, widths[i] ?? 0, i > 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const SHOWN_FINDINGS = 20;

/**
 * The human summary of one file: a table per sheet (records, marks by action, findings by severity). For a
 * file that failed only that it failed: the reason is an error message, printed on stderr by main.ts.
 */
export function humanReport(r: FileReport, lang: Lang, mode: "check" | "recalc" | "revert"): string {
  const lines: string[] = [`■ ${r.file}`];
  if (r.error !== null) {
    // the reason itself goes to stderr (main.ts); the summary only says that this file failed
    lines.push(`  ${t(lang, "failedSeeStderr")}`);
    return lines.join("\n");
  }
  if (mode !== "revert") {
    const head = [
      t(lang, "sheet"),
      t(lang, "kind"),
      t(lang, "records"),
      t(lang, mode === "check" ? "toWrite" : "written"),
      t(lang, "kept"),
      t(lang, "conflicts"),
      t(lang, "skipped"),
      t(lang, "errors"),
      t(lang, "warnings"),
      t(lang, "infos"),
    ];
    const rows: string[][] = [head];
    const totals = new Array<number>(8).fill(0);
    for (const s of r.sheets) {
      const marks = r.marks.filter((m) => m.sheet === s.name);
      const finds = r.findings.filter((f) => f.sheet === s.name);
      const nums = [
        s.records,
        marks.filter((m) => m.action === "write").length,
        marks.filter((m) => m.action === "keep").length,
        marks.filter((m) => m.action === "conflict").length,
        marks.filter((m) => m.action === "skip").length,
        finds.filter((f) => f.severity === "error").length,
        finds.filter((f) => f.severity === "warning").length,
        finds.filter((f) => f.severity === "info").length,
      ];
      nums.forEach((n, i) => (totals[i] = (totals[i] ?? 0) + n));
      rows.push([s.name, t(lang, s.kind), ...nums.map(String)]);
    }
    // Findings about sheets the layout did not list (none expected) still count in the total.
    const listed = new Set(r.sheets.map((s) => s.name));
    const stray = r.findings.filter((f) => !listed.has(f.sheet));
    for (const [i, sev] of (["error", "warning", "info"] as const).entries())
      totals[5 + i] = (totals[5 + i] ?? 0) + stray.filter((f) => f.severity === sev).length;
    rows.push([t(lang, "total"), "", ...totals.map(String)]);
    lines.push(textTable(rows).replace(/^/gm, "  "));
    const serious = r.findings.filter((f) => f.severity !== "info");
    for (const f of serious.slice(0, SHOWN_FINDINGS)) {
      const where = f.cell === null ? f.sheet : `${f.sheet}!${f.cell}`;
      lines.push(`  [${t(lang, f.severity)}] ${where} ${f.message.replace(/\s+/g, " ")}`);
    }
    if (serious.length > SHOWN_FINDINGS)
      lines.push(`  … ${t(lang, "moreFindings", { n: serious.length - SHOWN_FINDINGS })}`);
  }
  for (const note of r.notes) lines.push(`  ${note}`);
  if (r.output !== null) lines.push(`  ${t(lang, "wroteTo")}: ${r.output}`);
  return lines.join("\n");
}
