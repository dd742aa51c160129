import type { Finding, Severity } from "../../core";

export interface FindingFilter {
  readonly severity: Severity | "all";
  readonly sheet: string | "all";
  /** free text, matched case-insensitively against message (both languages), cell, code and cell text */
  readonly text: string;
}

/** The filter that shows every finding. */
export const NO_FILTER: FindingFilter = { severity: "all", sheet: "all", text: "" };

/** Severities, most serious first (display order). */
export const SEVERITY_ORDER: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** The findings that pass the filter, in their original order. */
export function filterFindings(findings: ReadonlyArray<Finding>, filter: FindingFilter): Finding[] {
  const needle = filter.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (filter.severity !== "all" && f.severity !== filter.severity) return false;
    if (filter.sheet !== "all" && f.sheet !== filter.sheet) return false;
    if (needle === "") return true;
    const hay = [f.message.ja, f.message.en, f.cell ?? "", f.code, f.input ?? ""].join("\n").toLowerCase();
    return hay.includes(needle);
  });
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: ReadonlyArray<Finding>;
}

export interface SheetGroup {
  readonly sheet: string;
  readonly groups: ReadonlyArray<SeverityGroup>;
}

/** Groups findings by sheet (first-seen order) and, inside, by severity (error, warning, info), rows ascending. */
export function groupFindings(findings: ReadonlyArray<Finding>): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return [...bySheet].map(([sheet, list]) => ({
    sheet,
    groups: SEVERITY_ORDER.map((severity) => ({
      severity,
      findings: list.filter((f) => f.severity === severity).sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    })).filter((g) => g.findings.length > 0),
  }));
}

/** Counts findings per severity. */
export function countBySeverity(findings: ReadonlyArray<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
