import { columnLetters } from "../address/a1";
import type { FieldCell } from "../model/records";
import type { CellValue, GridPos, MergeArea, SheetSnapshot } from "../model/snapshot";

/** A cell value as text: strings as they are, numbers as Excel shows them unformatted, booleans TRUE/FALSE. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}

function isCellValue(v: unknown): v is CellValue {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function isIndex(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

// Beyond this many (row, merge) index entries further merges are ignored: overlapping giant merges would
// otherwise make indexing quadratic. Real templates stay far below it.
const MAX_MERGE_ROW_ENTRIES = 4_000_000;

/**
 * Read-only view of a snapshot that never throws: ragged rows, non-plain values and merges that reach
 * outside the grid are tolerated. Merges are clamped to the grid; one whose top-left lies outside is ignored.
 */
export class Grid {
  readonly height: number;
  readonly width: number;
  readonly name: string;
  readonly origin: GridPos;
  private readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
  private readonly mergesByRow: Array<MergeArea[] | undefined>;
  private readonly formulaKeys = new Set<number>();
  private readonly errorCodes = new Map<number, string>();
  // number cells' text as a person reads it (SheetSnapshot.displays): 0.873 with 0.0% → "87.3%"
  private readonly displayTexts = new Map<number, string>();
  private readonly letters: Array<string | undefined> = [];

  constructor(snapshot: SheetSnapshot) {
    this.name = typeof snapshot.name === "string" ? snapshot.name : String(snapshot.name);
    const o = snapshot.origin as GridPos | undefined;
    this.origin = { row: isIndex(o?.row) ? o.row : 0, col: isIndex(o?.col) ? o.col : 0 };
    const rows = Array.isArray(snapshot.values) ? snapshot.values : [];
    this.rows = rows.map((r) => (Array.isArray(r) ? r : []));
    this.height = this.rows.length;
    let width = 0;
    for (const r of this.rows) width = Math.max(width, r.length);
    this.width = width;
    this.mergesByRow = new Array<MergeArea[] | undefined>(this.height);
    let entries = 0;
    for (const m of Array.isArray(snapshot.merges) ? snapshot.merges : []) {
      if (m === null || typeof m !== "object") continue;
      const { top, left } = m;
      if (!isIndex(top) || !isIndex(left) || top >= this.height || left >= this.width) continue;
      if (typeof m.bottom !== "number" || typeof m.right !== "number") continue;
      if (!(m.bottom >= top) || !(m.right >= left)) continue;
      const area: MergeArea = {
        top,
        left,
        bottom: Math.min(Math.floor(m.bottom), this.height - 1),
        right: Math.min(Math.floor(m.right), this.width - 1),
      };
      if (area.bottom === top && area.right === left) continue;
      if (entries + (area.bottom - top + 1) > MAX_MERGE_ROW_ENTRIES) continue;
      for (let r = top; r <= area.bottom; r++) {
        const list = this.mergesByRow[r];
        if (list === undefined) this.mergesByRow[r] = [area];
        else list.push(area);
        entries++;
      }
    }
    for (const f of Array.isArray(snapshot.formulas) ? snapshot.formulas : []) {
      if (f !== null && typeof f === "object" && this.inside(f.row, f.col))
        this.formulaKeys.add(this.key(f.row, f.col));
    }
    for (const e of Array.isArray(snapshot.errors) ? snapshot.errors : []) {
      if (e !== null && typeof e === "object" && this.inside(e.row, e.col)) {
        this.errorCodes.set(this.key(e.row, e.col), typeof e.code === "string" ? e.code : String(e.code));
      }
    }
    const displays: unknown = snapshot.displays;
    for (const d of Array.isArray(displays) ? (displays as unknown[]) : []) {
      if (d === null || typeof d !== "object") continue;
      const { row, col, text } = d as { row?: unknown; col?: unknown; text?: unknown };
      // only a number cell has a display: a string cell already reads as itself
      if (typeof text !== "string" || !this.inside(row, col)) continue;
      if (typeof this.rows[row as number]?.[col as number] !== "number") continue;
      this.displayTexts.set(this.key(row as number, col as number), text);
    }
  }

  /** The cell's value as text: a number cell's displayed text when the snapshot lists one. */
  private shown(row: number, col: number): string {
    const v = this.rows[row]?.[col];
    if (typeof v === "number" && this.displayTexts.size > 0) {
      const d = this.displayTexts.get(this.key(row, col));
      if (d !== undefined) return d;
    }
    return cellText(v);
  }

  private key(row: number, col: number): number {
    return row * (this.width + 1) + col;
  }

  /** True when (row, col) is a grid position. */
  inside(row: unknown, col: unknown): boolean {
    return isIndex(row) && isIndex(col) && row < this.height && col < this.width;
  }

  /** The cell's own value (null outside the grid or for a non-plain value). */
  value(row: number, col: number): CellValue {
    const v = this.rows[row]?.[col];
    return isCellValue(v) ? v : null;
  }

  /** The cell's own value as a person reads it (a formatted number's displayed text). */
  text(row: number, col: number): string {
    return this.shown(row, col);
  }

  /** True when the cell's own value has visible text. */
  filled(row: number, col: number): boolean {
    return this.text(row, col).trim() !== "";
  }

  /** The error code of the cell's own value (#N/A, #DIV/0! …), or null. */
  errorAt(row: number, col: number): string | null {
    return this.inside(row, col) ? (this.errorCodes.get(this.key(row, col)) ?? null) : null;
  }

  /** True when some merged area reaches into the row. */
  rowHasMerge(row: number): boolean {
    return (this.mergesByRow[row]?.length ?? 0) > 0;
  }

  /** The merged area containing the cell, or null. */
  merge(row: number, col: number): MergeArea | null {
    const list = this.mergesByRow[row];
    if (list === undefined) return null;
    for (const m of list) if (col >= m.left && col <= m.right) return m;
    return null;
  }

  /** The cell that carries the value of (row, col): the merged area's top-left, else the cell itself. */
  anchor(row: number, col: number): GridPos {
    const m = this.merge(row, col);
    return m === null ? { row, col } : { row: m.top, col: m.left };
  }

  /** True when the cell lies inside a merged area but is not its top-left. */
  covered(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return m !== null && (m.top !== row || m.left !== col);
  }

  /** The text of the value that covers (row, col), merges resolved. */
  resolvedText(row: number, col: number): string {
    const a = this.anchor(row, col);
    return this.text(a.row, a.col);
  }

  /** A FieldCell for a grid position (callers pass positions inside the grid). */
  fieldCell(row: number, col: number): FieldCell {
    const raw = this.value(row, col);
    // gridToA1, with each column's letters worked out once per grid
    let letters = this.letters[col];
    if (letters === undefined) {
      letters = columnLetters(this.origin.col + col);
      this.letters[col] = letters;
    }
    return {
      row,
      col,
      address: `${letters}${this.origin.row + row + 1}`,
      raw,
      text: this.shown(row, col),
      // most sheets have no formulas or error values: skip the lookups then
      formula: this.formulaKeys.size > 0 && this.formulaKeys.has(this.key(row, col)),
      error: this.errorCodes.size > 0 ? this.errorAt(row, col) : null,
    };
  }

  /** 1-based sheet row of a grid row. */
  sheetRow(row: number): number {
    return this.origin.row + row + 1;
  }
}
