import type {
  ColumnField,
  LocalizedText,
  PlanAction,
  Severity,
  SheetKind,
  WithdrawalAction,
} from "../../core";
import { columnLabel } from "../../core";
import type { Lang, Translate, UiKey } from "./strings";

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
  return columnLabel(field)[lang];
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
