/**
 * LibreOffice headless (Debian's libreoffice-calc-nogui) as the outside judge of a save: it re-saves
 * workbooks (a second writer for the corpus) and exports every sheet to CSV (does it open the file, and do
 * the sheets read the same). soffice is slow to start, so every call converts a batch of files, and each
 * result is cached by the input's hash under test/.cache/libreoffice (git-ignored): an unchanged file is
 * never converted twice.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";

export const SOFFICE = "/usr/bin/soffice";
const CACHE = resolve(__dirname, "../.cache/libreoffice");
/** CSV: comma, double quote, UTF-8 (76), from line 1, cells as shown, every sheet to its own file (-1). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export type Target = "xlsx" | "csv";

function hashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/** Runs one soffice conversion over every file in `inDir` into `outDir`. */
function soffice(target: Target, files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), "kusei-lo-profile-"));
  try {
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        target === "csv" ? CSV_FILTER : "xlsx",
        "--outdir",
        outDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 10 * 60 * 1000 },
    );
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`soffice exited ${r.status}: ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Converts the files (one soffice call for all that are not cached) and gives, per input, the folder holding
 * its results: `<hash>.xlsx` for xlsx, `<hash>-<sheet>.csv` per sheet for csv. A file LibreOffice could not
 * convert has an empty folder.
 */
export function convert(
  target: Target,
  inputs: ReadonlyArray<{ readonly bytes: Uint8Array; readonly ext: string }>,
): string[] {
  const dirs = inputs.map((i) => join(CACHE, `${hashOf(i.bytes)}-${target}`));
  const todo = inputs
    .map((input, k) => ({ input, dir: dirs[k] as string, hash: hashOf(input.bytes) }))
    .filter((t, k, all) => !existsSync(join(t.dir, ".done")) && all.findIndex((u) => u.dir === t.dir) === k);
  if (todo.length > 0) {
    const work = mkdtempSync(join(tmpdir(), "kusei-lo-"));
    try {
      const files = todo.map((t) => {
        const f = join(work, `${t.hash}${t.input.ext}`);
        writeFileSync(f, t.input.bytes);
        return f;
      });
      const out = join(work, "out");
      mkdirSync(out);
      soffice(target, files, out);
      const produced = readdirSync(out);
      for (const t of todo) {
        rmSync(t.dir, { recursive: true, force: true });
        mkdirSync(t.dir, { recursive: true });
        for (const name of produced.filter((n) => n.startsWith(t.hash)))
          renameSync(join(out, name), join(t.dir, name));
        writeFileSync(join(t.dir, ".done"), "");
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return dirs;
}

/** The re-saved workbook in a convert("xlsx") folder (null when LibreOffice produced none). */
export function resaved(dir: string): Uint8Array | null {
  const f = readdirSync(dir).find((n) => extname(n) === ".xlsx");
  return f === undefined ? null : new Uint8Array(readFileSync(join(dir, f)));
}

/** The CSV of each sheet in a convert("csv") folder, by sheet name. */
export function sheetCsvs(dir: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const name of readdirSync(dir)) {
    if (extname(name) !== ".csv") continue;
    const sheet = name.slice(name.indexOf("-") + 1, -4);
    out.set(sheet, parseCsv(readFileSync(join(dir, name), "utf8")));
  }
  return out;
}

/** RFC 4180 CSV (quotes doubled, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Copies a file into the cache folder's neighbourhood for a person to look at (debugging aid). */
export function keepForInspection(name: string, bytes: Uint8Array): string {
  const dir = join(CACHE, "last-run");
  mkdirSync(dir, { recursive: true });
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

export { copyFileSync };
