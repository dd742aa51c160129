import {
  CHANGE_LOG_SHEET,
  findChangeLog,
  readChangeLogRows,
  type ChangeLogRead,
  type SheetSnapshot,
} from "../core";
import { PortError } from "./errors";
import type { WorkbookPort } from "./port";

/** The change log a use case reads and appends to, under the name the port keeps it. */
export interface WorkbookLog extends ChangeLogRead {
  /** the sheet's name as the workbook has it (or the name a first apply creates) */
  readonly name: string;
}

/** The change-log sheet's name of a port (the default unless the user chose one, `--log-sheet`). */
export function logSheetOf(port: WorkbookPort): string {
  return port.logSheet ?? CHANGE_LOG_SHEET;
}

/**
 * The workbook's change log: its entries and the rows that are not entries (reported, never used). A
 * sheet of that name that is not kusei's log is refused (PortError "log-sheet-clash", ja/en, with the way
 * out): kusei neither writes into a user's sheet nor takes its rows for a log.
 */
export function changeLogIn(snapshots: ReadonlyArray<SheetSnapshot>, name: string): WorkbookLog {
  const log = findChangeLog(snapshots, name);
  if (log.status === "clash") throw new PortError({ code: "log-sheet-clash", message: log.message });
  if (log.status === "absent") return { name: log.name, entries: [], rejected: [] };
  return { name: log.name, ...readChangeLogRows(log.snapshot) };
}
