import { evaluateWorkbook } from "../../core";
import type { LocalizedText, MappingOverrides } from "../../core/model";
import {
  applyWrites,
  clearHighlights,
  describeExcelError,
  loadWorkbookSettings,
  revertLastApply,
  saveMappingOverrides,
  selectCell,
  validateInExcel,
  type ExcelFailure,
} from "../../excel";
import type { CheckResult, TaskpaneHost } from "../host";

/** A failure the Excel adapter described in both languages; the pane shows the user's language. */
export class ExcelHostError extends Error {
  constructor(readonly messages: LocalizedText) {
    super(messages.en);
    this.name = "ExcelHostError";
  }
}

function fail(failure: ExcelFailure): never {
  throw new ExcelHostError(failure.message);
}

/** Runs a batch in Excel; a thrown Office error becomes an ExcelHostError with ja/en text. */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    if (e instanceof ExcelHostError) throw e;
    fail(describeExcelError(e));
  }
}

function sameOverrides(a: MappingOverrides, b: MappingOverrides): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The task pane's use cases inside Excel, through the src/excel adapter (Office.js). */
export function createExcelHost(lang: "ja" | "en"): TaskpaneHost {
  return {
    mode: "excel",
    fileName: null,
    check: (overrides) =>
      run(async (context): Promise<CheckResult> => {
        // Validate as the ribbon does: read, evaluate, highlight the findings in place.
        const { read, highlight } = await validateInExcel(context, { lang });
        const profile = read.settings.profile?.ok ? read.settings.profile.profile : undefined;
        const evaluation = sameOverrides(overrides, read.settings.overrides)
          ? read.evaluation
          : evaluateWorkbook(read.snapshots, { overrides, ...(profile ? { profile } : {}) });
        const notices: LocalizedText[] = [...read.settings.problems];
        if (highlight.error) notices.push(highlight.error.message);
        return {
          evaluation,
          origins: Object.fromEntries(read.snapshots.map((s) => [s.name, s.origin])),
          notices,
        };
      }),
    apply: (writes, progress) =>
      run(async (context) => {
        progress(0, 0);
        const r = await applyWrites(context, writes);
        if (r.error) fail(r.error);
        progress(writes.length, writes.length);
        return { written: r.written.length, changed: r.conflicts.length + r.notWritten.length };
      }),
    revert: () =>
      run(async (context) => {
        const r = await revertLastApply(context);
        if (r.error) fail(r.error);
        return { restored: r.restored.length, skipped: r.conflicts.length + r.lateConflicts.length };
      }),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const failure = await selectCell(context, sheet, cell);
        if (failure) fail(failure);
        return null;
      }),
    clearHighlights: () =>
      run(async (context) => {
        const r = await clearHighlights(context);
        if (r.error) fail(r.error);
      }),
    loadMapping: () => run(async (context) => (await loadWorkbookSettings(context)).overrides),
    saveMapping: (overrides) => run((context) => saveMappingOverrides(context, overrides)),
    downloads: null,
  };
}
