/**
 * npm run bench: generate realistic workbooks (24 ward workbooks of a strategy and an initiative sheet of a
 * few hundred rows each, and one 20,000-row initiative sheet), then time `kusei recalc` (in-process) beside a
 * bare exceljs read + write of the same files (the floor), each in a fresh child process so peak memory is
 * per case. Prints `bench <case> kusei_ms=… floor_ms=… ratio=… kusei_peak_mb=… floor_peak_mb=…`, and the
 * scale case `scale files=<n> peak_rss_mb=<n> total_ms=<n>` (recalc over many workbooks in one process), and
 * `summary files=<n> peak_rss_mb=<n> total_ms=<n>` (kusei summary, the city view, over 24 and 200 workbooks:
 * it streams, so peak memory should stay flat with the number of files), and
 * `bench check-whole-sheet-validation kusei_ms=…` (a check of a workbook with a validation over the whole
 * sheet, in-process: the time the read and evaluation take, node's start-up excluded).
 *
 * floor_fm_ms is the floor with kusei's linear-time merge check installed (exceljs alone is quadratic in the
 * number of merged areas), so ratio_fm is kusei's own overhead.
 *
 * Every figure is the median of --runs runs (default 3), the floors and kusei taking turns. After each recalc
 * case, `phases <case> input_ms=… read_ms=… recognize_ms=… derive_ms=… validate_ms=… plan_ms=… apply_ms=…
 * save_patch_ms=… save_carry_ms=… save_zip_ms=… output_ms=…` says where kusei's time went (read: the
 * streaming reader; save_carry: checking the entries a save carries over unchanged; save_zip: deflating the
 * patched parts and writing the archive; output: the atomic file write).
 *
 * Options: --quick (fewer rows, 40 scale files), --scale-files N, --no-scale, --runs N (median of N,
 * default 3), --summary-only (only the summary cases), --recalc-only (only the two recalc cases).
 */
import { fork } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { installFastMerges } from "../src/xlsx/fast-merges";
import { BUDGET_CASES } from "../test/fixtures/hostile/budget-cases";
import { bigWorkbook, wardWorkbook, WARDS } from "./bench-lib/generate";

interface ChildResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly exit: number;
  /** kusei's `--timings` line (milliseconds per phase), null for the floors */
  readonly timings: string | null;
}

type Mode = "kusei" | "floor" | "floor-fm" | "summary" | "check";

/** In the child: run one mode over the files and report time and peak memory. */
async function child(mode: Mode, files: string[], outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let exit = 0;
  let timings: string | null = null;
  if (mode === "kusei" || mode === "summary" || mode === "check") {
    const argv =
      mode === "kusei"
        ? ["recalc", ...files, "--out", outDir, "--timings"]
        : mode === "check"
          ? ["check", ...files]
          : ["summary", ...files, "--out", outDir];
    exit = await runCli(argv, {
      stdout: () => undefined,
      stderr: (s) => {
        if (s.startsWith("kusei timings ")) timings = s.slice("kusei timings ".length).trim();
        else process.stderr.write(s);
      },
      isTTY: false,
    });
  } else {
    // The floor: what any exceljs tool pays to open and save the same files, one at a time. floor-fm is the
    // same with kusei's linear merge check, to show kusei's own overhead apart from that exceljs fix.
    if (mode === "floor-fm") installFastMerges(ExcelJS);
    for (const file of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
      const out = await wb.xlsx.writeBuffer();
      await writeFile(join(outDir, file.split("/").pop() ?? "out.xlsx"), new Uint8Array(out as ArrayBuffer));
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    exit,
    timings,
  };
  process.send?.(result);
}

function runChild(mode: Mode, files: string[], outDir: string): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const argsFile = join(outDir + ".args.json");
    writeFile(argsFile, JSON.stringify({ mode, files, outDir }))
      .then(() => {
        const proc = fork(__filename, ["--child", argsFile], {
          execArgv: ["-r", "ts-node/register/transpile-only", "--max-old-space-size=2048"],
          stdio: ["ignore", "inherit", "inherit", "ipc"],
        });
        let result: ChildResult | null = null;
        proc.on("message", (m) => (result = m as ChildResult));
        proc.on("error", reject);
        proc.on("exit", (code) =>
          result ? resolvePromise(result) : reject(new Error(`bench child (${mode}) exited ${code}`)),
        );
      })
      .catch(reject);
  });
}

function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The median run by time (its timings line with it), the worst peak memory of all runs. */
function medianRun(results: ReadonlyArray<ChildResult>): ChildResult {
  const byTime = [...results].sort((a, b) => a.ms - b.ms);
  const mid = byTime[Math.floor((byTime.length - 1) / 2)] ?? results[0];
  if (!mid) throw new Error("bench: no runs");
  return {
    ...mid,
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakMb: Math.max(...results.map((r) => r.peakMb)),
  };
}

/**
 * Each mode `runs` times, the modes taking turns (floor, floor-fm, kusei, floor, …) so that a change in the
 * machine's load hits them alike; the median of each.
 */
async function inTurn(
  runs: number,
  modes: ReadonlyArray<Mode>,
  files: string[],
  outDir: (mode: Mode) => string,
): Promise<Map<Mode, ChildResult>> {
  const results = new Map<Mode, ChildResult[]>(modes.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    for (const mode of modes) {
      await rm(outDir(mode), { recursive: true, force: true });
      results.get(mode)?.push(await runChild(mode, files, outDir(mode)));
    }
  }
  return new Map([...results].map(([m, r]) => [m, medianRun(r)]));
}

async function medianOf(runs: number, mode: Mode, files: string[], outDir: string): Promise<ChildResult> {
  return (await inTurn(runs, [mode], files, () => outDir)).get(mode) as ChildResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) || 3 : 3;
  const scaleFiles = args.includes("--scale-files")
    ? Number(args[args.indexOf("--scale-files") + 1])
    : quick
      ? 40
      : 200;
  const wardRows = quick ? 100 : 300;
  const bigRows = quick ? 5000 : 20000;

  const root = await mkdtemp(join(tmpdir(), "kusei-bench-"));
  try {
    // Generation only (not measured): the fixture writer merges cells through exceljs too.
    installFastMerges(ExcelJS);
    const t0 = performance.now();
    const wardsDir = join(root, "wards");
    await mkdir(wardsDir);
    const wardFiles: string[] = [];
    for (const [i, ward] of WARDS.entries()) {
      const file = join(wardsDir, `${String(i + 1).padStart(2, "0")}-${ward}.xlsx`);
      await writeFile(file, await wardWorkbook(ward, wardRows, i));
      wardFiles.push(file);
    }
    const bigFile = join(root, `initiative-${bigRows}.xlsx`);
    await writeFile(bigFile, await bigWorkbook("initiative", bigRows));
    console.log(
      `generated ${wardFiles.length} ward workbooks (~${wardRows} rows per sheet, 2 sheets) and one ${bigRows}-row sheet in ${Math.round(performance.now() - t0)} ms (${root})`,
    );

    const summaryOnly = args.includes("--summary-only");
    const cases: Array<[string, string[]]> = summaryOnly
      ? []
      : [
          [`wards24x${wardRows}`, wardFiles],
          [`rows${bigRows}`, [bigFile]],
        ];
    for (const [name, files] of cases) {
      const r = await inTurn(runs, ["floor", "floor-fm", "kusei"], files, (m) => join(root, `out-${m}-${name}`));
      const [floor, floorFm, kusei] = [r.get("floor"), r.get("floor-fm"), r.get("kusei")];
      if (!floor || !floorFm || !kusei) throw new Error("bench: a mode did not run");
      const ratio = kusei.ms / floor.ms;
      console.log(
        `bench ${name} kusei_ms=${Math.round(kusei.ms)} floor_ms=${Math.round(floor.ms)} ratio=${ratio.toFixed(2)} ` +
          `kusei_cpu_ms=${Math.round(kusei.cpuMs)} floor_cpu_ms=${Math.round(floor.cpuMs)} cpu_ratio=${(kusei.cpuMs / floor.cpuMs).toFixed(2)} ` +
          `floor_fm_ms=${Math.round(floorFm.ms)} ratio_fm=${(kusei.ms / floorFm.ms).toFixed(2)} ` +
          `kusei_peak_mb=${Math.round(kusei.peakMb)} floor_peak_mb=${Math.round(floor.peakMb)} kusei_exit=${kusei.exit}`,
      );
      // where kusei's time goes, from its median run (`kusei recalc --timings`, src/app/timing.ts)
      console.log(`phases ${name} ${kusei.timings ?? "(none)"}`);
    }

    const recalcOnly = args.includes("--recalc-only");
    if (!summaryOnly && !recalcOnly) {
      // issue 15: a whole-sheet validation (A1:XFD1048576) costs a check nothing (exceljs expanded it cell
      // by cell, for minutes); the main fixture with that one validation, as the hostile corpus makes it
      const wsv = BUDGET_CASES.find((c) => c.file === "whole-sheet-validation.xlsx");
      if (wsv !== undefined) {
        const file = join(root, wsv.file);
        await writeFile(file, wsv.build());
        const r = await medianOf(runs, "check", [file], join(root, "out-check-wsv"));
        console.log(
          `bench check-whole-sheet-validation kusei_ms=${Math.round(r.ms)} kusei_cpu_ms=${Math.round(r.cpuMs)} kusei_peak_mb=${Math.round(r.peakMb)} kusei_exit=${r.exit}`,
        );
      }
    }

    if (!summaryOnly && !recalcOnly && !args.includes("--no-scale") && scaleFiles > 0) {
      const scaleDir = join(root, "scale");
      await mkdir(scaleDir);
      const files: string[] = [];
      for (let i = 0; i < scaleFiles; i++) {
        const src = wardFiles[i % wardFiles.length] ?? "";
        const dst = join(scaleDir, `${String(i + 1).padStart(3, "0")}.xlsx`);
        await copyFile(src, dst);
        files.push(dst);
      }
      const r = await runChild("kusei", files, join(root, "out-scale"));
      const written = (await readdir(join(root, "out-scale"))).length;
      console.log(
        `scale files=${scaleFiles} peak_rss_mb=${Math.round(r.peakMb)} total_ms=${Math.round(r.ms)} written=${written} exit=${r.exit}`,
      );
    }
    // The city view: 24 wards, then 200 workbooks (the 24 repeated); one process each, memory per case.
    for (const n of recalcOnly ? [] : [24, 200]) {
      const files: string[] = [];
      const dir = join(root, `summary-in-${n}`);
      await mkdir(dir);
      for (let i = 0; i < n; i++) {
        const dst = join(dir, `${String(i + 1).padStart(3, "0")}.xlsx`);
        await copyFile(wardFiles[i % wardFiles.length] ?? "", dst);
        files.push(dst);
      }
      const r = await runChild("summary", files, join(root, `out-summary-${n}`));
      console.log(
        `summary files=${n} peak_rss_mb=${Math.round(r.peakMb)} total_ms=${Math.round(r.ms)} exit=${r.exit}`,
      );
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  readFile(process.argv[3] ?? "", "utf8")
    .then((text) => {
      const { mode, files, outDir } = JSON.parse(text) as { mode: Mode; files: string[]; outDir: string };
      return child(mode, files, outDir);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
