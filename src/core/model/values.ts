/**
 * Parsed values (domain.md §3). Every parsed thing keeps its raw text; a parser never throws, it
 * returns a failure the rules turn into a finding.
 */

/** Direction of a comparison. Relative ones need the previous value. */
export type Comparator =
  | "gte" // 以上, 上回る (≥; 上回る is strict: gt)
  | "gt" // 超, を超える, 上回る
  | "lte" // 以下, 以内, まで
  | "lt" // 未満, 下回る
  | "eq" // bare value with a unit that is not a count (e.g. 「100%」 read as ≥ by profile), see parser docs
  | "increase" // 増加, 前年度比増
  | "decrease" // 減少
  | "maintain"; // 維持

/** Canonical unit: % (also ％ パーセント), pt, 点, 件, 回, 人, 団体, 箇所, 世帯, 地域, 校, 日, 時間, 円, 千円, 割, or null (bare number). */
export type Unit = string | null;

/** A fiscal year span; from === to for a single year. */
export interface FiscalYearSpan {
  readonly from: number;
  readonly to: number;
  /** "年度末" was said: the deadline is 31 March of to+1 */
  readonly endOfYear: boolean;
}

export interface Target {
  readonly raw: string;
  /** text before the value, cleaned ("窓口サービス満足度"), or null */
  readonly label: string | null;
  readonly value: number;
  readonly unit: Unit;
  readonly comparator: Comparator;
  /** H29年度までに → {2017, 2017}; R3~R5 → {2021, 2023} */
  readonly deadline: FiscalYearSpan | null;
  /** the target is a sum over several years (合計, 累計, 延べ) */
  readonly cumulative: boolean;
  /** parenthesised note that is not a deadline, e.g. "(地域活動協議会の活動を知っている方)" */
  readonly note: string | null;
  /** the figure as written (「12万4千人」), for reasons a reviewer checks at a glance */
  readonly figure?: string;
  /** 約 / 程度 was written: kept, the figure is compared as written */
  readonly approx?: boolean;
  /** a relative target (前年度以上, 前年度比10%増, 前年度(85件)を上回る) and the baseline it was resolved from */
  readonly relative?: RelativeTarget;
}

/** What a relative target says, and the previous figure that makes it absolute. */
export interface RelativeTarget {
  /** the relation to the previous figure: at least / above / at most / below it, or a change by `amount` */
  readonly change: "gte" | "gt" | "lte" | "lt" | "increase" | "decrease" | "maintain";
  /** 「10%増」 → {10, %}; 「5件増」 → {5, 件}; null when no amount is written */
  readonly amount: { readonly value: number; readonly unit: Unit } | null;
  /**
   * last year's figure: from the cell (「前年度(85件)」), from 前年度までの実績, or from last year's workbook
   * (its result for the same record, when the check is given one: `--previous`); null when not found
   */
  readonly baseline: {
    readonly value: number;
    readonly unit: Unit;
    readonly figure: string;
    readonly source: "cell" | "history" | "previous-workbook";
  } | null;
}

export interface ResultValue {
  readonly raw: string;
  readonly label: string | null;
  readonly value: number;
  readonly unit: Unit;
  readonly note: string | null;
  /** the figure as written (「12万4千人」) */
  readonly figure?: string;
  readonly approx?: boolean;
}

export type WithdrawalAction = "restructure" | "reconsider" | "abolish" | "other";

export interface WithdrawalCriterion {
  readonly raw: string;
  readonly label: string | null;
  /** 「左記目標が…」: refers to the target on the left (same position) */
  readonly refersToTarget: boolean;
  readonly threshold: number;
  readonly unit: Unit;
  /** only lt / lte (未満 / 以下) and, rarely, gt / gte for lower-is-better targets */
  readonly comparator: Comparator;
  readonly action: WithdrawalAction;
  /** the action as written: 事業を再構築する, 手法を再検討する, … */
  readonly actionText: string;
  /** the threshold as written (「45分」) */
  readonly figure?: string;
}

/** Why a piece of text could not be read. Stable codes: the rules map them to findings. */
export type ParseFailureCode =
  | "empty"
  | "no-number"
  | "no-comparator"
  | "not-computable" // e.g. 「実施できなかった場合」, or a criterion without a threshold
  | "relative-needs-previous" // 増加/減少/維持/前年度比
  | "ambiguous-wording" // 「撤退基準達成/に該当」
  | "bad-era-year" // 平成32年度 and the like
  | "too-long"
  | "partial" // a number in the cell was seen but not read as a value: nothing in the cell is certain
  | "range"; // 10~20件: a span, not a figure to compare

export interface ParseFailure {
  readonly raw: string;
  readonly code: ParseFailureCode;
  /** free detail for the message, e.g. the era text */
  readonly detail?: string;
}

/** Several values in one cell: what was read and what was not. */
export interface Parsed<T> {
  readonly items: ReadonlyArray<T>;
  readonly failures: ReadonlyArray<ParseFailure>;
}

export type PairingProblem = "count-mismatch" | "unit-mismatch" | "ambiguous";

/** Targets paired with results (and criteria); null problem means a clean pairing. */
export interface Pairing<A, B> {
  readonly pairs: ReadonlyArray<{ readonly left: A; readonly right: ReadonlyArray<B> }>;
  readonly problem: PairingProblem | null;
}
