import type {
  CellDisplay,
  CellErrorAt,
  CellValue,
  GridPos,
  MergeArea,
  SheetSnapshot,
  SheetVisibility,
} from "../core";
import { intersect, parseAreas, rectLocal, type Rect } from "./address";
import { features, officeSupports, type Features, type Supports } from "./capabilities";
import { cellBytes, isPayloadError, mergeBands, splitByBytes, type Block } from "./budget";
import { dateSystemOf, isDateFormat, queueDateSystemProbe, serialToIso } from "./dates";
import { unlockedAreas } from "./locks";
import type { ExcelContext, XRange, XRangeAreas, XWorksheet } from "./office";

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
   * estimated bytes per request and response (default 4 000 000: Excel on the web refuses more than 5 MB,
   * and the estimate counts 3 bytes a character where the wire may escape kanji as 6)
   */
  readonly byteBudget?: number;
  /** sheet names to leave out */
  readonly exclude?: ReadonlyArray<string>;
}

/** What a read could not do on this host (shown to the user, never silent). */
export interface ReadReport {
  readonly snapshots: SheetSnapshot[];
  /** optional features this host or its office.js lacks, and what the read did without them */
  readonly missing: ReadonlyArray<"specialCells" | "mergedAreas">;
  readonly syncs: number;
}

interface SheetHandles {
  readonly ws: XWorksheet;
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
  /** the used range including formatted cells: its columns keep an empty, bordered mark column in the grid */
  readonly used: XRange;
  /** the used range of values: its rows bound the grid (formatting often runs far below the data) */
  readonly valuesUsed: XRange;
  readonly formulas: XRangeAreas | null;
  readonly formulaErrors: XRangeAreas | null;
  readonly constantErrors: XRangeAreas | null;
  /** the first cells, read in sync 2 (a box of probe rows × PROBE_COLUMNS from the values' top-left) */
  readonly probe: XRange;
}

/** Columns of the first box read per sheet (templates are 10–20 columns wide). */
const PROBE_COLUMNS = 32;

interface LoadedBlock extends Block {
  readonly range: XRange;
}

function visibilityOf(v: string): SheetVisibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

function areasOf(obj: XRangeAreas | null): Rect[] {
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

/**
 * Reads every worksheet's used range into SheetSnapshots. Syncs: (1) the sheet list; (2) every sheet's used
 * ranges and its formula/error maps (an address each); (3…) the cells — values, displayed text and number
 * formats — in row blocks sized by estimated bytes so no response passes the budget, each block's merged
 * areas asked in row bands that cannot hold 512 areas (Excel fails getMergedAreasOrNullObject above that).
 * A block Excel on the web still refuses as too large is split in half and asked again. Syncs grow with the bytes, never with the number of sheets.
 */
export async function readWorkbook(context: ExcelContext, opts: ReadOptions = {}): Promise<ReadReport> {
  const supports = opts.supports ?? officeSupports;
  const byteBudget = opts.byteBudget ?? 4_000_000;
  const exclude = new Set(opts.exclude ?? []);
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };

  // Sync 1: the sheet list.
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  const dateProbe = queueDateSystemProbe(context.workbook);
  await sync();
  const date1904 = dateSystemOf(dateProbe);
  const list = sheets.items.filter((ws) => !exclude.has(ws.name));
  const first = sheets.items[0];
  const feats: Features = first
    ? features(supports, { workbook: context.workbook, sheet: first, range: first.getRange("A1") })
    : { specialCells: false, mergedAreas: false, conditionalFormats: false, notes: false };
  const special = feats.specialCells;

  // `text` is what Excel shows (87.3% for 0.873, 2017/3/31 for 42825): the core reads formatted numbers as
  // people do. Loading it with the values costs bytes but no sync; the byte budget counts it.
  const props = ["values", "text", "numberFormat", ...(special ? [] : ["formulas"])];
  // The first cells of each sheet ride on sync 2 in a box of a fixed size (the used ranges are not known
  // yet), small enough that even text-heavy cells in every sheet stay under the budget; what they weigh
  // sizes the blocks that follow.
  const probeBudget = Math.min(byteBudget, 4_000_000);
  const probeRows = Math.max(
    1,
    Math.floor(probeBudget / cellBytes.worstCase / PROBE_COLUMNS / Math.max(1, list.length)),
  );

  // Sync 2: every used range, the maps that cost only an address each, and the first cells.
  const handles: SheetHandles[] = list.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const valuesUsed = ws.getUsedRangeOrNullObject(true);
    valuesUsed.load("rowIndex,columnIndex,rowCount,columnCount");
    const areas = (a: XRangeAreas): XRangeAreas => a.load("address");
    return {
      ws,
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      protected: ws.protection.protected,
      used,
      valuesUsed,
      formulas: special ? areas(used.getSpecialCellsOrNullObject("Formulas")) : null,
      formulaErrors: special ? areas(used.getSpecialCellsOrNullObject("Formulas", "Errors")) : null,
      constantErrors: special ? areas(used.getSpecialCellsOrNullObject("Constants", "Errors")) : null,
      probe: valuesUsed
        .getCell(0, 0)
        .getResizedRange(probeRows - 1, PROBE_COLUMNS - 1)
        .load(props),
    };
  });
  if (handles.length > 0) await sync();

  // Syncs 3…: the rest of the cells, in blocks under the byte budget, and the merged areas.
  const loaded = new Map<number, LoadedBlock[]>();
  const mergeAreas = new Map<number, Rect[]>();
  let pending: Block[] = [];
  const probes: { block: LoadedBlock; clip: Rect }[] = [];
  const mergeAsks: Block[] = [];
  handles.forEach((h, sheet) => {
    const bounds = gridBounds(h);
    if (!bounds) return;
    const v = h.valuesUsed;
    const box = {
      top: v.rowIndex,
      left: v.columnIndex,
      bottom: v.rowIndex + probeRows - 1,
      right: v.columnIndex + PROBE_COLUMNS - 1,
    };
    const block = { sheet, rect: box, range: h.probe };
    loaded.set(sheet, [block]);
    const vRight = v.columnIndex + v.columnCount - 1;
    const vBottom = v.rowIndex + v.rowCount - 1;
    probes.push({
      block,
      clip: { ...box, bottom: Math.min(box.bottom, vBottom), right: Math.min(box.right, vRight) },
    });
    // Outside the box only the values' used range can hold values (formatted-only columns are empty).
    if (vRight > box.right)
      pending.push({
        sheet,
        rect: { top: box.top, bottom: Math.min(box.bottom, vBottom), left: box.right + 1, right: vRight },
      });
    if (vBottom > box.bottom)
      pending.push({
        sheet,
        rect: { top: box.bottom + 1, bottom: vBottom, left: v.columnIndex, right: vRight },
      });
    if (feats.mergedAreas) mergeAsks.push({ sheet, rect: bounds });
  });
  // The first rows are titles and headings, shorter than the records below them: a box of fewer than 16
  // rows (many sheets share the budget) saw little else, so its estimate counts up to three times what it
  // weighed until a block of records is seen.
  const headingBias = 1 + 2 * Math.max(0, 1 - probeRows / 16);
  let perCell = Math.max(observedPerCell(probes, special) * headingBias, cellBytes.least);
  while (pending.length > 0 || mergeAsks.length > 0) {
    // The merged areas' addresses ride on the first of these syncs: leave them a share of its budget.
    const room = mergeAsks.length > 0 ? byteBudget * 0.8 : byteBudget;
    const { group, rest } = splitByBytes(pending, perCell, room);
    const queued: LoadedBlock[] = group.map((b) => {
      const ws = handles[b.sheet]?.ws;
      if (!ws) throw new Error("read: a block names no sheet");
      const range = ws.getRange(rectLocal(b.rect)).load(props);
      return { ...b, range };
    });
    // Merged areas cost an address each: all of them ride on the first of these syncs.
    const merges: { sheet: number; areas: XRangeAreas }[] = [];
    for (const b of mergeAsks.splice(0)) {
      const ws = handles[b.sheet]?.ws;
      for (const band of mergeBands(b.rect))
        if (ws)
          merges.push({ sheet: b.sheet, areas: ws.getRange(rectLocal(band)).getMergedAreasOrNullObject() });
    }
    for (const m of merges) m.areas.load("address");
    try {
      // One sync per group on purpose: a group is what fits under the byte budget.

      await sync();
    } catch (error) {
      // Excel on the web refused the size (the estimate was low): halve the group's blocks and ask again.
      if (!isPayloadError(error) || group.every((b) => b.rect.top === b.rect.bottom)) throw error;
      pending = [...group.flatMap(halve), ...rest];
      mergeAsks.push(
        ...[...new Set(merges.map((m) => m.sheet))].flatMap((sheet) => {
          const bounds = gridBounds(handles[sheet] as SheetHandles);
          return bounds ? [{ sheet, rect: bounds }] : [];
        }),
      );
      perCell *= 2;
      continue;
    }
    for (const b of queued) loaded.set(b.sheet, [...(loaded.get(b.sheet) ?? []), b]);
    for (const m of merges)
      mergeAreas.set(m.sheet, [...(mergeAreas.get(m.sheet) ?? []), ...areasOf(m.areas)]);
    if (queued.length > 0)
      perCell = Math.max(
        observedPerCell(
          queued.map((b) => ({ block: b, clip: b.rect })),
          special,
        ),
        cellBytes.least,
      );
    pending = rest;
  }

  // Protected sheets only: which of their cells are unlocked (writable), a sync per round of halving (locks.ts).
  const guarded = handles.flatMap((h, i) => {
    const bounds = h.protected ? gridBounds(h) : null;
    return bounds ? [{ i, ws: h.ws, bounds }] : [];
  });
  const unlocked = new Map<number, Rect[]>();
  if (guarded.length > 0) {
    const found = await unlockedAreas(guarded, sync);
    guarded.forEach((g, k) => unlocked.set(g.i, found[k] ?? []));
  }

  const snapshots = handles.map((h, i) =>
    assemble(h, loaded.get(i) ?? [], mergeAreas.get(i) ?? [], special, date1904, unlocked.get(i) ?? []),
  );

  const missing: ("specialCells" | "mergedAreas")[] = [];
  if (!feats.specialCells) missing.push("specialCells");
  if (!feats.mergedAreas) missing.push("mergedAreas");
  return { snapshots, missing, syncs };
}

function halve(b: Block): Block[] {
  const mid = Math.floor((b.rect.top + b.rect.bottom) / 2);
  if (mid >= b.rect.bottom) return [b];
  return [
    { sheet: b.sheet, rect: { ...b.rect, bottom: mid } },
    { sheet: b.sheet, rect: { ...b.rect, top: mid + 1 } },
  ];
}

/** Estimated bytes per cell from blocks already read, counting only the cells inside each clip. */
function observedPerCell(
  blocks: ReadonlyArray<{ block: LoadedBlock; clip: Rect }>,
  special: boolean,
): number {
  let bytes = 0;
  let cells = 0;
  for (const { block, clip } of blocks) {
    const rows = clip.bottom - clip.top + 1;
    const cols = clip.right - clip.left + 1;
    if (rows <= 0 || cols <= 0) continue;
    const part = (grid: ReadonlyArray<ReadonlyArray<unknown>> | null | undefined): unknown[][] =>
      (grid ?? []).slice(0, rows).map((row) => row.slice(0, cols));
    const r = block.range;
    bytes +=
      cellBytes.ofRows(part(r.values)) +
      cellBytes.ofRows(part(r.text)) +
      cellBytes.ofRows(part(r.numberFormat));
    if (!special) bytes += cellBytes.ofRows(part(r.formulas));
    cells += rows * cols;
  }
  // No margin here: the budget (4 MB) keeps a fifth of the 5 MB limit free for rows a little denser than
  // the ones seen and for what the estimate leaves out (merged areas' addresses, the wire format's keys).
  return cells > 0 ? bytes / cells : cellBytes.worstCase;
}

function assemble(
  h: SheetHandles,
  blocks: ReadonlyArray<LoadedBlock>,
  mergedRects: ReadonlyArray<Rect>,
  special: boolean,
  /** the workbook's date system (dates.ts); null: unknown, date cells keep their serial */
  date1904: boolean | null,
  /** unlocked cells of a protected sheet, in sheet coordinates */
  unlockedRects: ReadonlyArray<Rect>,
): SheetSnapshot {
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
  const displays: CellDisplay[] = [];

  const errorCells = new Set(
    special
      ? cellsIn([...areasOf(h.formulaErrors), ...areasOf(h.constantErrors)], bounds).map(
          (p) => `${p.row},${p.col}`,
        )
      : [],
  );
  for (const b of blocks) {
    const vals: ReadonlyArray<ReadonlyArray<unknown>> = b.range.values;
    const fmts: ReadonlyArray<ReadonlyArray<unknown>> = b.range.numberFormat;
    const texts: ReadonlyArray<ReadonlyArray<unknown>> = b.range.text;
    const fx: ReadonlyArray<ReadonlyArray<unknown>> | null = special ? null : b.range.formulas;
    vals.forEach((row, r) => {
      const gr = b.rect.top - bounds.top + r;
      const target = values[gr];
      if (!target) return;
      row.forEach((v, c) => {
        const gc = b.rect.left - bounds.left + c;
        if (gc < 0 || gc >= cols) return;
        const isError = special
          ? errorCells.has(`${gr},${gc}`)
          : typeof v === "string" && EXCEL_ERROR_TEXTS.has(v);
        if (isError) errors.push({ row: gr, col: gc, code: String(v) });
        else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
          target[gc] = v === "" ? null : v;
        const format = fmts[r]?.[c];
        const text = texts[r]?.[c];
        if (!isError && typeof v === "number" && typeof format === "string" && format !== "General") {
          displays.push({ row: gr, col: gc, text: typeof text === "string" ? text : String(v), format });
          // a date reads as the xlsx reader reads it (yyyy-mm-dd), where the date system is known
          if (date1904 !== null && isDateFormat(format)) target[gc] = serialToIso(v, date1904);
        }
        const f = fx?.[r]?.[c];
        if (typeof f === "string" && f.startsWith("=")) formulas.push({ row: gr, col: gc });
      });
    });
  }
  if (special) formulas.push(...cellsIn(areasOf(h.formulas), bounds));

  const merges: MergeArea[] = mergedRects.map((m) => ({
    top: m.top - bounds.top,
    left: m.left - bounds.left,
    bottom: m.bottom - bounds.top,
    right: m.right - bounds.left,
  }));
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  formulas.sort((a, b) => a.row - b.row || a.col - b.col);
  const unlocked: MergeArea[] = unlockedRects.map((u) => ({
    top: u.top - bounds.top,
    left: u.left - bounds.left,
    bottom: u.bottom - bounds.top,
    right: u.right - bounds.left,
  }));
  const snap = {
    ...empty,
    origin: { row: bounds.top, col: bounds.left },
    values,
    formulas,
    errors,
    merges,
    ...(unlocked.length > 0 ? { unlocked } : {}),
  };
  return displays.length > 0 ? { ...snap, displays } : snap;
}

/** Reads every worksheet into SheetSnapshots (readWorkbook without the report). */
export async function readSnapshots(context: ExcelContext, opts: ReadOptions = {}): Promise<SheetSnapshot[]> {
  return (await readWorkbook(context, opts)).snapshots;
}
