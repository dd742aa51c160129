// Prints how much CPU evaluateWorkbook takes (a figure, not a test):
//   npx ts-node --transpile-only test/core/evaluate/measure.ts [runs] [--big]
// The 24 benchmark ward workbooks (scripts/bench-lib/generate.ts: a strategy and an initiative sheet of about
// 300 rows each, every ward with its own item names and codes) are read once through src/xlsx; then each run
// evaluates all 24, every one a distinct workbook, and the CPU time (process.cpuUsage, user + system) of the
// evaluations alone is taken. With --big it also times the single 20,000-row initiative sheet. It prints the
// first run, the median and the range, and a digest of every evaluation (JSON, SHA-256) so a change that must
// not alter any output can be compared before and after.
import { createHash } from "node:crypto";
import { bigWorkbook, wardWorkbook, WARDS } from "../../../scripts/bench-lib/generate";
import { evaluateWorkbook } from "../../../src/core/evaluate";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { readWorkbook } from "../../../src/xlsx";

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function summary(label: string, times: number[], digest: string): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const f = (n: number): string => n.toFixed(0);
  return `${label}: median ${f(median)} ms CPU (first ${f(times[0] ?? 0)}, range ${f(sorted[0] ?? 0)}–${f(sorted[sorted.length - 1] ?? 0)}, ${times.length} runs); digest ${digest.slice(0, 16)}`;
}

function timeRuns(
  workbooks: ReadonlyArray<readonly SheetSnapshot[]>,
  runs: number,
): { times: number[]; digest: string } {
  const times: number[] = [];
  let digest = "";
  for (let r = 0; r < runs; r++) {
    const out: unknown[] = [];
    times.push(
      cpuMs(() => {
        for (const snaps of workbooks) out.push(evaluateWorkbook(snaps));
      }),
    );
    const d = createHash("sha256").update(JSON.stringify(out)).digest("hex");
    if (digest !== "" && d !== digest)
      throw new Error("the evaluation of the same workbooks differed between runs");
    digest = d;
  }
  return { times, digest };
}

async function main(): Promise<void> {
  const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
  const wards: SheetSnapshot[][] = [];
  for (const [i, ward] of WARDS.entries())
    wards.push((await readWorkbook(await wardWorkbook(ward, 300, i))).snapshots);
  const cells = wards.flat().reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  const w = timeRuns(wards, runs);
  console.log(
    summary(`evaluateWorkbook × ${wards.length} ward workbooks (${cells} cells)`, w.times, w.digest),
  );
  if (process.argv.includes("--big")) {
    const big = [(await readWorkbook(await bigWorkbook("initiative", 20000))).snapshots];
    const b = timeRuns(big, Math.min(runs, 3));
    console.log(summary("evaluateWorkbook × one 20,000-row sheet", b.times, b.digest));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
