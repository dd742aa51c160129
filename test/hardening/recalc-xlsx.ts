/**
 * The CLI's recalc and revert, step by step through the xlsx adapter (read → evaluateWorkbook →
 * writesFromPlan → applyWrites + change log → write), so tests can compare each step's workbook.
 */
import {
  CHANGE_LOG_SHEET,
  entriesForApply,
  evaluateWorkbook,
  nextApplyId,
  planRevert,
  readChangeLog,
  writesFromPlan,
  type Evaluation,
  type MappingOverrides,
} from "../../src/core";
import type { CellWrite } from "../../src/core/model/plan";
import { appendChangeLog, applyWrites, readWorkbook, writeWorkbook, type ApplyResult } from "../../src/xlsx";

/** The change-log sheet is kusei's own; hosts pass this override (the CLI does). */
export const LOG_OVERRIDES: MappingOverrides = { [CHANGE_LOG_SHEET]: { kind: "other" } };

export interface RecalcOutcome {
  readonly evaluation: Evaluation;
  readonly writes: ReadonlyArray<CellWrite>;
  readonly result: ApplyResult;
  /** the new workbook (equal to the input bytes' content when nothing was applied) */
  readonly bytes: Uint8Array;
}

/** One recalc of a workbook's bytes, as `kusei recalc` does it. */
export async function recalcBytes(
  input: Uint8Array,
  time: string,
  overwriteConflicts = false,
): Promise<RecalcOutcome> {
  const { snapshots, workbook } = await readWorkbook(input);
  const evaluation = evaluateWorkbook(snapshots, { overrides: LOG_OVERRIDES });
  const writes = writesFromPlan(evaluation.plan, { overwriteConflicts });
  const result = applyWrites(workbook, writes);
  const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
  const applyId = nextApplyId(log ? readChangeLog(log) : [], time);
  appendChangeLog(workbook, entriesForApply(result.applied, result.applied, applyId, time));
  return { evaluation, writes, result, bytes: await writeWorkbook(workbook) };
}

export interface RevertOutcome {
  readonly applyId: string | null;
  readonly restored: number;
  readonly conflicts: number;
  readonly bytes: Uint8Array;
}

/** One revert of the last open apply in the workbook's change log, as `kusei revert` does it. */
export async function revertBytes(input: Uint8Array, time: string): Promise<RevertOutcome> {
  const { snapshots, workbook } = await readWorkbook(input);
  const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
  const plan = planRevert(log ? readChangeLog(log) : [], snapshots);
  const result = applyWrites(workbook, plan.writes);
  if (plan.applyId !== null) {
    appendChangeLog(workbook, entriesForApply(result.applied, result.applied, plan.applyId, time, "revert"));
  }
  return {
    applyId: plan.applyId,
    restored: result.applied.length,
    conflicts: plan.conflicts.length + result.conflicts.length,
    bytes: await writeWorkbook(workbook),
  };
}
