import type { Evaluation, Finding, Severity } from "../../core";
import { groupByCause, type CauseGroup } from "./causes";
import type { RecordAt } from "./rows";

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

/** Whether the filter hides anything. */
export function isFiltering(filter: FindingFilter): boolean {
  return filter.severity !== "all" || filter.sheet !== "all" || filter.text.trim() !== "";
}

/**
 * The findings that pass the filter, in their original order. `titleOf` gives the row's title, so that a
 * search for an item's name finds its findings.
 */
export function filterFindings(
  findings: ReadonlyArray<Finding>,
  filter: FindingFilter,
  titleOf: (f: Finding) => string = () => "",
): Finding[] {
  const needle = filter.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (filter.severity !== "all" && f.severity !== filter.severity) return false;
    if (filter.sheet !== "all" && f.sheet !== filter.sheet) return false;
    if (needle === "") return true;
    const hay = [f.message.ja, f.message.en, f.cell ?? "", f.code, f.input ?? "", titleOf(f)]
      .join("\n")
      .toLowerCase();
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

/** One severity's part of the list: its cascades first, then the other findings by sheet. */
export interface SeveritySection {
  readonly severity: Severity;
  readonly causes: ReadonlyArray<CauseGroup>;
  readonly sheets: ReadonlyArray<{ readonly sheet: string; readonly findings: ReadonlyArray<Finding> }>;
  /** findings in the section, cascades included */
  readonly count: number;
}

/**
 * The Check tab's list: errors, then warnings, then information; inside each, the cascades grouped under
 * their cause (see groupByCause), then the remaining findings by sheet (sheet order) and row.
 */
export function arrangeFindings(
  evaluation: Evaluation,
  findings: ReadonlyArray<Finding>,
  recordAt: RecordAt,
): SeveritySection[] {
  const { groups, rest } = groupByCause(evaluation, findings, recordAt);
  const sheetOrder = new Map(evaluation.layouts.map((l, i) => [l.sheet, i]));
  return SEVERITY_ORDER.map((severity) => {
    const causes = groups.filter((g) => g.severity === severity);
    const mine = rest.filter((f) => f.severity === severity);
    const bySheet = new Map<string, Finding[]>();
    for (const f of mine) {
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    const sheets = [...bySheet]
      .sort(([a], [b]) => (sheetOrder.get(a) ?? 1e9) - (sheetOrder.get(b) ?? 1e9))
      .map(([sheet, list]) => ({ sheet, findings: list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }));
    const count = mine.length + causes.reduce((n, g) => n + g.findings.length, 0);
    return { severity, causes, sheets, count };
  }).filter((s) => s.count > 0);
}
