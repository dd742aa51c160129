/**
 * Runs the real `kusei` executable (bin/kusei.js → lib/) in a child process under a memory limit and measures
 * it: exit status, output, wall-clock time and peak resident memory (the child reports
 * process.resourceUsage().maxRSS on exit through rss-preload.js). Time and memory bounds of hostile cases
 * are asserted on these figures, never by timing a unit test in-process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BIN = resolve(__dirname, "../../bin/kusei.js");
const PRELOAD = resolve(__dirname, "rss-preload.js");

export interface ChildRun {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly millis: number;
  /** peak resident set size in bytes (NaN when the child died before reporting it) */
  readonly maxRssBytes: number;
}

export interface ChildOptions {
  /** V8 heap limit (--max-old-space-size), MB; default 1024 */
  readonly heapMb?: number;
  /** killed after this long; default 60 s */
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

/** `node --max-old-space-size=N bin/kusei.js …args` with its figures. */
export function runKuseiChild(args: ReadonlyArray<string>, opts: ChildOptions = {}): ChildRun {
  const dir = mkdtempSync(join(tmpdir(), "kusei-child-"));
  const rssFile = join(dir, "rss");
  try {
    const start = performance.now();
    const r = spawnSync(
      process.execPath,
      [`--max-old-space-size=${opts.heapMb ?? 1024}`, "-r", PRELOAD, BIN, ...args],
      {
        encoding: "utf8",
        timeout: opts.timeoutMs ?? 60_000,
        cwd: opts.cwd,
        env: { ...process.env, KUSEI_HARNESS_RSS: rssFile },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const millis = performance.now() - start;
    let kb = Number.NaN;
    try {
      kb = Number(readFileSync(rssFile, "utf8"));
    } catch {
      // the child was killed or crashed before its exit handler ran: no figure
    }
    return {
      status: r.status,
      signal: r.signal,
      stdout: r.stdout ?? "",
      stderr: r.stderr ?? "",
      millis,
      maxRssBytes: kb * 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
