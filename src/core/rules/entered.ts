import type { FieldCell, SheetRecord } from "../model/records";
import { readMark, readMarks, type MarkKind, type MarkReading, type MarkValues } from "../text/marks";
import { anchorOf } from "./issue";

/** The value entered in a record's mark cell (anchor), or null when empty, invalid or the column is missing. */
export function enteredMark<K extends MarkKind>(record: SheetRecord, kind: K): MarkValues[K] | null {
  const cell = anchorOf(record, kind);
  if (cell === undefined || cell.error !== null) return null;
  const r: MarkReading<K> = readMark(kind, cell.text);
  return r.status === "mark" ? r.value : null;
}

/**
 * Every mark entered in a multi-mark field (個別), invalid tokens dropped: the marks of its first cell, then
 * of the record's other cells of that field in row order (an indicator row's own 個別 cell).
 */
export function enteredMarks<K extends MarkKind>(record: SheetRecord, kind: K): MarkValues[K][] {
  const cells = record.fields[kind as keyof SheetRecord["fields"]] ?? [];
  return cells
    .filter((cell) => cell.error === null)
    .flatMap((cell) => readMarks(kind, cell.text).flatMap((r) => (r.status === "mark" ? [r.value] : [])));
}

/** The (ⅰ)/(ⅱ) qualifier entered in a mark cell (achievement 「○(ⅰ)」, or an execution cell), or null. */
export function enteredQualifier(record: SheetRecord, kind: "achievement" | "execution"): "i" | "ii" | null {
  const cell = anchorOf(record, kind);
  if (cell === undefined || cell.error !== null) return null;
  const r = readMark(kind, cell.text);
  if (r.status === "mark" || r.status === "qualifier-only") return r.qualifier;
  return null;
}

/** The placeholder (「-」, 「なし」 …) a ward typed into a mark cell for "not evaluated here", or null. */
export function placeholderIn(record: SheetRecord, kind: MarkKind): string | null {
  const cell = anchorOf(record, kind);
  if (cell === undefined || cell.error !== null) return null;
  const r = readMark(kind, cell.text);
  return r.status === "empty" && r.placeholder !== undefined ? r.placeholder : null;
}

/** The mark kinds each record kind carries, and how its cells are read (one mark or several). */
export const MARK_FIELDS: Readonly<
  Record<SheetRecord["kind"], ReadonlyArray<{ kind: MarkKind; multi: boolean }>>
> = {
  initiative: [
    { kind: "achievement", multi: false },
    { kind: "execution", multi: false },
    { kind: "initiativeEffectiveness", multi: false },
  ],
  strategy: [
    { kind: "strategyEffectiveness", multi: false },
    { kind: "outcome", multi: true },
    { kind: "outcomeOverall", multi: false },
    { kind: "strategyProgress", multi: false },
  ],
};

/** Readings of a cell as the vocabulary rule sees it: several for 個別, else one. */
export function readingsOf(kind: MarkKind, multi: boolean, cell: FieldCell): MarkReading[] {
  return multi ? readMarks(kind, cell.text) : [readMark(kind, cell.text)];
}
