/**
 * Runs the real `kusei` executable (bin/kusei.js → lib/) in a child process under a memory limit and measures
 * it: exit status, output, wall-clock time, CPU time and peak resident memory (the child reports
 * process.resourceUsage() on exit through child-peak.js, the preload fs-child.ts uses too). Time and memory
 * bounds of hostile cases are asserted on these figures (time on CPU time, which other work on a shared
 * machine does not inflate), never by timing a unit test in-process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BIN = resolve(__dirname, "../../bin/kusei.js");
const PRELOAD = resolve(__dirname, "child-peak.js");

export interface ChildRun {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** wall time (figures only; a hang is bounded by the kill) */
  readonly millis: number;
  /** CPU time of the kusei process, user + system, ms (NaN when it died before reporting it) */
  readonly cpuMs: number;
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
        env: { ...process.env, KUSEI_PEAK_FILE: rssFile },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const millis = performance.now() - start;
    let usage = { peakBytes: Number.NaN, cpuMs: Number.NaN };
    try {
      usage = JSON.parse(readFileSync(rssFile, "utf8")) as typeof usage;
    } catch {
      // the child was killed or crashed before its exit handler ran: no figure
    }
    return {
      status: r.status,
      signal: r.signal,
      stdout: r.stdout ?? "",
      stderr: r.stderr ?? "",
      millis,
      cpuMs: usage.cpuMs,
      maxRssBytes: usage.peakBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
