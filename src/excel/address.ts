import { columnIndex, toA1 } from "../core";

/** A rectangle of sheet cells, 0-based and inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet!A1:B2" for a rectangle. */
export function rectAddress(sheet: string, rect: Rect): string {
  const a = toA1(rect.top, rect.left);
  const b = toA1(rect.bottom, rect.right);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** "A1:B2" (no sheet) for a rectangle. */
export function rectLocal(rect: Rect): string {
  const a = toA1(rect.top, rect.left);
  const b = toA1(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function parseRef(ref: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const col = m[1] ? columnIndex(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (row !== null && row < 0) return null;
  return { row, col };
}

/** "A1", "A1:C3", "3:5" or "B:D" (no sheet) → rectangle; null when not an address. */
export function parseLocalRange(text: string): Rect | null {
  const [first, second, extra] = text.trim().split(":");
  if (first === undefined || extra !== undefined) return null;
  const a = parseRef(first);
  const b = second === undefined ? a : parseRef(second);
  if (!a || !b) return null;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = a.row === null ? MAX_ROW : Math.max(a.row, b.row ?? 0);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = a.col === null ? MAX_COL : Math.max(a.col, b.col ?? 0);
  return { top, left, bottom, right };
}

/** Splits an address list ("Sheet1!A1:B2,'My, Sheet'!C3") at the commas outside quotes. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") out.push(cur);
  return out;
}

/** Drops the sheet part of "Sheet!A1" or "'It''s'!A1". */
function localPart(area: string): string {
  const bang = area.lastIndexOf("!");
  return bang < 0 ? area : area.slice(bang + 1);
}

/** The rectangles of an address as Excel returns it for a Range or RangeAreas (sheet prefixes ignored). */
export function parseAreas(address: string): Rect[] {
  const rects: Rect[] = [];
  for (const area of splitAreas(address)) {
    const r = parseLocalRange(localPart(area.trim()));
    if (r) rects.push(r);
  }
  return rects;
}

/** The overlap of two rectangles, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}
