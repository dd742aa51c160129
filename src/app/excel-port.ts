import type { ExcelContext } from "../excel/office";
import { CHANGE_LOG_SHEET, readChangeLog, type CellValue } from "../core";
import {
  applyWrites,
  clearHighlights,
  highlightTargets,
  officeSupports,
  queueSettingsLoad,
  readSnapshots,
  showHighlights,
  type LoadSettingsParser,
  type Supports,
} from "../excel";
import type { WorkbookPort } from "./port";

export interface ExcelPortOptions {
  /** requirement-set check (defaults to Office.context.requirements) */
  readonly supports?: Supports;
  /**
   * the checks of the settings saved in the workbook, asked for only when it has some: the task pane loads
   * their code (zod) lazily, tests and other hosts pass eagerSettingsParser (src/excel/settings-parse.ts)
   */
  readonly settings: LoadSettingsParser;
}

/** The change-log sheet's entries: the sheet list, then the log's used range (2 syncs; 1 when there is none). */
async function readLog(context: ExcelContext): Promise<ReturnType<typeof readChangeLog>> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const ws = sheets.items.find((s) => s.name === CHANGE_LOG_SHEET);
  if (!ws) return [];
  const used = ws.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return [];
  const values = used.values.map((row) =>
    row.map((v): CellValue => (v === "" || v === undefined ? null : (v as CellValue))),
  );
  return readChangeLog({
    name: CHANGE_LOG_SHEET,
    origin: { row: used.rowIndex, col: used.columnIndex },
    values,
    formulas: [],
    errors: [],
    merges: [],
    visibility: "visible",
    protected: false,
  });
}

/**
 * The workbook open in Excel as a port over src/excel, for one Excel.run batch: reads ride on few syncs (the
 * saved settings on the first one of the sheet read), the apply re-reads and writes in two, logging in the
 * second; failures of a write sync come back as values (`failure`), failures of a read reject with the Office
 * error.
 */
export function excelPort(context: ExcelContext, opts: ExcelPortOptions): WorkbookPort {
  const supports = opts.supports ?? officeSupports;
  return {
    async read() {
      const finishSettings = queueSettingsLoad(context);
      const snapshots = await readSnapshots(context, { supports });
      const s = await finishSettings(opts.settings);
      return {
        snapshots,
        settings: {
          overrides: s.overrides,
          profile: s.profile?.ok ? s.profile.profile : null,
          problems: s.problems,
        },
      };
    },
    readChangeLog: () => readLog(context),
    async apply(writes, stamp) {
      const r = await applyWrites(context, writes, {
        supports,
        op: stamp.op,
        applyId: stamp.applyId,
        now: () => new Date(stamp.time),
      });
      return { applied: r.applied, conflicts: r.conflicts, notWritten: r.notWritten, failure: r.error };
    },
    assertWritable() {
      // Excel saves the workbook itself: nothing kusei writes can make it lose content.
    },
    async highlight(evaluation, lang) {
      const r = await showHighlights(context, highlightTargets(evaluation, lang), { supports });
      return {
        unsupported: r.unsupported.includes("highlight"),
        notesUnsupported: r.unsupported.includes("notes") && !r.unsupported.includes("highlight"),
        failure: r.error,
      };
    },
    async clearHighlights() {
      return (await clearHighlights(context, { supports })).error;
    },
  };
}
