import { squeezeSpace } from "../text/squeeze";
import type { Grid } from "./grid";

const MAX_TEXT = 300;
const TITLE = /区政運営基本方針.*取組状況/su;
const TEXT_OTHER = 0;
const TEXT_HEADER = 1;
const TEXT_TITLE = 2;

/**
 * Recognises page furniture repeated on continuation pages: rows whose texts are mostly texts of the first
 * header block or of the title rows above it (title, policy name, year, 計画 | 自己評価, labels, legend).
 * Comparison ignores whitespace only: a repeated header is a copy of the first one.
 */
export class Furniture {
  private readonly texts = new Set<string>();
  // cell text → what it is here (data rows repeat the same texts; the header texts never change)
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly grid: Grid,
    lastRow: number,
  ) {
    const rows = Math.min(grid.height - 1, lastRow);
    for (let r = 0; r <= rows; r++) {
      for (let c = 0; c < grid.width; c++) {
        const t = grid.text(r, c);
        if (t.length > MAX_TEXT) continue;
        const s = squeezeSpace(t);
        if (s.length >= 2) this.texts.add(s);
      }
    }
  }

  /** True when the row (given its filled columns) is a repeated title/header row. */
  isFurniture(row: number, filled: readonly number[]): boolean {
    if (filled.length === 0) return false;
    let hits = 0;
    for (const c of filled) {
      const t = this.grid.text(row, c);
      if (t.length > MAX_TEXT) continue;
      const seen = this.seen.get(t) ?? this.classify(t);
      if (seen === TEXT_TITLE) return true;
      if (seen === TEXT_HEADER) hits++;
    }
    return hits > 0 && hits * 2 >= filled.length;
  }

  private classify(t: string): number {
    const kind =
      t.includes("区政運営基本方針") && TITLE.test(t)
        ? TEXT_TITLE
        : this.texts.has(squeezeSpace(t))
          ? TEXT_HEADER
          : TEXT_OTHER;
    this.seen.set(t, kind);
    return kind;
  }
}
