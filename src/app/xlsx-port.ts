import { CHANGE_LOG_SHEET, entriesForApply, type PhaseTimer } from "../core";
import {
  appendChangeLog,
  applyWrites,
  readWorkbook,
  WorkbookReadError,
  writeWorkbook,
  type ReadWorkbookOptions,
} from "../xlsx";
import { changeLogIn } from "./log";
import type { WorkbookPort } from "./port";

/** A workbook file held in memory, behind the port the use cases use. */
export interface XlsxPort extends WorkbookPort {
  /** content a save would drop (macros, charts …): such a workbook is checked but never written */
  readonly lossyParts: ReadonlyArray<string>;
  /** The workbook as .xlsx bytes, with every apply so far (rejects with a WorkbookReadError on lossy content). */
  save(timer?: PhaseTimer): Promise<Uint8Array>;
}

/**
 * Opens .xlsx bytes as a port over src/xlsx (readWorkbook, applyWrites, appendChangeLog, writeWorkbook). Bad
 * input rejects with a WorkbookReadError. After an apply the next read is taken from the saved bytes, so it
 * shows exactly what a save contains.
 */
export interface XlsxPortOptions extends ReadWorkbookOptions {
  /** the change-log sheet's name (--log-sheet); CHANGE_LOG_SHEET by default */
  readonly logSheet?: string;
}

export async function openXlsxPort(bytes: Uint8Array, opts: XlsxPortOptions = {}): Promise<XlsxPort> {
  const logSheet = opts.logSheet ?? CHANGE_LOG_SHEET;
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
    logSheet,
    async readChangeLog() {
      return changeLogIn(await current(), logSheet).entries;
    },
    async apply(writes, stamp) {
      // the sheet as the workbook names it (Excel's comparison), or a new one of the chosen name; a clash
      // refuses before any cell is written
      const log = changeLogIn(await current(), logSheet);
      const result = applyWrites(workbook, writes);
      appendChangeLog(
        workbook,
        entriesForApply(result.applied, result.applied, stamp.applyId, stamp.time, stamp.op),
        log.name,
      );
      if (result.applied.length > 0) changed = true;
      return { applied: result.applied, conflicts: result.conflicts, notWritten: [], failure: null };
    },
    assertWritable() {
      if (workbook.lossyParts.length > 0)
        throw new WorkbookReadError("would-lose-content", { parts: workbook.lossyParts.join(", ") });
    },
    save: (timer) => writeWorkbook(workbook, timer ? { timer } : {}),
  };
}
