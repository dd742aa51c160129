import { basename, resolve } from "node:path";
import { actionsDone, check, PortError, recalc, revert, type PhaseTotals } from "../app";
import { openXlsxPort, type XlsxPort, type XlsxPortOptions } from "../app/xlsx-port";
import { rejectedRowsText, revertConflictText, type Profile } from "../core";
import { failedReport, reportOf, type FileReport } from "../report";
import { isWorkbookReadError, type ReadBudget, type WriteConflictReason } from "../xlsx";
import {
  CliFileError,
  openInPlace,
  readInput,
  refuseInputAsOutput,
  writeAtomic,
  type FileIdentity,
} from "./files";
import { t, type Lang } from "./i18n";
import { ZLIB_CODEC } from "./zlib-codec";
import { withPreviousYear, type PreviousYear } from "./previous";

// The CLI's side of each command on one file: read the file, open an xlsx port, call the use case (src/app),
// turn its result into the report, and write the output file. No pipeline of its own.

export interface RunOptions {
  readonly lang: Lang;
  readonly profile: Profile;
  readonly maxUncompressedBytes: number;
  /** the other read budgets (--max-cells …); unset ones take the defaults */
  readonly budget?: Partial<ReadBudget>;
  /** the change-log sheet's name (--log-sheet); CHANGE_LOG_SHEET when unset */
  readonly logSheet?: string;
  /** the clock (tests fix it) */
  readonly now: () => Date;
  /** check --previous: last year's workbook, evaluated (never written) */
  readonly previous?: PreviousYear | null;
  /** every input of the run: no output may overwrite one of them */
  readonly inputs: ReadonlyArray<FileIdentity>;
  /** --timings: where the time goes, added up over the files */
  readonly timer?: PhaseTotals;
}

export interface WriteTarget {
  /** --out DIR, or null for --in-place */
  readonly outDir: string | null;
  /** absolute output paths already written in this run (two inputs with one name must not collide) */
  readonly written: Set<string>;
  /** --allow-read-only: an in-place write may replace a read-only file */
  readonly allowReadOnly: boolean;
  /** how long an in-place write waits for another kusei run on the same file */
  readonly lockWaitMs: number;
}

function messageOf(e: unknown, lang: Lang): string {
  if (isWorkbookReadError(e)) return e.messages[lang];
  if (e instanceof PortError) return e.messages[lang];
  if (e instanceof CliFileError) return e.message;
  // Anything else is a bug or an unexpected library failure: one line, no stack.
  return e instanceof Error ? `${e.name}: ${e.message.split("\n")[0] ?? ""}` : String(e);
}

/** The port's options from the run's: size, the other budgets, the change-log sheet's name. */
function readOptions(opts: RunOptions): XlsxPortOptions {
  return {
    maxUncompressedBytes: opts.maxUncompressedBytes,
    codec: ZLIB_CODEC,
    ...(opts.logSheet === undefined ? {} : { logSheet: opts.logSheet }),
    ...(opts.budget === undefined ? {} : { budget: opts.budget }),
  };
}

/** Runs `work` as the phase, measured when the run has --timings. */
function timed<T>(opts: RunOptions, phase: string, work: () => Promise<T>): Promise<T> {
  return opts.timer ? opts.timer.timeAsync(phase, work) : work();
}

async function open(file: string, opts: RunOptions): Promise<{ bytes: Uint8Array; port: XlsxPort }> {
  const { bytes } = await timed(opts, "input", () => readInput(file, opts.lang, opts.maxUncompressedBytes));
  return { bytes, port: await timed(opts, "read", () => openXlsxPort(bytes, readOptions(opts))) };
}

/** A file being rewritten: its bytes, where the result goes, and how it gets there. */
interface Source {
  readonly bytes: Uint8Array;
  /** the output path shown to the user */
  readonly output: string;
  readonly inPlace: boolean;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

function reserve(path: string, target: WriteTarget, lang: Lang): void {
  if (target.written.has(path)) throw new CliFileError(t(lang, "duplicateOut", { path }));
  target.written.add(path);
}

/**
 * --in-place: the file locked, read and replaced through its link (src/cli/files.ts openInPlace); --out:
 * the file read, and DIR/<name> written, never onto an input.
 */
async function openSource(file: string, opts: RunOptions, target: WriteTarget): Promise<Source> {
  if (target.outDir === null) {
    const f = await openInPlace(file, opts.lang, {
      maxBytes: opts.maxUncompressedBytes,
      allowReadOnly: target.allowReadOnly,
      lockWaitMs: target.lockWaitMs,
    });
    try {
      reserve(f.real, target, opts.lang);
    } catch (e) {
      await f.close();
      throw e;
    }
    return {
      bytes: f.input.bytes,
      output: resolve(file),
      inPlace: true,
      write: (bytes) => f.replace(bytes),
      close: () => f.close(),
    };
  }
  const input = await readInput(file, opts.lang, opts.maxUncompressedBytes);
  const out = resolve(target.outDir, basename(file));
  await refuseInputAsOutput(out, opts.inputs, opts.lang);
  reserve(out, target, opts.lang);
  return {
    bytes: input.bytes,
    output: out,
    inPlace: false,
    write: (bytes) =>
      writeAtomic(out, bytes, opts.lang, () => refuseInputAsOutput(out, opts.inputs, opts.lang)),
    close: async () => undefined,
  };
}

/** `kusei check` of one file: evaluate, write nothing. */
export async function checkFile(file: string, opts: RunOptions): Promise<FileReport> {
  try {
    const { port } = await open(file, opts);
    const { evaluation } = await check(port, {
      profile: opts.profile,
      ...(opts.timer ? { timer: opts.timer } : {}),
      ...(opts.previous ? { previous: opts.previous.evaluation } : {}),
    });
    if (opts.previous) {
      const withHistory = withPreviousYear(evaluation, opts.previous, opts.profile);
      return {
        ...reportOf(file, withHistory.evaluation, opts.lang),
        output: null,
        notes: [],
        unrestored: 0,
        history: withHistory.history,
      };
    }
    return { ...reportOf(file, evaluation, opts.lang), output: null, notes: [], unrestored: 0 };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  }
}

/**
 * `kusei recalc` of one file: the recalc use case (writes and change log), then the result written to
 * --out DIR or in place, atomically. With nothing written the original bytes are copied (--out) or the file
 * is left alone (--in-place).
 */
export async function recalcFile(
  file: string,
  opts: RunOptions,
  target: WriteTarget,
  overwriteConflicts: boolean,
): Promise<FileReport> {
  let source: Source | null = null;
  try {
    const opened = await timed(opts, "input", () => openSource(file, opts, target));
    source = opened;
    const bytes = opened.bytes;
    const port = await timed(opts, "read", () => openXlsxPort(bytes, readOptions(opts)));
    const r = await recalc(port, {
      profile: opts.profile,
      choice: { overwriteConflicts },
      now: opts.now,
      ...(opts.timer ? { timer: opts.timer } : {}),
    });
    const done = actionsDone(r.evaluation.plan, r.outcome);
    const makeReport = () => reportOf(file, r.evaluation, opts.lang, done);
    const report = opts.timer ? opts.timer.time("report", makeReport) : makeReport();
    const out = opened.output;
    if (r.outcome.applied.length === 0) {
      if (opened.inPlace)
        return { ...report, output: null, notes: [t(opts.lang, "unchangedInPlace")], unrestored: 0 };
      await timed(opts, "output", () => opened.write(bytes));
      return { ...report, output: out, notes: [t(opts.lang, "unchangedCopy")], unrestored: 0 };
    }
    const saved = await timed(opts, "save", () => port.save(opts.timer));
    await timed(opts, "output", () => opened.write(saved));
    return { ...report, output: out, notes: [], unrestored: 0 };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  } finally {
    await source?.close();
  }
}

/** Why the xlsx adapter did not perform a restore write, ja/en. */
function writeConflictText(why: WriteConflictReason, lang: Lang): string {
  switch (why) {
    case "invalid-address":
      return lang === "ja" ? "セル番地が正しくありません" : "not a cell address";
    case "inexact-restore":
      return lang === "ja"
        ? "元の内容 (書式付き文字列など) をこの方法では正確に戻せません"
        : "its old content (e.g. rich text) cannot be put back exactly this way";
    case "merged":
      return lang === "ja" ? "結合セルの左上以外です" : "inside a merged area, not its top-left";
    default:
      return revertConflictText(why)[lang];
  }
}

/** `kusei revert` of one file: the revert use case (the last recalc undone exactly), then the file written. */
export async function revertFile(file: string, opts: RunOptions, target: WriteTarget): Promise<FileReport> {
  const base = { file, error: null, sheets: [], marks: [], findings: [], areas: [] };
  let source: Source | null = null;
  try {
    source = await openSource(file, opts, target);
    const port = await openXlsxPort(source.bytes, readOptions(opts));
    const { plan, outcome, rejected } = await revert(port, { profile: opts.profile, now: opts.now });
    const rejectedText = rejectedRowsText(rejected);
    const rejectedNotes = rejectedText === null ? [] : [rejectedText[opts.lang]];
    if (plan.applyId === null)
      return {
        ...base,
        output: null,
        notes: [t(opts.lang, "nothingToRevert"), ...rejectedNotes],
        unrestored: 0,
      };
    const conflicts = [
      ...plan.conflicts.map(
        (c) => `${c.entry.sheet}!${c.entry.cell} (${revertConflictText(c.why)[opts.lang]})`,
      ),
      ...outcome.conflicts.map(
        (c) => `${c.write.sheet}!${c.write.cell} (${writeConflictText(c.why, opts.lang)})`,
      ),
    ];
    // nothing restored: the file is left as it is (the apply stays open, so the conflicts can be fixed first)
    let out: string | null = null;
    if (outcome.applied.length > 0) {
      out = source.output;
      await source.write(await port.save());
    }
    const notes = [
      `${t(opts.lang, "revertOf")}: ${plan.applyId}`,
      `${t(opts.lang, "reverted")}: ${outcome.applied.length}`,
      ...(conflicts.length > 0
        ? [`${t(opts.lang, "revertConflicts")}: ${conflicts.length} — ${conflicts.join(", ")}`]
        : []),
      ...rejectedNotes,
    ];
    return { ...base, output: out, notes, unrestored: conflicts.length };
  } catch (e) {
    return failedReport(file, messageOf(e, opts.lang));
  } finally {
    await source?.close();
  }
}
