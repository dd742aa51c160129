import { randomBytes } from "node:crypto";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { t, type Lang } from "./i18n";

/** A file-system problem, with its message in the run's language. */
export class CliFileError extends Error {
  override readonly name = "CliFileError";
}

/** The user-facing reason of a Node file-system error. */
export function fsReason(e: unknown, lang: Lang): string {
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

/** Reads a whole input file; a file-system problem becomes a CliFileError with a plain reason. */
export async function readInput(path: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new CliFileError(fsReason(e, lang));
  }
}

/**
 * Writes bytes to `target` atomically: a temporary file in the same folder, flushed to disk, then renamed
 * over the target, so the target is either the old file or the complete new one, never half written.
 */
export async function writeAtomic(target: string, bytes: Uint8Array, lang: Lang): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.kusei-${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    // Replacing a file keeps its permissions (the temp file would otherwise get the default mode).
    const mode = await stat(target).then(
      (st) => st.mode & 0o777,
      () => 0o666,
    );
    const handle = await open(temp, "wx", mode);
    try {
      await handle.chmod(mode);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined); // the temp file may not exist; the original error is what matters
    throw new CliFileError(`${fsReason(e, lang)}: ${target}`);
  }
}
