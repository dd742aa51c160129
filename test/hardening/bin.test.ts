/**
 * The real `kusei` executable (bin/kusei.js → lib/, built by `npm run build:cli`, which `npm install` runs as
 * `prepare`) over hostile files, in a child process: exit statuses and messages as a user's shell sees them.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { STACK_FRAME } from "./cli-harness";

const BIN = resolve(__dirname, "../../bin/kusei.js");

function run(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("bin/kusei.js over hostile files", () => {
  test.each([
    ["encrypted.xlsx", /パスワードで保護されたブック/],
    ["zip-bomb.xlsx", /ブックが大きすぎます \(展開後 160\.1 MB、上限 100\.0 MB\)/],
    ["truncated.xlsx", /途中で切れている/],
  ])("kusei check %s → exit 2, the reason, no stack trace", (file, reason) => {
    const r = run("check", join(HOSTILE_DIR, file));
    expect(r.status).toBe(2);
    expect(r.out).toMatch(reason);
    expect(r.out).not.toMatch(STACK_FRAME);
  });

  test("kusei check over a readable hostile file exits 0 or 1", () => {
    const r = run("check", "--lang", "en", join(HOSTILE_DIR, "error-values.xlsx"));
    expect([0, 1]).toContain(r.status);
    expect(r.out).not.toMatch(STACK_FRAME);
  });
});
