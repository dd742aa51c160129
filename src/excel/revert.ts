import { CHANGE_LOG_SHEET, planRevert, readChangeLog, type RevertConflict } from "../core/changelog";
import type { ChangeLogEntry } from "../core/model";
import type { Supports } from "./capabilities";
import type { ExcelFailure } from "./errors";
import { readSnapshots } from "./read";
import { applyWrites, type WriteConflict } from "./write";

/** What a revert did. */
export interface ExcelRevertResult {
  /** the apply undone; null when there was nothing to undo */
  readonly applyId: string | null;
  /** cells restored (logged as op "revert") */
  readonly restored: ReadonlyArray<ChangeLogEntry>;
  /** logged cells changed since kusei wrote them (or now formulas, or on a deleted sheet): left alone */
  readonly conflicts: ReadonlyArray<RevertConflict>;
  /** cells whose re-read just before writing showed a change (a co-author's edit during the revert) */
  readonly lateConflicts: ReadonlyArray<WriteConflict>;
  readonly error: ExcelFailure | null;
}

/**
 * Restores the cells of the last apply that no revert has undone yet, exactly as they were, from the
 * change-log sheet; a cell changed since kusei wrote it is reported, never overwritten. The revert itself
 * is logged, so the log tells which applies are undone.
 */
export async function revertLastApply(
  context: Excel.RequestContext,
  opts: { readonly supports?: Supports; readonly now?: () => Date } = {},
): Promise<ExcelRevertResult> {
  const snapshots = await readSnapshots(context, opts.supports ? { supports: opts.supports } : {});
  const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
  const entries = log ? readChangeLog(log) : [];
  const plan = planRevert(entries, snapshots);
  if (plan.applyId === null || plan.writes.length === 0) {
    return { applyId: plan.applyId, restored: [], conflicts: plan.conflicts, lateConflicts: [], error: null };
  }
  const result = await applyWrites(context, plan.writes, {
    op: "revert",
    applyId: plan.applyId,
    ...(opts.supports ? { supports: opts.supports } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    applyId: plan.applyId,
    restored: result.written,
    conflicts: plan.conflicts,
    lateConflicts: result.conflicts,
    error: result.error,
  };
}
