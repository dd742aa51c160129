import type { AchievementNotation, ColumnField } from "./records";
import type { ParseFailureCode, Unit, WithdrawalAction } from "./values";
import type {
  ComparisonPhrase,
  CountedPair,
  FormSheetKind,
  MarkBasis,
  NarrativeCause,
  NotComputable,
  ProgressReason,
  ProgressRule,
} from "./reasons";

export type Severity = "error" | "warning" | "info";

/** The marks kusei computes and may write. */
export type ComputedMarkField = "achievement" | "outcome" | "outcomeOverall" | "strategyProgress";

/** The marks kusei validates but never writes. */
export type ValidatedMarkField = "execution" | "initiativeEffectiveness" | "strategyEffectiveness";

/** `field` of a finding or mark in every output (CLI JSON, task pane): a mark, the withdrawal flag, or null. */
export type ReportField = ComputedMarkField | ValidatedMarkField | "withdrawal";

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
  /** 1-based sheet column, null for sheet-level and row-level findings (`cell` is its A1 text, for display) */
  readonly col: number | null;
  readonly field: ReportField | null;
  /** the column the cell belongs to, when known */
  readonly column: ColumnField | null;
  /** the cell's text as found (kept raw) */
  readonly input: string | null;
  readonly message: LocalizedText;
}

/**
 * The data each finding code carries, by code: what its message interpolates beyond the issue's own place,
 * column, field and input. Typed per code, so a producer cannot leave out or misname a value, and nothing in
 * it is text in one language: reasons are structured (model/reasons.ts) and the catalogue words them.
 */
export interface IssueParams {
  readonly "structure.unknown-sheet": { readonly sheet: string };
  readonly "structure.missing-column": {
    readonly field: ColumnField;
    readonly kind: FormSheetKind;
    /** the header text looked for, when one is known */
    readonly label?: string;
  };
  readonly "structure.weak-header": {
    readonly label: string;
    readonly field: ColumnField;
    readonly confidence: number;
  };
  readonly "structure.no-records": { readonly sheet: string };
  readonly "structure.rows-before-header": { readonly label: string; readonly confidence: number };
  readonly "structure.protected-sheet": Record<string, never>;
  readonly "vocabulary.not-a-mark": {
    /** the mark field the cell belongs to, and the sheet's notation: which marks it accepts */
    readonly mark: ComputedMarkField | ValidatedMarkField;
    readonly notation: AchievementNotation;
    /** the part of the cell that is not a mark */
    readonly found: string;
  };
  /** text: the criterion text when the value parser found the wording (else the cell's input) */
  readonly "vocabulary.ambiguous-withdrawal-wording": { readonly text?: string };
  readonly "parse.target": ParseFailureParams;
  readonly "parse.result": ParseFailureParams;
  readonly "parse.criterion": ParseFailureParams;
  readonly "parse.criterion-not-computable": { readonly text: string };
  readonly "parse.count-mismatch": {
    readonly left: number;
    readonly right: number;
    readonly counted: CountedPair;
  };
  readonly "parse.unit-mismatch": {
    readonly target: string;
    readonly result: string;
    readonly targetUnit: string;
    readonly resultUnit: string;
    /**
     * what the targets were compared with, for an initiative (results or criteria): not in the sentence,
     * but two mismatches at one cell are two findings (the runner tells issues apart by their params)
     */
    readonly compared?: "target" | "criterion";
  };
  /** heading: the cell is a heading-number cell (not a field of a record) */
  readonly "parse.cell-error": { readonly error: string; readonly heading?: true };
  readonly "consistency.mark-differs": {
    readonly entered: string;
    readonly derived: string;
    readonly because: MarkBasis;
  };
  readonly "consistency.effective-but-withdrawn": { readonly found: string };
  readonly "consistency.a-with-b-no-issue": Record<string, never>;
  readonly "consistency.unlinked-initiative": { readonly code?: string };
  readonly "consistency.formula-in-mark-cell": Record<string, never>;
  readonly "consistency.not-evaluated": {
    /** the row's computed mark columns that hold the placeholder, in column order */
    readonly columns: readonly ComputedMarkField[];
    /** the first of them as the ward wrote it (「-」, 「なし」) */
    readonly placeholder: string;
  };
  readonly "consistency.progress-rule-differs": {
    readonly entered: string;
    readonly derived: string;
    /** the profile's strategyProgressRule the mark was derived by */
    readonly rule: ProgressRule;
    readonly because: ProgressReason;
  };
  readonly "derive.not-computable": { readonly why: NotComputable };
  readonly "derive.withdrawal-fired": {
    readonly criterion: string;
    readonly comparison: ComparisonPhrase;
    readonly action: WithdrawalAction;
    readonly actionText: string;
  };
  readonly "narrative.missing-issue": { readonly because: NarrativeCause };
  readonly "narrative.missing-plan": { readonly because: NarrativeCause };
  readonly "values.percent-out-of-range": ValueProblemParams;
  readonly "values.negative-count": ValueProblemParams;
  readonly "values.bad-era-year": { readonly text: string; readonly suggestion?: string };
  /** the recogniser names both records and the item; the rule that finds one it missed names the first */
  readonly "duplicates.repeated-row":
    { readonly first: string; readonly duplicate: string; readonly item: string } | { readonly of: string };
  // history (compareYears, src/core/history): previousCell is last year's place, 「取組(1)!E8」
  readonly "history.not-previous-year": { readonly current: number; readonly previous: number };
  readonly "history.matched-by-label": {
    readonly kind: FormSheetKind;
    /** last year's record, as a short excerpt of its label */
    readonly label: string;
    readonly previousCell: string;
    /** the label similarity, 0..1 */
    readonly confidence: number;
  };
  readonly "history.ambiguous-match": {
    readonly kind: FormSheetKind;
    /** last year's records that fit equally well: where each is, and how well it fits (0..1) */
    readonly candidates: ReadonlyArray<{ readonly place: string; readonly confidence: number }>;
  };
  readonly "history.item-added": { readonly kind: FormSheetKind; readonly label: string };
  readonly "history.item-removed": {
    readonly kind: FormSheetKind;
    readonly label: string;
    readonly previousCell: string;
  };
  readonly "history.indicator-changed": HistoryChangeParams;
  readonly "history.target-changed": HistoryChangeParams;
  readonly "history.criterion-changed": HistoryChangeParams;
  readonly "history.previous-mark-differs": HistoryMarksParams;
  readonly "history.previous-mark-unpaired": HistoryMarksParams;
  readonly "history.figure-differs": {
    /** the figure as this year's 前年度までの実績 names it, and last year's result */
    readonly history: string;
    readonly previous: string;
    readonly previousCell: string;
  };
  readonly "history.withdrawal-continued": { readonly criterion: string; readonly previousCell: string };
}

/** A field's text last year and this year (excerpts; empty when the cell is). */
export interface HistoryChangeParams {
  readonly before: string;
  readonly after: string;
  readonly previousCell: string;
}

/** The marks this year's 前年度 column holds, and last year's marks it is compared with (may be none). */
export interface HistoryMarksParams {
  readonly entered: readonly string[];
  readonly previous: readonly string[];
  readonly previousCell: string;
}

/** A text the value grammar could not read, and why. */
export interface ParseFailureParams {
  readonly text: string;
  readonly reason: ParseFailureCode;
  readonly detail?: string;
}

/** An impossible number: the text, the value and its unit. */
export interface ValueProblemParams {
  readonly text: string;
  readonly value: number;
  readonly unit: Unit;
}

/** Where an issue is and what it is about, whatever its code. */
export interface IssueBase {
  /** default severity comes from the code (catalogue); set to override */
  readonly severity?: Severity;
  readonly sheet: string;
  /** grid position, null for sheet-level issues */
  readonly gridRow: number | null;
  readonly gridCol: number | null;
  readonly field: ReportField | null;
  readonly column: ColumnField | null;
  readonly input: string | null;
}

/** An issue of one code. */
export type IssueOf<C extends FindingCode> = IssueBase & {
  readonly code: C;
  readonly params: IssueParams[C];
};

/**
 * A problem as plain data, before it has text: a union discriminated by `code`, whose `params` are typed
 * per code. Parsers and the layout recogniser return these; the rule runner turns them into Findings
 * (sheet address + messages from the catalogues).
 */
export type Issue = { [C in FindingCode]: IssueOf<C> }[FindingCode];

/** Stable finding codes, listed in docs/findings.md; each has ja and en text in the catalogue. */
export type FindingCode = keyof IssueParams;

/** What a message is made from: the code and its params, and the sheet, column, field and text it is about. */
export type MessageSubjectOf<C extends FindingCode> = Pick<
  IssueBase,
  "sheet" | "field" | "column" | "input"
> & {
  readonly code: C;
  readonly params: IssueParams[C];
};

/** Any code's message subject: an Issue is one, and so is a history comparison's problem. */
export type MessageSubject = { [C in FindingCode]: MessageSubjectOf<C> }[FindingCode];
