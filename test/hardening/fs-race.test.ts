/**
 * A user's save during a long `kusei recalc --in-place` (issue 14 §3): kusei re-checks the file's identity
 * (dev/ino), size and modification time just before its rename; a save made meanwhile is kept and the run is
 * refused (exit 2), nothing lost. The save is injected in-process at the moment kusei opens its temporary
 * file, i.e. after the read and before the rename, the window a slow evaluation leaves open.
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath } from "../helpers/fixtures";
import { kusei, STACK_FRAME } from "./cli-harness";

// The module object itself: src/cli/files.ts reads `open` from it at call time, so the spy is what it calls.
const fsp = require("node:fs/promises") as typeof import("node:fs/promises");

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kusei-race-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** While the spy is on, opening kusei's temp file first runs `save` (another program writing the source). */
function duringWrite(save: () => void): () => void {
  const realOpen = fsp.open;
  const spy = jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    if (typeof args[0] === "string" && /\.kusei-\d+-[0-9a-f]+\.tmp$/.test(args[0])) save();
    return realOpen(...args);
  });
  return () => spy.mockRestore();
}

describe("a save made during an in-place run is never overwritten", () => {
  test.each([
    ["the same inode rewritten (a save in place)", "rewrite"],
    ["the file replaced by a new one (an editor's atomic save)", "replace"],
    ["only the modification time moved (same size)", "touch"],
  ] as const)("%s → exit 2, the user's bytes kept, no temp or lock left", async (_what, how) => {
    const file = join(dir, "a.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), file);
    let saved = readFileSync(file);
    const restore = duringWrite(() => {
      if (how === "touch") {
        utimesSync(file, new Date(), new Date(Date.now() + 5000));
        return;
      }
      saved = Buffer.concat([saved, Buffer.from("the user's save")]);
      if (how === "rewrite") writeFileSync(file, saved);
      else {
        writeFileSync(join(dir, "new.tmp"), saved);
        renameSync(join(dir, "new.tmp"), file);
      }
    });
    let r;
    try {
      r = await kusei("recalc", "--lang", "en", file, "--in-place");
    } finally {
      restore();
    }
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("the file was changed by another program while kusei worked");
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(file).equals(saved)).toBe(true);
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });
});
