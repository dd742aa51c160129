/**
 * Sparse raw cells → a SheetSnapshot. The snapshot's grid is dense by contract, so its size is decided here:
 *
 * - The grid covers the bounding box of the cells that hold something and of the merged areas, as before
 *   (the core's records and findings stay identical for every workbook that fits).
 * - When that box is larger than what is left of the cells budget (a merge over A30:XFD1048576, a million
 *   two-cell merges far apart), the grid shrinks to the box of the cells alone and merges are clipped to it:
 *   a merged area holds nothing outside its top-left cell, so the part beyond the last value carries nothing
 *   the core could read.
 * - When the cells alone span more than the budget (data at A1 and one cell at XFD1048576), the workbook is
 *   refused with the budget's message (--max-cells): a far lone cell might be a value the user expects kusei
 *   to read, and dropping it silently would be a guess.
 */
import type { CellDisplay, CellErrorAt, CellValue, GridPos, MergeArea, SheetSnapshot } from "../core";
import type { BudgetMeter } from "./budget";
import { overBudget } from "./budget";
import { decodeXstring } from "./book-xml";
import { WorkbookReadError } from "./errors";
import { isDateFormat, isGeneral, renderNumber } from "./number-format";
import type { RawCell, RawRange, RawSheet } from "./sheet-xml";

export interface BookContext {
  readonly sharedStrings: ReadonlyArray<string>;
  /** number format code by cell format index */
  readonly formats: ReadonlyArray<string>;
  /** cell format indexes whose cells are unlocked (book-xml.ts readCellStyles); none when absent */
  readonly unlocked?: ReadonlySet<number>;
  readonly date1904: boolean;
}

interface Resolved {
  readonly value: CellValue;
  readonly error: string | null;
  /** the stored number, for a display (null when the cell is not a number) */
  readonly serial: number | null;
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial as exceljs 4.4 turns it into a date (utils.excelToDate) and cell-value.ts into text:
 * yyyy-mm-dd of the UTC instant, null when there is none. Kept exactly so date cells read as before.
 */
function serialToIso(serial: number, date1904: boolean): CellValue {
  const t = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A `t="d"` cell's ISO 8601 text as yyyy-mm-dd and its serial, or null when it is no date. */
function isoCell(text: string, date1904: boolean): { iso: string; serial: number } | null {
  const t = Date.parse(
    text.length === 10 ? `${text}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`,
  );
  if (Number.isNaN(t)) return null;
  const iso = new Date(t).toISOString().slice(0, 10);
  return { iso, serial: t / DAY_MS + 25569 - (date1904 ? 1462 : 0) };
}

function resolve(cell: RawCell, book: BookContext): Resolved {
  const text = cell.text;
  const none: Resolved = { value: null, error: null, serial: null };
  if (text === null) return none;
  switch (cell.kind) {
    case "s": {
      const s = book.sharedStrings[Number(text)];
      return s === undefined || s === "" ? none : { value: s, error: null, serial: null };
    }
    case "str":
    case "inlineStr": {
      const s = decodeXstring(text);
      return s === "" ? none : { value: s, error: null, serial: null };
    }
    case "b":
      return { value: !(text.trim() === "0" || text.trim() === "false"), error: null, serial: null };
    case "e":
      return { value: null, error: text.trim() || "#ERROR", serial: null };
    case "d": {
      const d = isoCell(text.trim(), book.date1904);
      return d ? { value: d.iso, error: null, serial: d.serial } : none;
    }
    case "n": {
      const n = parseFloat(text);
      if (!Number.isFinite(n)) return none;
      const format = book.formats[cell.style] ?? "General";
      if (isDateFormat(format)) return { value: serialToIso(n, book.date1904), error: null, serial: n };
      return { value: n, error: null, serial: n };
    }
  }
}

/** Drops merges that overlap another (as Excel would not write them): refused, as exceljs refused them. */
function checkOverlaps(merges: ReadonlyArray<RawRange>, part: string): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const active: RawRange[] = [];
  for (const m of byTop) {
    for (let i = active.length - 1; i >= 0; i--)
      if ((active[i] as RawRange).bottom < m.top) active.splice(i, 1);
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((active[mid] as RawRange).left < m.left) lo = mid + 1;
      else hi = mid;
    }
    const before = active[lo - 1];
    const after = active[lo];
    if ((before && before.right >= m.left) || (after && after.left <= m.right))
      throw new WorkbookReadError("corrupt", { detail: `${part.slice(0, 100)}: merged areas overlap` });
    active.splice(lo, 0, m);
  }
}

/**
 * The cells inside a merged area other than its top-left: dropped (the contract keeps a merge's value at its
 * top-left only; Excel shows nothing else). One sweep over the rows that hold cells, the merges active on
 * each row kept sorted by column (they cannot overlap, so at most 16,384 are active at once).
 */
function withoutMergedCells(cells: ReadonlyArray<RawCell>, merges: ReadonlyArray<RawRange>): RawCell[] {
  if (merges.length === 0) return [...cells];
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const active: RawRange[] = [];
  let next = 0;
  let row = -1;
  const out: RawCell[] = [];
  for (const cell of cells) {
    if (cell.row !== row) {
      row = cell.row;
      for (let i = active.length - 1; i >= 0; i--)
        if ((active[i] as RawRange).bottom < row) active.splice(i, 1);
      while (next < byTop.length && (byTop[next] as RawRange).top <= row) {
        const m = byTop[next++] as RawRange;
        if (m.bottom < row) continue;
        let lo = 0;
        let hi = active.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((active[mid] as RawRange).left < m.left) lo = mid + 1;
          else hi = mid;
        }
        active.splice(lo, 0, m);
      }
    }
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((active[mid] as RawRange).left <= cell.col) lo = mid + 1;
      else hi = mid;
    }
    const m = active[lo - 1];
    const inside = m !== undefined && m.right >= cell.col && !(m.top === cell.row && m.left === cell.col);
    if (!inside) out.push(cell);
  }
  return out;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function area(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

function grow(b: Box | null, r: RawRange | { row: number; col: number }): Box {
  const top = "top" in r ? r.top : r.row;
  const left = "top" in r ? r.left : r.col;
  const bottom = "top" in r ? r.bottom : r.row;
  const right = "top" in r ? r.right : r.col;
  if (b === null) return { top, left, bottom, right };
  if (top < b.top) b.top = top;
  if (left < b.left) b.left = left;
  if (bottom > b.bottom) b.bottom = bottom;
  if (right > b.right) b.right = right;
  return b;
}

/**
 * The unlocked cells of a protected sheet's grid, as areas in grid positions: each cell's format is its own
 * `<c>`'s, else its row's, else its column's (RawStyles), and it is unlocked when that format is. Rows with
 * the same runs are joined into one area. Empty when nothing is unlocked.
 */
function unlockedAreas(raw: RawSheet, book: BookContext, box: Box): MergeArea[] {
  const unlocked = book.unlocked;
  const styles = raw.styles;
  if (!raw.protected || !unlocked || unlocked.size === 0 || !styles) return [];
  const width = box.right - box.left + 1;
  const own = new Map<number, number>();
  const at = (row: number, col: number): number => row * 16384 + col;
  for (const c of raw.cells) own.set(at(c.row, c.col), c.style);
  for (let i = 0; i + 2 < styles.empty.length; i += 3)
    own.set(at(styles.empty[i] ?? 0, styles.empty[i + 1] ?? 0), styles.empty[i + 2] ?? 0);
  const colStyle = (col: number): number => {
    // the last <col> covering the column wins, as a later element does in Excel
    let style = 0;
    for (const c of styles.cols) if (col >= c.min && col <= c.max) style = c.style;
    return style;
  };
  const cols: number[] = [];
  for (let c = 0; c < width; c++) cols.push(colStyle(box.left + c));
  const out: MergeArea[] = [];
  let open: MergeArea[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const rowStyle = styles.rows.get(r);
    const runs: Array<[number, number]> = [];
    for (let c = 0; c < width; c++) {
      const style = own.get(at(r, box.left + c)) ?? rowStyle ?? cols[c] ?? 0;
      if (!unlocked.has(style)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const row = r - box.top;
    const next: MergeArea[] = [];
    for (const [left, right] of runs) {
      const above = open.find((a) => a.left === left && a.right === right && a.bottom === row - 1);
      const area = above ? { ...above, bottom: row } : { top: row, left, bottom: row, right };
      next.push(area);
    }
    for (const a of open) if (!next.some((n) => n.top === a.top && n.left === a.left)) out.push(a);
    open = next;
  }
  out.push(...open);
  return out.sort((x, y) => x.top - y.top || x.left - y.left);
}

export interface SheetMeta {
  readonly name: string;
  readonly part: string;
  readonly visibility: SheetSnapshot["visibility"];
}

/** Builds one sheet's snapshot from its raw cells (see the module comment), charging its grid. */
export function buildSnapshot(
  sheet: SheetMeta,
  raw: RawSheet,
  book: BookContext,
  meter: BudgetMeter,
): SheetSnapshot {
  checkOverlaps(raw.merges, sheet.part);
  const areas = raw.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  const sorted = [...raw.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // a cell stated twice: the later statement wins, as in exceljs
  const unique: RawCell[] = [];
  for (const c of sorted) {
    const last = unique[unique.length - 1];
    if (last && last.row === c.row && last.col === c.col) unique[unique.length - 1] = c;
    else unique.push(c);
  }
  const kept: Array<{ cell: RawCell; r: Resolved }> = [];
  for (const cell of withoutMergedCells(unique, areas)) {
    const r = resolve(cell, book);
    if (r.value === null && r.error === null && !cell.formula) continue;
    kept.push({ cell, r });
  }
  let cellsBox: Box | null = null;
  for (const k of kept) cellsBox = grow(cellsBox, k.cell);
  let allBox: Box | null = cellsBox === null ? null : { ...cellsBox };
  for (const m of areas) allBox = grow(allBox, m);
  const base = { name: sheet.name, visibility: sheet.visibility, protected: raw.protected };
  const left = meter.gridLeft();
  let box: Box | null = allBox !== null && area(allBox) <= left ? allBox : cellsBox;
  if (box !== null && area(box) > left) throw overBudget("cells", meter.budget.maxCells);
  if (box === null)
    return { ...base, origin: { row: 0, col: 0 }, values: [], formulas: [], errors: [], merges: [] };
  meter.chargeGrid(area(box));
  meter.checkTime();
  const width = box.right - box.left + 1;
  const values: CellValue[][] = [];
  for (let r = box.top; r <= box.bottom; r++) values.push(new Array<CellValue>(width).fill(null));
  const formulas: GridPos[] = [];
  const errors: CellErrorAt[] = [];
  const displays: CellDisplay[] = [];
  for (const { cell, r } of kept) {
    const row = cell.row - box.top;
    const col = cell.col - box.left;
    const line = values[row];
    if (line) line[col] = r.value;
    if (cell.formula) formulas.push({ row, col });
    if (r.error !== null) errors.push({ row, col, code: r.error });
    if (r.serial !== null) {
      const format = book.formats[cell.style] ?? "General";
      if (!isGeneral(format)) {
        const text = renderNumber(format, r.serial, book.date1904);
        if (text !== null) displays.push({ row, col, text, format });
      }
    }
  }
  const b = box;
  const merges: MergeArea[] = [];
  for (const m of areas) {
    if (m.bottom < b.top || m.top > b.bottom || m.right < b.left || m.left > b.right) continue;
    merges.push({
      top: Math.max(m.top, b.top) - b.top,
      left: Math.max(m.left, b.left) - b.left,
      bottom: Math.min(m.bottom, b.bottom) - b.top,
      right: Math.min(m.right, b.right) - b.left,
    });
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  const unlocked = unlockedAreas(raw, book, b);
  const snapshot: SheetSnapshot = {
    ...base,
    origin: { row: b.top, col: b.left },
    values,
    formulas,
    errors,
    merges,
    ...(unlocked.length > 0 ? { unlocked } : {}),
  };
  return displays.length > 0 ? { ...snapshot, displays } : snapshot;
}
