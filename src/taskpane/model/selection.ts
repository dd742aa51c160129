import { plan } from "../../app";
import type { CellWrite, PlannedMark } from "../../core";

/** Which conflicts the user chose to overwrite: every one, or the listed plan ids. */
export type ConflictChoice =
  { readonly all: true } | { readonly all: false; readonly ids: ReadonlySet<string> };

/** No conflict chosen: only empty cells are written. */
export const NO_CONFLICTS: ConflictChoice = { all: false, ids: new Set() };

/** Whether a planned mark will be written under the user's conflict choice. */
export function willWrite(mark: PlannedMark, choice: ConflictChoice): boolean {
  if (mark.value === null) return false;
  if (mark.action === "write") return true;
  if (mark.action === "conflict") return choice.all || choice.ids.has(mark.id);
  return false;
}

/**
 * The cell writes for the plan (the plan use case): every `write`, plus the conflicts the user opted
 * into. Each write carries what the plan saw, so the host leaves a cell alone when it changed since the read.
 */
export function selectWrites(marks: ReadonlyArray<PlannedMark>, choice: ConflictChoice): CellWrite[] {
  return plan(marks, { overwriteConflicts: choice.all ? true : choice.ids });
}

/** Toggles one conflict id in the choice (leaving "all" mode keeps every other conflict chosen). */
export function toggleConflict(
  choice: ConflictChoice,
  id: string,
  allConflictIds: ReadonlyArray<string>,
): ConflictChoice {
  const ids = new Set(choice.all ? allConflictIds : choice.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  if (allConflictIds.length > 0 && allConflictIds.every((c) => ids.has(c))) return { all: true };
  return { all: false, ids };
}

/** Whether one conflict is chosen. */
export function isChosen(choice: ConflictChoice, id: string): boolean {
  return choice.all || choice.ids.has(id);
}

// Conflicts need a decision, writes will change the sheet, skips say why nothing is written, keeps are done.
const ACTION_RANK: Record<PlannedMark["action"], number> = { conflict: 0, write: 1, skip: 2, keep: 3 };

/** The plan in the order the Marks tab lists it: conflicts, writes, skips, keeps; sheet order inside each. */
export function sortPlan(marks: ReadonlyArray<PlannedMark>): PlannedMark[] {
  return marks
    .map((m, i) => ({ m, i }))
    .sort((a, b) => ACTION_RANK[a.m.action] - ACTION_RANK[b.m.action] || a.i - b.i)
    .map(({ m }) => m);
}
