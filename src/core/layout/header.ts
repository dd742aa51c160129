import type { Profile } from "../profile/profile";
import type { Grid } from "./grid";
import { foldHeader, isLegendText } from "./labels";
import { isBanner } from "./lexicon";
import type { LayoutMemo } from "./memo";

/** The header block of a table: grid rows, inclusive, and the row that carries most column labels. */
export interface HeaderBlock {
  readonly top: number;
  readonly bottom: number;
  readonly labelRow: number;
  readonly legendRow: number | null;
}

// A wide sheet's far columns are not searched for labels.
const MAX_HEADER_COLS = 256;
const STRONG = 0.75;
const MIN_LABELS = 3;

/** How many cells of a row look like column labels. */
export function labelHits(grid: Grid, row: number, memo: LayoutMemo): number {
  let hits = 0;
  const cols = Math.min(grid.width, MAX_HEADER_COLS);
  for (let c = 0; c < cols; c++) {
    const t = grid.text(row, c);
    if (t.trim() === "") continue;
    if (memo.labelScore(t) >= STRONG) hits++;
  }
  return hits;
}

const YEARISH = /年度|平成|令和|区政運営基本方針/u;

/** A row of group labels (計画 | 自己評価) or of labels merged down into the label row. */
function isBannerRow(grid: Grid, row: number, memo: LayoutMemo): boolean {
  let filled = 0;
  const cols = Math.min(grid.width, MAX_HEADER_COLS);
  for (let c = 0; c < cols; c++) {
    const t = grid.text(row, c);
    if (t.trim() === "") continue;
    filled++;
    if (YEARISH.test(t)) return false;
    if (!isBanner(memo.fold(t)) && memo.labelScore(t) < STRONG) return false;
  }
  return filled > 0;
}

/** A row under the labels: sub-labels (個別 | 全体), a legend, or cells merged down from the labels. */
function isUnderRow(
  grid: Grid,
  row: number,
  top: number,
  memo: LayoutMemo,
): { under: boolean; legend: boolean } {
  let filled = 0;
  let legend = false;
  let coveredFromAbove = false;
  const cols = Math.min(grid.width, MAX_HEADER_COLS);
  for (let c = 0; c < cols; c++) {
    const t = grid.text(row, c);
    if (t.trim() === "") {
      const m = grid.merge(row, c);
      if (m !== null && m.top >= top && m.top < row) coveredFromAbove = true;
      continue;
    }
    filled++;
    if (isLegendText(t)) {
      legend = true;
      continue;
    }
    // a legend symbol in a cell of its own (② | 目標未達成)
    if (t.length <= 3 && foldHeader(t) === "") continue;
    if (memo.labelScore(t) < STRONG) return { under: false, legend: false };
  }
  return { under: filled > 0 || coveredFromAbove, legend };
}

/**
 * A header block is "good enough" when its label row holds at least this share of the labels of the
 * sheet's best label row: a first page whose header lost a label or two (emptied, an error value, merged
 * away) is still the header, and the intact copy on a later printed page is a repeat of it.
 */
const GOOD_SHARE = 0.5;
/** The rows of one header block: group rows, the label row and sub-label / legend rows. */
const BLOCK_ROWS = 3;

/** Label hits of every row in the first `profile.header.searchRows` rows. */
function hitsByRow(grid: Grid, profile: Profile, memo: LayoutMemo): number[] {
  const limit = Math.min(grid.height, Math.max(1, Math.floor(profile.header.searchRows)));
  const hits: number[] = [];
  for (let r = 0; r < limit; r++) hits.push(labelHits(grid, r, memo));
  return hits;
}

/**
 * Finds the header block in the first `profile.header.searchRows` rows: the FIRST block whose label row is
 * good enough (see GOOD_SHARE), not the best-scoring one further down (a later block is a continuation
 * page's repeated header). Within that block the label row is the row with most labels; group rows above it
 * and sub-label / legend rows below it are added (at most 3 each way). Null when no row holds three labels.
 */
export function findHeader(grid: Grid, profile: Profile, memo: LayoutMemo): HeaderBlock | null {
  const hits = hitsByRow(grid, profile, memo);
  // no spread: searchRows comes from a profile and may exceed a call's argument limit
  const best = hits.reduce((a, b) => Math.max(a, b), 0);
  if (best < MIN_LABELS) return null;
  const need = Math.max(MIN_LABELS, Math.ceil(best * GOOD_SHARE));
  const first = hits.findIndex((h) => h >= need);
  let labelRow = first;
  for (let r = first + 1; r < hits.length && r <= first + BLOCK_ROWS; r++) {
    if ((hits[r] ?? 0) > (hits[labelRow] ?? 0)) labelRow = r;
  }
  if (labelRow < 0) return null;
  return blockAt(grid, labelRow, memo);
}

/** The header block around a label row: group rows above it, sub-label / legend rows below it. */
function blockAt(grid: Grid, labelRow: number, memo: LayoutMemo): HeaderBlock {
  let top = labelRow;
  while (top > 0 && labelRow - top < 2 && isBannerRow(grid, top - 1, memo)) top--;
  let bottom = labelRow;
  let legendRow: number | null = null;
  for (let r = labelRow + 1; r < grid.height && r <= labelRow + BLOCK_ROWS; r++) {
    const u = isUnderRow(grid, r, top, memo);
    if (!u.under) break;
    bottom = r;
    if (u.legend && legendRow === null) legendRow = r;
  }
  if (legendRow === null) {
    // a legend written into the label cells themselves (有効性 ア:有効… in one cell)
    const cols = Math.min(grid.width, MAX_HEADER_COLS);
    for (let r = top; r <= bottom && legendRow === null; r++) {
      for (let c = 0; c < cols; c++) {
        if (isLegendText(grid.text(r, c))) {
          legendRow = r;
          break;
        }
      }
    }
  }
  return { top, bottom, labelRow, legendRow };
}

/**
 * The header blocks below the chosen one, in sheet order (continuation pages' repeated headers): label rows
 * holding at least as many labels as the chosen block's label row (and three). Searched to the sheet's end,
 * lazily: callers stop once they have what they need.
 */
export function* laterHeaders(grid: Grid, first: HeaderBlock, memo: LayoutMemo): Generator<HeaderBlock> {
  const need = Math.max(MIN_LABELS, labelHits(grid, first.labelRow, memo));
  for (let r = first.bottom + 1; r < grid.height; r++) {
    if (labelHits(grid, r, memo) < need) continue;
    const block = blockAt(grid, r, memo);
    yield block;
    r = Math.max(r, block.bottom);
  }
}
