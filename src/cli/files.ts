/**
 * Every file the CLI reads or writes goes through here (issue 14 §3): inputs are read with a bound and only
 * when they are regular files; outputs are written atomically through exclusive temporary files beside the
 * target, never onto an input, with the umask honoured; an in-place write goes through a symlink to its
 * target, takes a lock, and re-checks the file just before the rename so a save made meanwhile is not lost.
 */
import { randomBytes } from "node:crypto";
import { constants, lstatSync, unlinkSync, type Stats } from "node:fs";
import {
  access,
  lstat,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
  type FileHandle,
} from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { t, type Lang } from "./i18n";

/** A file-system problem, with its message in the run's language. */
export class CliFileError extends Error {
  override readonly name = "CliFileError";
}

const TEXT = {
  fifo: {
    ja: "名前付きパイプ (FIFO) です。通常のファイルを指定してください",
    en: "this is a named pipe (FIFO), not a regular file",
  },
  device: {
    ja: "デバイスファイルです。通常のファイルを指定してください",
    en: "this is a device, not a regular file",
  },
  socket: {
    ja: "ソケットです。通常のファイルを指定してください",
    en: "this is a socket, not a regular file",
  },
  notRegular: { ja: "通常のファイルではありません", en: "not a regular file" },
  tooLarge: {
    ja: "ファイルが大きすぎます ({size} MB、上限 {max} MB)。--max-size で上限を変えられます",
    en: "the file is too large ({size} MB, limit {max} MB); --max-size raises the limit",
  },
  swapped: {
    ja: "読み取り中にファイルが置き換えられました。もう一度実行してください",
    en: "the file was replaced while it was being opened; run again",
  },
  outIsInput: {
    ja: "出力先が入力ファイル {input} と同じです (リンクを含む)。元のファイルを守るため書き込みません。別のフォルダを指定するか --in-place を使ってください",
    en: "the output is the input file {input} (or a link to it); nothing was written, to keep the original. Choose another folder or use --in-place",
  },
  reportIsInput: {
    ja: "--report の出力先が入力ファイル {input} と同じです (リンクを含む)。ブックを守るため何もしません",
    en: "--report would overwrite the input file {input} (or a link to it); nothing was done, to keep the workbook",
  },
  readOnly: {
    ja: "読み取り専用のファイルです。置き換えるには --allow-read-only を指定してください",
    en: "the file is read-only; give --allow-read-only to replace it anyway",
  },
  changedMeanwhile: {
    ja: "処理中にファイルが別のプログラムで変更されました (保存し直されたなど)。その内容を守るため書き込みませんでした。もう一度実行してください",
    en: "the file was changed by another program while kusei worked (saved again?); nothing was written, to keep that change. Run again",
  },
  locked: {
    ja: "別の kusei (プロセス {pid}) がこのファイルを処理中です。終わってからもう一度実行してください",
    en: "another kusei (process {pid}) is working on this file; run again when it has finished",
  },
  sameFileTwice: {
    ja: "同じファイル (リンクを含む) がこの実行ですでに処理されています",
    en: "this file (or a link to it) was already processed in this run",
  },
} as const;

function msg(lang: Lang, key: keyof typeof TEXT, params: Readonly<Record<string, string>> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? "");
}

/** The user-facing reason of a Node file-system error. */
export function fsReason(e: unknown, lang: Lang): string {
  if (e instanceof CliFileError) return e.message;
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return t(lang, "notFound");
    case "EISDIR":
      return t(lang, "isDirectory");
    case "EACCES":
    case "EPERM":
      return t(lang, "noPermission");
    default:
      return `${t(lang, "ioError")} (${typeof code === "string" ? code : e instanceof Error ? e.message : String(e)})`;
  }
}

/** Why a path that is not a regular file cannot be read (null for a regular file). */
function notRegularReason(st: Stats, lang: Lang): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return t(lang, "isDirectory");
  if (st.isFIFO()) return msg(lang, "fifo");
  if (st.isCharacterDevice() || st.isBlockDevice()) return msg(lang, "device");
  if (st.isSocket()) return msg(lang, "socket");
  return msg(lang, "notRegular");
}

const MB = 1024 * 1024;
const mb = (n: number): string => (n / MB).toFixed(1);

/** Which file a path is: the same (dev, ino) is the same file, whatever link or name reached it. */
export interface FileIdentity {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

/** A regular file read whole, with what identifies it at the moment it was read. */
export interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
}

// O_NONBLOCK: opening a FIFO that was swapped in after the stat must not hang (not defined on Windows,
// which has no FIFOs in the file system).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a whole input file, never more than `maxBytes` of it: stat first (a FIFO, device, socket or folder
 * is refused with the reason, before it is opened), then the opened handle is checked to be the file that
 * was stat'ed. A file-system problem becomes a CliFileError with a plain reason.
 */
export async function readInput(path: string, lang: Lang, maxBytes: number): Promise<InputFile> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw new CliFileError(fsReason(e, lang));
  }
  const why = notRegularReason(st, lang);
  if (why !== null) throw new CliFileError(why);
  if (st.size > maxBytes)
    throw new CliFileError(msg(lang, "tooLarge", { size: mb(st.size), max: mb(maxBytes) }));
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (e) {
    throw new CliFileError(fsReason(e, lang));
  }
  try {
    const fst = await handle.stat();
    if (!fst.isFile() || fst.dev !== st.dev || fst.ino !== st.ino)
      throw new CliFileError(msg(lang, "swapped"));
    // One byte more than allowed tells a file that grew past the limit since the stat.
    const buffer = Buffer.alloc(Math.min(fst.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes)
      throw new CliFileError(msg(lang, "tooLarge", { size: `> ${mb(maxBytes)}`, max: mb(maxBytes) }));
    return {
      path,
      bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length),
      dev: fst.dev,
      ino: fst.ino,
      size: fst.size,
      mtimeMs: fst.mtimeMs,
      mode: fst.mode,
    };
  } catch (e) {
    throw e instanceof CliFileError ? e : new CliFileError(fsReason(e, lang));
  } finally {
    await handle.close();
  }
}

/** The identities of the inputs that exist (a missing one is reported when it is processed). */
export async function identify(paths: ReadonlyArray<string>): Promise<FileIdentity[]> {
  const out: FileIdentity[] = [];
  for (const path of paths) {
    const st = await stat(path).catch(() => null);
    if (st) out.push({ path, dev: st.dev, ino: st.ino });
  }
  return out;
}

/** The input `target` would overwrite: the same path, a link to it or a hard link of it (null: none). */
async function inputAt(target: string, inputs: ReadonlyArray<FileIdentity>): Promise<FileIdentity | null> {
  const st = await stat(target).catch(() => null);
  const abs = resolve(target);
  return (
    inputs.find((i) => resolve(i.path) === abs || (st !== null && st.dev === i.dev && st.ino === i.ino)) ??
    null
  );
}

/** Refuses an --out target that is one of the inputs (e.g. `recalc a.xlsx --out .`). */
export async function refuseInputAsOutput(
  target: string,
  inputs: ReadonlyArray<FileIdentity>,
  lang: Lang,
): Promise<void> {
  const hit = await inputAt(target, inputs);
  if (hit) throw new CliFileError(msg(lang, "outIsInput", { input: hit.path }));
}

/** Refuses a --report target that is one of the inputs (e.g. `check b.xlsx --report b.xlsx`). */
export async function refuseInputAsReport(
  target: string,
  inputs: ReadonlyArray<FileIdentity>,
  lang: Lang,
): Promise<void> {
  const hit = await inputAt(target, inputs);
  if (hit) throw new CliFileError(msg(lang, "reportIsInput", { input: hit.path }));
}

// --- temporary files and their cleanup ---------------------------------------------------------------

/**
 * Temporary files and locks this process holds, removed on SIGINT/SIGTERM/SIGHUP (installInterruptCleanup).
 * Process state of the CLI only (never the core). kill -9 cannot be caught: the names carry the pid, so the
 * next run on the same target removes what a dead process left (sweepLeftovers, acquireLock).
 */
const held = new Set<string>();

/** `.NAME.kusei-PID-RANDOM.tmp`: hidden, beside its target, recognisable, unguessable. */
const TEMP_NAME = /^\.(.+)\.kusei-(\d+)-[0-9a-f]{16}\.tmp$/;

function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.kusei-${process.pid}-${randomBytes(8).toString("hex")}.tmp`,
  );
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as { code?: unknown }).code === "EPERM";
  }
}

/** Removes temporary files of `target` left by kusei processes that no longer run (kill -9, power loss). */
export async function sweepLeftovers(target: string): Promise<void> {
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || m[1] !== basename(target) || alive(Number(m[2]))) continue;
    const path = join(dirname(target), name);
    const st = await lstat(path).catch(() => null);
    // only plain files: never follow or remove a link someone planted under a temp-like name
    if (st?.isFile()) await unlink(path).catch(() => undefined); // another run may have removed it first
  }
}

/** A temporary file beside its target, created exclusively; commit renames it over the target. */
export class TempFile {
  private constructor(
    readonly handle: FileHandle,
    readonly path: string,
    readonly target: string,
  ) {}

  /**
   * `mode` is the final mode when replacing an existing file (its own); a new file is created 0666 and the
   * umask decides (never chmod'ed past it).
   */
  static async create(target: string, mode: number | null): Promise<TempFile> {
    await sweepLeftovers(target);
    const path = tempPathFor(target);
    const handle = await open(path, "wx", mode === null ? 0o666 : 0o600);
    held.add(path);
    const temp = new TempFile(handle, path, target);
    try {
      if (mode !== null) await handle.chmod(mode);
    } catch (e) {
      await temp.abort();
      throw e;
    }
    return temp;
  }

  /** Flushes, closes, then (after `check`, which may refuse) renames over the target. */
  async commit(check: () => Promise<void> = async () => undefined): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      await check();
      await rename(this.path, this.target);
      held.delete(this.path);
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined); // closing twice is harmless; the temp goes next
    await unlink(this.path).catch(() => undefined); // it may be gone already; the caller's error matters
    held.delete(this.path);
  }
}

/** Removes every temporary file and lock this process holds (synchronously: called from signal handlers). */
export function removeHeldFiles(): void {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // already gone: nothing to clean
    }
  }
  held.clear();
}

let cleanupInstalled = false;

/**
 * On SIGINT/SIGTERM/SIGHUP: remove the temporary files and locks, then die of the same signal (the shell
 * sees the usual status). The bin calls this once; in-process callers (tests) do not.
 */
export function installInterruptCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removeHeldFiles();
      process.kill(process.pid, signal);
    });
  }
}

// --- writing ---------------------------------------------------------------------------------------------

async function modeOf(target: string): Promise<number | null> {
  const st = await stat(target).catch(() => null);
  return st ? st.mode & 0o7777 : null;
}

/**
 * Writes bytes to `target` atomically: an exclusive temporary file in the same folder, flushed to disk, then
 * renamed over the target, so the target is either the old file or the complete new one, never half
 * written. Replacing a file keeps its mode; a new file gets the umask's. `check` runs just before the rename.
 */
export async function writeAtomic(
  target: string,
  bytes: Uint8Array,
  lang: Lang,
  check?: () => Promise<void>,
): Promise<void> {
  try {
    const temp = await TempFile.create(target, await modeOf(target));
    try {
      await temp.handle.writeFile(bytes);
    } catch (e) {
      await temp.abort();
      throw e;
    }
    await temp.commit(check);
  } catch (e) {
    throw new CliFileError(e instanceof CliFileError ? e.message : `${fsReason(e, lang)}: ${target}`);
  }
}

// --- in place ----------------------------------------------------------------------------------------------

function lockPathOf(real: string): string {
  return join(dirname(real), `.${basename(real)}.kusei.lock`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock of one file (`.NAME.kusei.lock` beside it, created exclusively, holding the pid), waiting up
 * to `waitMs` for another kusei to finish; a lock whose process is gone (kill -9) is removed. Two runs on one
 * file thus run one after the other, and the second reads what the first wrote (its log rows included).
 */
async function acquireLock(real: string, lang: Lang, waitMs: number): Promise<() => Promise<void>> {
  const path = lockPathOf(real);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o644);
      held.add(path);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await unlink(path).catch(() => undefined); // removed already (by a signal handler): fine
        held.delete(path);
      };
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EEXIST")
        throw new CliFileError(`${fsReason(e, lang)}: ${path}`);
    }
    const text = await readFile(path, "utf8").catch(() => "");
    const pid = Number.parseInt(text, 10);
    if (pid === process.pid) throw new CliFileError(msg(lang, "sameFileTwice"));
    // A lock being written has no pid yet: wait for it, but one left without a pid (a crash between its
    // creation and its write) is stale after a few seconds. A lock of a dead process is stale.
    const st = lstatSync(path, { throwIfNoEntry: false });
    const valid = Number.isInteger(pid) && pid > 0;
    if ((valid && !alive(pid)) || (!valid && st !== undefined && Date.now() - st.mtimeMs > 5000)) {
      if (st?.isFile()) await unlink(path).catch(() => undefined); // another run may have taken it first
      continue;
    }
    if (Date.now() >= until) throw new CliFileError(msg(lang, "locked", { pid: String(pid) }));
    await sleep(100);
  }
}

export interface InPlaceOptions {
  readonly maxBytes: number;
  /** --allow-read-only: replace a read-only file (it stays read-only) */
  readonly allowReadOnly: boolean;
  /** how long to wait for another kusei working on the same file */
  readonly lockWaitMs: number;
}

/** A file opened for an in-place rewrite: its bytes, and the way to replace it (or just let it go). */
export interface InPlaceFile {
  readonly input: InputFile;
  /** the real file (a symlink's target) */
  readonly real: string;
  /** Replaces the file, refusing if it changed since it was read. */
  replace(bytes: Uint8Array): Promise<void>;
  /** Releases the lock (always call, e.g. in finally). */
  close(): Promise<void>;
}

/** Opens `file` for an in-place rewrite: resolves links, refuses read-only files, locks, reads with a bound. */
export async function openInPlace(file: string, lang: Lang, opts: InPlaceOptions): Promise<InPlaceFile> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (e) {
    throw new CliFileError(fsReason(e, lang));
  }
  const st = await stat(real).catch((e: unknown) => {
    throw new CliFileError(fsReason(e, lang));
  });
  const why = notRegularReason(st, lang);
  if (why !== null) throw new CliFileError(why);
  if (!opts.allowReadOnly) {
    const writable =
      (st.mode & 0o222) !== 0 &&
      (await access(real, constants.W_OK).then(
        () => true,
        () => false,
      ));
    if (!writable) throw new CliFileError(msg(lang, "readOnly"));
  }
  const release = await acquireLock(real, lang, opts.lockWaitMs);
  try {
    const input = await readInput(real, lang, opts.maxBytes);
    const unchanged = async (): Promise<void> => {
      const now = await stat(real).catch(() => null);
      if (
        !now ||
        now.dev !== input.dev ||
        now.ino !== input.ino ||
        now.size !== input.size ||
        now.mtimeMs !== input.mtimeMs
      )
        throw new CliFileError(msg(lang, "changedMeanwhile"));
    };
    return {
      input,
      real,
      replace: (bytes) => writeAtomic(real, bytes, lang, unchanged),
      close: release,
    };
  } catch (e) {
    await release();
    throw e;
  }
}
