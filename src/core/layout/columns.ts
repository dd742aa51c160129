import type { ColumnField, ColumnMatch } from "../model/records";
import type { Profile } from "../profile/profile";
import type { FormKind, GroupDef } from "./dictionary";
import type { Grid } from "./grid";
import type { HeaderBlock } from "./header";
import { foldCore, foldHeader, stripLegend } from "./labels";
import { type LexEntry, type Scored, isBanner, leafLexicon, subLexicon } from "./lexicon";
import type { LayoutMemo } from "./memo";

/** One label cell seen from a column: its anchor, its span and its text. */
interface Entry {
  readonly row: number;
  readonly col: number;
  readonly left: number;
  readonly right: number;
  readonly text: string;
  readonly folded: string;
  /** folded without parenthesised notes, "" when the label has none */
  readonly core: string;
}

/** A column match plus where its label sits (for weak-header issues). */
export interface MatchedColumn extends ColumnMatch {
  readonly labelRow: number;
}

interface Candidate extends MatchedColumn {
  /** columns are used by one source only; a single-column group maps several fields from one source */
  readonly source: string;
}

const MAX_COLS = 256;

function stacks(grid: Grid, block: HeaderBlock): Entry[][] {
  const width = Math.min(grid.width, MAX_COLS);
  const out: Entry[][] = [];
  for (let c = 0; c < width; c++) {
    const stack: Entry[] = [];
    let lastKey = "";
    for (let r = block.top; r <= block.bottom; r++) {
      const a = grid.anchor(r, c);
      const key = `${a.row},${a.col}`;
      if (key === lastKey) continue;
      lastKey = key;
      const raw = grid.text(a.row, a.col);
      if (raw.trim() === "" || raw.length > 200) continue;
      const text = stripLegend(raw);
      const folded = foldHeader(raw);
      const core = foldCore(raw);
      if (folded === "") continue;
      // exceljs-style repeated values in merged cells: keep one
      const prev = stack[stack.length - 1];
      if (prev !== undefined && prev.folded === folded) continue;
      const m = grid.merge(a.row, a.col);
      stack.push({
        row: a.row,
        col: a.col,
        left: m?.left ?? a.col,
        right: m?.right ?? a.col,
        text,
        folded,
        core,
      });
    }
    out.push(stack);
  }
  return out;
}

/** Fields ranked for a label, scoring it with and without its parenthesised notes. */
function rankEntry(e: Entry, lexicon: readonly LexEntry[], memo: LayoutMemo): Scored[] {
  const ranked = memo.rankFields(e.folded, lexicon);
  if (e.core === "") return ranked;
  for (const r of memo.rankFields(e.core, lexicon)) {
    const i = ranked.findIndex((x) => x.field === r.field);
    const existing = ranked[i];
    if (existing === undefined) ranked.push(r);
    else if (r.score > existing.score) ranked[i] = r;
  }
  return ranked.sort((a, b) => b.score - a.score);
}

function joinLabel(stack: readonly Entry[], upTo: number): string {
  return stack
    .slice(0, upTo + 1)
    .filter((e) => !isBanner(e.folded))
    .map((e) => e.text.replace(/\s+/g, " "))
    .join(" ");
}

/**
 * Maps the columns of a header block to the fields of one kind: group parents (項目, 成果指標と目標値,
 * アウトカムの達成状況, 業績目標の達成状況) hand their columns out by sub-label, then by position; other
 * columns match their own label. Each field and each column is used once (best confidence first), except
 * a group over a single column, which maps all its `single` fields there.
 */
export function matchColumns(
  grid: Grid,
  block: HeaderBlock,
  kind: FormKind,
  profile: Profile,
  memo: LayoutMemo,
): MatchedColumn[] {
  const st = stacks(grid, block);
  const min = profile.header.minConfidence;
  const candidates: Candidate[] = [];
  const groupCols = new Set<number>();
  const seenGroups = new Set<string>();

  for (let c = 0; c < st.length; c++) {
    const stack = st[c] ?? [];
    for (const e of stack) {
      const key = `${e.row},${e.col}`;
      if (seenGroups.has(key)) continue;
      const g = memo.bestGroup(e.folded, kind);
      if (g === null || g.score < min) continue;
      const leafBest = rankEntry(e, leafLexicon(kind), memo)[0]?.score ?? 0;
      if (leafBest > g.score) continue;
      seenGroups.add(key);
      handleGroup(st, e, g.group, g.score, kind, min, candidates, groupCols, memo);
    }
  }

  for (let c = 0; c < st.length; c++) {
    if (groupCols.has(c)) continue;
    const stack = st[c] ?? [];
    const leafIndex = stack.length - 1;
    const leaf = stack[leafIndex];
    if (leaf === undefined) continue;
    const ranked = rankEntry(leaf, leafLexicon(kind), memo);
    // the parents joined with the leaf ("業績目標" over "達成状況"), when that reads better
    const parents = stack.slice(0, leafIndex).filter((p) => !isBanner(p.folded));
    if (parents.length > 0) {
      const joined = parents.map((p) => p.folded).join("") + leaf.folded;
      for (const r of memo.rankFields(joined, leafLexicon(kind))) {
        const i = ranked.findIndex((x) => x.field === r.field);
        const existing = ranked[i];
        if (existing === undefined) ranked.push(r);
        else if (r.score > existing.score) ranked[i] = r;
      }
      ranked.sort((a, b) => b.score - a.score);
    }
    for (const r of ranked.slice(0, 3)) {
      if (r.score < min) break;
      candidates.push({
        field: r.field,
        col: c,
        label: joinLabel(stack, leafIndex),
        confidence: round(r.score),
        how: "label",
        labelRow: leaf.row,
        source: `c${c}:${r.field}`,
      });
    }
  }
  return resolve(candidates);
}

function handleGroup(
  st: readonly Entry[][],
  e: Entry,
  group: GroupDef,
  score: number,
  kind: FormKind,
  min: number,
  candidates: Candidate[],
  groupCols: Set<number>,
  memo: LayoutMemo,
): void {
  let right = e.right;
  if (right === e.left) {
    // an unmerged parent (text exported without merges): it covers the following columns that have no label
    while (right - e.left < group.fields.length - 1 && (st[right + 1]?.length ?? -1) === 0) right++;
  }
  right = Math.min(right, st.length - 1);
  const source = `g${e.row},${e.col}`;
  const parentLabel = e.text.replace(/\s+/g, " ");
  const lexicon = subLexicon(group, kind);
  const claimed = new Set<ColumnField>();
  const free: number[] = [];
  for (let c = e.left; c <= right; c++) {
    groupCols.add(c);
    const stack = st[c] ?? [];
    const leaf = stack[stack.length - 1];
    const below =
      leaf !== undefined && leaf.row > e.row && leaf.left >= e.left && leaf.right <= right ? leaf : undefined;
    const best =
      below === undefined ? undefined : rankEntry(below, lexicon, memo).find((r) => !claimed.has(r.field));
    if (below !== undefined && best !== undefined && best.score >= min) {
      claimed.add(best.field);
      candidates.push({
        field: best.field,
        col: c,
        label: `${parentLabel} ${below.text.replace(/\s+/g, " ")}`,
        confidence: round(Math.min(score, best.score)),
        how: "label",
        labelRow: below.row,
        source: `${source}:${c}`,
      });
    } else {
      free.push(c);
    }
  }
  if (e.left === right && free.length === 1) {
    for (const field of group.single) {
      candidates.push({
        field,
        col: e.left,
        label: parentLabel,
        confidence: round(score),
        how: "label",
        labelRow: e.row,
        source,
      });
    }
    return;
  }
  const remaining = group.fields.filter((f) => !claimed.has(f));
  free.forEach((c, i) => {
    const field = remaining[i];
    if (field === undefined) return;
    candidates.push({
      field,
      col: c,
      label: parentLabel,
      confidence: round(score * 0.95),
      how: "position",
      labelRow: e.row,
      source: `${source}:${c}`,
    });
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function resolve(candidates: Candidate[]): MatchedColumn[] {
  const sorted = [...candidates].sort((a, b) => b.confidence - a.confidence || a.col - b.col);
  const fieldTaken = new Set<ColumnField>();
  const colSource = new Map<number, string>();
  const out: MatchedColumn[] = [];
  for (const cand of sorted) {
    if (fieldTaken.has(cand.field)) continue;
    const src = colSource.get(cand.col);
    if (src !== undefined && src !== cand.source) continue;
    fieldTaken.add(cand.field);
    colSource.set(cand.col, cand.source);
    const { source: _source, ...match } = cand;
    void _source;
    out.push(match);
  }
  return out.sort((a, b) => a.col - b.col);
}
