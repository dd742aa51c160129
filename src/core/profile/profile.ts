import type { AchievementNotation } from "../model/records";
import type { ProgressRule } from "../model/reasons";

/**
 * A profile: every number and choice the derivation and validation use (domain.md §4 "every number here
 * is a profile setting"). The default is data; a JSON file can override any part (see profile/schema.ts).
 */
export interface Profile {
  readonly id: string;
  readonly name: { readonly ja: string; readonly en: string };
  /** evaluation fiscal year when the title does not say (title wins) */
  readonly evaluationYear: number;
  /** first fiscal year of the plan period, for the elapsed-share rule of outcomes */
  readonly periodStartYear: number;
  /** achievement notation when the sheet has no legend */
  readonly notation: AchievementNotation;
  /** outcomeOverall: A when every 個別 is A (strict), or when more than half are (majority) */
  readonly outcomeOverallRule: "strict" | "majority";
  /**
   * strategyProgress a/b: "achieved" — a when every linked initiative met its targets and none met a
   * withdrawal criterion (domain.md, today's rule); "executed" — a when every linked initiative was carried
   * out as planned, (ⅰ), b when one was not, (ⅱ) (a ward may judge progress by execution; Hirano FY2016
   * 戦略(2)!M26 reads so). A mark that differs from either is a warning: the rule is the ward's choice.
   */
  readonly strategyProgressRule: ProgressRule;
  /** header recognition: a label match below `minConfidence` is ignored, below `weakConfidence` reported as weak */
  readonly header: {
    readonly minConfidence: number;
    readonly weakConfidence: number;
    /** how many rows from the top to search for the header */
    readonly searchRows: number;
  };
  /** era for era-less years like 「5年度」 when the sheet gives none */
  readonly defaultEra: "heisei" | "reiwa";
  /** cells longer than this are not parsed (reported) */
  readonly maxCellLength: number;
}

/** Osaka ward, 区政運営基本方針, FY2016 (平成28年度), ○/× notation. */
export const DEFAULT_PROFILE: Profile = {
  id: "osaka-ward-2016",
  name: { ja: "大阪市 区政運営基本方針(平成28年度)", en: "Osaka City ward management policy (FY2016)" },
  evaluationYear: 2016,
  periodStartYear: 2015,
  notation: "circle",
  outcomeOverallRule: "strict",
  strategyProgressRule: "achieved",
  header: { minConfidence: 0.5, weakConfidence: 0.8, searchRows: 40 },
  defaultEra: "heisei",
  maxCellLength: 5000,
};
