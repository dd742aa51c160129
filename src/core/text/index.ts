export { normalizeText, foldLabel } from "./normalize";
export { CIRCLE, CROSS, CHECKED_BOX, UNCHECKED_BOX } from "./tables";
export { readMark, readMarks, formatMark, formatAchievementCell } from "./marks";
export type { MarkKind, MarkReading, MarkValue, MarkValues, Qualifier } from "./marks";
