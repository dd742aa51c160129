import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { runCli, type CliIO } from "../../src/cli/main";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { readWorkbook } from "../../src/xlsx";
import { fixturePath } from "../helpers/fixtures";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function kusei(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    now: () => new Date("2026-11-27T09:00:00.000Z"),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder per test; removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "kusei-cli-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a fixture workbook into `dir`; returns the copy's path. */
export async function copyFixture(name: string, dir: string): Promise<string> {
  const src = fixturePath(name);
  const dst = join(dir, basename(src));
  await copyFile(src, dst);
  return dst;
}

/** The snapshots of a workbook file. */
export async function snapshotsOf(path: string): Promise<SheetSnapshot[]> {
  return (await readWorkbook(await readFile(path))).snapshots;
}
