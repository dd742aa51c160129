import { mkdir, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { Command, CommanderError, Option } from "commander";
import { CHANGE_LOG_SHEET, DEFAULT_PROFILE, parseProfileJson, sheetNameProblem, type Profile } from "../core";
import { phaseTotals, type PhaseTotals } from "../app";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, type ReadBudget } from "../xlsx";
import {
  fsReason,
  identify,
  installInterruptCleanup,
  refuseInputAsReport,
  TempFile,
  type FileIdentity,
} from "./files";
import { failedReport, fileSection, jsonOf, reportHead, reportTail, type FileReport } from "../report";
import { formatJst } from "../report/time";
import { help, langOfArgv, localizeHelp } from "./help";
import { humanReport } from "./human";
import { expandInputs } from "./inputs";
import { loadPreviousYear, PreviousYearError } from "./previous";
import { runSummary } from "./summary";
import { t, type Lang } from "./i18n";
import { checkFile, recalcFile, revertFile, type RunOptions, type WriteTarget } from "./per-file";

/** Where the CLI writes, and what it knows about its terminal (tests and the bench pass their own). */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr is a terminal: a progress bar may be shown */
  readonly isTTY: boolean;
  readonly now?: () => Date;
}

/** Exit statuses of issue 3. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_UNREADABLE = 2;

/** More files than this on a terminal get a progress bar. */
const PROGRESS_MIN_FILES = 5;

class UsageError extends Error {
  override readonly name = "UsageError";
}

interface CommonOptions {
  json?: boolean;
  report?: string;
  profile?: string;
  lang: string;
  maxSize?: string;
  recursive?: boolean;
  previous?: string;
  logSheet?: string;
  maxCells?: string;
  maxMerges?: string;
  maxRanges?: string;
  maxNames?: string;
  maxParts?: string;
  maxSeconds?: string;
  timings?: boolean;
}

function langOf(o: CommonOptions): Lang {
  if (o.lang !== "ja" && o.lang !== "en")
    throw new UsageError(t("ja", "badLang") + " / " + t("en", "badLang"));
  return o.lang;
}

async function profileOf(o: CommonOptions, lang: Lang): Promise<Profile> {
  if (o.profile === undefined) return DEFAULT_PROFILE;
  let text: string;
  try {
    text = await readFile(o.profile, "utf8");
  } catch (e) {
    throw new UsageError(`${t(lang, "badProfile")}: ${o.profile}: ${fsReason(e, lang)}`);
  }
  const parsed = parseProfileJson(text);
  if (!parsed.ok) {
    const why = parsed.errors
      .map((err) => `${err.path === "" ? "" : `${err.path}: `}${err.message[lang]}`)
      .join("; ");
    throw new UsageError(`${t(lang, "badProfile")}: ${o.profile}: ${why}`);
  }
  return parsed.profile;
}

function maxBytesOf(o: CommonOptions, lang: Lang): number {
  if (o.maxSize === undefined) return DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const mb = Number(o.maxSize);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(t(lang, "badMaxSize"));
  return Math.round(mb * 1024 * 1024);
}

/** --log-sheet NAME: a name Excel accepts for a sheet, or a usage error saying why not. */
function logSheetOf(o: CommonOptions, lang: Lang): string {
  if (o.logSheet === undefined) return CHANGE_LOG_SHEET;
  const problem = sheetNameProblem(o.logSheet);
  if (problem !== null) throw new UsageError(`--log-sheet: ${problem[lang]}`);
  return o.logSheet;
}

/** The read budgets raised (or lowered) by --max-cells, --max-merges … (src/xlsx/budget.ts). */
function budgetOfOptions(o: CommonOptions, lang: Lang): Partial<ReadBudget> {
  const limits: Array<[string | undefined, string, keyof ReadBudget, number]> = [
    [o.maxCells, "--max-cells", "maxCells", 1],
    [o.maxMerges, "--max-merges", "maxMerges", 1],
    [o.maxRanges, "--max-ranges", "maxRanges", 1],
    [o.maxNames, "--max-names", "maxNames", 1],
    [o.maxParts, "--max-parts", "maxParts", 1],
    [o.maxSeconds, "--max-seconds", "maxMillis", 1000],
  ];
  const out: Partial<Record<keyof ReadBudget, number>> = {};
  for (const [text, flag, key, unit] of limits) {
    if (text === undefined) continue;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(t(lang, "badLimit", { flag }));
    out[key] = Math.round(n * unit);
  }
  return out;
}

/** The --report file, written as the files are processed (bounded memory) and renamed into place at the end. */
class ReportStream {
  private constructor(
    private readonly temp: TempFile,
    readonly path: string,
  ) {}

  static async open(
    path: string,
    lang: Lang,
    command: string,
    now: Date,
    inputs: ReadonlyArray<FileIdentity>,
  ): Promise<ReportStream> {
    const target = resolve(path);
    await refuseInputAsReport(target, inputs, lang);
    await mkdir(dirname(target), { recursive: true });
    const stream = new ReportStream(await TempFile.create(target, null), target);
    await stream.write(reportHead(lang, command, formatJst(now, lang)));
    return stream;
  }

  async write(text: string): Promise<void> {
    await this.temp.handle.write(`${text}\n`);
  }

  async close(): Promise<void> {
    await this.write(reportTail());
    await this.temp.commit();
  }

  async abort(): Promise<void> {
    await this.temp.abort();
  }
}

type Mode = "check" | "recalc" | "revert";

interface WriteOptions {
  out?: string;
  allowReadOnly?: boolean;
  lockWait?: string;
  lang: string;
}

/** How long an in-place run waits for another kusei working on the same file before it gives up (s). */
const LOCK_WAIT_S = 30;

async function writeTargetOf(o: WriteOptions): Promise<WriteTarget> {
  const wait = o.lockWait === undefined ? LOCK_WAIT_S : Number(o.lockWait);
  if (!Number.isFinite(wait) || wait < 0) {
    const lang = o.lang === "en" ? "en" : "ja";
    throw new UsageError(t(lang, "badLockWait"));
  }
  if (o.out !== undefined) await mkdir(o.out, { recursive: true });
  return {
    outDir: o.out ?? null,
    written: new Set(),
    allowReadOnly: o.allowReadOnly === true,
    lockWaitMs: Math.round(wait * 1000),
  };
}

function writeOptions(cmd: Command, lang: Lang): Command {
  return cmd
    .option("--allow-read-only", help(lang, "allowReadOnly"))
    .option("--lock-wait <seconds>", help(lang, "lockWait", { n: LOCK_WAIT_S }));
}

/** Runs one command over its files, one at a time, printing as it goes; returns the exit status. */
async function runFiles(
  mode: Mode,
  args: ReadonlyArray<string>,
  o: CommonOptions,
  io: CliIO,
  processFile: (file: string, run: RunOptions) => Promise<FileReport>,
  command: string,
): Promise<number> {
  const lang = langOf(o);
  // revert names one file; check/recalc expand folders and globs themselves (cmd/PowerShell do not).
  const items =
    mode === "revert"
      ? args.map((path) => ({ path, error: null }))
      : await expandInputs(args, {
          recursive: o.recursive === true,
          lang,
          platform: process.platform,
          cwd: process.cwd(),
        });
  const files = items.map((i) => i.path);
  const inputErrors = new Map(items.flatMap((i) => (i.error === null ? [] : [[i.path, i.error] as const])));
  const processOne = async (file: string, run: RunOptions): Promise<FileReport> => {
    const why = inputErrors.get(file);
    return why === undefined ? processFile(file, run) : failedReport(file, why);
  };
  const profile = await profileOf(o, lang);
  const maxUncompressedBytes = maxBytesOf(o, lang);
  const run: RunOptions = {
    lang,
    profile,
    maxUncompressedBytes,
    budget: budgetOfOptions(o, lang),
    logSheet: logSheetOf(o, lang),
    now: io.now ?? (() => new Date()),
    previous:
      o.previous === undefined
        ? null
        : await loadPreviousYear(o.previous, { lang, profile, maxUncompressedBytes }),
    // last year's workbook is an input too: no output or report may land on it
    inputs: await identify(o.previous === undefined ? files : [...files, o.previous]),
    ...(o.timings === true ? { timer: phaseTotals(() => performance.now()) } : {}),
  };
  const report =
    o.report === undefined ? null : await ReportStream.open(o.report, lang, command, run.now(), run.inputs);
  const bar =
    io.isTTY && !o.json && files.length >= PROGRESS_MIN_FILES
      ? new SingleBar(
          { clearOnComplete: true, hideCursor: true, stream: process.stderr },
          Presets.shades_classic,
        )
      : null;
  // With a bar on screen, the summaries wait until it is gone (they are small: no grids).
  const held: string[] = [];
  const heldErrors: string[] = [];
  let unreadable = 0;
  let withErrors = 0;
  try {
    if (o.json) io.stdout('{"version":1,"files":[');
    bar?.start(files.length, 0);
    for (const [i, file] of files.entries()) {
      const r = await processOne(file, run);
      if (r.error !== null) unreadable++;
      if (r.findings.some((f) => f.severity === "error") || r.unrestored > 0) withErrors++;
      if (o.json) io.stdout(`${i > 0 ? "," : ""}${JSON.stringify(jsonOf(r))}`);
      else if (bar) held.push(humanReport(r, lang, mode));
      else io.stdout(`${humanReport(r, lang, mode)}\n`);
      // The reason a file could not be read (or written) is an error message: stderr, in both modes.
      if (r.error !== null) {
        if (bar) heldErrors.push(`kusei: ${file}: ${r.error}`);
        else io.stderr(`kusei: ${file}: ${r.error}\n`);
      }
      await report?.write(fileSection(r, lang, i));
      bar?.increment();
    }
    if (o.json) io.stdout("]}\n");
    bar?.stop();
    for (const text of held) io.stdout(`${text}\n`);
    for (const text of heldErrors) io.stderr(`${text}\n`);
    await report?.close();
  } catch (e) {
    bar?.stop();
    await report?.abort();
    throw e;
  }
  if (run.timer) io.stderr(`${timingsLine(run.timer)}\n`);
  if (!o.json) {
    if (files.length > 1)
      io.stdout(`${t(lang, "summaryFiles", { n: files.length, e: withErrors, u: unreadable })}\n`);
    if (report) io.stdout(`${t(lang, "reportAt")}: ${report.path}\n`);
  }
  if (unreadable > 0) return EXIT_USAGE_OR_UNREADABLE;
  return withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function common(cmd: Command, lang: Lang): Command {
  return cmd
    .option("--json", help(lang, "json"))
    .option("--report <file>", help(lang, "report"))
    .option("--profile <file>", help(lang, "profile"))
    .addOption(new Option("--lang <lang>", help(lang, "lang")).choices(["ja", "en"]).default("ja"))
    .option("--max-size <MB>", help(lang, "maxSize"))
    .option("--log-sheet <name>", help(lang, "logSheet", { name: CHANGE_LOG_SHEET }))
    .option("--max-cells <N>", help(lang, "maxCells"))
    .option("--max-merges <N>", help(lang, "maxMerges"))
    .option("--max-ranges <N>", help(lang, "maxRanges"))
    .option("--max-names <N>", help(lang, "maxNames"))
    .option("--max-parts <N>", help(lang, "maxParts"))
    .option("--max-seconds <S>", help(lang, "maxSeconds"))
    .option("--timings", help(lang, "timings"));
}

/**
 * `kusei timings input_ms=… read_ms=… recognize_ms=… …`: milliseconds per phase over all the files (on stderr,
 * so --json output stays clean). Inner phases are counted apart from the outer ones (src/app/timing.ts).
 */
function timingsLine(timer: PhaseTotals): string {
  const parts = timer.totals().map(([phase, ms]) => `${phase.replace("-", "_")}_ms=${Math.round(ms)}`);
  return `kusei timings ${parts.join(" ")}`;
}

/**
 * Runs the kusei command line with `argv` (without node and the script) and returns the exit status:
 * 0 no error finding, 1 an error finding (or an unrevertable cell), 2 usage error or unreadable file.
 */
export async function runCli(argv: ReadonlyArray<string>, io: CliIO): Promise<number> {
  let status = EXIT_OK;
  // The help speaks the language asked for (Japanese unless --lang en), so it is built knowing it.
  const hl = langOfArgv(argv);
  const program = localizeHelp(new Command("kusei"), hl)
    .description(help(hl, "program"))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);

  const command = `kusei ${argv.join(" ")}`;
  common(
    program
      .command("check")
      .description(help(hl, "check"))
      .argument("<files...>", help(hl, "files"))
      .option("--recursive", help(hl, "recursive"))
      .option("--previous <file>", help(hl, "previous")),
    hl,
  ).action(async (files: string[], o: CommonOptions) => {
    status = await runFiles("check", files, o, io, checkFile, command);
  });
  writeOptions(
    common(
      program
        .command("recalc")
        .description(help(hl, "recalc"))
        .argument("<files...>", help(hl, "files"))
        .option("--recursive", help(hl, "recursive"))
        .option("--out <dir>", help(hl, "out"))
        .option("--in-place", help(hl, "inPlace"))
        .option("--overwrite-conflicts", help(hl, "overwriteConflicts")),
      hl,
    ),
    hl,
  ).action(
    async (
      files: string[],
      o: CommonOptions & WriteOptions & { inPlace?: boolean; overwriteConflicts?: boolean },
    ) => {
      const lang = langOf(o);
      if ((o.out === undefined) === (o.inPlace !== true)) throw new UsageError(t(lang, "outOrInPlace"));
      const target = await writeTargetOf(o);
      const overwrite = o.overwriteConflicts === true;
      status = await runFiles(
        "recalc",
        files,
        o,
        io,
        (file, run) => recalcFile(file, run, target, overwrite),
        command,
      );
    },
  );
  writeOptions(
    common(
      program
        .command("revert")
        .description(help(hl, "revert"))
        .argument("<file>", help(hl, "file"))
        .option("--out <dir>", help(hl, "outRevert")),
      hl,
    ),
    hl,
  ).action(async (file: string, o: CommonOptions & WriteOptions) => {
    const target = await writeTargetOf(o);
    status = await runFiles("revert", [file], o, io, (f, run) => revertFile(f, run, target), command);
  });

  program
    .command("summary")
    .description(help(hl, "summary"))
    .argument("<files...>", help(hl, "files"))
    .requiredOption("--out <dir>", help(hl, "summaryOut"))
    .option("--recursive", help(hl, "recursive"))
    .option("--json", help(hl, "summaryJson"))
    .option("--profile <file>", help(hl, "profile"))
    .addOption(new Option("--lang <lang>", help(hl, "lang")).choices(["ja", "en"]).default("ja"))
    .option("--max-size <MB>", help(hl, "maxSize"))
    .action(async (files: string[], o: CommonOptions & { out: string }) => {
      const lang = langOf(o);
      status = await runSummary(
        files,
        {
          out: o.out,
          lang,
          profile: await profileOf(o, lang),
          maxUncompressedBytes: maxBytesOf(o, lang),
          recursive: o.recursive === true,
          json: o.json === true,
          command,
          now: io.now ?? (() => new Date()),
        },
        io,
      );
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its message already; help and version are not errors.
      return e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
        ? EXIT_OK
        : EXIT_USAGE_OR_UNREADABLE;
    }
    if (e instanceof UsageError || e instanceof PreviousYearError) {
      io.stderr(`kusei: ${e.message}\n`);
      return EXIT_USAGE_OR_UNREADABLE;
    }
    // A failure outside any one file (e.g. the report or --out folder cannot be written): one line, no stack.
    const msg = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    io.stderr(`kusei: ${msg}\n`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
}

/** The `kusei` bin: process argv and streams, and the exit status. */
export async function main(): Promise<void> {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  };
  installInterruptCleanup();
  process.exitCode = await runCli(process.argv.slice(2), io);
}
