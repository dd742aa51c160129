import type { InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { Issue } from "../model/findings";
import type {
  ColumnField,
  FieldCell,
  InitiativeRecord,
  SheetLayout,
  SheetRecord,
  StrategyRecord,
} from "../model/records";
import type { SheetSnapshot } from "../model/snapshot";
import type { ParseFailure, ResultValue, Target, WithdrawalCriterion } from "../model/values";
import type { Profile } from "../profile/profile";
import type { TextMemo } from "../text/memo";
import type { MarkBasis, ProgressReason } from "../model/reasons";

/** The families of rules; one file each under src/core/rules. */
export type RuleFamily =
  "structure" | "vocabulary" | "parse" | "consistency" | "narrative" | "values" | "duplicates" | "derive";

/** A parsed value and the cell it came from. */
export interface Located<T> {
  readonly value: T;
  readonly cell: FieldCell;
  readonly column: ColumnField;
}

/** A text that could not be read, and where. */
export interface LocatedFailure {
  readonly what: "target" | "result" | "criterion";
  readonly failure: ParseFailure;
  readonly cell: FieldCell;
  readonly column: ColumnField;
}

/** What the value parsers made of a record's target, result and criterion cells. */
export interface ParsedRecord {
  readonly targets: ReadonlyArray<Located<Target>>;
  readonly results: ReadonlyArray<Located<ResultValue>>;
  readonly criteria: ReadonlyArray<Located<WithdrawalCriterion>>;
  readonly failures: ReadonlyArray<LocatedFailure>;
  /** the columns read (targets, results, criteria); null when the record's kind has none */
  readonly columns: {
    readonly targets: ColumnField;
    readonly results: ColumnField;
    readonly criteria: ColumnField | null;
  };
}

/** A strategy record's 成果指標と目標値 cells as parsed targets (checked for impossible values, not derived). */
export interface IndicatorTargets {
  readonly items: ReadonlyArray<{ readonly value: Target; readonly cell: FieldCell }>;
  readonly failures: ReadonlyArray<{ readonly failure: ParseFailure; readonly cell: FieldCell }>;
}

/** The derived marks of the workbook (duplicates excluded), and the issues deriving them raised. */
export interface Derived {
  readonly initiatives: ReadonlyArray<InitiativeDerivation>;
  readonly strategies: ReadonlyArray<OutcomeDerivation>;
  readonly initiativeById: ReadonlyMap<string, InitiativeDerivation>;
  readonly strategyById: ReadonlyMap<string, OutcomeDerivation>;
  /** strategy record id → the initiatives linked to it */
  readonly links: ReadonlyMap<string, ReadonlyArray<InitiativeRecord>>;
  /** initiative ids linked to at least one strategy */
  readonly linkedInitiatives: ReadonlySet<string>;
  /** initiative id → what its derived achievement rests on (for consistency.mark-differs) */
  readonly initiativeBasis: ReadonlyMap<string, MarkBasis>;
  /** strategy id → why its progress is what it is */
  readonly progressReasons: ReadonlyMap<string, ProgressReason>;
  readonly issues: ReadonlyArray<Issue>;
}

/** What every rule sees. Read-only; parsing is memoised per record, for this context only. */
export interface RuleContext {
  readonly profile: Profile;
  /** the workbook's evaluation year (a title's year, else the profile's) */
  readonly evaluationYear: number;
  /** a sheet's own evaluation year (its title, else the workbook's) */
  readonly yearOf: (sheet: string) => number;
  readonly snapshots: ReadonlyMap<string, SheetSnapshot>;
  readonly layouts: ReadonlyMap<string, SheetLayout>;
  /** every record, duplicates included (rules skip `duplicateOf` records unless they are about duplicates) */
  readonly records: ReadonlyArray<SheetRecord>;
  readonly layoutIssues: ReadonlyArray<Issue>;
  readonly parsed: (record: SheetRecord) => ParsedRecord;
  readonly indicatorTargets: (record: SheetRecord) => IndicatorTargets;
  /** normalizeText / foldLabel memoised for this evaluation */
  readonly text: TextMemo;
  readonly derived: Derived;
}

/** One rule: a name, its family, and what it finds. A rule never throws on data. */
export interface Rule {
  readonly id: string;
  readonly family: RuleFamily;
  readonly run: (ctx: RuleContext) => Iterable<Issue>;
}

export type { InitiativeRecord, StrategyRecord };
