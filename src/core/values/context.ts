/** What a value parser needs to know about the sheet. */
export interface ParseContext {
  /** the evaluation fiscal year (平成28年度 → 2016); 今年度 / 年度末 without a year mean this year */
  readonly evaluationYear: number;
  /** era for era-less years like 「5年度」 */
  readonly defaultEra: "heisei" | "reiwa";
  /** texts longer than this are not parsed (failure "too-long"); default 5000 (the profile's maxCellLength) */
  readonly maxLength?: number;
}

/** Default length limit when the context gives none. */
export const DEFAULT_MAX_LENGTH = 5000;
