import type {
  ColumnField,
  LocalizedText,
  PlanAction,
  Severity,
  SheetKind,
  WithdrawalAction,
} from "../../core/model";
import type { Lang, Translate, UiKey } from "./strings";

/** Column field names as the sheets' own headers call them (ja) and in English. */
export const FIELD_LABELS: Record<ColumnField, LocalizedText> = {
  itemMark: { ja: "項目(記号)", en: "Item mark" },
  itemName: { ja: "項目", en: "Item" },
  indicator: { ja: "成果指標", en: "Indicator" },
  indicatorTarget: { ja: "目標値", en: "Indicator target" },
  issue: { ja: "課題", en: "Issue" },
  plan: { ja: "今後の対応方向・改善策", en: "Plan" },
  department: { ja: "担当課", en: "Department" },
  state: { ja: "めざす状態", en: "Desired state" },
  outcomeIndicator: { ja: "アウトカム", en: "Outcome indicator" },
  strategy: { ja: "戦略", en: "Strategy" },
  strategyEffectiveness: { ja: "戦略のアウトカムに対する有効性", en: "Strategy effectiveness" },
  outcomeResult: { ja: "アウトカムの達成状況", en: "Outcome result" },
  outcomePrevious: { ja: "前年度", en: "Previous year" },
  outcome: { ja: "個別", en: "Outcome (each)" },
  outcomeOverall: { ja: "全体", en: "Outcome (overall)" },
  strategyProgress: { ja: "戦略の進捗状況", en: "Strategy progress" },
  activity: { ja: "取組内容", en: "Activity" },
  performanceTarget: { ja: "業績目標", en: "Performance target" },
  withdrawalCriterion: { ja: "撤退基準", en: "Withdrawal criterion" },
  history: { ja: "前年度までの実績", en: "History" },
  done: { ja: "取組実績", en: "Work done" },
  achievementResult: { ja: "業績目標の達成状況(実績)", en: "Achievement (result)" },
  achievement: { ja: "業績目標の達成状況(記号)", en: "Achievement (mark)" },
  execution: { ja: "取組の実施状況", en: "Execution" },
  initiativeEffectiveness: { ja: "戦略に対する取組の有効性", en: "Initiative effectiveness" },
};

/** Every ColumnField in display order (the keys of FIELD_LABELS). */
export const ALL_FIELDS = Object.keys(FIELD_LABELS) as ColumnField[];

const SEVERITY_KEYS: Record<Severity, UiKey> = {
  error: "severityError",
  warning: "severityWarning",
  info: "severityInfo",
};

const ACTION_KEYS: Record<PlanAction, UiKey> = {
  write: "actionWrite",
  conflict: "actionConflict",
  keep: "actionKeep",
  skip: "actionSkip",
};

const KIND_KEYS: Record<SheetKind, UiKey> = {
  strategy: "kindStrategy",
  initiative: "kindInitiative",
  other: "kindOther",
};

/** The label of a severity. */
export function severityLabel(t: Translate, severity: Severity): string {
  return t(SEVERITY_KEYS[severity]);
}

/** The label of a plan action. */
export function actionLabel(t: Translate, action: PlanAction): string {
  return t(ACTION_KEYS[action]);
}

/** The label of a sheet kind. */
export function kindLabel(t: Translate, kind: SheetKind): string {
  return t(KIND_KEYS[kind]);
}

/** The label of a column field. */
export function fieldLabel(lang: Lang, field: ColumnField): string {
  return FIELD_LABELS[field][lang];
}

/** The action of a withdrawal criterion (事業を再構築 / 手法を再検討 / 廃止), else the criterion's own wording. */
export function withdrawalActionLabel(t: Translate, action: WithdrawalAction, actionText: string): string {
  switch (action) {
    case "restructure":
      return t("withdrawalRestructure");
    case "reconsider":
      return t("withdrawalReconsider");
    case "abolish":
      return t("withdrawalAbolish");
    case "other":
      return actionText;
  }
}

/** Picks the text of a LocalizedText in a language. */
export function localized(lang: Lang, text: LocalizedText): string {
  return text[lang];
}
