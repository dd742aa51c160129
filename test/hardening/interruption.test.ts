/**
 * Interruption (issue 6 §4): `kusei recalc --in-place` writes a temporary file and renames it over the
 * original. A write that fails half way (disk full after half the bytes, a failed flush, a failed rename)
 * must leave the original byte for byte, leave no temporary file behind, and end in exit 2 with the reason.
 * The faults are injected into node:fs/promises, which src/cli/files.ts calls at run time.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath } from "../helpers/fixtures";
import { kusei, STACK_FRAME } from "./cli-harness";

// The module object itself (an `import * as` namespace is a frozen copy): src/cli reads its functions from it
// at call time, so a spy here is what the CLI calls.
const fsp = require("node:fs/promises") as typeof import("node:fs/promises");

type Fault = "half-written" | "flush" | "rename";

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Makes the next temporary-file write of the CLI fail the given way; returns the spies to restore. */
function inject(fault: Fault): () => void {
  const isTemp = (p: unknown): boolean => typeof p === "string" && /\.kusei-.*\.tmp$/.test(p);
  const realOpen = fsp.open;
  const open = jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    const handle = await realOpen(...args);
    if (!isTemp(args[0])) return handle;
    if (fault === "half-written") {
      // write half the bytes for real, then fail as a full disk does
      handle.writeFile = (async (data: Uint8Array) => {
        await handle.write(data.subarray(0, Math.floor(data.length / 2)));
        throw errno("ENOSPC", "no space left on device, write");
      }) as typeof handle.writeFile;
    }
    if (fault === "flush") {
      handle.sync = (async () => {
        throw errno("EIO", "i/o error, fsync");
      }) as typeof handle.sync;
    }
    return handle;
  });
  const rename =
    fault === "rename"
      ? jest.spyOn(fsp, "rename").mockImplementation(async (from) => {
          if (isTemp(from)) throw errno("EXDEV", "cross-device link not permitted, rename");
          return Promise.resolve();
        })
      : null;
  return () => {
    open.mockRestore();
    rename?.mockRestore();
  };
}

describe("an in-place recalc that fails half way leaves the original intact", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kusei-interrupt-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each<Fault>(["half-written", "flush", "rename"])("fault: %s", async (fault) => {
    const file = join(dir, "hirano.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), file);
    const before = readFileSync(file);
    const restore = inject(fault);
    let r;
    try {
      r = await kusei("recalc", "--in-place", "--lang", "en", file);
    } finally {
      restore();
    }
    // the fault really happened on the write path (the recalc had something to write)
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/hirano\.xlsx/);
    expect(r.stdout + r.stderr).toContain({ "half-written": "ENOSPC", flush: "EIO", rename: "EXDEV" }[fault]);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["hirano.xlsx"]);
  });

  test("without a fault the same run replaces the file (the faults above were on the only write)", async () => {
    const file = join(dir, "hirano.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), file);
    const before = readFileSync(file);
    const r = await kusei("recalc", "--in-place", file);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(readdirSync(dir)).toEqual(["hirano.xlsx"]);
  });

  test("a fault on the --report file leaves no partial report and no temporary file", async () => {
    const file = join(dir, "hirano.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), file);
    const report = join(dir, "report.html");
    const realOpen = fsp.open;
    const spy = jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      // the report's temporary file: `.report.html.kusei-PID-RANDOM.tmp` beside it
      if (typeof args[0] === "string" && args[0].startsWith(join(dir, ".report.html.kusei-"))) {
        let writes = 0;
        const write = handle.write.bind(handle) as (s: string) => Promise<unknown>;
        handle.write = (async (s: string) => {
          if (++writes > 1) throw errno("ENOSPC", "no space left on device, write");
          return write(s);
        }) as unknown as typeof handle.write;
      }
      return handle;
    });
    let r;
    try {
      r = await kusei("check", "--report", report, file);
    } finally {
      spy.mockRestore();
    }
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ENOSPC");
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(dir)).toEqual(["hirano.xlsx"]);
  });
});
