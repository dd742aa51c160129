/**
 * The hostile budget cases (issue 14 §1; test/fixtures/hostile/budget-cases.ts) through the real executable
 * in a child process with a 1 GB heap: each must end with the right exit status and reason, under 10 s of
 * CPU and 1 GB of resident memory, without a stack trace. The expensive ones run with `npm run hardening`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUDGET_CASES } from "../fixtures/hostile/budget-cases";
import { BASE_WORKBOOK } from "../fixtures/hostile/build-hostile";
import { budgetOf, BudgetMeter } from "../../src/xlsx/budget";
import { readZip } from "../../src/xlsx/zip/read";
import { runKuseiChild, type ChildRun } from "./child-harness";
import { STACK_FRAME } from "./cli-harness";

const FULL = process.env["KUSEI_HARDENING"] === "1";
const cases = BUDGET_CASES.filter((c) => FULL || c.expensive !== true);
const LIMIT_MS = 10_000;
const LIMIT_RSS = 1024 * 1024 * 1024;

let dir = "";
let baseFindings: unknown;

/** The findings and marks of a `check --json` run (an added sheet of its own does not change them). */
function findingsOf(run: ChildRun): unknown {
  const json = JSON.parse(run.stdout) as { files: Array<Record<string, unknown>> };
  return json.files.map((f) => ({ findings: f["findings"], marks: f["marks"] }));
}

function bounded(run: ChildRun): void {
  expect(run.signal).toBeNull();
  expect(run.cpuMs).toBeLessThan(LIMIT_MS);
  expect(run.maxRssBytes).toBeLessThan(LIMIT_RSS);
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kusei-budget-"));
  mkdirSync(join(dir, "out"));
  const base = runKuseiChild(["check", "--json", "--lang", "en", BASE_WORKBOOK]);
  baseFindings = findingsOf(base);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(cases.map((c) => [c.file, c] as const))("%s", (file, c) => {
  let path = "";
  let bytes: Uint8Array = new Uint8Array(0);
  beforeAll(() => {
    path = join(dir, file);
    bytes = c.build();
    writeFileSync(path, bytes);
  });

  test(`check: ${c.check === "like-base" ? "the base fixture's findings" : `exit 2, ${String(c.check.reason)}`}`, () => {
    const run = runKuseiChild(["check", "--json", "--lang", "en", path]);
    process.stdout.write(
      `budget case ${file}: check exit ${run.status}, ${Math.round(run.millis)} ms, ${(run.maxRssBytes / 1048576).toFixed(0)} MB peak RSS\n`,
    );
    bounded(run);
    if (c.check === "like-base") {
      expect([0, 1]).toContain(run.status);
      expect(findingsOf(run)).toEqual(baseFindings);
    } else {
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).toMatch(c.check.reason);
    }
  });

  const recalc = c.recalc;
  if (recalc !== undefined && "keeps" in recalc) {
    test(`recalc: written surgically, keeping ${recalc.keeps.join(", ")}; the source untouched`, () => {
      const out = mkdtempSync(join(dir, "written-"));
      const run = runKuseiChild(["recalc", "--out", out, path]);
      bounded(run);
      expect([0, 1]).toContain(run.status);
      expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
      const written = readZip(new Uint8Array(readFileSync(join(out, file))), new BudgetMeter(budgetOf()));
      const names = written.entries.map((e) => e.name);
      for (const kept of recalc.keeps) expect(names).toContain(kept);
    });
  } else if (recalc !== undefined) {
    test(`recalc: exit 2, ${String(recalc.reason)}, the source untouched, nothing written`, () => {
      const run = runKuseiChild(["recalc", "--out", join(dir, "out"), path]);
      bounded(run);
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).toMatch(recalc.reason);
      expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
      expect(() => readFileSync(join(dir, "out", file))).toThrow();
    });
  }
});
