import type { CellErrorAt, CellValue, GridPos, MergeArea, SheetSnapshot, SheetVisibility } from "../core";
import { intersect, parseAreas, rectLocal, type Rect } from "./address";
import { API, officeSupports, type Supports } from "./capabilities";

/** Error values as Office.js reports them in `values`. */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

export interface ReadOptions {
  /** requirement-set check (defaults to Office.context.requirements) */
  readonly supports?: Supports;
  /**
   * cells read in the second sync, shared by all sheets (default 60 000: about 2.6 MB of text-heavy cells, room for sheets wider than the assumed 16 columns);
   * each sheet gets its share as rows of an assumed 16 columns; rows beyond it follow in row blocks
   */
  readonly windowCells?: number;
  /** estimated response bytes per sync for the row blocks (default 4 000 000, under Excel on the web's 5 MB) */
  readonly byteBudget?: number;
  /** sheet names to leave out */
  readonly exclude?: ReadonlyArray<string>;
}

interface SheetHandles {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
  /** the used range including formatted cells: its columns keep an empty, bordered mark column in the grid */
  readonly used: Excel.Range;
  /** the used range of values: its rows bound the grid (formatting often runs far below the data) */
  readonly valuesUsed: Excel.Range;
  readonly window: Excel.Range;
  readonly formulas: Excel.RangeAreas | null;
  readonly formulaErrors: Excel.RangeAreas | null;
  readonly constantErrors: Excel.RangeAreas | null;
  readonly merged: Excel.RangeAreas | null;
}

interface Block {
  readonly sheet: number;
  readonly rect: Rect;
  readonly range: Excel.Range;
}

function visibilityOf(v: string): SheetVisibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

function areasOf(obj: Excel.RangeAreas | null): Rect[] {
  return obj && !obj.isNullObject ? parseAreas(obj.address) : [];
}

function cellsIn(rects: ReadonlyArray<Rect>, bounds: Rect): GridPos[] {
  const out: GridPos[] = [];
  for (const r of rects) {
    // getSpecialCells over one cell answers for the whole sheet (an old Excel quirk): clip to the used range.
    const clipped = intersect(r, bounds);
    if (!clipped) continue;
    for (let row = clipped.top; row <= clipped.bottom; row++) {
      for (let col = clipped.left; col <= clipped.right; col++)
        out.push({ row: row - bounds.top, col: col - bounds.left });
    }
  }
  return out;
}

/** The grid: the rows of the values-only used range, the columns of both used ranges. Null when no values. */
function gridBounds(h: SheetHandles): Rect | null {
  if (h.valuesUsed.isNullObject) return null;
  const v = h.valuesUsed;
  const u = h.used.isNullObject ? v : h.used;
  return {
    top: v.rowIndex,
    bottom: v.rowIndex + v.rowCount - 1,
    left: Math.min(u.columnIndex, v.columnIndex),
    right: Math.max(u.columnIndex + u.columnCount, v.columnIndex + v.columnCount) - 1,
  };
}

function jsonBytes(rows: unknown[][]): number {
  // A close estimate of the UTF-8 JSON size without serialising: ASCII 1 byte, kana/kanji 3.
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += typeof v === "string" ? v.length * 3 + 3 : 8;
  }
  return n;
}

/**
 * Reads every worksheet's used range into SheetSnapshots in a constant number of context.sync() calls:
 * one for the sheet list, one for every used range, its first rows (a cell budget shared by the sheets),
 * its formula/error maps and merged areas. Rows beyond that follow in row blocks sized by rowCount ×
 * columnCount and the bytes per cell seen so far, grouped so no sync is estimated above the byte budget:
 * extra syncs grow with the volume of cell data (about one per 4 MB), never with the number of sheets.
 */
export async function readSnapshots(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<SheetSnapshot[]> {
  const supports = opts.supports ?? officeSupports;
  const special = supports(API.specialCells);
  const mergedApi = supports(API.mergedAreas);
  const byteBudget = opts.byteBudget ?? 4_000_000;
  const exclude = new Set(opts.exclude ?? []);

  // Sync 1: the sheet list.
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();

  const list = sheets.items.filter((ws) => !exclude.has(ws.name));
  // The sheets' widths are unknown until this sync: their share assumes 16 columns.
  const windowRows = Math.max(20, Math.floor((opts.windowCells ?? 60_000) / 16 / Math.max(1, list.length)));
  // Without getSpecialCells the formula map comes from `formulas`, which doubles what is read.
  const cellProps = special ? "values" : "values,formulas";

  // Sync 2: every used range, its first rows, and the maps that cost only an address each.
  const handles: SheetHandles[] = list.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const valuesUsed = ws.getUsedRangeOrNullObject(true);
    valuesUsed.load("rowIndex,columnIndex,rowCount,columnCount");
    const window = used.getIntersectionOrNullObject(`1:${windowRows}`);
    window.load([...cellProps.split(","), "rowIndex", "rowCount"]);
    const areas = (a: Excel.RangeAreas): Excel.RangeAreas => a.load("address");
    return {
      ws,
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      protected: ws.protection.protected,
      used,
      valuesUsed,
      window,
      formulas: special ? areas(used.getSpecialCellsOrNullObject("Formulas")) : null,
      formulaErrors: special ? areas(used.getSpecialCellsOrNullObject("Formulas", "Errors")) : null,
      constantErrors: special ? areas(used.getSpecialCellsOrNullObject("Constants", "Errors")) : null,
      merged: mergedApi ? areas(used.getMergedAreasOrNullObject()) : null,
    };
  });
  await context.sync();

  // Rows not covered by the window, in blocks sized by rowCount × columnCount.
  // Bytes per cell seen in the windows, of the densest sheet (a window holds the header rows, which are
  // shorter than the records below them; jsonBytes counts 3 bytes a character, which makes up for it).
  let densest = 8;
  const pendingRects: { sheet: number; rect: Rect }[] = [];
  handles.forEach((h, i) => {
    const bounds = gridBounds(h);
    if (!bounds) return;
    let nextRow = bounds.top;
    if (!h.window.isNullObject && h.window.values) {
      nextRow = Math.max(bounds.top, h.window.rowIndex + h.window.rowCount);
      const cells = h.window.rowCount * (bounds.right - bounds.left + 1);
      if (cells > 0) densest = Math.max(densest, jsonBytes(h.window.values) / cells);
    }
    if (nextRow <= bounds.bottom) pendingRects.push({ sheet: i, rect: { ...bounds, top: nextRow } });
  });
  const perCell = densest * (special ? 1 : 2);
  const cellsPerSync = Math.max(1, Math.floor(byteBudget / perCell));

  // Group the blocks so each sync stays within the budget; a group's loads are queued just before its sync.
  const groups: { sheet: number; rect: Rect }[][] = [];
  let current: { sheet: number; rect: Rect }[] = [];
  let currentCells = 0;
  for (const p of pendingRects) {
    const width = p.rect.right - p.rect.left + 1;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerSync / width));
    for (let top = p.rect.top; top <= p.rect.bottom; top += rowsPerBlock) {
      const rect = { ...p.rect, top, bottom: Math.min(p.rect.bottom, top + rowsPerBlock - 1) };
      const cells = (rect.bottom - rect.top + 1) * width;
      if (currentCells + cells > cellsPerSync && current.length > 0) {
        groups.push(current);
        current = [];
        currentCells = 0;
      }
      current.push({ sheet: p.sheet, rect });
      currentCells += cells;
    }
  }
  if (current.length > 0) groups.push(current);

  const bySheet = new Map<number, Block[]>();
  for (const group of groups) {
    const queued: Block[] = [];
    for (const g of group) {
      const ws = handles[g.sheet]?.ws;
      if (ws) queued.push({ ...g, range: ws.getRange(rectLocal(g.rect)).load(cellProps) });
    }
    // One sync per group on purpose: a group is what fits under the byte budget.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const b of queued) bySheet.set(b.sheet, [...(bySheet.get(b.sheet) ?? []), b]);
  }

  return handles.map((h, i) => assemble(h, bySheet.get(i) ?? [], special));
}

function assemble(h: SheetHandles, blocks: ReadonlyArray<Block>, special: boolean): SheetSnapshot {
  const empty: SheetSnapshot = {
    name: h.name,
    origin: { row: 0, col: 0 },
    values: [],
    formulas: [],
    errors: [],
    merges: [],
    visibility: h.visibility,
    protected: h.protected,
  };
  const bounds = gridBounds(h);
  if (!bounds) return empty;
  const rows = bounds.bottom - bounds.top + 1;
  const cols = bounds.right - bounds.left + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const errors: CellErrorAt[] = [];
  const formulas: GridPos[] = [];

  const errorCells = new Set(
    special
      ? cellsIn([...areasOf(h.formulaErrors), ...areasOf(h.constantErrors)], bounds).map(
          (p) => `${p.row},${p.col}`,
        )
      : [],
  );
  const put = (
    top: number,
    left: number,
    vals: ReadonlyArray<ReadonlyArray<unknown>>,
    fx: ReadonlyArray<ReadonlyArray<unknown>> | null,
  ): void => {
    vals.forEach((row, r) => {
      const gr = top - bounds.top + r;
      const target = values[gr];
      if (!target) return;
      row.forEach((v, c) => {
        const gc = left - bounds.left + c;
        if (gc < 0 || gc >= cols) return;
        const isError = special
          ? errorCells.has(`${gr},${gc}`)
          : typeof v === "string" && EXCEL_ERROR_TEXTS.has(v);
        if (isError) errors.push({ row: gr, col: gc, code: String(v) });
        else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
          target[gc] = v === "" ? null : v;
        const f = fx?.[r]?.[c];
        if (!special && typeof f === "string" && f.startsWith("=")) formulas.push({ row: gr, col: gc });
      });
    });
  };
  if (!h.window.isNullObject && h.window.values)
    put(h.window.rowIndex, h.used.columnIndex, h.window.values, special ? null : h.window.formulas);
  for (const b of blocks) put(b.rect.top, b.rect.left, b.range.values, special ? null : b.range.formulas);
  if (special) formulas.push(...cellsIn(areasOf(h.formulas), bounds));

  const merges: MergeArea[] = areasOf(h.merged).map((m) => ({
    top: m.top - bounds.top,
    left: m.left - bounds.left,
    bottom: m.bottom - bounds.top,
    right: m.right - bounds.left,
  }));
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  formulas.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ...empty, origin: { row: bounds.top, col: bounds.left }, values, formulas, errors, merges };
}
