/**
 * What the header labels of the two sheet kinds may say (domain.md §1), as data. Labels are written as
 * they appear; they are folded with foldLabel when compared, so line breaks, spaces, ・, 指数/指標,
 * 取り組み/取組 and 撤退・再構築基準/撤退基準 need no entries of their own.
 */
import type { ColumnField, SheetKind } from "../model/records";

export type FormKind = Exclude<SheetKind, "other">;

/** Leaf labels: a column whose own (deepest) label says this is that field. */
export const COMMON_LABELS: Partial<Record<ColumnField, readonly string[]>> = {
  itemName: ["項目名", "取組項目", "項目名称"],
  indicator: ["成果指標", "指標"],
  indicatorTarget: ["目標値"],
  issue: ["課題"],
  plan: [
    "今後の対応方向・改善策",
    "今後の対応方向",
    "改善策",
    "今後の方向性",
    "対応方向",
    "今後の対応方向及び改善策",
  ],
  department: ["担当課", "担当", "所管課", "担当部署", "担当課名", "所属", "担当部局"],
};

export const KIND_LABELS: Record<FormKind, Partial<Record<ColumnField, readonly string[]>>> = {
  strategy: {
    state: ["めざす状態", "めざすべき状態"],
    outcomeIndicator: ["アウトカム", "アウトカム指標", "アウトカム目標", "アウトカム指標と目標値"],
    strategy: ["戦略", "戦略の内容"],
    strategyEffectiveness: [
      "戦略のアウトカムに対する有効性",
      "戦略の有効性",
      "アウトカムに対する有効性",
      "有効性",
    ],
    outcomeResult: ["アウトカムの実績", "アウトカム実績"],
    outcomePrevious: ["前年度", "前年度評価", "前年度の評価"],
    outcome: ["個別", "個別評価"],
    outcomeOverall: ["全体", "全体評価"],
    strategyProgress: ["戦略の進捗状況", "進捗状況", "戦略進捗状況"],
  },
  initiative: {
    activity: ["取組内容", "具体的取組内容", "取組の内容"],
    performanceTarget: ["業績目標"],
    withdrawalCriterion: ["撤退基準", "撤退・再構築基準", "再構築基準"],
    history: ["前年度までの実績", "前年度実績", "これまでの実績", "前年度までの取組実績"],
    done: ["取組実績", "取組の実績", "実施実績"],
    execution: ["実施状況", "取組の実施状況"],
    initiativeEffectiveness: ["戦略に対する取組の有効性", "取組の有効性", "戦略に対する有効性", "有効性"],
  },
};

/**
 * A parent label over several columns. Its columns get `fields` in order (by sub-label first, then by
 * position); when it covers a single column that column holds `single` (mark and name in one cell …).
 */
export interface GroupDef {
  readonly id: string;
  readonly kinds: readonly FormKind[];
  readonly labels: readonly string[];
  readonly fields: readonly ColumnField[];
  readonly single: readonly ColumnField[];
  /** sub-labels under the parent, per field */
  readonly sub: Partial<Record<ColumnField, readonly string[]>>;
}

export const GROUPS: readonly GroupDef[] = [
  {
    id: "item",
    kinds: ["strategy", "initiative"],
    labels: ["項目"],
    fields: ["itemMark", "itemName"],
    single: ["itemMark", "itemName"],
    sub: { itemMark: ["記号", "番号", "no"], itemName: ["項目名", "名称", "取組項目"] },
  },
  {
    id: "indicator",
    kinds: ["strategy", "initiative"],
    labels: ["成果指標と目標値", "成果指標および目標値", "成果指標及び目標値", "成果指標・目標値"],
    fields: ["indicator", "indicatorTarget"],
    single: ["indicator", "indicatorTarget"],
    sub: { indicator: ["成果指標", "指標"], indicatorTarget: ["目標値", "目標"] },
  },
  {
    id: "outcomeStatus",
    kinds: ["strategy"],
    labels: ["アウトカムの達成状況", "アウトカム達成状況"],
    fields: ["outcomeResult", "outcomePrevious", "outcome", "outcomeOverall"],
    single: ["outcomeResult"],
    sub: {
      outcomeResult: ["実績", "結果", "達成状況", "実績値"],
      outcomePrevious: ["前年度", "前年度評価"],
      outcome: ["個別", "個別評価"],
      outcomeOverall: ["全体", "全体評価"],
    },
  },
  {
    id: "achievementStatus",
    kinds: ["initiative"],
    labels: ["業績目標の達成状況", "業績目標達成状況"],
    fields: ["achievementResult", "achievement", "execution"],
    single: ["achievementResult", "achievement"],
    sub: {
      achievementResult: ["実績", "結果", "達成状況", "実績値"],
      achievement: ["評価", "判定", "達成", "区分"],
      execution: ["実施状況", "取組状況", "実施"],
    },
  },
];

/** Fields each kind needs; a missing one is a structure.missing-column issue. */
export const REQUIRED: Record<FormKind, readonly ColumnField[]> = {
  strategy: [
    "itemName",
    "indicator",
    "state",
    "outcomeIndicator",
    "strategy",
    "strategyEffectiveness",
    "outcomeResult",
    "outcome",
    "outcomeOverall",
    "strategyProgress",
    "issue",
    "plan",
  ],
  initiative: [
    "itemName",
    "indicator",
    "activity",
    "performanceTarget",
    "withdrawalCriterion",
    "achievementResult",
    "achievement",
    "initiativeEffectiveness",
    "issue",
    "plan",
  ],
};

/** Labels of the group rows above the column labels (計画 | 自己評価) and of the kind itself. */
export const BANNER_LABELS: readonly string[] = [
  "計画",
  "自己評価",
  "評価",
  "実績",
  "めざす成果および戦略",
  "具体的取組",
];

/** Words that say which kind a sheet is, searched in the rows above and in the header. */
export const KIND_KEYWORDS: Record<FormKind, readonly string[]> = {
  strategy: ["めざす成果および戦略", "めざす成果及び戦略", "めざす成果と戦略"],
  initiative: ["具体的取組"],
};
