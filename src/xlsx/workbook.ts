import type * as ExcelJS from "exceljs";
import type { CellValue, CellErrorAt, GridPos, MergeArea, SheetSnapshot, SheetVisibility } from "../core";
import { fromA1 } from "../core";
import { flattenCellValue } from "./cell-value";
import { isWorkbookReadError, WorkbookReadError } from "./errors";
import { budgetOf, overBudget, type ReadBudget } from "./budget";
import { loadExcelJS } from "./exceljs-lazy";
import { installFastMerges } from "./fast-merges";
import { keepDroppedParts } from "./preserve";
import type { WorkbookPackage } from "./parts";
import { readSnapshots } from "./read-snapshots";
import { lossyParts } from "./zip-guard";

/** exceljs's Enums.ValueType.Merge (a merged cell other than the top-left), without loading exceljs. */
const EXCELJS_MERGE = 1;

/** The exceljs model of a workbook, loaded only when a write needs it. */
interface ExcelModel {
  readonly workbook: ExcelJS.Workbook;
  readonly sheets: Map<string, ExcelJS.Worksheet>;
}

/** An opened workbook. Opaque to callers: pass it back to applyWrites / appendChangeLog / writeWorkbook. */
export class XlsxWorkbookHandle {
  /** content a save would drop (macros, charts, pivot tables …); writeWorkbook refuses unless allowed */
  readonly lossyParts: ReadonlyArray<string>;
  /** @internal the bytes it was read from (null when built in memory): parts exceljs drops come back from here */
  readonly source: Uint8Array | null;
  /** the package as the bounded reader found it (null when built in memory); the surgical writer's input */
  readonly pkg: WorkbookPackage | null;
  private readonly excel: ExcelModel | null;

  /** @internal */
  constructor(
    workbook: ExcelJS.Workbook | null,
    lossy: ReadonlyArray<string> = [],
    source: Uint8Array | null = null,
    pkg: WorkbookPackage | null = null,
  ) {
    this.lossyParts = lossy;
    this.source = source;
    this.pkg = pkg;
    this.excel =
      workbook === null
        ? null
        : { workbook, sheets: new Map(workbook.worksheets.map((ws) => [ws.name, ws])) };
  }

  /** True when the workbook was opened for writing (readWorkbook with write not false). */
  get writable(): boolean {
    return this.excel !== null;
  }

  /** @internal the exceljs workbook; hosts must not reach into it */
  get workbook(): ExcelJS.Workbook {
    return this.model().workbook;
  }

  /** @internal sheet name → worksheet */
  get sheets(): Map<string, ExcelJS.Worksheet> {
    return this.model().sheets;
  }

  private model(): ExcelModel {
    if (this.excel === null)
      throw new Error("xlsx: this workbook was opened for reading only (write: false)");
    return this.excel;
  }
}

export interface ReadWorkbookOptions {
  /** limit on the workbook's uncompressed size in bytes (default 100 MB) */
  readonly maxUncompressedBytes?: number;
  /** the other read budgets (cells, merges, ranges, names, parts, time); unset ones take the defaults */
  readonly budget?: Partial<ReadBudget>;
  /**
   * false: read only (check). No exceljs is loaded and the handle cannot be written. Default true: the
   * handle carries exceljs's model for applyWrites / writeWorkbook (until the surgical writer replaces it).
   */
  readonly write?: boolean;
}

export interface ReadWorkbookResult {
  readonly snapshots: SheetSnapshot[];
  readonly workbook: XlsxWorkbookHandle;
}

/** Bytes as a Uint8Array view without copying. */
export function asBytes(source: ArrayBuffer | Uint8Array): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/** exceljs keeps merges in a private index keyed by the master address; it is the cheap way to list them. */
function mergeRanges(ws: ExcelJS.Worksheet): MergeArea[] {
  const index = (
    ws as unknown as {
      _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
    }
  )._merges;
  const out: MergeArea[] = [];
  if (index) {
    for (const r of Object.values(index)) {
      if (r) out.push({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
    }
  } else {
    for (const range of ws.model.merges) {
      const [a = range, b = a] = range.split(":");
      const tl = fromA1(a);
      const br = fromA1(b);
      if (tl && br) out.push({ top: tl.row, left: tl.col, bottom: br.row, right: br.col });
    }
  }
  return out;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  const state = ws.state as string;
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: unknown } | null }).sheetProtection;
  return Boolean(p && (p.sheet === true || p.sheet === 1 || p.sheet === "1" || p.sheet === "true"));
}

/** Reads one worksheet into a dense snapshot over its used range (cells holding a value, and merged areas). */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: Array<{ r: number; c: number; value: CellValue; formula: boolean; error: string | null }> = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      // A merged cell other than the top-left: exceljs repeats the master's value there; the contract wants it empty.
      if (cell.type === EXCELJS_MERGE) return;
      const flat = flattenCellValue(cell.value);
      if (flat.value === null && !flat.formula && flat.error === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, value: flat.value, formula: flat.formula, error: flat.error });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const allMerges = mergeRanges(ws);
  for (const m of allMerges) {
    if (m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  const base = { name: ws.name, visibility: visibilityOf(ws), protected: isProtected(ws) };
  if (bottom < 0) {
    return { ...base, origin: { row: 0, col: 0 }, values: [], formulas: [], errors: [], merges: [] };
  }
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) values.push(new Array<CellValue>(width).fill(null));
  const formulas: GridPos[] = [];
  const errors: CellErrorAt[] = [];
  for (const cell of cells) {
    const row = cell.r - top;
    const col = cell.c - left;
    const line = values[row];
    if (line) line[col] = cell.value;
    if (cell.formula) formulas.push({ row, col });
    if (cell.error !== null) errors.push({ row, col, code: cell.error });
  }
  const merges = allMerges
    .map((m) => ({ top: m.top - top, left: m.left - left, bottom: m.bottom - top, right: m.right - left }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return { ...base, origin: { row: top, col: left }, values, formulas, errors, merges };
}

/**
 * exceljs 4.4 reads a <pageSetup> without useFirstPageNumber as firstPageNumber 1 and writes any
 * firstPageNumber back together with useFirstPageNumber="1": page numbering "Auto" would become "start at 1".
 * Without useFirstPageNumber the number means nothing to Excel, so it is dropped and neither is written.
 */
function keepAutoPageNumbers(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup as unknown as Record<string, unknown> | undefined;
  if (setup !== undefined && setup["useFirstPageNumber"] !== true) delete setup["firstPageNumber"];
}

/**
 * exceljs's model of the same bytes, for a save (until the surgical writer replaces it). exceljs is loaded
 * here, on first need: `check` never loads it. It expands every data validation cell by cell, so a workbook
 * whose validations and defined names cover more cells than the ranges budget is refused before exceljs
 * sees it.
 */
async function excelModelOf(
  bytes: Uint8Array,
  pkg: WorkbookPackage,
  validationCells: number,
  budget: ReadBudget,
): Promise<ExcelJS.Workbook> {
  if (validationCells > budget.maxRanges) throw overBudget("ranges", budget.maxRanges);
  // exceljs (through JSZip) inflates every entry trusting its headers: each is inflated here first, under
  // the caps, so an entry lying about its size or checksum is refused before exceljs sees it
  for (const e of pkg.zip.entries) pkg.zip.stream(e.name, () => undefined);
  const ExcelJSModule = loadExcelJS();
  installFastMerges(ExcelJSModule);
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (isWorkbookReadError(e)) throw e;
    const detail = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    throw new WorkbookReadError("corrupt", { detail: detail.slice(0, 200) });
  }
  for (const ws of workbook.worksheets) keepAutoPageNumbers(ws);
  return workbook;
}

/**
 * Reads an .xlsx workbook (bytes, no file system) into one snapshot per worksheet, in workbook order, with
 * the bounded streaming reader (read-snapshots.ts) under one budget. Bad input (empty, encrypted, not a zip,
 * truncated, not a workbook, over a budget, unparseable) rejects with a WorkbookReadError.
 */
export async function readWorkbook(
  source: ArrayBuffer | Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<ReadWorkbookResult> {
  const bytes = asBytes(source);
  const budget = budgetOf({
    ...opts.budget,
    ...(opts.maxUncompressedBytes === undefined ? {} : { maxUncompressedBytes: opts.maxUncompressedBytes }),
  });
  const { snapshots, pkg, validationCells } = readSnapshots(bytes, budget);
  const lossy = lossyParts(pkg.zip.entries.map((e) => e.name));
  const excel = opts.write === false ? null : await excelModelOf(bytes, pkg, validationCells, budget);
  return { snapshots, workbook: new XlsxWorkbookHandle(excel, lossy, bytes, pkg) };
}

export interface WriteWorkbookOptions {
  /** save even though content exceljs cannot keep (handle.lossyParts) would be dropped */
  readonly allowLoss?: boolean;
}

/**
 * Serialises the workbook (with every applied write) back to .xlsx bytes. Parts of the original package that
 * exceljs leaves out are carried over when that is safe (custom properties, custom XML, printer settings,
 * persons, add-in bindings …). Refuses (WorkbookReadError "would-lose-content", naming the content) when the
 * workbook holds content a save would drop, unless `allowLoss`.
 */
export async function writeWorkbook(
  handle: XlsxWorkbookHandle,
  opts: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  if (handle.lossyParts.length > 0 && opts.allowLoss !== true) {
    throw new WorkbookReadError("would-lose-content", { parts: handle.lossyParts.join(", ") });
  }
  const buffer = await handle.workbook.xlsx.writeBuffer();
  const out = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (handle.source === null) return out;
  return keepDroppedParts(handle.source, out, opts.allowLoss === true);
}
