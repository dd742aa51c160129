export type { ParseContext } from "./context";
export { DEFAULT_MAX_LENGTH } from "./context";
export type { Era, YearHit } from "./era";
export {
  eraToFiscalYear,
  eraYearProblem,
  findYears,
  formatFiscalYear,
  isParseFailure,
  parseYearSpan,
} from "./era";
export { canonicalUnit, isCountUnit, unitsAgree } from "./units";
export type { GrammarQuantity } from "./grammar";
export { readArabic, readComparison, readKanjiNumeral, readQuantity, readUnit } from "./grammar";
export { parseTargets } from "./target";
export { parseResults } from "./result";
export { actionOf, parseCriteria } from "./criterion";
export { labelSimilarity } from "./similarity";
export type { Pairable } from "./pairing";
export { LABEL_MARGIN, LABEL_MIN, pairValues } from "./pairing";
export { fires, formatQuantity, holds, isRelative, lowerIsBetter, meets } from "./compare";
export type { ValueProblem } from "./checks";
export { valueProblems } from "./checks";
export {
  absoluteOf,
  baselineFromHistory,
  readRelativeTarget,
  resolveWithHistory,
  resolveWithPrevious,
  type PreviousFigure,
} from "./relative";
