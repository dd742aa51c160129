import type { Rule } from "./types";
import { structureRules } from "./structure";
import { duplicateRules } from "./duplicates";
import { vocabularyRules } from "./vocabulary";
import { parseRules } from "./parse";
import { valueRules } from "./values";
import { deriveRules } from "./derive";
import { consistencyRules } from "./consistency";
import { narrativeRules } from "./narrative";

/** Every rule, in the order findings are listed: structure first, narrative last. */
export const RULES: ReadonlyArray<Rule> = [
  ...structureRules,
  ...duplicateRules,
  ...vocabularyRules,
  ...parseRules,
  ...valueRules,
  ...deriveRules,
  ...consistencyRules,
  ...narrativeRules,
];

export { runRules } from "./runner";
export { buildContext, parseRecord, workbookYear } from "./context";
export type { ContextInput } from "./context";
export { deriveAll, linkInitiatives } from "./derive";
export { deriveInitiative } from "./derive-initiative";
export { deriveStrategy, elapsedShare, outcomeMark, overallMark, progressMark } from "./derive-strategy";
export type { Derived, Located, LocatedFailure, ParsedRecord, Rule, RuleContext, RuleFamily } from "./types";
