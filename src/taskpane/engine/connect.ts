import type { Engine } from "./engine";
import { remoteEngine, type WorkerLike } from "./remote";

/** How long a starting worker may take to say it is ready before the page works without it. */
export const READY_TIMEOUT_MS = 30_000;

/** Why the page runs the engine itself (shown nowhere: the results are the same; kept for tests). */
export type Fallback = "no-worker" | "spawn-failed" | "worker-failed" | "timeout";

export interface Connected {
  readonly engine: Engine;
  /** "worker", or why the engine runs in the page's thread */
  readonly where: "worker" | Fallback;
}

/**
 * The engine, in a Web Worker when one starts, else in the page's own thread (`local`, loaded lazily).
 * A worker counts as started only once its code has loaded and said so: a page opened from file://, a
 * blocked script or an old web view fail before that, and then the page does the same work itself.
 */
export async function connectEngine(
  spawn: (() => WorkerLike) | null,
  local: () => Promise<Engine>,
  timeoutMs: number = READY_TIMEOUT_MS,
): Promise<Connected> {
  const fallback = async (where: Fallback): Promise<Connected> => ({ engine: await local(), where });
  if (!spawn) return fallback("no-worker");
  let worker: WorkerLike;
  try {
    worker = spawn();
  } catch {
    return fallback("spawn-failed");
  }
  const started = await new Promise<"ready" | "worker-failed" | "timeout">((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    const settle = (how: "ready" | "worker-failed") => {
      clearTimeout(timer);
      resolve(how);
    };
    worker.addEventListener("message", (event) => {
      const data = event.data as { ready?: unknown } | null;
      if (data && data.ready === true) settle("ready");
    });
    worker.addEventListener("error", () => settle("worker-failed"));
  });
  if (started !== "ready") {
    worker.terminate();
    return fallback(started);
  }
  return { engine: remoteEngine(worker), where: "worker" };
}

/** One engine for the page, connected on first use, and again after its worker stopped. */
export function engineOnDemand(connect: () => Promise<Connected>): () => Promise<Connected> {
  let connected: Promise<Connected> | null = null;
  return async () => {
    const c = await (connected ??= connect());
    if (!c.engine.stopped?.()) return c;
    connected = connect();
    return connected;
  };
}
