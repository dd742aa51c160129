import { fromA1 } from "../../core/address/a1";
import {
  CHANGE_LOG_SHEET,
  entriesForApply,
  nextApplyId,
  planRevert,
  readChangeLog,
} from "../../core/changelog";
import { evaluateWorkbook } from "../../core";
import type { CellValue, CellWrite, ChangeLogEntry, MappingOverrides, SheetSnapshot } from "../../core/model";
import { DEFAULT_PROFILE } from "../../core/profile/profile";
import type { CheckResult, Download, TaskpaneHost } from "../host";

// The xlsx adapter carries exceljs (~250 KB gzip): load it only when a file is opened, never in Excel mode.
type XlsxModule = typeof import("../../xlsx/index.js");
type Handle = Awaited<ReturnType<XlsxModule["readWorkbook"]>>["workbook"];

function loadXlsx(): Promise<XlsxModule> {
  return import(/* webpackChunkName: "xlsx" */ "../../xlsx/index.js");
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The marked copy's file name: 「平野区.xlsx」 → 「平野区_kusei.xlsx」. */
export function markedFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}_kusei.xlsx`;
}

/** The cell's value in the snapshots (null when the sheet or cell is outside them). */
export function cellValueAt(snapshots: ReadonlyArray<SheetSnapshot>, sheet: string, cell: string): CellValue {
  const snap = snapshots.find((s) => s.name === sheet);
  const pos = fromA1(cell);
  if (!snap || !pos) return null;
  return snap.values[pos.row - snap.origin.row]?.[pos.col - snap.origin.col] ?? null;
}

function changeLogOf(snapshots: ReadonlyArray<SheetSnapshot>): ChangeLogEntry[] {
  const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
  return log ? readChangeLog(log) : [];
}

/** Lets the browser paint (progress) between steps of a long in-memory run. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Opens an .xlsx file in the browser: the same core through the xlsx adapter. Writes go to an in-memory copy
 * (with the change-log sheet, as the CLI writes it); the user downloads the result. Mapping overrides live
 * for the session only.
 */
export async function openStandaloneFile(file: File): Promise<TaskpaneHost> {
  const [xlsx, buffer] = await Promise.all([loadXlsx(), file.arrayBuffer()]);
  let { snapshots, workbook } = await xlsx.readWorkbook(new Uint8Array(buffer));
  let mapping: MappingOverrides = {};

  // After a write the handle is serialised and read back, so the snapshots are what a download contains.
  const reload = async (handle: Handle): Promise<void> => {
    const bytes = await xlsx.writeWorkbook(handle);
    ({ snapshots, workbook } = await xlsx.readWorkbook(bytes));
  };

  const perform = (
    writes: ReadonlyArray<CellWrite>,
    applyId: string,
    time: string,
    op: "apply" | "revert",
  ) => {
    const result = xlsx.applyWrites(workbook, writes);
    xlsx.appendChangeLog(workbook, entriesForApply(result.applied, result.applied, applyId, time, op));
    return result;
  };

  // Content exceljs cannot keep (charts, macros …): the page still checks, but writes nothing it could not save.
  const lossGuard = (): void => {
    if (workbook.lossyParts.length > 0) {
      throw new xlsx.WorkbookReadError("would-lose-content", { parts: workbook.lossyParts.join(", ") });
    }
  };

  const check = async (overrides: MappingOverrides): Promise<CheckResult> => {
    const evaluation = evaluateWorkbook(snapshots, { profile: DEFAULT_PROFILE, overrides });
    const origins = Object.fromEntries(snapshots.map((s) => [s.name, s.origin]));
    const parts = workbook.lossyParts.join(", ");
    const notices =
      parts === ""
        ? []
        : [
            {
              ja: `このブックには、ここで保存すると失われる内容があります(${parts})。検証はできますが、記号の書き込みとダウンロードはできません。Excel のアドインで書き込んでください。`,
              en: `This workbook holds content a save here would drop (${parts}). It can be checked, but marks cannot be written or downloaded here: use the Excel add-in.`,
            },
          ];
    return { evaluation, origins, notices };
  };

  return {
    mode: "standalone",
    fileName: file.name,
    check,
    async apply(writes, progress) {
      lossGuard();
      const total = writes.length;
      progress(0, total);
      await yieldToBrowser();
      const time = new Date().toISOString();
      const result = perform(writes, nextApplyId(changeLogOf(snapshots), time), time, "apply");
      progress(result.applied.length, total);
      await yieldToBrowser();
      await reload(workbook);
      progress(total, total);
      return { written: result.applied.length, changed: result.conflicts.length };
    },
    async revert() {
      lossGuard();
      const plan = planRevert(changeLogOf(snapshots), snapshots);
      if (plan.applyId === null) return { restored: 0 };
      const result = perform(plan.writes, plan.applyId, new Date().toISOString(), "revert");
      await reload(workbook);
      return { restored: result.applied.length };
    },
    async selectCell(sheet, cell) {
      return { sheet, cell, value: cellValueAt(snapshots, sheet, cell) };
    },
    clearHighlights: null,
    async loadMapping() {
      return mapping;
    },
    async saveMapping(overrides) {
      mapping = overrides;
    },
    downloads: {
      async workbook(): Promise<Download> {
        const bytes = await xlsx.writeWorkbook(workbook);
        return {
          fileName: markedFileName(file.name),
          blob: new Blob([bytes as BlobPart], { type: XLSX_MIME }),
        };
      },
      async report(result, lang): Promise<Download> {
        const { renderReport } = await import(/* webpackChunkName: "report" */ "./report.js");
        const html = renderReport(file.name, result, lang);
        return {
          fileName: file.name.replace(/\.xlsx$/i, "") + "_report.html",
          blob: new Blob([html], { type: "text/html;charset=utf-8" }),
        };
      },
    },
  };
}
