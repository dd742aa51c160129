import { fromA1 } from "../address/a1";
import type { MappingOverrides } from "../model/evaluation";
import type { CellWrite, ChangeLogEntry } from "../model/plan";
import type { CellValue, SheetSnapshot } from "../model/snapshot";
import { sameCellValue } from "../plan/writes";

/**
 * The change-log sheet kusei keeps inside the workbook (the CLI and the add-in share it). It is the only
 * place kusei writes outside mark cells; the layout treats it as a sheet of kind "other".
 */
export const CHANGE_LOG_SHEET = "kusei_変更履歴";

/**
 * The mapping overrides every host passes to evaluateWorkbook: the user's own (if any) plus the change-log
 * sheet as kind "other", so the layout never reads kusei's log as a form whatever its content looks like.
 */
export function withChangeLogOverride(overrides: MappingOverrides = {}): MappingOverrides {
  return { ...overrides, [CHANGE_LOG_SHEET]: { ...overrides[CHANGE_LOG_SHEET], kind: "other" } };
}

/** The log's columns, in order. Header cells read 「日本語 (key)」; readChangeLog finds columns by the key. */
export const CHANGE_LOG_COLUMNS = ["applyId", "time", "sheet", "cell", "old", "new", "reason", "op"] as const;
export type ChangeLogColumn = (typeof CHANGE_LOG_COLUMNS)[number];

const HEADER_JA: Record<ChangeLogColumn, string> = {
  applyId: "適用ID",
  time: "日時",
  sheet: "シート",
  cell: "セル",
  old: "変更前",
  new: "変更後",
  reason: "理由",
  op: "操作",
};

/** The header row of the change-log sheet. */
export const CHANGE_LOG_HEADER: ReadonlyArray<string> = CHANGE_LOG_COLUMNS.map(
  (k) => `${HEADER_JA[k]} (${k})`,
);

/**
 * A write that puts back an exact earlier value (revert). `value` stays a string for hosts that only know
 * CellWrite; a host that sees `restore` writes that instead (null = clear the cell, numbers stay numbers).
 */
export interface RestoreWrite extends CellWrite {
  readonly restore: CellValue;
}

/** The value a host should put into the cell for this write (restore wins over value; "" clears). */
export function writeValueOf(write: CellWrite): CellValue {
  if ("restore" in write) return (write as RestoreWrite).restore;
  return write.value === "" ? null : write.value;
}

/** Rows (without the header) to append to the change-log sheet for these entries. */
export function changeLogRows(entries: ReadonlyArray<ChangeLogEntry>): CellValue[][] {
  return entries.map((e) => [e.applyId, e.time, e.sheet, e.cell, e.old, e.new, e.reason, e.op]);
}

function keyOf(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;
}

/**
 * Change-log entries for the writes a host actually performed. Revert entries (op "revert") carry the
 * applyId of the apply they undo, so the log tells which applies have been undone.
 */
export function entriesForApply(
  writes: ReadonlyArray<CellWrite>,
  appliedCells: Iterable<{ readonly sheet: string; readonly cell: string }>,
  applyId: string,
  time: string,
  op: "apply" | "revert" = "apply",
): ChangeLogEntry[] {
  const applied = new Set<string>();
  for (const a of appliedCells) applied.add(keyOf(a.sheet, a.cell));
  return writes
    .filter((w) => applied.has(keyOf(w.sheet, w.cell)))
    .map((w) => ({
      applyId,
      time,
      sheet: w.sheet,
      cell: w.cell,
      old: w.expected,
      new: writeValueOf(w),
      reason: w.reason,
      op,
    }));
}

/** A new apply id: the ISO time plus a counter one above the applies already in the log. */
export function nextApplyId(entries: ReadonlyArray<ChangeLogEntry>, time: string): string {
  const applies = new Set(entries.filter((e) => e.op === "apply").map((e) => e.applyId));
  return `${time}#${applies.size + 1}`;
}

function textOf(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Reads the change-log sheet's snapshot back into entries, in row order; rows that are not entries are ignored. */
export function readChangeLog(snapshot: SheetSnapshot): ChangeLogEntry[] {
  const rows = snapshot.values;
  let headerRow = -1;
  const col: Partial<Record<ChangeLogColumn, number>> = {};
  for (let r = 0; r < rows.length && headerRow < 0; r++) {
    const row = rows[r] ?? [];
    row.forEach((v, c) => {
      const m = /\((\w+)\)\s*$/.exec(textOf(v));
      const key = m?.[1] as ChangeLogColumn | undefined;
      if (key && (CHANGE_LOG_COLUMNS as ReadonlyArray<string>).includes(key) && col[key] === undefined)
        col[key] = c;
    });
    if (
      col.applyId !== undefined &&
      col.sheet !== undefined &&
      col.cell !== undefined &&
      col.op !== undefined
    )
      headerRow = r;
    else for (const k of CHANGE_LOG_COLUMNS) delete col[k];
  }
  if (headerRow < 0) return [];
  const at = (row: ReadonlyArray<CellValue>, k: ChangeLogColumn): CellValue => {
    const c = col[k];
    return c === undefined ? null : (row[c] ?? null);
  };
  const out: ChangeLogEntry[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const applyId = textOf(at(row, "applyId"));
    const op = textOf(at(row, "op"));
    const sheet = textOf(at(row, "sheet"));
    const cell = textOf(at(row, "cell"));
    if (!applyId || (op !== "apply" && op !== "revert") || !sheet || !fromA1(cell)) continue;
    out.push({
      applyId,
      time: textOf(at(row, "time")),
      sheet,
      cell,
      old: at(row, "old"),
      new: at(row, "new"),
      reason: textOf(at(row, "reason")),
      op,
    });
  }
  return out;
}

/** The entries of the change-log sheet among a workbook's snapshots (none when it has no such sheet). */
export function changeLogOf(snapshots: ReadonlyArray<SheetSnapshot>): ChangeLogEntry[] {
  const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
  return log ? readChangeLog(log) : [];
}

/** Why a logged change cannot be undone. */
export interface RevertConflict {
  readonly entry: ChangeLogEntry;
  /** the cell as it is now (null when the sheet or cell is gone) */
  readonly current: CellValue;
  readonly why: "changed" | "formula" | "missing-sheet";
}

export interface RevertPlan {
  /** the apply being undone; null when every apply in the log is undone already (or the log is empty) */
  readonly applyId: string | null;
  readonly writes: RestoreWrite[];
  readonly conflicts: RevertConflict[];
}

/** The last apply in the log that no revert has undone yet. */
export function lastOpenApply(entries: ReadonlyArray<ChangeLogEntry>): string | null {
  const reverted = new Set(entries.filter((e) => e.op === "revert").map((e) => e.applyId));
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e && e.op === "apply" && !reverted.has(e.applyId)) return e.applyId;
  }
  return null;
}

/**
 * Plans the exact undo of the last open apply: each logged cell that still holds what kusei wrote gets its
 * old value back; a cell changed since (or now a formula, or whose sheet is gone) is a conflict, never
 * overwritten.
 */
export function planRevert(
  entries: ReadonlyArray<ChangeLogEntry>,
  currentSnapshots: ReadonlyArray<SheetSnapshot>,
): RevertPlan {
  const applyId = lastOpenApply(entries);
  if (applyId === null) return { applyId: null, writes: [], conflicts: [] };
  const sheets = new Map(currentSnapshots.map((s) => [s.name, s]));
  const writes: RestoreWrite[] = [];
  const conflicts: RevertConflict[] = [];
  const group = entries.filter((e) => e.applyId === applyId && e.op === "apply");
  // What each cell will hold once the writes planned so far are done.
  const planned = new Map<string, CellValue>();
  // Undo in reverse order, so a cell written twice in one apply ends at its first old value.
  for (let i = group.length - 1; i >= 0; i--) {
    const entry = group[i];
    if (!entry) continue;
    const snap = sheets.get(entry.sheet);
    const pos = fromA1(entry.cell);
    if (!snap || !pos) {
      conflicts.push({ entry, current: null, why: "missing-sheet" });
      continue;
    }
    const r = pos.row - snap.origin.row;
    const c = pos.col - snap.origin.col;
    const key = keyOf(entry.sheet, entry.cell);
    const current = planned.has(key) ? (planned.get(key) ?? null) : (snap.values[r]?.[c] ?? null);
    if (snap.formulas.some((f) => f.row === r && f.col === c)) {
      conflicts.push({ entry, current, why: "formula" });
      continue;
    }
    if (!sameCellValue(current, entry.new)) {
      conflicts.push({ entry, current, why: "changed" });
      continue;
    }
    planned.set(key, entry.old);
    writes.push({
      sheet: entry.sheet,
      cell: entry.cell,
      expected: entry.new,
      value: textOf(entry.old),
      restore: entry.old,
      reason: `revert ${applyId}`,
    });
  }
  return { applyId, writes, conflicts };
}
