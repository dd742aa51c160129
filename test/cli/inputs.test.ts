import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expandInputs, globPatternOf, isWorkbookName, sortPaths } from "../../src/cli/inputs";
import { fixturePath } from "../helpers/fixtures";
import { kusei, tempDir } from "./helpers";

describe("globPatternOf: an argument's text → a tinyglobby pattern, or null (a plain path)", () => {
  test("Windows: backslashes separate folders (cmd and PowerShell pass wards\\*.xlsx unexpanded)", () => {
    expect(globPatternOf("wards\\*.xlsx", "win32")).toBe("wards/*.xlsx");
    expect(globPatternOf("C:\\Users\\ku\\wards\\**\\*.xlsm", "win32")).toBe("C:/Users/ku/wards/**/*.xlsm");
    expect(globPatternOf("wards\\平野区.xlsx", "win32")).toBeNull();
  });
  test("POSIX: a backslash escapes, so an escaped star is no pattern", () => {
    expect(globPatternOf("wards/*.xlsx", "linux")).toBe("wards/*.xlsx");
    expect(globPatternOf("wards/\\*.xlsx", "linux")).toBeNull();
    expect(globPatternOf("wards/a.xlsx", "darwin")).toBeNull();
  });
  test("braces, ranges and ? are patterns too", () => {
    expect(globPatternOf("w/{a,b}.xlsx", "linux")).toBe("w/{a,b}.xlsx");
    expect(globPatternOf("w/?.xlsx", "win32")).toBe("w/?.xlsx");
  });
});

describe("isWorkbookName and sortPaths", () => {
  test(".xlsx/.xlsm in any case, never Excel's ~$ lock file", () => {
    expect(
      ["a.xlsx", "B.XLSM", "dir/c.xlsx", "~$a.xlsx", "a.xls", "a.csv", "dir\\~$b.xlsm"].filter(
        isWorkbookName,
      ),
    ).toEqual(["a.xlsx", "B.XLSM", "dir/c.xlsx"]);
  });
  test("numbers inside names compare as numbers", () => {
    expect(sortPaths(["w/10-北区.xlsx", "w/2-都島区.xlsx", "w/1-平野区.xlsx"])).toEqual([
      "w/1-平野区.xlsx",
      "w/2-都島区.xlsx",
      "w/10-北区.xlsx",
    ]);
  });
});

describe("expandInputs over a real folder", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, "wards", "sub"), { recursive: true });
    for (const f of ["wards/2-b.xlsx", "wards/10-c.XLSX", "wards/1-a.xlsm", "wards/sub/d.xlsx", "[3-1].xlsx"])
      await writeFile(join(dir, f), "x");
    for (const f of ["wards/~$1-a.xlsm", "wards/notes.txt", "wards/old.xls"])
      await writeFile(join(dir, f), "x");
    await mkdir(join(dir, "empty"));
  });
  afterAll(() => cleanup());

  const run = (args: string[], platform: NodeJS.Platform = "linux", recursive = false) =>
    expandInputs(args, { recursive, lang: "ja", platform, cwd: dir });
  const rel = (items: { path: string }[]) =>
    items.map((i) => i.path.slice(dir.length + 1).replace(/\\/g, "/"));

  test("a folder gives its workbooks in name order; --recursive adds subfolders", async () => {
    expect(rel(await run(["wards"]))).toEqual(["wards/1-a.xlsm", "wards/2-b.xlsx", "wards/10-c.XLSX"]);
    expect(rel(await run(["wards"], "linux", true))).toEqual([
      "wards/1-a.xlsm",
      "wards/2-b.xlsx",
      "wards/10-c.XLSX",
      "wards/sub/d.xlsx",
    ]);
  });
  test("a Windows glob with backslashes; its pattern part case-insensitive there", async () => {
    // (the folder part is looked up on the disk, whose case rules are the OS's; the pattern part is kusei's)
    expect(rel(await run(["wards\\*.XLSX"], "win32"))).toEqual(["wards/2-b.xlsx", "wards/10-c.XLSX"]);
    expect(rel(await run(["wards/*.XLSX"], "linux"))).toEqual(["wards/10-c.XLSX"]);
    expect(rel(await run(["wards\\**\\*.xlsx"], "win32"))).toEqual([
      "wards/2-b.xlsx",
      "wards/10-c.XLSX",
      "wards/sub/d.xlsx",
    ]);
  });
  test("an existing name with glob characters is that file; a file named twice comes once", async () => {
    expect(rel(await run(["[3-1].xlsx", "wards/2-b.xlsx", "wards/*-b.xlsx"]))).toEqual([
      "[3-1].xlsx",
      "wards/2-b.xlsx",
    ]);
  });
  test("an argument that yields nothing is an item with its reason; the others still come", async () => {
    const items = await run(["nothing/*.xlsx", "empty", "wards/2-b.xlsx", "missing.xlsx"]);
    expect(items.map((i) => i.error)).toEqual([
      "一致するファイルがありません",
      "フォルダに .xlsx / .xlsm のファイルがありません",
      null,
      null, // a plain missing path: the reader says "file not found"
    ]);
  });
});

describe("kusei check over a folder and a glob", () => {
  test("every workbook is checked, the unreadable one is reported and the others go on", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(join(dir, "w"));
      await copyFile(fixturePath("hirano-fy2016"), join(dir, "w", "a.xlsx"));
      await copyFile(fixturePath("hirano-fy2016"), join(dir, "w", "c.xlsx"));
      await writeFile(join(dir, "w", "b.xlsx"), "not a zip");
      const run = await kusei("check", join(dir, "w"), join(dir, "nothing", "*.xlsx"), "--json");
      const out = JSON.parse(run.stdout) as { files: Array<{ file: string; error: string | null }> };
      expect(out.files.map((f) => [f.file.slice(dir.length + 1), f.error === null])).toEqual([
        ["w/a.xlsx", true],
        ["w/b.xlsx", false],
        ["w/c.xlsx", true],
        ["nothing/*.xlsx", false],
      ]);
      expect(run.code).toBe(2);
      const glob = await kusei("check", join(dir, "w", "[ac].xlsx"), "--json");
      expect((JSON.parse(glob.stdout) as { files: unknown[] }).files).toHaveLength(2);
    } finally {
      await cleanup();
    }
  });
});
