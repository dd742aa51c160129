/**
 * File-system scenarios (issue 14 §3, §5): the real `kusei` in a child process (fs-child.ts) against the
 * ordinary file-system situations an attacker or an unlucky user creates. Every case: the exit status it
 * should have, no stack trace, under 10 s and 1 GB, and the source byte for byte unless an in-place write
 * completed. docs/hostile.md lists each case and its outcome.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readChangeLog, CHANGE_LOG_SHEET } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { fixturePath } from "../helpers/fixtures";
import { STACK_FRAME } from "./cli-harness";
import { deadPid, LIMITS, runKusei, startKusei, type ChildRun } from "./fs-child";

const posix = process.platform !== "win32";
const onPosix = posix ? test : test.skip;

let dir = "";
let source = "";
let original = Buffer.alloc(0);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kusei-fs-"));
  source = join(dir, "a.xlsx");
  copyFileSync(fixturePath("hirano-fy2016"), source);
  original = readFileSync(source);
});
afterEach(() => {
  // a read-only file in the folder does not stop rmSync; make sure nothing is left read-only anyway
  rmSync(dir, { recursive: true, force: true });
});

/** The harness's promises for every case: status, no stack trace, time and memory. */
function expectRun(r: ChildRun, statuses: ReadonlyArray<number>): void {
  expect(r.signal).toBeNull();
  expect(statuses).toContain(r.status);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
  expect(r.cpuMs).toBeLessThan(LIMITS.ms);
  expect(r.peakBytes).toBeGreaterThan(0);
  expect(r.peakBytes).toBeLessThan(LIMITS.bytes);
}

const untouched = (): void => expect(readFileSync(source).equals(original)).toBe(true);
/** Nothing but these names in the folder: no temporary file, no lock. */
const only = (...names: string[]): void => expect(readdirSync(dir).sort()).toEqual([...names].sort());

describe("inputs are read with a bound, and only regular files", () => {
  onPosix("a FIFO is refused with the reason, without blocking", () => {
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = runKusei(["check", "--lang", "en", fifo]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("named pipe (FIFO)");
  });

  onPosix("a device (/dev/zero) is refused, never read", () => {
    const r = runKusei(["check", "--lang", "en", "/dev/zero"]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("a device");
  });

  test("a folder given where one file is expected (revert) is refused", () => {
    // check and recalc expand a folder into its workbooks (src/cli/inputs.ts); revert names one file
    const r = runKusei(["revert", "--lang", "en", dir]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("folder");
  });

  test("a file over --max-size is refused from its size, before it is read (a sparse 4 GB file)", () => {
    const big = join(dir, "big.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 4 * 1024 ** 3);
    const r = runKusei(["check", "--lang", "en", big]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("too large (4096.0 MB, limit 100.0 MB); --max-size raises the limit");
    expect(r.peakBytes).toBeLessThan(300 * 1024 * 1024);
  });
});

describe("no output is ever written onto an input", () => {
  test("recalc a.xlsx --out . (the source's own folder) is refused; the source is untouched", () => {
    const r = runKusei(["recalc", "--lang", "en", "a.xlsx", "--out", "."], { cwd: dir });
    expectRun(r, [2]);
    expect(r.stderr).toContain("the output is the input file");
    untouched();
    only("a.xlsx");
  });

  onPosix("--out DIR where DIR/a.xlsx is a symlink to the input is refused", () => {
    mkdirSync(join(dir, "out"));
    symlinkSync(source, join(dir, "out", "a.xlsx"));
    const r = runKusei(["recalc", "--lang", "en", source, "--out", join(dir, "out")]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("the output is the input file");
    untouched();
  });

  test("--out DIR where DIR/a.xlsx is a hard link of the input is refused", () => {
    mkdirSync(join(dir, "out"));
    linkSync(source, join(dir, "out", "a.xlsx"));
    const r = runKusei(["recalc", "--lang", "en", source, "--out", join(dir, "out")]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("the output is the input file");
    untouched();
  });

  test("two inputs where the first's output is the second input: the second is never overwritten", () => {
    mkdirSync(join(dir, "sub"));
    const second = join(dir, "sub", "a.xlsx");
    copyFileSync(source, second);
    const r = runKusei(["recalc", "--lang", "en", source, second, "--out", join(dir, "sub")]);
    expectRun(r, [2]);
    expect(readFileSync(second).equals(original)).toBe(true);
    untouched();
  });

  test("check b.xlsx --report b.xlsx is refused before anything is written", () => {
    const r = runKusei(["check", "--lang", "en", source, "--report", source]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("--report would overwrite the input file");
    untouched();
    only("a.xlsx");
  });

  onPosix("--report onto a symlink to the input is refused", () => {
    symlinkSync(source, join(dir, "r.html"));
    const r = runKusei(["check", "--lang", "en", source, "--report", join(dir, "r.html")]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("--report would overwrite the input file");
    untouched();
  });
});

describe("outputs honour the umask", () => {
  onPosix.each([
    [0o077, 0o600],
    [0o022, 0o644],
    [0o002, 0o664],
  ])("umask %o: the workbook and the report are created %o", (umask, mode) => {
    const r = runKusei(["recalc", source, "--out", join(dir, "out"), "--report", join(dir, "r.html")], {
      umask,
    });
    expectRun(r, [0, 1]);
    expect(statSync(join(dir, "out", "a.xlsx")).mode & 0o777).toBe(mode);
    expect(statSync(join(dir, "r.html")).mode & 0o777).toBe(mode);
    untouched();
  });
});

describe("--in-place", () => {
  onPosix("through a symlink: the link stays a link, its target gets the marks", async () => {
    const link = join(dir, "link.xlsx");
    symlinkSync(source, link);
    const r = runKusei(["recalc", "--lang", "en", link, "--in-place"]);
    expectRun(r, [0, 1]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const after = readFileSync(source);
    expect(after.equals(original)).toBe(false);
    const { snapshots } = await readWorkbook(new Uint8Array(after));
    const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
    expect(log && readChangeLog(log).length).toBeGreaterThan(0);
    only("a.xlsx", "link.xlsx");
  });

  onPosix(
    "a read-only file is refused with the way out; --allow-read-only replaces it, still read-only",
    () => {
      chmodSync(source, 0o444);
      const refused = runKusei(["recalc", "--lang", "en", source, "--in-place"]);
      expectRun(refused, [2]);
      expect(refused.stderr).toContain("the file is read-only; give --allow-read-only");
      untouched();
      const allowed = runKusei(["recalc", source, "--in-place", "--allow-read-only"]);
      expectRun(allowed, [0, 1]);
      expect(readFileSync(source).equals(original)).toBe(false);
      expect(statSync(source).mode & 0o777).toBe(0o444);
      only("a.xlsx");
    },
  );

  test("a replaced file keeps its own mode", () => {
    chmodSync(source, 0o640);
    const r = runKusei(["recalc", source, "--in-place"], posix ? { umask: 0o077 } : {});
    expectRun(r, [0, 1]);
    if (posix) expect(statSync(source).mode & 0o777).toBe(0o640);
  });

  onPosix.each(["SIGINT", "SIGTERM"] as const)(
    "%s during the run: the child dies of it, the source is untouched, no temp file or lock is left",
    async (signal) => {
      const lock = join(dir, ".a.xlsx.kusei.lock");
      const run = startKusei(["recalc", source, "--in-place"]);
      // the lock is held from before the read to after the rename: a signal then hits the run mid-work
      let seen = false;
      while (!seen && run.child.exitCode === null) {
        seen = existsSync(lock);
        if (!seen) await new Promise((r) => setTimeout(r, 2));
      }
      expect(seen).toBe(true);
      run.child.kill(signal);
      const r = await run.done;
      expect(r.signal).toBe(signal);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
      untouched();
      only("a.xlsx");
    },
  );

  onPosix(
    "what a kill -9 left (a temp file, a stale lock) is removed by the next run; a planted link is not",
    () => {
      const dead = deadPid();
      const victim = join(dir, "victim.txt");
      writeFileSync(victim, "keep me");
      writeFileSync(join(dir, `.a.xlsx.kusei-${dead}-0123456789abcdef.tmp`), "half a workbook");
      writeFileSync(join(dir, ".a.xlsx.kusei.lock"), `${dead}\n`);
      symlinkSync(victim, join(dir, `.a.xlsx.kusei-${dead}-fedcba9876543210.tmp`));
      const r = runKusei(["recalc", source, "--in-place"]);
      expectRun(r, [0, 1]);
      expect(readFileSync(source).equals(original)).toBe(false);
      only("a.xlsx", "victim.txt", `.a.xlsx.kusei-${dead}-fedcba9876543210.tmp`);
      expect(readFileSync(victim, "utf8")).toBe("keep me");
    },
  );

  onPosix(
    "a lock left empty by a crash between its creation and its write is stale after a few seconds",
    () => {
      const lock = join(dir, ".a.xlsx.kusei.lock");
      writeFileSync(lock, "");
      utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const r = runKusei(["recalc", source, "--in-place", "--lock-wait", "0"]);
      expectRun(r, [0, 1]);
      only("a.xlsx");
    },
  );

  onPosix(
    "a lock held by a live process: the run waits --lock-wait seconds, then refuses; nothing written",
    () => {
      writeFileSync(join(dir, ".a.xlsx.kusei.lock"), `${process.pid}\n`);
      const r = runKusei(["recalc", "--lang", "en", source, "--in-place", "--lock-wait", "0.5"]);
      expectRun(r, [2]);
      expect(r.stderr).toContain(`another kusei (process ${process.pid}) is working on this file`);
      untouched();
    },
  );

  onPosix("two runs at once on one file: one after the other, no log row lost", async () => {
    // A live holder (this test) keeps both children waiting, then lets go: they race for the lock.
    const lock = join(dir, ".a.xlsx.kusei.lock");
    writeFileSync(lock, `${process.pid}\n`);
    const a = startKusei(["recalc", "--lang", "en", source, "--in-place"]);
    const b = startKusei(["recalc", "--lang", "en", source, "--in-place"]);
    await new Promise((r) => setTimeout(r, 1500));
    unlinkSync(lock);
    const runs = await Promise.all([a.done, b.done]);
    for (const r of runs) {
      expect([0, 1]).toContain(r.status);
      // the second run waits for the first: its time is both runs'
      expect(r.cpuMs).toBeLessThan(2 * LIMITS.ms);
      expect(r.peakBytes).toBeLessThan(LIMITS.bytes);
    }
    // exactly one wrote; the other read the first one's result and found nothing left to write
    const unchanged = runs.filter((r) => r.stdout.includes("no mark to write: the file was left unchanged"));
    expect(unchanged).toHaveLength(1);
    const { snapshots } = await readWorkbook(new Uint8Array(readFileSync(source)));
    const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
    const entries = log ? readChangeLog(log) : [];
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.applyId)).size).toBe(1);
    only("a.xlsx");
  });
});
