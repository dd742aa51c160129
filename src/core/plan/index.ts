export { buildPlan, achievementSymbol, markSeparator } from "./build";
export type { PlanInput } from "./build";
export { writesFromPlan, sameCellValue } from "./writes";
export type { WriteChoice } from "./writes";
