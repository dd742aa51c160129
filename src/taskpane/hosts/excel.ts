import {
  applySelected,
  checkWith,
  clear,
  PortError,
  revertWith,
  type Evaluator,
  type PortFailure,
} from "../../app";
import { excelPort } from "../../app/excel-port";
import type { LocalizedText } from "../../core";
import {
  describeExcelError,
  loadWorkbookSettings,
  NOTES_UNAVAILABLE,
  officeSupports,
  saveMappingOverrides,
  selectCell,
  type LoadSettingsParser,
  type Supports,
} from "../../excel";
import type { Engine } from "../engine/engine";
import type { CheckResult, PhaseListener, TaskpaneHost } from "../host";

function fail(failure: PortFailure): never {
  throw new PortError(failure);
}

/** Runs a batch in Excel; a thrown Office error becomes a PortError with ja/en text. */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    if (e instanceof PortError) throw e;
    fail(describeExcelError(e));
  }
}

/**
 * The task pane's use cases inside Excel: src/app over the Excel port (Office.js). The reads stay on the
 * page's thread, where Office.js's proxies live; `evaluate` evaluates each read — the engine's, which runs
 * in a Web Worker where one starts (index.tsx), or any evaluator of the same shape (tests). `settings` gives
 * the checks of the workbook's saved settings (index.tsx: a lazy chunk, loaded when a workbook has some).
 */
export function createExcelHost(
  lang: "ja" | "en",
  evaluate: Engine["evaluate"],
  settings: LoadSettingsParser,
  supports: Supports = officeSupports,
): TaskpaneHost {
  const evaluator =
    (onPhase: PhaseListener): Evaluator =>
    (read, choice, logSheet) =>
      evaluate(read, choice, logSheet, onPhase);
  const now = () => new Date();
  const port = (context: Excel.RequestContext) => excelPort(context, { supports, settings });
  return {
    mode: "excel",
    fileName: null,
    // Excel keeps and saves the workbook itself: a protected cell is planned as skip, never a refusal here.
    readOnly: null,
    check: (overrides, onPhase = () => undefined) =>
      run(async (context): Promise<CheckResult> => {
        // Validate as the ribbon does: read, evaluate (with the pane's mapping), highlight the findings in place.
        onPhase("reading");
        const r = await checkWith(port(context), {
          overrides,
          highlight: lang,
          evaluator: evaluator(onPhase),
        });
        const notices: LocalizedText[] = [...(r.settings?.problems ?? [])];
        if (r.highlight?.failure) notices.push(r.highlight.failure.message);
        if (r.highlight?.notesUnsupported) notices.push(NOTES_UNAVAILABLE);
        return { evaluation: r.evaluation, origins: r.origins, notices };
      }),
    apply: (writes, progress) =>
      run(async (context) => {
        progress(0, 0);
        const { outcome } = await applySelected(port(context), writes, now);
        if (outcome.failure) fail(outcome.failure);
        progress(writes.length, writes.length);
        return {
          written: outcome.applied.length,
          changed: outcome.conflicts.length + outcome.notWritten.length,
        };
      }),
    revert: () =>
      run(async (context) => {
        const { plan, outcome } = await revertWith(port(context), {
          now,
          evaluator: evaluator(() => undefined),
        });
        if (outcome.failure) fail(outcome.failure);
        return {
          restored: outcome.applied.length,
          skipped: plan.conflicts.length + outcome.conflicts.length,
        };
      }),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const failure = await selectCell(context, sheet, cell);
        if (failure) fail(failure);
        return null;
      }),
    clearHighlights: () => run((context) => clear(port(context))),
    loadMapping: () => run(async (context) => (await loadWorkbookSettings(context, settings)).overrides),
    saveMapping: (overrides) => run((context) => saveMappingOverrides(context, overrides, settings)),
    downloads: null,
  };
}
