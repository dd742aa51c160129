import type { ColumnField } from "../model/records";
import type { LocalizedText, ReportField } from "../model/findings";
import { assertNever } from "./assert-never";

/** The column's name as the sheets print it (ja) and in English. */
export function columnLabel(field: ColumnField): LocalizedText {
  switch (field) {
    case "itemMark":
      return { ja: "項目(記号)", en: "item mark" };
    case "itemName":
      return { ja: "項目", en: "item" };
    case "indicator":
      return { ja: "成果指標", en: "outcome indicator" };
    case "indicatorTarget":
      return { ja: "目標値", en: "target value" };
    case "issue":
      return { ja: "課題", en: "issues" };
    case "plan":
      return { ja: "今後の対応方向・改善策", en: "next steps / improvements" };
    case "department":
      return { ja: "担当課", en: "department" };
    case "state":
      return { ja: "めざす状態", en: "desired state" };
    case "outcomeIndicator":
      return { ja: "アウトカム", en: "outcome" };
    case "strategy":
      return { ja: "戦略", en: "strategy" };
    case "strategyEffectiveness":
      return { ja: "戦略のアウトカムに対する有効性", en: "strategy effectiveness" };
    case "outcomeResult":
      return { ja: "アウトカムの達成状況", en: "outcome result" };
    case "outcomePrevious":
      return { ja: "前年度", en: "previous year" };
    case "outcome":
      return { ja: "アウトカム(個別)", en: "outcome (each)" };
    case "outcomeOverall":
      return { ja: "アウトカム(全体)", en: "outcome (overall)" };
    case "strategyProgress":
      return { ja: "戦略の進捗状況", en: "strategy progress" };
    case "activity":
      return { ja: "取組内容", en: "activity" };
    case "performanceTarget":
      return { ja: "業績目標", en: "performance target" };
    case "withdrawalCriterion":
      return { ja: "撤退基準", en: "withdrawal criterion" };
    case "history":
      return { ja: "前年度までの実績", en: "history" };
    case "done":
      return { ja: "取組実績", en: "work done" };
    case "achievementResult":
      return { ja: "業績目標の達成状況(実績)", en: "performance result" };
    case "achievement":
      return { ja: "業績目標の達成状況", en: "achievement" };
    case "execution":
      return { ja: "取組の実施状況", en: "execution" };
    case "initiativeEffectiveness":
      return { ja: "戦略に対する取組の有効性", en: "initiative effectiveness" };
    default:
      return assertNever(field);
  }
}

/** A report field's name (ja, en). */
export function reportFieldLabel(field: ReportField): LocalizedText {
  switch (field) {
    case "achievement":
    case "outcome":
    case "outcomeOverall":
    case "strategyProgress":
    case "execution":
    case "initiativeEffectiveness":
    case "strategyEffectiveness":
      return columnLabel(field);
    case "withdrawal":
      return { ja: "撤退基準", en: "withdrawal" };
    default:
      return assertNever(field);
  }
}
