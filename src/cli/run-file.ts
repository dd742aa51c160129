import { basename, resolve } from "node:path";
import {
  CHANGE_LOG_SHEET,
  entriesForApply,
  withChangeLogOverride,
  evaluateWorkbook,
  nextApplyId,
  planRevert,
  readChangeLog,
  writesFromPlan,
  type MappingOverrides,
  type Profile,
} from "../core";
import {
  appendChangeLog,
  applyWrites,
  isWorkbookReadError,
  readWorkbook,
  WorkbookReadError,
  writeWorkbook,
  type XlsxWorkbookHandle,
} from "../xlsx";
import { CliFileError, readInput, writeAtomic } from "./files";
import { withPreviousYear, type PreviousYear } from "./previous";
import { t, type Lang } from "./i18n";
import { failedReport, reportOf, type FileReport, type MarkOut } from "./report-model";

export interface RunOptions {
  readonly lang: Lang;
  readonly profile: Profile;
  readonly maxUncompressedBytes: number;
  /** the clock (tests fix it) */
  readonly now: () => Date;
  /** check --previous: last year's workbook, evaluated (never written) */
  readonly previous?: PreviousYear | null;
}

export interface WriteTarget {
  /** --out DIR, or null for --in-place */
  readonly outDir: string | null;
  /** absolute output paths already written in this run (two inputs with one name must not collide) */
  readonly written: Set<string>;
}

/** The change-log sheet is kusei's own: the layout must treat it as "other" whatever it looks like. */
const OVERRIDES: MappingOverrides = withChangeLogOverride();

function messageOf(e: unknown, lang: Lang): string {
  if (isWorkbookReadError(e)) return e.messages[lang];
  if (e instanceof CliFileError) return e.message;
  // Anything else is a bug or an unexpected library failure: one line, no stack.
  return e instanceof Error ? `${e.name}: ${e.message.split("\n")[0] ?? ""}` : String(e);
}

async function load(file: string, opts: RunOptions) {
  const bytes = await readInput(file, opts.lang);
  const { snapshots, workbook } = await readWorkbook(bytes, {
    maxUncompressedBytes: opts.maxUncompressedBytes,
  });
  return { bytes, snapshots, workbook };
}

/** Before any work: a workbook whose save would drop content is not written at all. */
function refuseLossy(workbook: XlsxWorkbookHandle): void {
  if (workbook.lossyParts.length > 0) {
    throw new WorkbookReadError("would-lose-content", { parts: workbook.lossyParts.join(", ") });
  }
}

function outputPath(file: string, target: WriteTarget, lang: Lang): string {
  const path = target.outDir === null ? resolve(file) : resolve(target.outDir, basename(file));
  if (target.written.has(path)) throw new CliFileError(t(lang, "duplicateOut", { path }));
  target.written.add(path);
  return path;
}

/** `kusei check` of one file: evaluate, write nothing. */
export async function checkFile(file: string, opts: RunOptions): Promise<FileReport> {
  try {
    const { snapshots } = await load(file, opts);
    const ev = evaluateWorkbook(snapshots, { profile: opts.profile, overrides: OVERRIDES });
    if (opts.previous) {
      const { evaluation, history } = withPreviousYear(ev, opts.previous, opts.profile);
      return { ...reportOf(file, evaluation, opts.lang), output: null, notes: [], unrestored: 0, history };
    }
    return { ...reportOf(file, ev, opts.lang), output: null, notes: [], unrestored: 0 };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  }
}

/**
 * `kusei recalc` of one file: evaluate, apply the plan's writes (and the chosen conflicts), log them in the
 * change-log sheet, and write the result (to --out DIR or in place, atomically). With nothing to write the
 * original bytes are copied (--out) or the file is left alone (--in-place).
 */
export async function recalcFile(
  file: string,
  opts: RunOptions,
  target: WriteTarget,
  overwriteConflicts: boolean,
): Promise<FileReport> {
  try {
    const { bytes, snapshots, workbook } = await load(file, opts);
    refuseLossy(workbook);
    const ev = evaluateWorkbook(snapshots, { profile: opts.profile, overrides: OVERRIDES });
    const writes = writesFromPlan(ev.plan, { overwriteConflicts });
    const result = applyWrites(workbook, writes);
    const done = new Map<string, MarkOut["action"]>();
    const appliedKeys = new Set(result.applied.map((w) => `${w.sheet}!${w.cell}`));
    for (const p of ev.plan) {
      if (p.action !== "write" && p.action !== "conflict") continue;
      const key = `${p.sheet}!${p.cell}`;
      if (appliedKeys.has(key)) done.set(p.id, "write");
      else if (p.action === "write") done.set(p.id, "conflict");
    }
    const report = reportOf(file, ev, opts.lang, done);
    const out = outputPath(file, target, opts.lang);
    if (result.applied.length === 0) {
      if (target.outDir === null)
        return { ...report, output: null, notes: [t(opts.lang, "unchangedInPlace")], unrestored: 0 };
      await writeAtomic(out, bytes, opts.lang);
      return { ...report, output: out, notes: [t(opts.lang, "unchangedCopy")], unrestored: 0 };
    }
    const logSheet = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
    const time = opts.now().toISOString();
    const applyId = nextApplyId(logSheet ? readChangeLog(logSheet) : [], time);
    appendChangeLog(workbook, entriesForApply(result.applied, result.applied, applyId, time));
    await writeAtomic(out, await writeWorkbook(workbook), opts.lang);
    return { ...report, output: out, notes: [], unrestored: 0 };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  }
}

/** `kusei revert` of one file: undo the last recalc recorded in its change-log sheet, exactly. */
export async function revertFile(file: string, opts: RunOptions, target: WriteTarget): Promise<FileReport> {
  const base = { sheets: [], marks: [], findings: [], areas: [] };
  try {
    const { snapshots, workbook } = await load(file, opts);
    refuseLossy(workbook);
    const logSheet = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
    const entries = logSheet ? readChangeLog(logSheet) : [];
    const plan = planRevert(entries, snapshots);
    if (plan.applyId === null) {
      return {
        ...base,
        file,
        error: null,
        output: null,
        notes: [t(opts.lang, "nothingToRevert")],
        unrestored: 0,
      };
    }
    const result = applyWrites(workbook, plan.writes);
    const time = opts.now().toISOString();
    appendChangeLog(workbook, entriesForApply(result.applied, result.applied, plan.applyId, time, "revert"));
    const out = outputPath(file, target, opts.lang);
    await writeAtomic(out, await writeWorkbook(workbook), opts.lang);
    const conflicts = [
      ...plan.conflicts.map((c) => `${c.entry.sheet}!${c.entry.cell} (${c.why})`),
      ...result.conflicts.map((c) => `${c.write.sheet}!${c.write.cell} (${c.why})`),
    ];
    const notes = [
      `${t(opts.lang, "revertOf")}: ${plan.applyId}`,
      `${t(opts.lang, "reverted")}: ${result.applied.length}`,
      ...(conflicts.length > 0
        ? [`${t(opts.lang, "revertConflicts")}: ${conflicts.length} — ${conflicts.join(", ")}`]
        : []),
    ];
    return {
      ...base,
      file,
      error: null,
      output: out,
      notes,
      unrestored: conflicts.length,
    };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  }
}
