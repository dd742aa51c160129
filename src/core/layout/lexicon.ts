import type { ColumnField } from "../model/records";
import { labelScore } from "./similarity";
import {
  BANNER_LABELS,
  COMMON_LABELS,
  GROUPS,
  KIND_LABELS,
  type FormKind,
  type GroupDef,
} from "./dictionary";
import { foldLabel as fold } from "../text/normalize";

/** Folded dictionary entries of one field. */
export interface LexEntry {
  readonly field: ColumnField;
  readonly folded: string;
}

export interface Scored {
  readonly field: ColumnField;
  readonly score: number;
}

function entries(labels: Partial<Record<ColumnField, readonly string[]>>): LexEntry[] {
  const out: LexEntry[] = [];
  for (const [field, list] of Object.entries(labels) as Array<[ColumnField, readonly string[]]>) {
    for (const l of list) out.push({ field, folded: fold(l) });
  }
  return out;
}

const LEAF: Record<FormKind, LexEntry[]> = {
  strategy: [...entries(COMMON_LABELS), ...entries(KIND_LABELS.strategy)],
  initiative: [...entries(COMMON_LABELS), ...entries(KIND_LABELS.initiative)],
};

/** Leaf labels of a kind (common fields included). */
export function leafLexicon(kind: FormKind): readonly LexEntry[] {
  return LEAF[kind];
}

/** The group's sub-labels plus the leaf labels of its fields. */
export function subLexicon(group: GroupDef, kind: FormKind): LexEntry[] {
  const own = entries(group.sub);
  const leaf = LEAF[kind].filter((e) => group.fields.includes(e.field));
  return [...own, ...leaf];
}

const GROUP_FOLDED: ReadonlyArray<{ group: GroupDef; folded: readonly string[] }> = GROUPS.map((g) => ({
  group: g,
  folded: g.labels.map(fold),
}));

/** A group of columns and how well a label matches it. */
export interface GroupMatch {
  readonly group: GroupDef;
  readonly score: number;
}

/** The best group of a kind for a folded label (null when the kind has no group). */
export function bestGroup(folded: string, kind: FormKind): GroupMatch | null {
  let best: GroupMatch | null = null;
  for (const { group, folded: labels } of GROUP_FOLDED) {
    if (!group.kinds.includes(kind)) continue;
    for (const l of labels) {
      const s = labelScore(folded, l);
      if (best === null || s > best.score) best = { group, score: s };
    }
  }
  return best;
}

/** Fields ranked by score for a folded label (best per field, best first). */
export function rankFields(folded: string, lexicon: readonly LexEntry[]): Scored[] {
  const byField = new Map<ColumnField, number>();
  for (const e of lexicon) {
    const s = labelScore(folded, e.folded);
    if (s > (byField.get(e.field) ?? 0)) byField.set(e.field, s);
  }
  return [...byField.entries()].map(([field, score]) => ({ field, score })).sort((a, b) => b.score - a.score);
}

const ANY: readonly string[] = [
  ...new Set(
    [...LEAF.strategy, ...LEAF.initiative, ...GROUPS.flatMap((g) => entries(g.sub))]
      .map((e) => e.folded)
      .concat(GROUP_FOLDED.flatMap((g) => g.folded)),
  ),
];
const BANNER: ReadonlySet<string> = new Set(BANNER_LABELS.map(fold));

/** How much a folded text looks like any column label of either kind, 0..1. */
export function anyLabelScore(folded: string): number {
  let best = 0;
  for (const l of ANY) {
    const s = labelScore(folded, l);
    if (s > best) best = s;
    if (best === 1) break;
  }
  return best;
}

/** True for the group row labels above the column labels (計画, 自己評価, 具体的取組 …). */
export function isBanner(folded: string): boolean {
  return BANNER.has(folded);
}
