import type { CellValue } from "./snapshot";
import type { ComputedMarkField, LocalizedText } from "./findings";

/**
 * write: the cell is empty (or holds only the qualifier) and gets the mark;
 * keep: it already holds the derived mark;
 * conflict: it holds a different mark (written only when the user asks);
 * skip: nothing to write (not computable, formula, protected sheet, error value …) — reason says which.
 */
export type PlanAction = "write" | "keep" | "conflict" | "skip";

export interface PlannedMark {
  /** stable within one evaluation: `${sheet}!${cell}` */
  readonly id: string;
  readonly sheet: string;
  /** A1 address of the mark cell (a merged area's top-left) */
  readonly cell: string;
  /** 1-based sheet row / column */
  readonly row: number;
  readonly col: number;
  readonly field: ComputedMarkField;
  /** the record this mark belongs to */
  readonly recordId: string;
  /** the derived mark in the sheet's notation ("○", "②", "A", "a"); null when not computable */
  readonly mark: string | null;
  /** the full new cell value (e.g. "○(ⅰ)" keeps the qualifier already in the cell); null for skip/keep */
  readonly value: string | null;
  /** the cell as it is now */
  readonly current: CellValue;
  readonly action: PlanAction;
  /** e.g. 「55.9% ≥ 30%以上、85% ≥ 60%以上 → ○」 */
  readonly reason: LocalizedText;
}

/** One cell write a host performs. `expected` is what the plan saw: a host writes only if the cell still holds it. */
export interface CellWrite {
  readonly sheet: string;
  /** 1-based sheet row and column of the cell: what a host writes to */
  readonly row: number;
  readonly col: number;
  /** the same cell as A1 text, for the change log and messages */
  readonly cell: string;
  readonly expected: CellValue;
  readonly value: string;
  readonly reason: string;
}

/** Why a host left a planned write undone (the re-check just before writing). */
export type WriteConflictReason =
  | "changed"
  | "formula"
  | "error-value"
  | "merged"
  | "protected"
  | "missing-sheet"
  | "invalid-address"
  /** a revert whose logged old content (e.g. rich text) this host cannot put back exactly: left alone */
  | "inexact-restore";

/** A planned write a host did not perform, with the cell as it found it. The one conflict type of every host. */
export interface WriteConflict {
  readonly write: CellWrite;
  /** the cell's value now (null when there is no such cell, or it holds an error value) */
  readonly current: CellValue;
  readonly why: WriteConflictReason;
}

/** One row of the change-log sheet (the same sheet for the CLI and the add-in). */
export interface ChangeLogEntry {
  /** one id per apply (ISO time + counter); revert undoes the last apply id */
  readonly applyId: string;
  /** ISO 8601 */
  readonly time: string;
  readonly sheet: string;
  readonly cell: string;
  readonly old: CellValue;
  readonly new: CellValue;
  readonly reason: string;
  /** "apply" or "revert" */
  readonly op: "apply" | "revert";
  /**
   * The adapter's exact record of the cell before the write, opaque to the core: `TAG:DATA`, where TAG names
   * the adapter's encoding (e.g. "xlsx-c": the original `<c>` element; "exceljs": the rich-text value as
   * JSON). Absent when the adapter recorded nothing because the cell held a plain value that `old` restores
   * exactly (or in rows written before this column existed). A revert restores from it only through an
   * adapter that knows TAG; any other adapter reports the cell as not restored, never as restored.
   */
  readonly oldContent?: string;
}
