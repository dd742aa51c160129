/**
 * The real `kusei` (bin/kusei.js → lib/) in a child process with a heap limit: exit status, output, wall time
 * and peak memory (reported by the preloaded child-peak.js), as a user's shell would see them. Time and
 * memory are asserted here, per case, not by timing a unit test. (Helper "xlsxread" builds the shared
 * child-harness.ts for the budget cases; this is the file-system scenarios' one.)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BIN = resolve(__dirname, "../../bin/kusei.js");
const PEAK = resolve(__dirname, "child-peak.js");

/**
 * Issue 14's ceiling for any one case on 2 CPUs, asserted on the child's CPU time (its own work, which other
 * processes on a shared machine do not inflate); wall time only bounds a hang (the kill at 3×).
 */
export const LIMITS = { ms: 10_000, bytes: 1024 * 1024 * 1024 } as const;

export interface ChildRun {
  /** exit status; null when the child died of a signal (or the time limit killed it) */
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** wall time (hang guard and figures only) */
  readonly ms: number;
  /** CPU time of the kusei process, user + system, ms (0 when it could not report, e.g. killed) */
  readonly cpuMs: number;
  /** peak resident set of the child, bytes (0 when it could not report, e.g. killed) */
  readonly peakBytes: number;
}

export interface ChildOptions {
  readonly cwd?: string;
  /** the umask of the child (a shell sets it; Node can only set its own) */
  readonly umask?: number;
  readonly timeoutMs?: number;
}

function commandLine(args: ReadonlyArray<string>, opts: ChildOptions, peakFile: string) {
  const node = [process.execPath, "--max-old-space-size=1024", "-r", PEAK, BIN, ...args];
  const env = { ...process.env, KUSEI_PEAK_FILE: peakFile };
  if (opts.umask === undefined) return { cmd: node[0] ?? "", args: node.slice(1), env };
  // `sh -c 'umask 077; exec "$0" "$@"' node …`: the arguments are never parsed by the shell
  return {
    cmd: "/bin/sh",
    args: ["-c", `umask ${opts.umask.toString(8).padStart(3, "0")}; exec "$0" "$@"`, ...node],
    env,
  };
}

function usageOf(file: string): { peakBytes: number; cpuMs: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { peakBytes: 0, cpuMs: 0 }; // the child was killed before it could write it
  }
  const u = JSON.parse(text) as { peakBytes: number; cpuMs: number };
  return { peakBytes: u.peakBytes, cpuMs: u.cpuMs };
}

/** Runs `kusei <args…>` to completion (or the time limit). */
export function runKusei(args: ReadonlyArray<string>, opts: ChildOptions = {}): ChildRun {
  const dir = mkdtempSync(join(tmpdir(), "kusei-peak-"));
  const peakFile = join(dir, "peak");
  try {
    const c = commandLine(args, opts, peakFile);
    const start = Date.now();
    const r = spawnSync(c.cmd, c.args, {
      cwd: opts.cwd,
      env: c.env,
      encoding: "utf8",
      timeout: opts.timeoutMs ?? LIMITS.ms * 3,
    });
    return {
      status: r.status,
      signal: r.signal,
      stdout: r.stdout,
      stderr: r.stderr,
      ms: Date.now() - start,
      ...usageOf(peakFile),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running `kusei <args…>`; `done` resolves when it ends. */
export interface RunningKusei {
  readonly child: ChildProcess;
  readonly done: Promise<ChildRun>;
}

/** Starts `kusei <args…>` without waiting (signals, concurrency). */
export function startKusei(args: ReadonlyArray<string>, opts: ChildOptions = {}): RunningKusei {
  const dir = mkdtempSync(join(tmpdir(), "kusei-peak-"));
  const peakFile = join(dir, "peak");
  const c = commandLine(args, opts, peakFile);
  const start = Date.now();
  const child = spawn(c.cmd, c.args, { cwd: opts.cwd, env: c.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? LIMITS.ms * 3);
  const done = new Promise<ChildRun>((resolveRun) => {
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const usage = usageOf(peakFile);
      rmSync(dir, { recursive: true, force: true });
      resolveRun({ status, signal, stdout, stderr, ms: Date.now() - start, ...usage });
    });
  });
  return { child, done };
}

/** The pid of a process that has just ended (a kill -9'd kusei's leftovers name such a pid). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(r.stdout);
}
