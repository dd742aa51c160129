import type { Finding } from "../model/findings";

/** How a record of this year was tied to one of last year. */
export type MatchHow =
  | "code" // the code ([3-1], [3]) is unique in both years
  | "code-label" // several records share the code: the most similar label among them
  | "label"; // no usable code: label similarity over every record of the same kind

/** A record of this year and its counterpart last year. */
export interface YearMatch {
  readonly kind: "strategy" | "initiative";
  /** record ids (e.g. "取組(1)!8"): this year's, last year's */
  readonly current: string;
  readonly previous: string;
  readonly how: MatchHow;
  /** 0..1: 1 for a unique code, else the label similarity */
  readonly confidence: number;
}

/** A record of this year that two or more of last year's fit equally well: reported, never matched. */
export interface AmbiguousMatch {
  readonly kind: "strategy" | "initiative";
  readonly current: string;
  readonly candidates: ReadonlyArray<{ readonly previous: string; readonly confidence: number }>;
}

/** Last year against this year: who is who, who is new or gone, and what a reviewer should look at. */
export interface HistoryComparison {
  readonly currentYear: number;
  readonly previousYear: number;
  readonly matches: ReadonlyArray<YearMatch>;
  /** this year's record ids with no counterpart last year (not ambiguous ones) */
  readonly added: ReadonlyArray<string>;
  /** last year's record ids with no counterpart this year (not candidates of an ambiguous match) */
  readonly removed: ReadonlyArray<string>;
  readonly ambiguous: ReadonlyArray<AmbiguousMatch>;
  /** history.* findings, on this year's sheets */
  readonly findings: ReadonlyArray<Finding>;
}

/** Thresholds of the matching (defaults: DEFAULT_HISTORY_OPTIONS). */
export interface HistoryOptions {
  /** the least label similarity that can tie two records */
  readonly minSimilarity: number;
  /** how far the best candidate must lead the second; closer is ambiguous */
  readonly margin: number;
}

export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = { minSimilarity: 0.5, margin: 0.1 };
