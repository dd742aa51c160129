import { fromA1 } from "../../core";
import { writeValueOf } from "../../core";
import type { CellWrite, WriteConflict, WriteConflictReason } from "../../core";
import { sameCellValue } from "../../core";
import type { CellNow, XlsxDocument } from "./document";
import { renderCell, spanOfElement } from "./sheet-cells";
import { SheetXmlError } from "./sheet-index";

export type { WriteConflict, WriteConflictReason };

/** A performed write and the cell's exact record before it (the adapter's oldContent for the change log). */
export interface AppliedWrite extends CellWrite {
  /** the original `<c …>…</c>` element, "" when the cell was absent from the sheet's XML */
  readonly oldContent: string;
}

export interface ApplyResult {
  readonly applied: AppliedWrite[];
  readonly conflicts: WriteConflict[];
}

/** A revert that carries the cell's exact original element (fsrevert's change-log oldContent). */
function oldContentOf(write: CellWrite): string | null {
  const v = (write as { readonly oldContent?: unknown }).oldContent;
  return typeof v === "string" ? v : null;
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
    const pos = fromA1(write.cell);
    if (!pos || pos.col < 0 || pos.col >= 16384 || pos.row >= 1048576) {
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
    const merged = state.index.merges.find(
      (m) => pos.row >= m.top && pos.row <= m.bottom && pos.col >= m.left && pos.col <= m.right,
    );
    let why: WriteConflictReason | null = null;
    if (state.index.protected) why = "protected";
    else if (merged && (merged.top !== pos.row || merged.left !== pos.col)) why = "merged";
    else if (now.read.formula) why = "formula";
    else if (now.read.error !== null) why = "error-value";
    else if (!sameCellValue(current, write.expected)) why = "changed";
    if (why !== null) {
      conflicts.push({ write, current: why === "error-value" ? null : current, why });
      continue;
    }
    const style = now.span === null ? doc.styleFor(state, pos.row, pos.col) : null;
    const xml = elementFor(write, now, pos, state.index.prefix, style);
    const oldContent = state.pending.get(`${pos.row},${pos.col}`)?.original ?? now.element;
    doc.stage(state, pos.row, pos.col, xml, now);
    applied.push({ ...write, oldContent });
  }
  return { applied, conflicts };
}
