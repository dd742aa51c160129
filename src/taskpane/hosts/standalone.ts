import { applySelected, check, revert } from "../../app";
import {
  DEFAULT_PROFILE,
  fromA1,
  type CellValue,
  type MappingOverrides,
  type SheetSnapshot,
} from "../../core";
import type { CheckResult, Download, TaskpaneHost } from "../host";

type XlsxPortModule = Pick<typeof import("../../app/xlsx-port.js"), "openXlsxPort">;

// The xlsx port carries exceljs (~250 KB gzip): load it only when a file is opened, never in Excel mode.
function loadXlsxPort(): Promise<XlsxPortModule> {
  return import(/* webpackChunkName: "xlsx" */ "../../app/xlsx-port.js");
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

/** Lets the browser paint (progress) between steps of a long in-memory run. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Opens an .xlsx file in the browser: the use cases over the xlsx port. Writes go to the in-memory workbook
 * (with the change-log sheet, as the CLI writes it); the user downloads the result. Mapping overrides live
 * for the session only. `loadPort` is the lazy import of the port (tests, which cannot run a dynamic
 * import(), pass the module itself).
 */
export async function openStandaloneFile(
  file: File,
  loadPort: () => Promise<XlsxPortModule> = loadXlsxPort,
): Promise<TaskpaneHost> {
  const [{ openXlsxPort }, buffer] = await Promise.all([loadPort(), file.arrayBuffer()]);
  const port = await openXlsxPort(new Uint8Array(buffer));
  let mapping: MappingOverrides = {};
  const now = () => new Date();

  const parts = port.lossyParts.join(", ");
  // Content exceljs cannot keep (charts, macros …): the page still checks, but writes nothing it could not save.
  const notices =
    parts === ""
      ? []
      : [
          {
            ja: `このブックには、ここで保存すると失われる内容があります(${parts})。検証はできますが、記号の書き込みとダウンロードはできません。Excel のアドインで書き込んでください。`,
            en: `This workbook holds content a save here would drop (${parts}). It can be checked, but marks cannot be written or downloaded here: use the Excel add-in.`,
          },
        ];

  return {
    mode: "standalone",
    fileName: file.name,
    async check(overrides): Promise<CheckResult> {
      const r = await check(port, { profile: DEFAULT_PROFILE, overrides });
      return { evaluation: r.evaluation, origins: r.origins, notices };
    },
    async apply(writes, progress) {
      port.assertWritable();
      const total = writes.length;
      progress(0, total);
      await yieldToBrowser();
      const { outcome } = await applySelected(port, writes, now);
      progress(outcome.applied.length, total);
      await yieldToBrowser();
      // The next check reads what a download contains: take that read now, while the progress bar shows.
      await port.read();
      progress(total, total);
      return { written: outcome.applied.length, changed: outcome.conflicts.length };
    },
    async revert() {
      const { outcome } = await revert(port, { profile: DEFAULT_PROFILE, overrides: mapping, now });
      return { restored: outcome.applied.length };
    },
    async selectCell(sheet, cell) {
      const { snapshots } = await port.read();
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
        const bytes = await port.save();
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
