import type { GridPos } from "../model/snapshot";

/** 0-based column index → letters (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column index ("A" → 0); -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based sheet row/col → "B3". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B3" (or "$B$3") → 0-based sheet row/col; null when not a single-cell address. */
export function fromA1(address: string): GridPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(m[1]) };
}

/** Grid position inside a snapshot with this origin → sheet A1 address. */
export function gridToA1(origin: GridPos, row: number, col: number): string {
  return toA1(origin.row + row, origin.col + col);
}

/** Excel's sheet size: rows and columns a cell position may have (1-based, inclusive). */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/**
 * A write's cell as 0-based sheet row/col, from the 1-based numbers it carries (never from its A1 text);
 * null when they lie outside Excel's sheet.
 */
export function positionOf(at: { readonly row: number; readonly col: number }): GridPos | null {
  const { row, col } = at;
  if (!Number.isInteger(row) || !Number.isInteger(col)) return null;
  if (row < 1 || row > SHEET_ROWS || col < 1 || col > SHEET_COLS) return null;
  return { row: row - 1, col: col - 1 };
}
