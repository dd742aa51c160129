/**
 * `npm run fuzz`: 100,000 fast-check cases over every parser, normalisation, the marks and the layout
 * recogniser / evaluateWorkbook (test/hardening/fuzz-cases.ts), in worker threads with a watchdog, then
 *
 *   fuzz cases=<n> failures=<n>
 *
 * A case fails when its check says so, when it throws, when it takes longer than the per-input limit, or when
 * it hangs (no progress within the watchdog time: the worker is terminated and the rest of its batch goes on
 * in a new one). Failing inputs go to stderr. Exit status 1 when anything failed.
 *
 * Environment: FUZZ_CASES (default 100000), FUZZ_WORKERS (default 2), FUZZ_SEED (default 20260105),
 * FUZZ_INPUT_MS (default 3000), FUZZ_HANG_MS (default 30000).
 */
import fc from "fast-check";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { FUZZ_TARGETS, describeInput, runCase, type FuzzFailure } from "../test/hardening/fuzz-cases";

interface Batch {
  readonly target: string;
  readonly seed: number;
  readonly count: number;
  /** cases of this batch already done (a batch resumed after a hang skips them) */
  readonly skip: number;
}

interface WorkerData {
  readonly progress: SharedArrayBuffer;
  readonly inputMs: number;
}

type FromWorker =
  | { readonly type: "done"; readonly batch: Batch; readonly cases: number }
  | { readonly type: "failed"; readonly failure: FuzzFailure }
  | { readonly type: "ready" };

const BATCH = 250;

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** How many cases each target gets: its weight's share, the cheap parsers taking the remainder. */
export function allocate(total: number): Array<{ target: string; cases: number }> {
  const weights = FUZZ_TARGETS.reduce((s, t) => s + t.weight, 0);
  const out = FUZZ_TARGETS.map((t) => ({ target: t.name, cases: Math.floor((total * t.weight) / weights) }));
  const first = out[0];
  if (first !== undefined) first.cases += total - out.reduce((s, x) => s + x.cases, 0);
  return out;
}

/** Runs a batch; each failure is reported at once (a later hang must not lose it). Returns the cases run. */
function runBatch(
  batch: Batch,
  progress: Int32Array,
  inputMs: number,
  report: (f: FuzzFailure) => void,
): number {
  const target = FUZZ_TARGETS.find((t) => t.name === batch.target);
  if (target === undefined) throw new Error(`unknown fuzz target ${batch.target}`);
  const inputs = fc.sample(target.arbitrary, { numRuns: batch.count, seed: batch.seed });
  let cases = 0;
  for (let i = batch.skip; i < inputs.length; i++) {
    Atomics.store(progress, 0, i);
    Atomics.add(progress, 1, 1);
    const input = inputs[i] as never;
    const started = performance.now();
    let problem = runCase(target, input);
    const ms = performance.now() - started;
    if (problem === null && ms > inputMs) problem = `took ${Math.round(ms)} ms (limit ${inputMs} ms)`;
    cases++;
    if (problem !== null)
      report({ target: target.name, seed: batch.seed, index: i, problem, input: describeInput(input) });
  }
  return cases;
}

function workerMain(): void {
  const data = workerData as WorkerData;
  const progress = new Int32Array(data.progress);
  const port = parentPort;
  if (port === null) return;
  port.on("message", (batch: Batch) => {
    const cases = runBatch(batch, progress, data.inputMs, (failure) =>
      port.postMessage({ type: "failed", failure } satisfies FromWorker),
    );
    port.postMessage({ type: "done", batch, cases } satisfies FromWorker);
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

async function main(): Promise<number> {
  const started = Date.now();
  const total = envNumber("FUZZ_CASES", 100_000);
  const workers = Math.max(1, Math.floor(envNumber("FUZZ_WORKERS", 2)));
  const baseSeed = envNumber("FUZZ_SEED", 20260105);
  const inputMs = envNumber("FUZZ_INPUT_MS", 3_000);
  const hangMs = envNumber("FUZZ_HANG_MS", 30_000);

  const queue: Batch[] = [];
  let seed = baseSeed;
  for (const { target, cases } of allocate(total)) {
    for (let done = 0; done < cases; done += BATCH)
      queue.push({ target, seed: seed++, count: Math.min(BATCH, cases - done), skip: 0 });
  }
  const perTarget = new Map<string, { cases: number; failures: number }>();
  const failures: FuzzFailure[] = [];
  let cases = 0;
  let lastReport = Date.now();

  await new Promise<void>((resolveAll, rejectAll) => {
    let running = 0;
    const spawn = (): void => {
      const progress = new SharedArrayBuffer(8);
      const counters = new Int32Array(progress);
      const worker = new Worker(__filename, {
        workerData: { progress, inputMs } satisfies WorkerData,
        execArgv: ["--require", "ts-node/register/transpile-only"],
      });
      running++;
      let current: Batch | null = null;
      let lastCount = 0;
      let lastMove = Date.now();
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        running--;
        void worker.terminate();
        if (queue.length > 0) spawn();
        else if (running === 0) resolveAll();
      };
      const next = (): void => {
        current = queue.shift() ?? null;
        if (current === null) {
          finish();
          return;
        }
        lastMove = Date.now();
        worker.postMessage(current);
      };
      const watchdog = setInterval(() => {
        const count = Atomics.load(counters, 1);
        if (count !== lastCount) {
          lastCount = count;
          lastMove = Date.now();
          return;
        }
        if (current === null || Date.now() - lastMove < hangMs) return;
        // A hang: record the case, drop the worker, resume its batch after that case in a new worker.
        const index = Atomics.load(counters, 0);
        const input = describeInput(
          fc.sample(FUZZ_TARGETS.find((t) => t.name === current?.target)?.arbitrary ?? fc.constant(null), {
            numRuns: index + 1,
            seed: current.seed,
          })[index],
        );
        failures.push({
          target: current.target,
          seed: current.seed,
          index,
          problem: `no progress for ${hangMs} ms (hang)`,
          input,
        });
        // the cases of this batch done before the hang, and the hung one
        const done = index - current.skip + 1;
        cases += done;
        const entry = perTarget.get(current.target) ?? { cases: 0, failures: 0 };
        perTarget.set(current.target, { cases: entry.cases + done, failures: entry.failures + 1 });
        if (index + 1 < current.count) queue.unshift({ ...current, skip: index + 1 });
        current = null;
        finish();
      }, 1_000);
      worker.on("message", (m: FromWorker) => {
        if (m.type === "failed") {
          failures.push(m.failure);
          const entry = perTarget.get(m.failure.target) ?? { cases: 0, failures: 0 };
          perTarget.set(m.failure.target, { cases: entry.cases, failures: entry.failures + 1 });
          return;
        }
        if (m.type === "done") {
          cases += m.cases;
          const entry = perTarget.get(m.batch.target) ?? { cases: 0, failures: 0 };
          perTarget.set(m.batch.target, { cases: entry.cases + m.cases, failures: entry.failures });
          if (Date.now() - lastReport > 15_000) {
            lastReport = Date.now();
            process.stderr.write(
              `fuzz: ${cases}/${total} cases, ${failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s\n`,
            );
          }
        }
        next();
      });
      worker.on("error", (e) => {
        clearInterval(watchdog);
        rejectAll(e);
      });
    };
    for (let i = 0; i < Math.min(workers, queue.length); i++) spawn();
    if (queue.length === 0) resolveAll();
  });

  for (const [target, r] of perTarget)
    process.stderr.write(`  ${target}: cases=${r.cases} failures=${r.failures}\n`);
  for (const f of failures.slice(0, 20)) {
    process.stderr.write(
      `FAIL ${f.target} seed=${f.seed} index=${f.index}: ${f.problem}\n  input: ${f.input}\n`,
    );
  }
  if (failures.length > 20) process.stderr.write(`… and ${failures.length - 20} more\n`);
  process.stderr.write(`fuzz: wall ${((Date.now() - started) / 1000).toFixed(1)} s, ${workers} worker(s)\n`);
  process.stdout.write(`fuzz cases=${cases} failures=${failures.length}\n`);
  return failures.length === 0 ? 0 : 1;
}

if (isMainThread) {
  main()
    .then((status) => {
      process.exitCode = status;
    })
    .catch((e: unknown) => {
      process.stderr.write(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    });
} else {
  workerMain();
}
