export { readSnapshots, EXCEL_ERROR_TEXTS } from "./read";
export type { ReadOptions } from "./read";
export { applyWrites, groupWrites } from "./write";
export type { ApplyOptions, ExcelApplyResult } from "./write";
export {
  showHighlights,
  clearHighlights,
  highlightTargets,
  selectCell,
  HIGHLIGHT_FILL,
  HIGHLIGHTS_SETTING,
  NOTE_PREFIX,
  NOTES_UNAVAILABLE,
} from "./highlight";
export type { HighlightKind, HighlightOptions, HighlightResult, HighlightTarget } from "./highlight";
export { loadWorkbookSettings, saveMappingOverrides, saveProfileJson, SETTINGS_KEYS } from "./settings";
// settings-parse.ts (zod) is left out of this barrel: the task pane loads it lazily, the others by its path.
export type { LoadSettingsParser, SettingsParser, WorkbookSettings } from "./settings";
export { describeExcelError } from "./errors";
export type { ExcelFailure } from "./errors";
export { API, MIN_EXCEL_API, officeSupports } from "./capabilities";
export type { Supports } from "./capabilities";
export { queueSettingsLoad } from "./settings";
export { lentEvaluator, ribbonRuns, RIBBON_RUN_EVENT } from "./shared-runtime";
export type { LentEvaluator, RibbonRun, RibbonRuns, SharedPage } from "./shared-runtime";
