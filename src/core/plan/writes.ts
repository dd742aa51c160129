import type { CellWrite, PlannedMark } from "../model/plan";
import type { CellValue } from "../model/snapshot";

/**
 * The equality of every write guard (adapters re-checking a cell, revert planning): an empty string and an
 * empty cell are the same; otherwise strict (the number 1 is not the text "1").
 */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  return (a === "" ? null : a) === (b === "" ? null : b);
}

/** Which conflicts the user chose to overwrite: all, none, or these PlannedMark ids. */
export interface WriteChoice {
  readonly overwriteConflicts: boolean | ReadonlySet<string>;
}

/**
 * The cell writes a host performs for a plan: every `write`, plus the `conflict`s the user chose. `keep` and
 * `skip` never write. Each write carries what the plan saw (`expected`) so a host writes only if the cell
 * still holds it.
 */
export function writesFromPlan(plan: ReadonlyArray<PlannedMark>, choice: WriteChoice): CellWrite[] {
  const chosen = (m: PlannedMark): boolean =>
    typeof choice.overwriteConflicts === "boolean"
      ? choice.overwriteConflicts
      : choice.overwriteConflicts.has(m.id);
  const writes: CellWrite[] = [];
  for (const m of plan) {
    if (m.value === null) continue;
    if (m.action === "write" || (m.action === "conflict" && chosen(m))) {
      writes.push({
        sheet: m.sheet,
        row: m.row,
        col: m.col,
        cell: m.cell,
        expected: m.current,
        value: m.value,
        reason: m.reason.ja,
      });
    }
  }
  return writes;
}
