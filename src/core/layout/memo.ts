import type { FormKind } from "./dictionary";
import { TextMemo } from "../text/memo";
import { anyLabelScore, bestGroup, rankFields, type GroupMatch, type LexEntry, type Scored } from "./lexicon";
import { foldCore, foldHeader } from "./labels";

// Header cells are short; longer texts (titles, notes, data) never score as column labels.
const MAX_LABEL_LENGTH = 80;

/**
 * The recogniser's memo for one recognition (one workbook, or one sheet when a host recognises a sheet
 * alone): header and furniture texts repeat on every printed page, and each is folded and scored against
 * the dictionary once. Created by recognizeWorkbook / recognizeSheet and dropped with their result, so it
 * needs no size cap: it holds at most the distinct texts of the workbook it reads.
 */
export class LayoutMemo {
  private readonly scores = new Map<string, number>();
  private readonly groups = new Map<FormKind, Map<string, GroupMatch | null>>();
  private readonly ranks = new Map<readonly LexEntry[], Map<string, readonly Scored[]>>();

  /** The evaluation's text memo (shared with the rules when evaluateWorkbook makes both). */
  constructor(readonly text: TextMemo = new TextMemo()) {}

  /** foldLabel of a text. */
  fold(text: string): string {
    return this.text.fold(text);
  }

  /** 0..1: how much a cell text looks like a column label of either kind (legend stripped). */
  labelScore(text: string): number {
    if (text.length > MAX_LABEL_LENGTH) return 0;
    const hit = this.scores.get(text);
    if (hit !== undefined) return hit;
    const f = foldHeader(text);
    const core = foldCore(text);
    const s = Math.max(f === "" ? 0 : anyLabelScore(f), core === "" ? 0 : anyLabelScore(core));
    this.scores.set(text, s);
    return s;
  }

  /** bestGroup, once per folded label and kind (the same object for the same label: never change it). */
  bestGroup(folded: string, kind: FormKind): GroupMatch | null {
    let byLabel = this.groups.get(kind);
    if (byLabel === undefined) {
      byLabel = new Map();
      this.groups.set(kind, byLabel);
    }
    const hit = byLabel.get(folded);
    if (hit !== undefined) return hit;
    const best = bestGroup(folded, kind);
    byLabel.set(folded, best);
    return best;
  }

  /** rankFields, once per folded label and lexicon; a fresh array each call (callers extend and sort it). */
  rankFields(folded: string, lexicon: readonly LexEntry[]): Scored[] {
    let byLabel = this.ranks.get(lexicon);
    if (byLabel === undefined) {
      byLabel = new Map();
      this.ranks.set(lexicon, byLabel);
    }
    let ranked = byLabel.get(folded);
    if (ranked === undefined) {
      ranked = rankFields(folded, lexicon);
      byLabel.set(folded, ranked);
    }
    return ranked.slice();
  }
}
