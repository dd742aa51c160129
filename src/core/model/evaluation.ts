import type { Finding } from "./findings";
import type { AchievementClass } from "./reasons";

export type { AchievementClass } from "./reasons";
import type { PlannedMark } from "./plan";
import type { ColumnField, InitiativeRecord, SheetLayout, SheetRecord, StrategyRecord } from "./records";
import type { ResultValue, Target, WithdrawalCriterion } from "./values";

/** One target compared with its result(s). met null = not computable (why says so). */
export interface TargetCheck {
  readonly target: Target;
  readonly results: ReadonlyArray<ResultValue>;
  readonly met: boolean | null;
  /** ja/en fragment such as 「55.9% ≥ 30%以上」 */
  readonly explanation: { readonly ja: string; readonly en: string };
}

export interface WithdrawalCheck {
  readonly criterion: WithdrawalCriterion;
  readonly results: ReadonlyArray<ResultValue>;
  /** true = the trigger fired; null = not computable */
  readonly fired: boolean | null;
  readonly explanation: { readonly ja: string; readonly en: string };
}

export interface InitiativeDerivation {
  readonly record: InitiativeRecord;
  readonly targets: ReadonlyArray<TargetCheck>;
  readonly withdrawals: ReadonlyArray<WithdrawalCheck>;
  /** null: no mark (not computable); reason explains */
  readonly achievement: AchievementClass | null;
  /** the withdrawal flag: a criterion fired */
  readonly withdrawalFlag: boolean;
  readonly reason: { readonly ja: string; readonly en: string };
}

export interface OutcomeDerivation {
  readonly record: StrategyRecord;
  /** one per outcome indicator, in order: "A" | "B" | null (not computable) */
  readonly outcomes: ReadonlyArray<{
    readonly target: Target | null;
    readonly results: ReadonlyArray<ResultValue>;
    readonly mark: "A" | "B" | null;
    readonly explanation: { readonly ja: string; readonly en: string };
    /**
     * the grid row of the cell the indicator's target was read from (absent when there is none): the plan
     * writes each indicator's 個別 mark into that row's own 個別 cell when the template gives it one
     */
    readonly row?: number;
  }>;
  readonly overall: "A" | "B" | null;
  readonly progress: "a" | "b" | null;
  /** initiative record ids that fed strategyProgress */
  readonly initiatives: ReadonlyArray<string>;
  readonly reason: { readonly ja: string; readonly en: string };
}

/** What the core returns for a workbook. */
export interface Evaluation {
  readonly profileId: string;
  /** evaluation fiscal year used (title, else profile) */
  readonly evaluationYear: number;
  readonly layouts: ReadonlyArray<SheetLayout>;
  readonly records: ReadonlyArray<SheetRecord>;
  readonly initiatives: ReadonlyArray<InitiativeDerivation>;
  readonly strategies: ReadonlyArray<OutcomeDerivation>;
  readonly plan: ReadonlyArray<PlannedMark>;
  readonly findings: ReadonlyArray<Finding>;
}

/** Per-workbook overrides of the column map, stored in workbook settings by the add-in. */
export interface MappingOverrides {
  /** sheet name → field → grid column (or null to unmap) */
  readonly [sheet: string]: {
    readonly kind?: "strategy" | "initiative" | "other";
    readonly columns?: Partial<Record<ColumnField, number | null>>;
  };
}
