import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildFixtures } from "../fixtures/build-fixtures";
import { DEFINITIONS, MAIN } from "../fixtures/workbooks";
import { fixturePath, fixtureSnapshots, FIXTURES, sheetSnapshot } from "../helpers/fixtures";
import { workbookBytes } from "../fixtures/write-xlsx";
import { diffWorkbookFile } from "./read-back";

describe("fixture files", () => {
  test.each(DEFINITIONS.map((d) => [d.name]))(
    "%s: the committed .xlsx is the generator's model (値・結合・書式)",
    async (name) => {
      const def = DEFINITIONS.find((d) => d.name === name);
      if (def === undefined) throw new Error(name);
      const diffs = await diffWorkbookFile(fixturePath(name), def.build().workbook);
      expect(diffs).toEqual([]);
    },
  );

  test.each(DEFINITIONS.map((d) => [d.name]))(
    "%s: the committed .xlsx is byte-identical to a fresh generation (run `npm run fixtures` if not)",
    async (name) => {
      const def = DEFINITIONS.find((d) => d.name === name);
      if (def === undefined) throw new Error(name);
      const fresh = await workbookBytes(def.build().workbook);
      expect(Buffer.compare(fresh, readFileSync(fixturePath(name)))).toBe(0);
    },
  );

  test("the demo sample is the main fixture", async () => {
    const diffs = await diffWorkbookFile(
      join(__dirname, "../../assets/samples", MAIN.file),
      MAIN.build().workbook,
    );
    expect(diffs).toEqual([]);
  });

  test("FIXTURES lists every definition with its sheets", () => {
    expect(Object.keys(FIXTURES)).toEqual(DEFINITIONS.map((d) => d.name));
    expect(FIXTURES["hirano-fy2016"]?.sheets).toEqual(["戦略(1)", "取組(1)", "戦略(2)", "取組(2)"]);
  });
});

describe("generator determinism", () => {
  let dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("two runs write the same cells, and the snapshots of two builds are equal", async () => {
    dirs = [mkdtempSync(join(tmpdir(), "kusei-fx-a-")), mkdtempSync(join(tmpdir(), "kusei-fx-b-"))];
    const [a, b] = dirs as [string, string];
    await buildFixtures(a, null);
    await buildFixtures(b, null);
    for (const def of DEFINITIONS) {
      const model = def.build().workbook;
      expect(await diffWorkbookFile(join(a, def.file), model)).toEqual([]);
      expect(await diffWorkbookFile(join(b, def.file), model)).toEqual([]);
      const wa = new ExcelJS.Workbook();
      await wa.xlsx.readFile(join(a, def.file));
      expect(wa.created.toISOString()).toBe("2017-05-31T00:00:00.000Z");
      expect(wa.modified.toISOString()).toBe("2017-05-31T00:00:00.000Z");
    }
    for (const def of DEFINITIONS) {
      const once = def.build().workbook.sheets.map(sheetSnapshot);
      const twice = def.build().workbook.sheets.map(sheetSnapshot);
      expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
      expect(fixtureSnapshots(def.name)).toEqual(once);
    }
  });
});
