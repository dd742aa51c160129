/**
 * The CLI's zlib codec (src/cli/zlib-codec.ts) must read and save exactly as the default fflate path does:
 * same snapshots or the same refusal on every fixture, hostile file, budget case and world dialect, the same
 * inflated entries after a save, and a bomb stopped at the cap rather than inflated whole.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ZLIB_CODEC } from "../../src/cli/zlib-codec";
import { evaluateWorkbook, writesFromPlan } from "../../src/core";
import {
  applyWrites,
  isWorkbookReadError,
  readWorkbook,
  writeWorkbook,
  type ReadWorkbookOptions,
} from "../../src/xlsx";
import { craftZip, zerosDeflate } from "../helpers/zip-craft";
import { testZipArchive } from "../xlsx/zip-test-reader";
import { readerCorpus } from "../helpers/read-corpus";

const CORPUS = readerCorpus();

/** A read's outcome, comparable across codecs: the snapshots, or the refusal's code and message. */
async function outcome(bytes: Uint8Array, opts: ReadWorkbookOptions): Promise<unknown> {
  try {
    return (await readWorkbook(bytes, opts)).snapshots;
  } catch (e) {
    if (isWorkbookReadError(e)) return { refused: e.code, en: e.messages.en };
    throw e;
  }
}

describe("the zlib codec reads as fflate does", () => {
  it.each(CORPUS)("%s", async (_name, bytes) => {
    expect(await outcome(bytes, { codec: ZLIB_CODEC })).toEqual(await outcome(bytes, {}));
  });

  it("covers the refusals too (the corpus is not all readable files)", async () => {
    const refused = await Promise.all(CORPUS.map(async ([, b]) => (await outcome(b, {})) as object));
    expect(refused.filter((o) => "refused" in o).length).toBeGreaterThan(5);
  });
});

describe("a save with the zlib codec", () => {
  it("holds the same inflated entries as one with fflate", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../fixtures/hirano-fy2016.xlsx")));
    const saved: Uint8Array[] = [];
    for (const opts of [{}, { codec: ZLIB_CODEC }]) {
      const { snapshots, workbook } = await readWorkbook(bytes, opts);
      const writes = writesFromPlan(evaluateWorkbook(snapshots).plan, { overwriteConflicts: false });
      expect(applyWrites(workbook, writes).applied.length).toBeGreaterThan(0);
      saved.push(await writeWorkbook(workbook));
    }
    const [a, b] = saved.map((s) => testZipArchive(s));
    if (!a || !b) throw new Error("two saves expected");
    expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
    for (const e of a.entries) expect(Buffer.from(b.bytes(e.name))).toEqual(Buffer.from(a.bytes(e.name)));
  });
});

describe("ZLIB_CODEC.inflate", () => {
  it("stops at the limit instead of inflating a bomb whole", () => {
    const bomb = zerosDeflate(512 * 1024 * 1024);
    const t0 = process.cpuUsage();
    expect(ZLIB_CODEC.inflate(bomb, 1024 * 1024)).toBeNull();
    const cpu = process.cpuUsage(t0);
    // inflating 512 MB takes seconds; stopping at 1 MB takes milliseconds (CPU time, not wall time)
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
  });

  it("gives the bytes when they fit, and throws on data that is not deflate", () => {
    const data = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(100));
    expect(Buffer.from(ZLIB_CODEC.inflate(ZLIB_CODEC.deflate(data), data.length) ?? [])).toEqual(
      Buffer.from(data),
    );
    expect(ZLIB_CODEC.inflate(ZLIB_CODEC.deflate(data), data.length - 1)).toBeNull();
    expect(() => ZLIB_CODEC.inflate(Uint8Array.from([0xff, 0xff, 0xff]), 100)).toThrow();
  });

  it("makes the reader refuse a lying entry as fflate does", async () => {
    const lying = craftZip([{ name: "[Content_Types].xml", data: "<Types/>", declaredSize: 3 }]);
    expect(await outcome(lying, { codec: ZLIB_CODEC })).toEqual(await outcome(lying, {}));
  });
});
