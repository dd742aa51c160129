import { readdir, stat } from "node:fs/promises";
import { join, posix, relative, resolve, win32 } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { Lang } from "./i18n";

/** The workbook kinds kusei opens when it lists a folder or expands a glob. */
const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** Excel's owner/lock file of an open workbook (~$name.xlsx): never a workbook. */
const LOCK_FILE = /^~\$/;

/** One input to process: a path, or an argument that named nothing processable (why, in the run's language). */
export interface InputItem {
  readonly path: string;
  readonly error: string | null;
}

export interface InputOptions {
  /** list folders recursively (--recursive) */
  readonly recursive: boolean;
  readonly lang: Lang;
  /** process.platform; a parameter so Windows' rules are tested on any OS */
  readonly platform: NodeJS.Platform;
  /** the folder relative paths and globs start from */
  readonly cwd: string;
}

const TEXT = {
  noMatch: { ja: "一致するファイルがありません", en: "no file matches" },
  emptyFolder: {
    ja: "フォルダに .xlsx / .xlsm のファイルがありません",
    en: "the folder holds no .xlsx / .xlsm file",
  },
} as const;

/**
 * How kusei reads one argument, decided from its text alone. An argument that names an existing path is taken
 * as that path even when it holds glob characters (`[3-1]結果.xlsx`); only otherwise is it a pattern.
 * On Windows `\` separates folders (cmd and PowerShell pass `wards\*.xlsx` unexpanded), so it becomes `/` —
 * tinyglobby patterns use `/` only; elsewhere `\` is the pattern's escape character and is kept.
 */
export function globPatternOf(arg: string, platform: NodeJS.Platform): string | null {
  const pattern = platform === "win32" ? arg.replace(/\\/g, "/") : arg;
  return isDynamicPattern(pattern) ? pattern : null;
}

/** Whether a listed file is a workbook kusei opens (.xlsx/.xlsm, not Excel's ~$ lock file). */
export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return WORKBOOK.test(base) && !LOCK_FILE.test(base);
}

/** Paths in the order a person expects: by folder, then by name, numbers compared as numbers (2 < 10). */
export function sortPaths(paths: ReadonlyArray<string>): string[] {
  const collator = new Intl.Collator("ja", { numeric: true });
  return [...paths].sort((a, b) => collator.compare(a, b));
}

async function kindOf(path: string): Promise<"file" | "dir" | null> {
  try {
    const st = await stat(path);
    return st.isDirectory() ? "dir" : "file";
  } catch {
    return null; // no such path: the caller tries it as a pattern, then lets the reader say why
  }
}

/** The workbooks in a folder, as `shown` joined with their path inside it (so the output says wards/a.xlsx). */
async function listFolder(dir: string, shown: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive });
  return sortPaths(
    entries
      .filter((e) => e.isFile() && isWorkbookName(e.name))
      .map((e) => join(shown, relative(dir, e.parentPath), e.name)),
  );
}

/**
 * The files of `check`/`recalc`: files as given, folders as their workbooks (recursively with --recursive),
 * globs expanded by kusei itself (the same on every OS and shell). Each argument's files keep their order and
 * a file named twice is processed once. An argument that yields nothing is an item with its reason, so the
 * other files still go on.
 */
export async function expandInputs(args: ReadonlyArray<string>, o: InputOptions): Promise<InputItem[]> {
  const out: InputItem[] = [];
  const seen = new Set<string>();
  const push = (path: string, error: string | null = null): void => {
    const key = error === null ? resolve(o.cwd, path) : `\0${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, error });
  };
  // Paths as the user wrote them when they start from the process's folder, else absolute (tests, other cwd).
  const shown = (p: string): string => (resolve(o.cwd) === process.cwd() ? p : resolve(o.cwd, p));
  for (const arg of args) {
    const kind = await kindOf(resolve(o.cwd, arg));
    if (kind === "file") {
      push(shown(arg));
      continue;
    }
    if (kind === "dir") {
      const files = await listFolder(resolve(o.cwd, arg), shown(arg), o.recursive);
      if (files.length === 0) push(arg, TEXT.emptyFolder[o.lang]);
      for (const f of files) push(f);
      continue;
    }
    const pattern = globPatternOf(arg, o.platform);
    if (pattern === null) {
      push(shown(arg)); // the reader reports "file not found" in its own words
      continue;
    }
    const found = await glob(pattern, {
      cwd: o.cwd,
      onlyFiles: true,
      // an absolute pattern gives absolute paths (tinyglobby would otherwise make them relative to cwd)
      absolute: (o.platform === "win32" ? win32 : posix).isAbsolute(pattern),
      dot: false,
      // Windows file names are case-insensitive: WARDS\*.XLSX must find wards\a.xlsx there.
      caseSensitiveMatch: o.platform !== "win32",
      expandDirectories: false,
    });
    const files = sortPaths(
      found.filter(isWorkbookName).map((f) => (posix.isAbsolute(f) || win32.isAbsolute(f) ? f : shown(f))),
    );
    if (files.length === 0) push(arg, TEXT.noMatch[o.lang]);
    for (const f of files) push(f);
  }
  return out;
}
