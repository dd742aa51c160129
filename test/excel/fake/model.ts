/**
 * The workbook behind the fake Excel: cells as Excel stores them (a number with a number format, a serial
 * for a date, a formula with its last result), merged areas, conditional formats in priority order,
 * protection with per-cell locks, settings and notes. Tests and the seeding from files write it directly;
 * the adapter only ever reaches it through the Office.js-shaped proxies.
 * Sources: "Excel stores dates as sequential serial numbers (OADate format)" ("Work with dates using the Excel
 * JavaScript API", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates); `values`
 * are raw values and `text` what users see ("Set or get Excel range values, text, and formulas",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values); a conditional
 * format's `id` is "the priority of the conditional format in the current ConditionalFormatCollection"
 * ("Excel.ConditionalFormat", https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat).
 */
import { FakeRichApiError } from "./errors";

export type Scalar = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellModel {
  /** the value as Office.js returns it in `values` (numbers stay numbers; an error cell holds "#N/A" …) */
  value: Scalar;
  /** the formula ("=…"), or null */
  formula: string | null;
  /** the number format code as `numberFormat` returns it (absent: "General") */
  format?: string;
  /** false for a cell a protected sheet still lets people (and add-ins) change; absent: locked */
  locked?: boolean;
}

/** A conditional format, in the sheet's priority order (index 0 = first/top priority). */
export interface CfModel {
  rects: Rect[];
  type: "Custom" | "CellValue" | "ColorScale" | "DataBar" | "IconSet" | "TopBottom" | "PresetCriteria";
  /** the custom rule's formula ("" for other types) */
  formula: string;
  fill: string | null;
}

export const SHEET_BOUNDS: Rect = { top: 0, left: 0, bottom: 1048575, right: 16383 };

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function rectText(r: Rect): string {
  const a = a1(r.top, r.left);
  const b = a1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function quote(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "A1:B2", "3:5", "B:C" with an optional sheet prefix; throws InvalidArgument otherwise. */
export function parseRect(text: string): Rect {
  const local = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const parts = local.replace(/\$/g, "").trim().split(":");
  const refs = parts.map((p) => /^([A-Za-z]{0,3})(\d{0,7})$/.exec(p));
  if (parts.length > 2 || refs.some((m) => !m || (m[1] === "" && m[2] === ""))) {
    throw new FakeRichApiError("InvalidArgument", `bad address ${text}`);
  }
  const [m1, m2 = m1] = refs as RegExpExecArray[];
  if (!m1 || !m2) throw new FakeRichApiError("InvalidArgument", `bad address ${text}`);
  const r1 = m1[2] ? Number(m1[2]) - 1 : null;
  const r2 = m2[2] ? Number(m2[2]) - 1 : null;
  const c1 = m1[1] ? colIndex(m1[1]) : null;
  const c2 = m2[1] ? colIndex(m2[1]) : null;
  return {
    top: Math.min(r1 ?? 0, r2 ?? 0),
    bottom: r1 === null ? SHEET_BOUNDS.bottom : Math.max(r1, r2 ?? 0),
    left: Math.min(c1 ?? 0, c2 ?? 0),
    right: c1 === null ? SHEET_BOUNDS.right : Math.max(c1, c2 ?? 0),
  };
}

export function overlap(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export class SheetModel {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<string, CellModel>();
  merges: Rect[] = [];
  cfs: CfModel[] = [];
  /** cells that carry only formatting (borders, fills): part of the used range unless valuesOnly */
  formatted: Rect | null = null;
  /** number formats of empty cells ("r,c" → code), e.g. a Text-formatted log column */
  readonly emptyFormats = new Map<string, string>();
  /** cells unlocked while empty ("r,c"): an unlocked input column of a protected template */
  readonly unlockedEmpty = new Set<string>();

  constructor(public name: string) {}

  /** Sets cells from a 2-D array at (top, left) as stored values (no entry parsing; null or "" empties). */
  put(top: number, left: number, rows: ReadonlyArray<ReadonlyArray<Scalar | null>>): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") this.cells.delete(`${top + r},${left + c}`);
        else this.cells.set(`${top + r},${left + c}`, { value: v, formula: null });
      }),
    );
    return this;
  }

  /** A formula cell with its cached result. */
  formula(address: string, formula: string, result: Scalar): this {
    const r = parseRect(address);
    this.cells.set(`${r.top},${r.left}`, { value: result, formula });
    return this;
  }

  /** A number with a number format, as Excel stores a typed "87.3%" (0.873, "0.0%"). */
  number(address: string, value: number, format: string): this {
    const r = parseRect(address);
    this.cells.set(`${r.top},${r.left}`, { value, formula: null, format });
    return this;
  }

  merge(address: string): this {
    this.merges.push(parseRect(address));
    return this;
  }

  /** Unlocks cells (they stay writable when the sheet is protected). */
  unlock(address: string): this {
    const r = parseRect(address);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const c = this.cells.get(`${row},${col}`);
        if (c) c.locked = false;
        else this.unlockedEmpty.add(`${row},${col}`);
      }
    return this;
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** The value as Office.js returns it ("" for empty). */
  valueAt(row: number, col: number): Scalar {
    return this.cell(row, col)?.value ?? "";
  }

  formatAt(row: number, col: number): string {
    return this.cell(row, col)?.format ?? this.emptyFormats.get(`${row},${col}`) ?? "General";
  }

  lockedAt(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return c ? c.locked !== false : !this.unlockedEmpty.has(`${row},${col}`);
  }

  /** The used range: non-empty cells, plus formatted ones unless valuesOnly. */
  usedRange(valuesOnly: boolean): Rect | null {
    const v = this.usedRect();
    const f = valuesOnly ? null : this.formatted;
    if (!v || !f) return v ?? f;
    return {
      top: Math.min(v.top, f.top),
      left: Math.min(v.left, f.left),
      bottom: Math.max(v.bottom, f.bottom),
      right: Math.max(v.right, f.right),
    };
  }

  /** The bounding box of non-empty cells (the values-only used range). */
  usedRect(): Rect | null {
    let box: Rect | null = null;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }

  /** Inserts whole rows at `top` (cells, merges and formats below move down), as Range.insert("Down"). */
  insertRows(top: number, count: number): void {
    const moved = [...this.cells.entries()].map(([key, cell]) => {
      const [r, c] = key.split(",").map(Number) as [number, number];
      return [r >= top ? r + count : r, c, cell] as const;
    });
    this.cells.clear();
    for (const [r, c, cell] of moved) this.cells.set(`${r},${c}`, cell);
    const shift = (x: Rect): Rect =>
      x.top >= top ? { ...x, top: x.top + count, bottom: x.bottom + count } : x;
    this.merges = this.merges.map(shift);
    for (const cf of this.cfs) cf.rects = cf.rects.map(shift);
  }
}

export interface CellChange {
  sheet: string;
  cell: string;
  before: Scalar | null;
  after: Scalar | null;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, unknown>();
  /** note content by "Sheet!A1" */
  readonly notes = new Map<string, string>();
  /** the user is typing in a cell: a batch fails unless the run asked to wait (delayForCellEdit) */
  editMode = false;
  /** 1904 date system (a Mac-made workbook): serials count from 1904-01-01 */
  date1904 = false;
  /** every cell change, in order */
  readonly changes: CellChange[] = [];
  /** structure changes (sheet added, CF added/removed, selection, calculation …) */
  readonly events: string[] = [];
  /** formulas may show stale results: calculation was suspended and no calculate() followed */
  calculationPending = false;
  selected: { sheet: string; address: string } | null = null;

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A user (or co-author) edit that bypasses the add-in (stored as given, no entry parsing). */
  userEdit(sheet: string, cell: string, value: Scalar | null): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = parseRect(cell);
    if (value === null || value === "") s.cells.delete(`${r.top},${r.left}`);
    else s.cells.set(`${r.top},${r.left}`, { ...s.cell(r.top, r.left), value, formula: null });
  }
}
