import { CHANGE_LOG_SHEET } from "../core/changelog";
import { evaluateWorkbook, writesFromPlan } from "../core";
import type { Evaluation, LocalizedText, SheetSnapshot } from "../core/model";
import { officeSupports, type Supports } from "./capabilities";
import { highlightTargets, showHighlights, type HighlightResult } from "./highlight";
import { readSnapshots } from "./read";
import { queueSettingsLoad, type WorkbookSettings } from "./settings";
import { applyWrites, type ExcelApplyResult } from "./write";

export interface RoundOptions {
  readonly supports?: Supports;
  readonly lang?: "ja" | "en";
  readonly now?: () => Date;
}

/** The workbook as the core sees it, with the settings saved in it. */
export interface WorkbookRead {
  /** every sheet but the change log */
  readonly snapshots: ReadonlyArray<SheetSnapshot>;
  readonly settings: WorkbookSettings;
  readonly evaluation: Evaluation;
}

/** Reads every sheet and the saved settings (2 syncs: the settings ride on the first) and evaluates them. */
export async function readAndEvaluate(
  context: Excel.RequestContext,
  opts: RoundOptions = {},
): Promise<WorkbookRead> {
  const finishSettings = queueSettingsLoad(context);
  const all = await readSnapshots(context, { supports: opts.supports ?? officeSupports });
  const settings = finishSettings();
  const snapshots = all.filter((s) => s.name !== CHANGE_LOG_SHEET);
  const profile = settings.profile?.ok ? settings.profile.profile : undefined;
  const evaluation = evaluateWorkbook(snapshots, {
    overrides: settings.overrides,
    ...(profile ? { profile } : {}),
  });
  return { snapshots, settings, evaluation };
}

/** Validate: read, evaluate, and show the findings in place (replacing the last run's highlights). */
export async function validateInExcel(
  context: Excel.RequestContext,
  opts: RoundOptions = {},
): Promise<{ read: WorkbookRead; highlight: HighlightResult }> {
  const read = await readAndEvaluate(context, opts);
  const highlight = await showHighlights(context, highlightTargets(read.evaluation, opts.lang ?? "ja"), {
    supports: opts.supports ?? officeSupports,
  });
  return { read, highlight };
}

/** Recalculate: read, derive every mark, and write those the plan says to write (conflicts are left alone). */
export async function recalculateInExcel(
  context: Excel.RequestContext,
  opts: RoundOptions = {},
): Promise<{ read: WorkbookRead; apply: ExcelApplyResult }> {
  const read = await readAndEvaluate(context, opts);
  const writes = writesFromPlan(read.evaluation.plan, { overwriteConflicts: false });
  const apply = await applyWrites(context, writes, {
    supports: opts.supports ?? officeSupports,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { read, apply };
}

/** A one-line ja/en summary of a recalculation, for a notification or the task pane. */
export function recalcSummary(read: WorkbookRead, apply: ExcelApplyResult): LocalizedText {
  const plan = read.evaluation.plan;
  const conflicts = plan.filter((m) => m.action === "conflict").length + apply.conflicts.length;
  const skipped = plan.filter((m) => m.action === "skip").length;
  const kept = plan.filter((m) => m.action === "keep").length;
  const n = apply.written.length;
  if (apply.error) {
    return {
      ja: `${apply.error.message.ja}(書き込み済み ${n} 件、未書き込み ${apply.notWritten.length} 件)`,
      en: `${apply.error.message.en} (${n} written, ${apply.notWritten.length} not written)`,
    };
  }
  return {
    ja: `一括再計算: ${n} 件を書き込みました。変更なし ${kept} 件、食い違い ${conflicts} 件(上書きしていません)、計算不可 ${skipped} 件。`,
    en: `Recalculated: ${n} marks written, ${kept} unchanged, ${conflicts} conflicts (not overwritten), ${skipped} not computable.`,
  };
}
