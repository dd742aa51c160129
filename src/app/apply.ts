import { nextApplyId, writesFromPlan, type CellWrite, type PlannedMark, type WriteChoice } from "../core";
import { PortError } from "./errors";
import type { ApplyOutcome, WorkbookPort } from "./port";

/** An apply that performed nothing. */
export const NOTHING_APPLIED: ApplyOutcome = { applied: [], conflicts: [], notWritten: [], failure: null };

/** Plan: the cell writes for an evaluation's plan under the user's choice of conflicts (writes nothing). */
export function plan(marks: ReadonlyArray<PlannedMark>, choice: WriteChoice): CellWrite[] {
  return writesFromPlan(marks, choice);
}

export interface ApplySelectedResult {
  /** the id the apply is logged under; null when there was nothing to write */
  readonly applyId: string | null;
  readonly outcome: ApplyOutcome;
}

/**
 * Apply selected: write the cells the user chose (each only if it still holds what the plan saw) and log them
 * under a new apply id (core's nextApplyId over the workbook's change log).
 */
export async function applySelected(
  port: WorkbookPort,
  writes: ReadonlyArray<CellWrite>,
  now: () => Date,
): Promise<ApplySelectedResult> {
  port.assertWritable();
  if (writes.length === 0) return { applyId: null, outcome: NOTHING_APPLIED };
  const time = now().toISOString();
  const applyId = nextApplyId(await port.readChangeLog(), time);
  return { applyId, outcome: await port.apply(writes, { applyId, time, op: "apply" }) };
}

/** Clear: remove the highlights a check put on the cells (nothing where the host has none). */
export async function clear(port: WorkbookPort): Promise<void> {
  const failure = port.clearHighlights ? await port.clearHighlights() : null;
  if (failure) throw new PortError(failure);
}
