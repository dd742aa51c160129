import type { ColumnField } from "../model/records";
import { memoizeString } from "../text/memo";
import { labelScore } from "./similarity";
import {
  BANNER_LABELS,
  COMMON_LABELS,
  GROUPS,
  KIND_LABELS,
  type FormKind,
  type GroupDef,
} from "./dictionary";
import { fold } from "./labels";

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

// kind → folded label → best group: header cells repeat on every page and in every workbook of a kind.
// Bounded like the other label caches (emptied at 10,000 labels per kind).
const groupCache = new Map<FormKind, Map<string, { group: GroupDef; score: number } | null>>();

/** The best group of a kind for a folded label (the same object for the same label: do not change it). */
export function bestGroup(folded: string, kind: FormKind): { group: GroupDef; score: number } | null {
  let cache = groupCache.get(kind);
  if (cache === undefined) {
    cache = new Map();
    groupCache.set(kind, cache);
  }
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  const best = bestGroupUncached(folded, kind);
  if (cache.size >= 10000) cache.clear();
  cache.set(folded, best);
  return best;
}

function bestGroupUncached(folded: string, kind: FormKind): { group: GroupDef; score: number } | null {
  let best: { group: GroupDef; score: number } | null = null;
  for (const { group, folded: labels } of GROUP_FOLDED) {
    if (!group.kinds.includes(kind)) continue;
    for (const l of labels) {
      const s = labelScore(folded, l);
      if (best === null || s > best.score) best = { group, score: s };
    }
  }
  return best;
}

/** Fields ranked by score for a folded label (best per field, best first). A fresh array each call. */
export function rankFields(folded: string, lexicon: readonly LexEntry[]): Scored[] {
  let cache = rankCache.get(lexicon);
  if (cache === undefined) {
    cache = new Map();
    rankCache.set(lexicon, cache);
  }
  let ranked = cache.get(folded);
  if (ranked === undefined) {
    ranked = rankUncached(folded, lexicon);
    if (cache.size >= 10000) cache.clear();
    cache.set(folded, ranked);
  }
  // callers extend and re-sort the array they get: hand out a copy (the entries are never changed)
  return ranked.slice();
}

// per lexicon (the leaf lexicons live for the process; sub-lexicons are built per call and then collected)
const rankCache = new WeakMap<readonly LexEntry[], Map<string, readonly Scored[]>>();

function rankUncached(folded: string, lexicon: readonly LexEntry[]): readonly Scored[] {
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
const BANNER = new Set(BANNER_LABELS.map(fold));

/** How much a folded text looks like any column label of either kind, 0..1. */
export function anyLabelScore(folded: string): number {
  return anyLabelScoreCached(folded);
}

// Every recognition scores the cells of the top rows against every label: the same texts in every workbook.
const anyLabelScoreCached = memoizeString((folded: string): number => {
  let best = 0;
  for (const l of ANY) {
    const s = labelScore(folded, l);
    if (s > best) best = s;
    if (best === 1) break;
  }
  return best;
});

/** True for the group row labels above the column labels (計画, 自己評価, 具体的取組 …). */
export function isBanner(folded: string): boolean {
  return BANNER.has(folded);
}
