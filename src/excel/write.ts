import { positionOf } from "../core";
import {
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeLogRows,
  entriesForApply,
  needsExactRestore,
  writeValueOf,
} from "../core";
import type { CellValue, CellWrite, ChangeLogEntry, WriteConflict, WriteConflictReason } from "../core";
import { intersect, parseAreas, rectLocal, type Rect } from "./address";
import { mergeBands } from "./budget";
import { API, officeSupports, served, type Supports } from "./capabilities";
import { describeExcelError, type ExcelFailure } from "./errors";
import type { ExcelContext, XFormatProtection, XRange, XRangeAreas, XWorksheet } from "./office";

/** What one apply did. */
export interface ExcelApplyResult {
  readonly applyId: string;
  /** the writes performed (and logged) */
  readonly applied: ReadonlyArray<CellWrite>;
  /** cells written, as logged (old → new) */
  readonly written: ReadonlyArray<ChangeLogEntry>;
  /** cells left alone because they changed since the read, hold a formula, are protected … */
  readonly conflicts: ReadonlyArray<WriteConflict>;
  /** cells that would have been written but were not, because the write sync failed */
  readonly notWritten: ReadonlyArray<CellWrite>;
  /** the failure of the write sync, if any */
  readonly error: ExcelFailure | null;
  /** Excel requests (cell or block writes) used for the cells */
  readonly requests: number;
}

export interface ApplyOptions {
  readonly supports?: Supports;
  /** "revert" when undoing an earlier apply (then applyId names the apply being undone) */
  readonly op?: "apply" | "revert";
  readonly applyId?: string;
  readonly now?: () => Date;
  /** append to the change-log sheet (default true) */
  readonly log?: boolean;
  /** two planned cells of one column further apart than this are written separately (default 20 rows) */
  readonly maxGap?: number;
}

interface Planned {
  readonly write: CellWrite;
  readonly row: number;
  readonly col: number;
}

/** Planned cells of one sheet and column close enough to be read (and written) as one block. */
interface Group {
  readonly sheet: string;
  readonly rect: Rect;
  readonly cells: ReadonlyArray<Planned>;
}

function norm(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

function same(a: unknown, b: unknown): boolean {
  return norm(a) === norm(b);
}

/** A block written at once spans at most this many rows. */
const MAX_BLOCK_ROWS = 200;

/** Groups writes by sheet and column into row runs no more than maxGap apart. */
export function groupWrites(
  writes: ReadonlyArray<CellWrite>,
  maxGap: number,
): { groups: Group[]; bad: CellWrite[] } {
  const bad: CellWrite[] = [];
  const byColumn = new Map<string, Planned[]>();
  for (const write of writes) {
    const pos = positionOf(write);
    if (pos === null) {
      bad.push(write);
      continue;
    }
    const key = `${write.sheet}\u0000${pos.col}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), { write, row: pos.row, col: pos.col }]);
  }
  const groups: Group[] = [];
  for (const cells of byColumn.values()) {
    cells.sort((a, b) => a.row - b.row);
    let run: Planned[] = [];
    const flush = (): void => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last) {
        groups.push({
          sheet: first.write.sheet,
          rect: { top: first.row, left: first.col, bottom: last.row, right: first.col },
          cells: run,
        });
      }
      run = [];
    };
    for (const p of cells) {
      const prev = run[run.length - 1];
      const first = run[0];
      // Small blocks only: a long 2-D write can fail on Excel on the web ("An internal error has occurred").
      if ((prev && p.row - prev.row > maxGap) || (first && p.row - first.row >= MAX_BLOCK_ROWS)) flush();
      run.push(p);
    }
    flush();
  }
  return { groups, bad };
}

/**
 * A value as written to `Range.values`: Excel reads a written string as if typed ("Excel.Range", values: a
 * string starting with "+", "-" or "=" becomes a formula; typed numbers, dates, percents and TRUE/FALSE
 * become numbers and booleans, full-width digits included in Japanese Excel). A leading apostrophe keeps
 * the text as text, exactly as a person would type it, and is not part of the value.
 */
export function literal(v: CellValue): string | number | boolean {
  // null clears the cell ("" in Office.js; null would leave it as it is).
  if (v === null) return "";
  if (typeof v !== "string") return v;
  return TYPED_AS_NOT_TEXT.test(v) ? `'${v}` : v;
}

// Strings Excel's cell entry could turn into something else: formulas (= + - @), a kept apostrophe, and
// anything that may parse as a number, date, time, percent, currency or boolean (it starts with a digit,
// a sign, a dot, a bracket or a currency sign, half- or full-width, or is TRUE/FALSE).
const TYPED_AS_NOT_TEXT = /^(?:[=+\-@'\s.(¥$€£\d\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFFE5]|(?:true|false)$)/i;

interface PreflightRead {
  readonly group: Group;
  readonly range: XRange;
  /** merged areas near the group: anchored in its rows or up to MERGE_REACH rows above, left of it included */
  readonly merged: ReadonlyArray<XRangeAreas>;
  /** per planned cell on a protected sheet: its lock (Excel protects locked cells only) */
  readonly locks: ReadonlyMap<Planned, XFormatProtection>;
}

interface Preflight {
  readonly sheets: ReadonlyMap<string, XWorksheet>;
  readonly reads: ReadonlyArray<PreflightRead>;
  readonly log: { ws: XWorksheet; used: XRange } | null;
}

/**
 * Merged areas are found by their top-left cell (OfficeDev/office-js#3611): to see the heading merges that run
 * through a mark column (A10:O10 over L10) and vertical ones that start a little above, the guard asks the
 * rows of a group and this many above, from column A to the group's column.
 */
const MERGE_REACH = 50;

function queuePreflight(
  context: ExcelContext,
  groups: ReadonlyArray<Group>,
  sheets: ReadonlySet<string> | null,
  withLog: boolean,
  merged: boolean,
): Preflight {
  const wsByName = new Map<string, XWorksheet>();
  for (const g of groups) {
    if (sheets && !sheets.has(g.sheet)) continue;
    if (!wsByName.has(g.sheet)) {
      const ws = context.workbook.worksheets.getItem(g.sheet);
      ws.protection.load("protected");
      wsByName.set(g.sheet, ws);
    }
  }
  const reads = groups.flatMap((group): PreflightRead[] => {
    const ws = wsByName.get(group.sheet);
    if (!ws) return [];
    const range = ws.getRange(rectLocal(group.rect)).load("values,formulas");
    const near = { ...group.rect, top: Math.max(0, group.rect.top - MERGE_REACH), left: 0 };
    const areas = merged
      ? mergeBands(near).map((band) =>
          ws.getRange(rectLocal(band)).getMergedAreasOrNullObject().load("address"),
        )
      : [];
    // Locks cost a request per cell; they are needed only where the sheet turns out to be protected, but
    // that is known only after this sync, and a second round trip costs more than these small loads.
    const locks = new Map(
      group.cells.map((p) => [p, ws.getRange(p.write.cell).format.protection.load("locked")] as const),
    );
    return [{ group, range, merged: areas, locks }];
  });
  let log: Preflight["log"] = null;
  if (withLog && (!sheets || sheets.has(CHANGE_LOG_SHEET))) {
    const ws = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
    ws.load("name");
    log = { ws, used: ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount") };
  }
  return { sheets: wsByName, reads, log };
}

/**
 * Applies a write plan in two syncs for any number of cells and sheets: the first re-reads every planned
 * cell (values, formulas, nearby merged areas, locks), the second writes those that still hold `expected` —
 * never a formula cell, never inside a merged area, never a locked cell of a protected sheet — appends them
 * to the change-log sheet and recalculates. Cells are written alone or in runs of adjacent cells that touch
 * no merged area, so no write covers part of a merged area. A failed write sync is reported with the cells
 * that were not written (and those that were, logged).
 */
export async function applyWrites(
  context: ExcelContext,
  writes: ReadonlyArray<CellWrite>,
  opts: ApplyOptions = {},
): Promise<ExcelApplyResult> {
  const supports = opts.supports ?? officeSupports;
  const time = (opts.now ?? (() => new Date()))().toISOString();
  const withLog = opts.log ?? true;
  const { groups, bad } = groupWrites(writes, opts.maxGap ?? 20);
  const conflicts: WriteConflict[] = bad.map((write) => ({ write, current: null, why: "invalid-address" }));
  const probe = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET).getRange("A1");
  const merged = supports(API.mergedAreas) && served(probe, "getMergedAreasOrNullObject");

  // Sync 1: re-read. It only reads, so when it fails — a sheet deleted since the plan (getItem), or a host
  // that does not carry a null object through the change log's getUsedRangeOrNullObject — learn the sheet
  // names and re-read only what exists.
  let pre = queuePreflight(context, groups, null, withLog, merged);
  try {
    await context.sync();
  } catch {
    try {
      const all = context.workbook.worksheets.load("items/name");
      await context.sync();
      const names = new Set(all.items.map((ws) => ws.name));
      pre = queuePreflight(context, groups, names, withLog && names.has(CHANGE_LOG_SHEET), merged);
      if (pre.reads.length > 0 || pre.log) await context.sync();
    } catch (error) {
      return {
        applyId: opts.applyId ?? `${time}#0`,
        applied: [],
        written: [],
        conflicts,
        notWritten: [...writes],
        error: describeExcelError(error),
        requests: 0,
      };
    }
  }

  const applyIdBase = pre.log && !pre.log.used.isNullObject ? pre.log.used.rowCount : 0;
  const applyId = opts.applyId ?? `${time}#${applyIdBase}`;

  // Decide, cell by cell.
  const go: { group: Group; cells: Planned[]; merges: Rect[] }[] = [];
  for (const g of groups) {
    const read = pre.reads.find((r) => r.group === g);
    const ws = pre.sheets.get(g.sheet);
    if (!read || !ws) {
      for (const p of g.cells) conflicts.push({ write: p.write, current: null, why: "missing-sheet" });
      continue;
    }
    const mergedRects = read.merged.flatMap((a) => (a.isNullObject ? [] : parseAreas(a.address)));
    const ok: Planned[] = [];
    for (const p of g.cells) {
      const r = p.row - g.rect.top;
      const found = norm(read.range.values[r]?.[0]);
      const formula = read.range.formulas[r]?.[0];
      const inMerge = mergedRects.find(
        (m) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right,
      );
      let why: WriteConflictReason | null = null;
      if (ws.protection.protected && read.locks.get(p)?.locked !== false) why = "protected";
      else if (typeof formula === "string" && formula.startsWith("=")) why = "formula";
      else if (inMerge && (inMerge.top !== p.row || inMerge.left !== p.col)) why = "merged";
      else if (!same(found, p.write.expected)) why = "changed";
      // Office.js values carry no rich-text runs: such a cell's old content cannot be put back from here
      else if (needsExactRestore(p.write)) why = "inexact-restore";
      if (why) conflicts.push({ write: p.write, current: found, why });
      else ok.push(p);
    }
    if (ok.length > 0) go.push({ group: g, cells: ok, merges: mergedRects });
  }

  const goWrites = go.flatMap((g) => g.cells.map((c) => c.write));
  const entries = entriesForApply(goWrites, goWrites, applyId, time, opts.op ?? "apply");
  if (goWrites.length === 0)
    return { applyId, applied: [], written: [], conflicts, notWritten: [], error: null, requests: 0 };

  // Sync 2: write, then recalculate (formulas that count marks must not show stale results).
  let requests = 0;
  for (const g of go) {
    const ws = pre.sheets.get(g.group.sheet);
    if (!ws) continue;
    for (const run of writeRuns(g.cells, g.merges)) {
      const first = run[0];
      const last = run[run.length - 1];
      if (!first || !last) continue;
      const rect = { top: first.row, bottom: last.row, left: first.col, right: first.col };
      ws.getRange(rectLocal(rect)).values = run.map((c) => [literal(writeValueOf(c.write))]);
      requests++;
    }
  }
  if (withLog) queueLogAppend(context, pre.log, entries);
  context.workbook.application.calculate("Recalculate");

  try {
    await context.sync();
  } catch (error) {
    return recoverFailedWrite(
      context,
      go,
      conflicts,
      applyId,
      time,
      opts,
      describeExcelError(error),
      requests,
      withLog,
    );
  }
  return { applyId, applied: goWrites, written: entries, conflicts, notWritten: [], error: null, requests };
}

/**
 * Runs of vertically adjacent planned cells that touch no merged area; a cell in a merged area (its
 * top-left, the only one ever planned) is a run of its own, so every write covers whole cells only.
 */
export function writeRuns(cells: ReadonlyArray<Planned>, merges: ReadonlyArray<Rect>): Planned[][] {
  const runs: Planned[][] = [];
  let run: Planned[] = [];
  const touches = (p: Planned): boolean =>
    merges.some((m) => intersect(m, { top: p.row, bottom: p.row, left: p.col, right: p.col }) !== null);
  for (const p of [...cells].sort((a, b) => a.row - b.row)) {
    const prev = run[run.length - 1];
    const alone = touches(p);
    if (prev && (alone || touches(prev) || p.row !== prev.row + 1)) {
      runs.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Appends the entries below the log's used range by inserting rows there first: when two co-authors apply
 * at once, each inserts its own rows, so neither overwrites the other's entries (two plain writes to the
 * same next rows would). Coauthoring merges the inserts ("Coauthoring in Excel add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins: each user's changes
 * sync); the order of two simultaneous applies in the log is not defined, their rows are both kept.
 */
function queueLogAppend(
  context: ExcelContext,
  log: Preflight["log"],
  entries: ReadonlyArray<ChangeLogEntry>,
): void {
  if (entries.length === 0) return;
  const rows: CellValue[][] = changeLogRows(entries);
  let ws: XWorksheet;
  let top: number;
  if (!log || log.ws.isNullObject) {
    // Created once, on the first apply: adding a sheet may clear the undo stack, so never on every apply.
    ws = context.workbook.worksheets.add(CHANGE_LOG_SHEET);
    rows.unshift([...CHANGE_LOG_HEADER]);
    top = 0;
  } else {
    ws = log.ws;
    top = log.used.isNullObject ? 0 : log.used.rowIndex + log.used.rowCount;
    if (log.used.isNullObject) rows.unshift([...CHANGE_LOG_HEADER]);
    else ws.getRange(`${top + 1}:${top + rows.length}`).insert("Down");
  }
  const width = CHANGE_LOG_HEADER.length;
  const range = ws.getRange(rectLocal({ top, left: 0, bottom: top + rows.length - 1, right: width - 1 }));
  // Text stays text: the "@" (Text) format keeps a string exactly as written — an ISO time, "1/2", "=x" —
  // where General would parse it as typed.
  range.numberFormat = rows.map((row) => row.map((v) => (typeof v === "string" ? "@" : "General")));
  range.values = rows.map((row) => row.map((v) => (v === null ? "" : v)));
}

async function recoverFailedWrite(
  context: ExcelContext,
  go: ReadonlyArray<{ group: Group; cells: Planned[] }>,
  conflicts: WriteConflict[],
  applyId: string,
  time: string,
  opts: ApplyOptions,
  failure: ExcelFailure,
  requests: number,
  withLog: boolean,
): Promise<ExcelApplyResult> {
  // A failed batch is not atomic: learn which cells hold the new value now, and log exactly those.
  const checks = go.flatMap((g) =>
    g.cells.map((c) => ({
      c,
      range: context.workbook.worksheets.getItem(c.write.sheet).getRange(c.write.cell).load("values"),
    })),
  );
  const logWs = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
  logWs.load("name");
  const logUsed = logWs.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,values");
  try {
    await context.sync();
  } catch (readBack) {
    // The cells cannot even be read back: report every planned cell as not known to be written.
    const detail = describeExcelError(readBack);
    const notWritten = go.flatMap((g) => g.cells.map((c) => c.write));
    const error = {
      code: failure.code,
      message: {
        ja: `${failure.message.ja}(確認も失敗: ${detail.code})`,
        en: `${failure.message.en} (read-back failed too: ${detail.code})`,
      },
    };
    return { applyId, applied: [], written: [], conflicts, notWritten, error, requests };
  }
  const done = checks
    .filter(({ c, range }) => same(range.values[0]?.[0], writeValueOf(c.write)))
    .map(({ c }) => c.write);
  const notWritten = checks
    .filter(({ c, range }) => !same(range.values[0]?.[0], writeValueOf(c.write)))
    .map(({ c }) => c.write);
  const written = entriesForApply(done, done, applyId, time, opts.op ?? "apply");
  const logged = !logUsed.isNullObject && logUsed.values.some((row) => row[0] === applyId);
  if (withLog && written.length > 0 && !logged) {
    queueLogAppend(context, { ws: logWs, used: logUsed }, written);
    await context.sync();
  }
  return { applyId, applied: done, written, conflicts, notWritten, error: failure, requests };
}
