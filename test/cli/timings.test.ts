import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { copyFixture, kusei, tempDir } from "./helpers";

/** `kusei timings a_ms=1 b_ms=2` → { a: 1, b: 2 } */
function phasesOf(stderr: string): Map<string, number> {
  const line = stderr.split("\n").find((l) => l.startsWith("kusei timings "));
  if (line === undefined) throw new Error(`no timings line in: ${stderr}`);
  return new Map(
    line
      .slice("kusei timings ".length)
      .split(" ")
      .map((kv) => {
        const [k = "", v = ""] = kv.split("=");
        return [k.replace(/_ms$/, ""), Number(v)] as const;
      }),
  );
}

describe("--timings", () => {
  it("recalc prints where the time went, on stderr, and writes the same file as without it", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const input = await copyFixture("hirano-fy2016", dir);
      const plain = await kusei("recalc", input, "--out", join(dir, "plain"));
      const timed = await kusei("recalc", input, "--out", join(dir, "timed"), "--timings");
      expect(timed.code).toBe(plain.code);
      expect(timed.stdout.replaceAll("/timed/", "/plain/")).toBe(plain.stdout);
      expect(plain.stderr).not.toContain("kusei timings");
      const phases = phasesOf(timed.stderr);
      for (const p of [
        "input",
        "read",
        "recognize",
        "derive",
        "validate",
        "plan",
        "apply",
        "save_zip",
        "output",
      ])
        expect(phases.get(p)).toBeGreaterThanOrEqual(0);
      expect([...phases.values()].every((ms) => Number.isInteger(ms))).toBe(true);
      const name = "hirano-fy2016.xlsx";
      expect(await readFile(join(dir, "timed", name))).toEqual(await readFile(join(dir, "plain", name)));
    } finally {
      await cleanup();
    }
  });

  it("check --json keeps stdout pure JSON", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const input = await copyFixture("hirano-fy2016", dir);
      const r = await kusei("check", input, "--json", "--timings");
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      expect(phasesOf(r.stderr).has("read")).toBe(true);
    } finally {
      await cleanup();
    }
  });
});
