/**
 * Regressions of the xlsx adapter bugs found by hardening (docs/hostile.md bugs 5 and 6) and of the CLI's
 * output streams, through the real `kusei` command in-process: what a ward's workbook keeps on recalc.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { kusei, STACK_FRAME } from "./cli-harness";

function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "kusei-xlsx-reg-"));
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("uint8array"));
  return out;
}

const MAIN = join(FIXTURES_DIR, "hirano-fy2016.xlsx");

describe("bug 6: recalc never drops a part of the package silently", () => {
  test("custom-properties.xlsx: docProps/custom.xml (機密区分) and customXml/item1.xml come through byte for byte", async () => {
    await withTempDir(async (dir) => {
      const input = join(HOSTILE_DIR, "custom-properties.xlsx");
      const r = await kusei("recalc", "--out", join(dir, "out"), input);
      expect([0, 1]).toContain(r.status);
      const before = await partsOf(readFileSync(input));
      const after = await partsOf(readFileSync(join(dir, "out", "custom-properties.xlsx")));
      expect([...before.keys()].filter((n) => !after.has(n))).toEqual([]);
      expect(after.get("docProps/custom.xml")).toEqual(before.get("docProps/custom.xml"));
      expect(Buffer.from(after.get("docProps/custom.xml") ?? []).toString("utf8")).toContain("機密区分");
      expect(after.get("customXml/item1.xml")).toEqual(before.get("customXml/item1.xml"));
    });
  });

  test("a part tied to a sheet that no library models: recalc carries it over byte for byte with its relationship", async () => {
    await withTempDir(async (dir) => {
      const zip = await JSZip.loadAsync(readFileSync(MAIN));
      zip.file("xl/kusei-unknown/sheet-bound.xml", "<x/>");
      zip.file(
        "xl/worksheets/_rels/sheet1.xml.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId99" Type="http://example.org/unknown" Target="../kusei-unknown/sheet-bound.xml"/></Relationships>',
      );
      const path = join(dir, "bound.xlsx");
      const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      writeFileSync(path, bytes);
      const r = await kusei("recalc", "--in-place", path);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
      const before = await partsOf(Buffer.from(bytes));
      const after = await partsOf(readFileSync(path));
      expect([...before.keys()].filter((n) => !after.has(n))).toEqual([]);
      for (const n of ["xl/kusei-unknown/sheet-bound.xml", "xl/worksheets/_rels/sheet1.xml.rels"])
        expect({ n, same: Buffer.from(after.get(n) ?? []).equals(Buffer.from(before.get(n) ?? [])) }).toEqual(
          { n, same: true },
        );
    });
  });
});

describe("bug 5: page numbering Auto stays Auto", () => {
  test("recalc of the main fixture writes no useFirstPageNumber where the original had none", async () => {
    await withTempDir(async (dir) => {
      const r = await kusei("recalc", "--out", dir, MAIN);
      expect([0, 1]).toContain(r.status);
      const before = await partsOf(readFileSync(MAIN));
      const after = await partsOf(readFileSync(join(dir, "hirano-fy2016.xlsx")));
      const setups = (parts: Map<string, Uint8Array>): Map<string, string> =>
        new Map(
          [...parts]
            .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
            .map(([n, b]) => [n, /<pageSetup\b[^>]*>/.exec(Buffer.from(b).toString("utf8"))?.[0] ?? ""]),
        );
      const b = setups(before);
      expect(b.size).toBeGreaterThan(0);
      for (const [sheet, setup] of setups(after)) {
        if (!b.has(sheet)) continue; // the change-log sheet is new
        expect(setup).not.toMatch(/useFirstPageNumber/);
        expect(b.get(sheet)).not.toMatch(/useFirstPageNumber/);
      }
    });
  });
});

describe("CLI: the reason a file failed is an error message", () => {
  test("human mode: the reason on stderr, the summary on stdout", async () => {
    await withTempDir(async (dir) => {
      const bad = join(dir, "truncated.xlsx");
      writeFileSync(bad, readFileSync(join(HOSTILE_DIR, "truncated.xlsx")));
      const r = await kusei("check", bad, MAIN);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(bad);
      expect(r.stderr).toMatch(/切れて/);
      expect(r.stdout).not.toMatch(/切れて/);
      expect(r.stdout).toContain(bad);
      expect(r.stdout).toContain("戦略(1)");
    });
  });
});
