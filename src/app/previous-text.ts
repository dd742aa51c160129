import type { LocalizedText } from "../core";

/**
 * What every host says before the reason when last year's workbook cannot be read (the CLI's --previous,
 * the task pane's 前年度のブックと比較). A module of its own: the pane's string catalogue takes it without
 * the comparison's code.
 */
export const PREVIOUS_UNREADABLE: LocalizedText = {
  ja: "前年度のブックを読めません",
  en: "the previous year's workbook cannot be read",
};
