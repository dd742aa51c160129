import type { CellValue, Evaluation, HistoryComparison, ReportField, Severity, SheetKind } from "../core";
import type { Lang } from "./i18n";
import { summarize } from "./summary";

/** The matches of a comparison as the --json output shows them (ids are "sheet!row"). */
export interface HistoryOut {
  readonly previousFile: string;
  readonly currentYear: number;
  readonly previousYear: number;
  readonly matches: HistoryComparison["matches"];
  readonly added: HistoryComparison["added"];
  readonly removed: HistoryComparison["removed"];
  readonly ambiguous: HistoryComparison["ambiguous"];
}
import { rowTitles } from "./overview";

/** One mark as every output shows it (the `--json` shape). */
export interface MarkOut {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly field: ReportField | null;
  readonly value: string | null;
  readonly current: string;
  readonly action: "write" | "keep" | "conflict" | "skip";
  readonly reason: string;
}

/** One finding as every output shows it (the `--json` shape). */
export interface FindingOut {
  readonly sheet: string;
  readonly cell: string | null;
  readonly row: number | null;
  readonly field: ReportField | null;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface SheetOut {
  readonly name: string;
  readonly kind: SheetKind;
  readonly records: number;
}

/** Achieved / not achieved / withdrawal / not computable initiatives of one area (the report's chart). */
export interface AreaCount {
  readonly area: string;
  readonly achieved: number;
  readonly missed: number;
  readonly withdrawal: number;
  readonly notComputable: number;
}

/** What one file produced; small (no grids), so many can be reported with bounded memory. */
export interface FileReport {
  readonly file: string;
  /** why the file could not be read or written (in the run's language), null when it was */
  readonly error: string | null;
  readonly sheets: ReadonlyArray<SheetOut>;
  readonly marks: ReadonlyArray<MarkOut>;
  readonly findings: ReadonlyArray<FindingOut>;
  readonly areas: ReadonlyArray<AreaCount>;
  /** where the result was written (recalc/revert), or null */
  readonly output: string | null;
  /** free notes for the human output (e.g. nothing to write) */
  readonly notes: ReadonlyArray<string>;
  /** revert: logged cells left as they are because they changed since (makes the exit status 1) */
  readonly unrestored: number;
  /** check --previous: how this year's records were matched with last year's */
  readonly history?: HistoryOut;
  /** "sheet!row" → the row's item/initiative title, shown beside cell addresses in the HTML report */
  readonly titles?: Readonly<Record<string, string>>;
}

/** The cell's current value as text ("" for empty). */
export function currentText(v: CellValue): string {
  return v === null ? "" : String(v);
}

/** A report for a file that failed. */
export function failedReport(file: string, error: string): FileReport {
  return {
    file,
    error,
    sheets: [],
    marks: [],
    findings: [],
    areas: [],
    output: null,
    notes: [],
    unrestored: 0,
  };
}

/**
 * The report of one evaluation. `done` maps a planned mark id to the action that actually happened
 * (recalc: an overwritten conflict becomes write, a write refused at apply time becomes conflict).
 */
export function reportOf(
  file: string,
  ev: Evaluation,
  lang: Lang,
  done: ReadonlyMap<string, MarkOut["action"]> = new Map(),
): Omit<FileReport, "output" | "notes" | "unrestored"> {
  const recordsBySheet = new Map<string, number>();
  for (const r of ev.records)
    if (r.duplicateOf === null) recordsBySheet.set(r.sheet, (recordsBySheet.get(r.sheet) ?? 0) + 1);
  const sheets = ev.layouts.map((l) => ({
    name: l.sheet,
    kind: l.kind,
    records: recordsBySheet.get(l.sheet) ?? 0,
  }));
  const marks: MarkOut[] = ev.plan.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    row: p.row,
    field: p.field,
    value: p.value ?? p.mark,
    current: currentText(p.current),
    action: done.get(p.id) ?? p.action,
    reason: p.reason[lang],
  }));
  const findings: FindingOut[] = ev.findings.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    field: f.field,
    code: f.code,
    severity: f.severity,
    message: f.message[lang],
  }));
  // The chart's counts are the Summary tab's (one summarize): an area is named by its number and title.
  const areas: AreaCount[] = summarize(ev).areas.map((a) => ({
    area: a.areaNumber === null ? "" : `${a.areaNumber} ${a.areaTitle ?? ""}`.trim(),
    achieved: a.counts.achieved,
    missed: a.counts.missed,
    withdrawal: a.counts.withdrawal,
    notComputable: a.counts.none,
  }));
  return {
    file,
    error: null,
    sheets,
    marks,
    findings,
    areas,
    titles: rowTitles(ev),
  };
}

/** The `--json` object of one file: exactly the documented keys. */
export function jsonOf(r: FileReport): object {
  const base = { file: r.file, error: r.error, sheets: r.sheets, marks: r.marks, findings: r.findings };
  return r.history === undefined ? base : { ...base, history: r.history };
}
