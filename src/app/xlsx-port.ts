import { changeLogOf, entriesForApply } from "../core";
import {
  appendChangeLog,
  applyWrites,
  readWorkbook,
  WorkbookReadError,
  writeWorkbook,
  type ReadWorkbookOptions,
} from "../xlsx";
import type { WorkbookPort } from "./port";

/** A workbook file held in memory, behind the port the use cases use. */
export interface XlsxPort extends WorkbookPort {
  /** content a save would drop (macros, charts …): such a workbook is checked but never written */
  readonly lossyParts: ReadonlyArray<string>;
  /** The workbook as .xlsx bytes, with every apply so far (rejects with a WorkbookReadError on lossy content). */
  save(): Promise<Uint8Array>;
}

/**
 * Opens .xlsx bytes as a port over src/xlsx (readWorkbook, applyWrites, appendChangeLog, writeWorkbook). Bad
 * input rejects with a WorkbookReadError. After an apply the next read is taken from the saved bytes, so it
 * shows exactly what a save contains.
 */
export async function openXlsxPort(bytes: Uint8Array, opts: ReadWorkbookOptions = {}): Promise<XlsxPort> {
  let { snapshots, workbook } = await readWorkbook(bytes, opts);
  let changed = false;
  const current = async () => {
    if (changed) {
      ({ snapshots, workbook } = await readWorkbook(await writeWorkbook(workbook), opts));
      changed = false;
    }
    return snapshots;
  };
  return {
    lossyParts: workbook.lossyParts,
    async read() {
      return { snapshots: await current(), settings: null };
    },
    async readChangeLog() {
      return changeLogOf(await current());
    },
    async apply(writes, stamp) {
      await current();
      const result = applyWrites(workbook, writes);
      appendChangeLog(
        workbook,
        entriesForApply(result.applied, result.applied, stamp.applyId, stamp.time, stamp.op),
      );
      if (result.applied.length > 0) changed = true;
      return { applied: result.applied, conflicts: result.conflicts, notWritten: [], failure: null };
    },
    assertWritable() {
      if (workbook.lossyParts.length > 0)
        throw new WorkbookReadError("would-lose-content", { parts: workbook.lossyParts.join(", ") });
    },
    save: () => writeWorkbook(workbook),
  };
}
