import type { MappingOverrides } from "../../core";
import type { Engine, PhaseListener } from "../engine/engine";
import type { CheckResult, Download, TaskpaneHost } from "../host";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The marked copy's file name: 「平野区.xlsx」 → 「平野区_kusei.xlsx」. */
export function markedFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}_kusei.xlsx`;
}

/**
 * Opens an .xlsx file in the browser. The engine (a Web Worker, or this thread where none can start)
 * reads and evaluates it with the use cases over the xlsx port; writes go to its in-memory workbook (with
 * the change-log sheet, as the CLI writes it) and the user downloads the result. Mapping overrides live
 * for the session only.
 */
export async function openStandaloneFile(
  file: File,
  engine: Engine,
  onPhase: PhaseListener = () => undefined,
): Promise<TaskpaneHost> {
  const { readOnly } = await engine.open(file, onPhase);
  let mapping: MappingOverrides = {};
  // Content a save here would break: the page still checks, and says so beside the check's findings.
  const notices = readOnly ? [readOnly] : [];

  return {
    mode: "standalone",
    fileName: file.name,
    readOnly,
    async check(overrides, phase): Promise<CheckResult> {
      const r = await engine.check(overrides, phase ?? (() => undefined));
      return { evaluation: r.evaluation, origins: r.origins, notices };
    },
    async apply(writes, progress) {
      progress(0, writes.length);
      const r = await engine.apply(writes);
      progress(writes.length, writes.length);
      return r;
    },
    revert: () => engine.revert(mapping),
    async selectCell(sheet, cell) {
      return { sheet, cell, value: await engine.cellValue(sheet, cell) };
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
        const bytes = await engine.save();
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
