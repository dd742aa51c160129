import { positionOf } from "../../core";
import { isRestoreWrite, oldContentTag, PLAIN_OLD_CONTENT_TAG, writeValueOf } from "../../core";
import type { CellWrite, WriteConflict, WriteConflictReason } from "../../core";
import { sameCellValue } from "../../core";
import type { CellNow, XlsxDocument } from "./document";
import { hasRun } from "./shared-strings";
import { renderCell, spanOfElement } from "./sheet-cells";
import { SheetXmlError } from "./sheet-index";

export type { WriteConflict, WriteConflictReason };

/**
 * The change log's oldContent tags this adapter writes (ChangeLogEntry.oldContent is `TAG:DATA`, DATA the
 * original `<c …>…</c>` element, empty when the cell was absent): "xlsx-c" when the cell held a plain value
 * (its value alone puts it back, so any host may revert it), "xlsx-rich" when it held rich text (runs only
 * this element restores; another host reports the cell as not restored).
 */
export const OLD_CONTENT_PLAIN = PLAIN_OLD_CONTENT_TAG;
export const OLD_CONTENT_RICH = "xlsx-rich";

/** A performed write and the cell's exact record before it (the adapter's oldContent for the change log). */
export interface AppliedWrite extends CellWrite {
  /** `xlsx-c:<c …>…</c>` or `xlsx-rich:…` (see OLD_CONTENT_PLAIN) */
  readonly oldContent: string;
}

export interface ApplyResult {
  readonly applied: AppliedWrite[];
  readonly conflicts: WriteConflict[];
}

/** The original element a revert carries (RestoreWrite.restoreContent of this adapter's tags), or null. */
function oldContentOf(write: CellWrite): string | null {
  if (!isRestoreWrite(write) || write.restoreContent === null) return null;
  const tag = oldContentTag(write.restoreContent);
  if (tag !== OLD_CONTENT_PLAIN && tag !== OLD_CONTENT_RICH) return null;
  return write.restoreContent.slice(tag.length + 1);
}

/** Whether a cell's element holds rich text: inline runs, or a shared string item with runs. */
function isRich(element: string, doc: XlsxDocument): boolean {
  if (element === "") return false;
  if (hasRun(element, 0, element.length)) return true;
  // a shared string cell: <c … t="s"><v>index</v></c> (fixed, linear patterns over one element)
  if (!/\st=["']s["']/.test(element)) return false;
  const v = /<(?:[\w.-]+:)?v>\s*(\d+)\s*</.exec(element);
  return v !== null && doc.sharedStrings().rich(Number(v[1]));
}

/**
 * The element to write. A revert carrying oldContent gets that element back exactly when the cell still holds
 * exactly the element kusei wrote (rendered again from the original the same way); otherwise the value alone.
 */
function elementFor(
  write: CellWrite,
  now: CellNow,
  at: { row: number; col: number },
  prefix: string,
  style: string | null,
): string {
  const old = oldContentOf(write);
  if (old !== null) {
    const original = old === "" ? null : { text: old, span: spanOfElement(old, at.col) };
    const kusei = renderCell(original?.text ?? "", original?.span ?? null, at, write.expected, prefix, style);
    if (kusei === now.element) return old;
  }
  return renderCell(now.text, now.span, at, writeValueOf(write), prefix, style);
}

/**
 * Performs the writes on the document, each only where its cell still holds `expected`; never over a
 * formula or an error value, never into a protected sheet, never into a merged area's cell other than its
 * top-left. Writes are done in order, so two writes to one cell chain. Nothing outside the written `<c>`
 * elements changes.
 */
export function applyToDocument(doc: XlsxDocument, writes: ReadonlyArray<CellWrite>): ApplyResult {
  const applied: AppliedWrite[] = [];
  const conflicts: WriteConflict[] = [];
  for (const write of writes) {
    const state = doc.sheet(write.sheet);
    if (state === null) {
      conflicts.push({ write, current: null, why: "missing-sheet" });
      continue;
    }
    const pos = positionOf(write);
    if (pos === null) {
      conflicts.push({ write, current: null, why: "invalid-address" });
      continue;
    }
    if (state instanceof SheetXmlError || !state.index.ordered) {
      // a sheet part kusei cannot patch safely (not a worksheet, rows out of order …): its cells count as
      // unaddressable (the core's conflict reasons have no closer one)
      conflicts.push({ write, current: null, why: "invalid-address" });
      continue;
    }
    const now = doc.cellNow(state, pos.row, pos.col);
    const current = now.read.value;
    const merged = state.index.mergeAt(pos.row, pos.col);
    let why: WriteConflictReason | null = null;
    // Excel protects locked cells only: an unlocked cell of a protected sheet is written like any other
    if (state.index.protected && !doc.isUnlocked(state, pos.row, pos.col, now)) why = "protected";
    else if (merged && (merged.top !== pos.row || merged.left !== pos.col)) why = "merged";
    else if (now.read.formula) why = "formula";
    else if (now.read.error !== null) why = "error-value";
    else if (!sameCellValue(current, write.expected)) why = "changed";
    // kusei writes plain values only: rich text reading the same is a later edit, never reverted over
    else if (isRestoreWrite(write) && isRich(now.element, doc)) why = "changed";
    // a record of another adapter's (its tag unknown here): put back only by that adapter, never guessed
    else if (isRestoreWrite(write) && write.restoreContent !== null && oldContentOf(write) === null)
      why = "inexact-restore";
    if (why !== null) {
      conflicts.push({ write, current: why === "error-value" ? null : current, why });
      continue;
    }
    const style = now.span === null ? doc.styleFor(state, pos.row, pos.col) : null;
    const xml = elementFor(write, now, pos, state.index.prefix, style);
    const original = state.pending.get(`${pos.row},${pos.col}`)?.original ?? now.element;
    const tag = isRich(original, doc) ? OLD_CONTENT_RICH : OLD_CONTENT_PLAIN;
    doc.stage(state, pos.row, pos.col, xml, now);
    applied.push({ ...write, oldContent: `${tag}:${original}` });
  }
  return { applied, conflicts };
}
