import { fromA1, toA1 } from "../address/a1";
import type { MappingOverrides } from "../model/evaluation";
import type { LocalizedText } from "../model/findings";
import type { CellWrite, ChangeLogEntry } from "../model/plan";
import type { CellValue, SheetSnapshot } from "../model/snapshot";
import { sameCellValue } from "../plan/writes";
import { sameSheetName } from "./sheet-name";

/**
 * The change-log sheet kusei keeps inside the workbook (the CLI and the add-in share it). It is the only
 * place kusei writes outside mark cells; the layout treats it as a sheet of kind "other".
 */
export const CHANGE_LOG_SHEET = "kusei_変更履歴";

/**
 * The mapping overrides every host passes to evaluateWorkbook: the user's own (if any) plus the change-log
 * sheet as kind "other", so the layout never reads kusei's log as a form whatever its content looks like.
 * `sheetNames` (the workbook's) adds every sheet whose name Excel takes for `logName` (「KUSEI_変更履歴」).
 */
export function withChangeLogOverride(
  overrides: MappingOverrides = {},
  logName: string = CHANGE_LOG_SHEET,
  sheetNames: ReadonlyArray<string> = [],
): MappingOverrides {
  const out: Record<string, MappingOverrides[string]> = { ...overrides };
  for (const name of [logName, ...sheetNames.filter((n) => sameSheetName(n, logName))])
    out[name] = { ...overrides[name], kind: "other" };
  return out;
}

/** The log's columns, in order. Header cells read 「日本語 (key)」; readChangeLog finds columns by the key. */
export const CHANGE_LOG_COLUMNS = [
  "applyId",
  "time",
  "sheet",
  "cell",
  "old",
  "new",
  "reason",
  "op",
  "oldContent",
] as const;
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
  oldContent: "変更前の内容",
};

/** The header row of the change-log sheet. */
export const CHANGE_LOG_HEADER: ReadonlyArray<string> = CHANGE_LOG_COLUMNS.map(
  (k) => `${HEADER_JA[k]} (${k})`,
);

/**
 * A write that puts back an exact earlier value (revert). `value` stays a string for hosts that only know
 * CellWrite; a host that sees `restore` writes that instead (null = clear the cell, numbers stay numbers).
 * The host must also check that the cell holds `expected` as a plain value (kusei writes nothing else, so
 * rich text or a hyperlink reading the same is a later edit: a conflict) and, when `restoreContent` is not
 * null, restore exactly from it (ChangeLogEntry.oldContent) or report the cell as not restored.
 */
export interface RestoreWrite extends CellWrite {
  readonly restore: CellValue;
  readonly restoreContent: string | null;
}

/** A write as a host performed it, with its exact record of the cell before (see ChangeLogEntry.oldContent). */
export interface AppliedWrite extends CellWrite {
  readonly oldContent?: string;
}

/** Longest oldContent kept in the log (an Excel cell holds 32,767 characters). */
export const MAX_OLD_CONTENT = 32_000;

/** The oldContent of a record too long for a cell: no adapter restores from it, so the revert reports it. */
export const OLD_CONTENT_TOO_LONG = "none:too-long";

/** The TAG of an oldContent (`TAG:DATA`), or null when it has none. */
export function oldContentTag(oldContent: string): string | null {
  const i = oldContent.indexOf(":");
  return i > 0 ? oldContent.slice(0, i) : null;
}

export function isRestoreWrite(write: CellWrite): write is RestoreWrite {
  return "restore" in write;
}

/**
 * The oldContent tag of a cell that held a plain value (the xlsx adapter's "xlsx-c": its `<c>` element, which
 * the value alone puts back): any host may restore such a cell by value. Any other tag (rich text, another
 * adapter's record) can be restored only by the adapter that knows it.
 */
export const PLAIN_OLD_CONTENT_TAG = "xlsx-c";

/** Whether a write is a revert that only an adapter knowing its record can do exactly (see RestoreWrite). */
export function needsExactRestore(write: CellWrite): boolean {
  if (!isRestoreWrite(write) || write.restoreContent === null) return false;
  return oldContentTag(write.restoreContent) !== PLAIN_OLD_CONTENT_TAG;
}

/** The value a host should put into the cell for this write (restore wins over value; "" clears). */
export function writeValueOf(write: CellWrite): CellValue {
  if ("restore" in write) return (write as RestoreWrite).restore;
  return write.value === "" ? null : write.value;
}

/** Rows (without the header) to append to the change-log sheet for these entries. */
export function changeLogRows(entries: ReadonlyArray<ChangeLogEntry>): CellValue[][] {
  return entries.map((e) => [
    e.applyId,
    e.time,
    e.sheet,
    e.cell,
    e.old,
    e.new,
    e.reason,
    e.op,
    e.oldContent ?? null,
  ]);
}

function keyOf(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;
}

/**
 * Change-log entries for the writes a host actually performed. Revert entries (op "revert") carry the
 * applyId of the apply they undo, so the log tells which applies have been undone.
 */
export function entriesForApply(
  writes: ReadonlyArray<AppliedWrite>,
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
      ...oldContentField(w.oldContent),
    }));
}

function oldContentField(content: string | undefined): { oldContent?: string } {
  if (content === undefined) return {};
  return { oldContent: content.length > MAX_OLD_CONTENT ? OLD_CONTENT_TOO_LONG : content };
}

/** A new apply id: the ISO time plus a counter one above the applies already in the log. */
export function nextApplyId(entries: ReadonlyArray<ChangeLogEntry>, time: string): string {
  const applies = new Set(entries.filter((e) => e.op === "apply").map((e) => e.applyId));
  return `${time}#${applies.size + 1}`;
}

function textOf(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/** An apply id as kusei writes them (nextApplyId: ISO time + "#" + counter; tests use short ids). */
const APPLY_ID = /^\S{1,80}#\d{1,9}$/;

/** Why a row under the log's header is not one of kusei's entries. */
export type RejectedRowReason = "bad-apply-id" | "bad-op" | "bad-sheet" | "bad-cell";

/** A row of the change-log sheet that is not an entry (typed by hand, damaged): reported, never honoured. */
export interface RejectedLogRow {
  /** 1-based sheet row */
  readonly row: number;
  readonly why: RejectedRowReason;
}

export interface ChangeLogRead {
  readonly entries: ChangeLogEntry[];
  readonly rejected: RejectedLogRow[];
}

function findHeader(rows: ReadonlyArray<ReadonlyArray<CellValue>>): {
  row: number;
  col: Partial<Record<ChangeLogColumn, number>>;
} | null {
  for (let r = 0; r < rows.length; r++) {
    const col: Partial<Record<ChangeLogColumn, number>> = {};
    (rows[r] ?? []).forEach((v, c) => {
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
      return { row: r, col };
  }
  return null;
}

/**
 * Reads the change-log sheet's snapshot back into entries, in row order. A blank row is skipped; any other
 * row that is not an entry (no well-formed apply id, op, sheet or A1 cell) is listed in `rejected`.
 */
export function readChangeLogRows(snapshot: SheetSnapshot): ChangeLogRead {
  const rows = snapshot.values;
  const header = findHeader(rows);
  if (header === null) return { entries: [], rejected: [] };
  const { col } = header;
  const at = (row: ReadonlyArray<CellValue>, k: ChangeLogColumn): CellValue => {
    const c = col[k];
    return c === undefined ? null : (row[c] ?? null);
  };
  const entries: ChangeLogEntry[] = [];
  const rejected: RejectedLogRow[] = [];
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((v) => v === null || v === "")) continue;
    const applyId = textOf(at(row, "applyId"));
    const op = textOf(at(row, "op"));
    const sheet = textOf(at(row, "sheet"));
    const cell = textOf(at(row, "cell"));
    const why: RejectedRowReason | null = !APPLY_ID.test(applyId)
      ? "bad-apply-id"
      : op !== "apply" && op !== "revert"
        ? "bad-op"
        : sheet === ""
          ? "bad-sheet"
          : !/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(cell) || !fromA1(cell)
            ? "bad-cell"
            : null;
    if (why !== null) {
      rejected.push({ row: snapshot.origin.row + r + 1, why });
      continue;
    }
    const oldContent = textOf(at(row, "oldContent"));
    entries.push({
      applyId,
      time: textOf(at(row, "time")),
      sheet,
      cell,
      old: at(row, "old"),
      new: at(row, "new"),
      reason: textOf(at(row, "reason")),
      op: op as "apply" | "revert",
      ...(oldContent === "" ? {} : { oldContent }),
    });
  }
  return { entries, rejected };
}

/** The entries of the change-log sheet (rows that are not entries left out; readChangeLogRows lists them). */
export function readChangeLog(snapshot: SheetSnapshot): ChangeLogEntry[] {
  return readChangeLogRows(snapshot).entries;
}

/** Where the workbook's change log is, or why kusei cannot use the sheet that has its name. */
export type ChangeLogSheet =
  | { readonly status: "absent"; readonly name: string }
  | { readonly status: "found"; readonly name: string; readonly snapshot: SheetSnapshot }
  | { readonly status: "clash"; readonly name: string; readonly message: LocalizedText };

/**
 * Finds the change-log sheet `name` the way Excel finds a sheet (case- and width-insensitive). A sheet of
 * that name that is not kusei's log (it holds something, but no log header) is a clash: kusei must not
 * write into it, and the message says how to choose another name.
 */
export function findChangeLog(
  snapshots: ReadonlyArray<SheetSnapshot>,
  name: string = CHANGE_LOG_SHEET,
): ChangeLogSheet {
  const snapshot = snapshots.find((s) => sameSheetName(s.name, name));
  if (!snapshot) return { status: "absent", name };
  const empty = snapshot.values.every((row) => row.every((v) => v === null || v === ""));
  if (empty || findHeader(snapshot.values) !== null)
    return { status: "found", name: snapshot.name, snapshot };
  return {
    status: "clash",
    name: snapshot.name,
    message: {
      ja: `シート「${snapshot.name}」は kusei の変更履歴ではありません (変更履歴の見出しがありません)。このシートには書き込みません。変更履歴に別のシート名を使うには --log-sheet 名前 を指定してください (例: --log-sheet ${name}_2)。`,
      en: `The sheet "${snapshot.name}" is not kusei's change log (it has no change-log header); kusei does not write into it. Give --log-sheet NAME to keep the change log in another sheet (e.g. --log-sheet ${name}_2).`,
    },
  };
}

/** Why a logged change is not undone. */
export type RevertConflictReason =
  "changed" | "formula" | "missing-sheet" | "not-a-mark-cell" | "error-value" | "protected";

/** The entries of the change-log sheet among a workbook's snapshots (none when it has no such sheet). */
export function changeLogOf(
  snapshots: ReadonlyArray<SheetSnapshot>,
  name: string = CHANGE_LOG_SHEET,
): ChangeLogEntry[] {
  const log = findChangeLog(snapshots, name);
  return log.status === "found" ? readChangeLog(log.snapshot) : [];
}

/** Why a logged change cannot be undone. */
export interface RevertConflict {
  readonly entry: ChangeLogEntry;
  /** the cell as it is now (null when the sheet or cell is gone) */
  readonly current: CellValue;
  readonly why: RevertConflictReason;
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

/** A cell kusei plans marks into: a PlannedMark of the current evaluation (any action). */
export interface MarkCellRef {
  readonly sheet: string;
  readonly cell: string;
}

/**
 * Plans the exact undo of the last open apply. The log is only a claim: an entry is honoured only when its
 * cell is a mark cell of a recognised sheet in the workbook as it is now (`markCells`: the current
 * evaluation's plan — every PlannedMark, whatever its action — evaluated with the same profile and overrides
 * as the recalc) and the cell still holds what kusei wrote (`entry.new`; the host also checks it is plain,
 * see RestoreWrite). Anything else — a cell outside the marks, a cell changed since, now a formula or an
 * error value, on a protected sheet, or a sheet that is gone — is a conflict, never written.
 */
export function planRevert(
  entries: ReadonlyArray<ChangeLogEntry>,
  currentSnapshots: ReadonlyArray<SheetSnapshot>,
  markCells: ReadonlyArray<MarkCellRef>,
): RevertPlan {
  const applyId = lastOpenApply(entries);
  if (applyId === null) return { applyId: null, writes: [], conflicts: [] };
  const marks = new Set(markCells.map((m) => keyOf(m.sheet, m.cell)));
  const writes: RestoreWrite[] = [];
  const conflicts: RevertConflict[] = [];
  const group = entries.filter((e) => e.applyId === applyId && e.op === "apply");
  // What each cell will hold once the writes planned so far are done.
  const planned = new Map<string, CellValue>();
  // Undo in reverse order, so a cell written twice in one apply ends at its first old value.
  for (let i = group.length - 1; i >= 0; i--) {
    const logged = group[i];
    if (!logged) continue;
    const snap = currentSnapshots.find((s) => sameSheetName(s.name, logged.sheet));
    const pos = fromA1(logged.cell);
    if (!snap || !pos) {
      conflicts.push({ entry: logged, current: null, why: "missing-sheet" });
      continue;
    }
    // the sheet's name and the address as the workbook has them now
    const entry = { ...logged, sheet: snap.name, cell: toA1(pos.row, pos.col) };
    const r = pos.row - snap.origin.row;
    const c = pos.col - snap.origin.col;
    const key = keyOf(entry.sheet, entry.cell);
    const current = planned.has(key) ? (planned.get(key) ?? null) : (snap.values[r]?.[c] ?? null);
    const why: RevertConflictReason | null = !marks.has(key)
      ? "not-a-mark-cell"
      : snap.protected
        ? "protected"
        : snap.formulas.some((f) => f.row === r && f.col === c)
          ? "formula"
          : snap.errors.some((e) => e.row === r && e.col === c)
            ? "error-value"
            : !sameCellValue(current, entry.new)
              ? "changed"
              : null;
    if (why !== null) {
      conflicts.push({ entry: logged, current, why });
      continue;
    }
    planned.set(key, entry.old);
    writes.push({
      sheet: entry.sheet,
      row: pos.row + 1,
      col: pos.col + 1,
      cell: entry.cell,
      expected: entry.new,
      value: textOf(entry.old),
      restore: entry.old,
      restoreContent: entry.oldContent ?? null,
      reason: `revert ${applyId}`,
    });
  }
  return { applyId, writes, conflicts };
}

const CONFLICT_TEXT: Readonly<Record<RevertConflictReason, LocalizedText>> = {
  changed: { ja: "kusei が書いた後に変更されています", en: "changed since kusei wrote it" },
  formula: { ja: "いまは数式です", en: "now holds a formula" },
  "missing-sheet": { ja: "シートがありません", en: "the sheet is gone" },
  "not-a-mark-cell": {
    ja: "いまのブックでは kusei が書くマークのセルではありません (記録が書き換えられた可能性があります)",
    en: "not a mark cell kusei writes in the workbook as it is now (the log may have been edited)",
  },
  "error-value": { ja: "いまはエラー値です", en: "now holds an error value" },
  protected: { ja: "シートが保護されています", en: "the sheet is protected" },
};

/** Why a logged cell was not restored, ja/en. */
export function revertConflictText(why: RevertConflictReason): LocalizedText {
  return CONFLICT_TEXT[why];
}

const REJECTED_TEXT: Readonly<Record<RejectedRowReason, LocalizedText>> = {
  "bad-apply-id": { ja: "適用IDが kusei の形式ではありません", en: "the apply id is not one kusei writes" },
  "bad-op": { ja: "操作が apply / revert ではありません", en: "the operation is not apply / revert" },
  "bad-sheet": { ja: "シート名がありません", en: "no sheet name" },
  "bad-cell": { ja: "セル番地が正しくありません", en: "not a cell address" },
};

/** One line for the rows of the log that are not kusei's entries (ignored, never honoured), ja/en. */
export function rejectedRowsText(rejected: ReadonlyArray<RejectedLogRow>): LocalizedText | null {
  if (rejected.length === 0) return null;
  const shown = rejected.slice(0, 10);
  const more = rejected.length - shown.length;
  const list = (lang: "ja" | "en"): string =>
    shown.map((r) => `${r.row}: ${REJECTED_TEXT[r.why][lang]}`).join(", ") +
    (more > 0 ? (lang === "ja" ? ` 他 ${more} 行` : ` and ${more} more`) : "");
  return {
    ja: `変更履歴の ${rejected.length} 行は kusei の記録ではないため使いません (行 ${list("ja")})`,
    en: `${rejected.length} rows of the change log are not kusei's entries and were ignored (row ${list("en")})`,
  };
}
