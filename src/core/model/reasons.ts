/**
 * Why a mark could not be derived, or what it rests on: structured data, never text. The catalogue
 * (src/core/messages/reasons.ts) renders every one of them in Japanese and English.
 */
import type { SheetKind } from "./records";

/** A comparison as the catalogue words it (src/core/messages/comparison.ts: 「55.9% ≥ 30%以上」). */
export interface ComparisonPhrase {
  readonly ja: string;
  readonly en: string;
}

/** Achievement class of an initiative (domain.md §4). */
export type AchievementClass = "achieved" | "missed" | "withdrawal";

/** How a strategy's progress (a/b) is given (profile.strategyProgressRule): by achievement or by execution. */
export type ProgressRule = "achieved" | "executed";

/** A linked initiative as named in a strategy's progress reason. */
export interface LinkedInitiative {
  /** its title (item mark and name) and [3-1] code as the sheet shows them, else the record id */
  readonly name: string;
  readonly sheet: string;
  /** 1-based sheet row */
  readonly row: number;
}

/** Why a strategy's progress mark is what it is (or is not computable). */
export type ProgressReason =
  | { readonly kind: "no-linked-initiative" }
  | {
      readonly kind: "linked-missed";
      readonly total: number;
      readonly initiatives: readonly LinkedInitiative[];
    }
  | {
      readonly kind: "linked-unknown";
      readonly total: number;
      readonly initiatives: readonly LinkedInitiative[];
    }
  | { readonly kind: "all-achieved"; readonly total: number }
  // under strategyProgressRule "executed": by the (ⅰ)/(ⅱ) the ward entered
  | {
      readonly kind: "linked-not-executed";
      readonly total: number;
      readonly initiatives: readonly LinkedInitiative[];
    }
  | {
      readonly kind: "linked-execution-unknown";
      readonly total: number;
      readonly initiatives: readonly LinkedInitiative[];
    }
  | { readonly kind: "all-executed"; readonly total: number };

/** Why an initiative's achievement or a strategy's outcome cannot be derived. */
export type NotComputable =
  | { readonly kind: "target-column-missing" }
  | { readonly kind: "result-column-missing" }
  | { readonly kind: "target-unreadable" }
  | { readonly kind: "target-empty" }
  | { readonly kind: "result-error"; readonly error: string }
  | { readonly kind: "result-unreadable" }
  | { readonly kind: "result-empty" }
  | { readonly kind: "unpaired" }
  | { readonly kind: "targets-unjudged"; readonly comparisons: readonly ComparisonPhrase[] }
  | { readonly kind: "outcome-target-unreadable" }
  | { readonly kind: "outcome-target-empty" }
  | { readonly kind: "outcome-result-missing" }
  | { readonly kind: "outcomes-unjudged"; readonly comparisons: readonly ComparisonPhrase[] }
  | { readonly kind: "progress"; readonly reason: ProgressReason };

/** What a derived mark rests on (consistency.mark-differs names it beside the entered mark). */
export type MarkBasis =
  | {
      readonly kind: "achievement";
      readonly basis: readonly ComparisonPhrase[];
      readonly outcome: AchievementClass;
    }
  | { readonly kind: "outcomes"; readonly comparisons: readonly ComparisonPhrase[] }
  | { readonly kind: "overall"; readonly marks: ReadonlyArray<"A" | "B" | null> }
  | { readonly kind: "progress"; readonly reason: ProgressReason };

/** The mark that makes a row need its 課題 and 改善策 written. */
export interface NarrativeCause {
  readonly field:
    | "achievement"
    | "initiativeEffectiveness"
    | "outcome"
    | "outcomeOverall"
    | "strategyProgress"
    | "strategyEffectiveness";
  /** the mark as the sheet writes it (×, ③, B, b, イ) */
  readonly mark: string;
}

/** What a count mismatch counted: targets against results or criteria. */
export type CountedPair = "targets-results" | "targets-criteria" | "outcome-targets-results";

/** The kind of a recognised form (strategy or initiative). */
export type FormSheetKind = Exclude<SheetKind, "other">;
