import type { ColumnField } from "./records";

export type Severity = "error" | "warning" | "info";

/** The marks kusei computes and may write. */
export type ComputedMarkField = "achievement" | "outcome" | "outcomeOverall" | "strategyProgress";

/** The marks kusei validates but never writes. */
export type ValidatedMarkField = "execution" | "initiativeEffectiveness" | "strategyEffectiveness";

/** `field` of a finding or mark in every output (CLI JSON, task pane): a mark, the withdrawal flag, or null. */
export type ReportField = ComputedMarkField | ValidatedMarkField | "withdrawal";

/**
 * Stable finding codes (domain.md §5). Listed in docs/findings.md; each has ja and en text in the
 * catalogues (exhaustive switch).
 */
export type FindingCode =
  // structure
  | "structure.unknown-sheet"
  | "structure.missing-column"
  | "structure.weak-header"
  | "structure.no-records"
  | "structure.rows-before-header"
  | "structure.protected-sheet"
  // vocabulary
  | "vocabulary.not-a-mark"
  | "vocabulary.ambiguous-withdrawal-wording"
  // parse
  | "parse.target"
  | "parse.result"
  | "parse.criterion"
  | "parse.criterion-not-computable"
  | "parse.count-mismatch"
  | "parse.unit-mismatch"
  | "parse.cell-error"
  // consistency
  | "consistency.mark-differs"
  | "consistency.effective-but-withdrawn"
  | "consistency.a-with-b-no-issue"
  | "consistency.unlinked-initiative"
  | "consistency.formula-in-mark-cell"
  | "consistency.not-evaluated"
  | "consistency.progress-rule-differs"
  // derivation
  | "derive.not-computable"
  | "derive.withdrawal-fired"
  // narrative
  | "narrative.missing-issue"
  | "narrative.missing-plan"
  // values
  | "values.percent-out-of-range"
  | "values.negative-count"
  | "values.bad-era-year"
  // duplicates
  | "duplicates.repeated-row"
  // history (last year's workbook against this year's: src/core/history)
  | "history.not-previous-year"
  | "history.matched-by-label"
  | "history.ambiguous-match"
  | "history.item-added"
  | "history.item-removed"
  | "history.indicator-changed"
  | "history.target-changed"
  | "history.criterion-changed"
  | "history.previous-mark-differs"
  | "history.previous-mark-unpaired"
  | "history.figure-differs"
  | "history.withdrawal-continued";

export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address, null for sheet-level findings */
  readonly cell: string | null;
  /** 1-based sheet row, null for sheet-level findings */
  readonly row: number | null;
  readonly field: ReportField | null;
  /** the column the cell belongs to, when known */
  readonly column: ColumnField | null;
  /** the cell's text as found (kept raw) */
  readonly input: string | null;
  readonly message: LocalizedText;
}

/**
 * A problem as plain data, before it has text. Parsers and the layout recogniser return these; the rule
 * runner turns them into Findings (sheet address + messages from the catalogues).
 */
export interface Issue {
  readonly code: FindingCode;
  /** default severity comes from the code (catalogue); set to override */
  readonly severity?: Severity;
  readonly sheet: string;
  /** grid position, null for sheet-level issues */
  readonly gridRow: number | null;
  readonly gridCol: number | null;
  readonly field: ReportField | null;
  readonly column: ColumnField | null;
  readonly input: string | null;
  /** values the message interpolates (e.g. {expected: "ア/イ", found: "A"}) */
  readonly params: Readonly<Record<string, string | number>>;
}
