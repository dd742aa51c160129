import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { fixturePath } from "../helpers/fixtures";
import { copyFixture, kusei, tempDir } from "./helpers";

async function plainWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("メモ").getCell("A1").value = "メモ書き";
  await writeFile(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const NO_STACK = /\n\s+at |Error: .*\n.*node_modules/;

describe("終了コード (exit status)", () => {
  test("0: エラーの指摘なし", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await plainWorkbook(join(dir, "memo.xlsx"));
      const run = await kusei("check", join(dir, "memo.xlsx"));
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("memo.xlsx");
    } finally {
      await cleanup();
    }
  });

  test("1: エラーの指摘あり", async () => {
    const run = await kusei("check", fixturePath("hirano-fy2016"), "--json");
    expect(
      JSON.parse(run.stdout).files[0].findings.some((f: { severity: string }) => f.severity === "error"),
    ).toBe(true);
    expect(run.code).toBe(1);
  });

  test.each<[string, string[]]>([
    ["recalc に --out も --in-place もない", ["recalc", "x.xlsx"]],
    ["--out と --in-place の両方", ["recalc", "x.xlsx", "--out", "o", "--in-place"]],
    ["知らないコマンド", ["bogus"]],
    ["知らないオプション", ["check", "x.xlsx", "--frobnicate"]],
    ["ファイルなし", ["check"]],
    ["--lang fr", ["check", "x.xlsx", "--lang", "fr"]],
    ["--max-size が数でない", ["check", "x.xlsx", "--max-size", "big"]],
    ["プロファイルがない", ["check", "x.xlsx", "--profile", "/nonexistent/profile.json"]],
  ])("2: 使い方の誤り — %s", async (_label, argv) => {
    const run = await kusei(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  test("2: 壊れたプロファイルは理由を示す", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, "p.json"), JSON.stringify({ evaluationYear: "二〇一六" }));
      const run = await kusei("check", fixturePath("hirano-fy2016"), "--profile", join(dir, "p.json"));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("evaluationYear");
      await writeFile(join(dir, "ok.json"), JSON.stringify({ evaluationYear: 2016 }));
      expect(
        (await kusei("check", fixturePath("hirano-fy2016"), "--profile", join(dir, "ok.json"))).code,
      ).toBe(1);
    } finally {
      await cleanup();
    }
  });

  test("--help は 0", async () => {
    const run = await kusei("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("recalc");
  });

  test("--help は日本語、--lang en なら英語、--version は版を出す", async () => {
    const ja = await kusei("recalc", "--help");
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/^使い方: kusei recalc/m);
    expect(ja.stdout).toContain("オプション:");
    expect(ja.stdout).toContain("算定結果と異なる記号(競合)も上書きする");
    expect(ja.stdout).not.toMatch(/Usage:|Options:|display help/);
    const en = await kusei("recalc", "--help", "--lang", "en");
    expect(en.stdout).toMatch(/^Usage: kusei recalc/m);
    expect(en.stdout).toContain("also overwrite marks that differ from the derived ones");
    expect(en.stdout).not.toMatch(/[ぁ-ん]/);
    const top = await kusei("--help");
    expect(top.stdout).toContain("コマンド:");
    expect(top.stdout).toContain("記号を算定して書き込みます");
    const version = await kusei("--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("読めない入力: ファイル名と理由を示して終了コード 2、他のファイルは処理する", () => {
  const cases: Array<[string, (dir: string) => Promise<string>, RegExp]> = [
    ["存在しない", async (dir) => join(dir, "ない.xlsx"), /見つかりません/],
    [
      "フォルダ",
      async (dir) => {
        await mkdir(join(dir, "folder.xlsx"));
        return join(dir, "folder.xlsx");
      },
      /フォルダ/,
    ],
    [
      "空のファイル",
      async (dir) => {
        await writeFile(join(dir, "empty.xlsx"), "");
        return join(dir, "empty.xlsx");
      },
      /空/,
    ],
    [
      "暗号化 (CFB)",
      async (dir) => {
        await writeFile(
          join(dir, "locked.xlsx"),
          Uint8Array.from([
            0xd0,
            0xcf,
            0x11,
            0xe0,
            0xa1,
            0xb1,
            0x1a,
            0xe1,
            ...new Array<number>(504).fill(0),
          ]),
        );
        return join(dir, "locked.xlsx");
      },
      /パスワード/,
    ],
    [
      "xlsx でない (CSV)",
      async (dir) => {
        await writeFile(join(dir, "data.xlsx"), "a,b\n1,2\n");
        return join(dir, "data.xlsx");
      },
      /ではありません/,
    ],
    [
      "途中で切れた",
      async (dir) => {
        const b = await readFile(fixturePath("hirano-fy2016"));
        await writeFile(join(dir, "cut.xlsx"), b.subarray(0, Math.floor(b.length / 2)));
        return join(dir, "cut.xlsx");
      },
      /切れて/,
    ],
  ];

  test.each(cases)("%s", async (_label, make, reason) => {
    const { dir, cleanup } = await tempDir();
    try {
      const bad = await make(dir);
      const good = await copyFixture("hirano-fy2016", dir);
      const run = await kusei("check", bad, good);
      expect(run.code).toBe(2);
      // the summary (stdout) names the file; the reason is an error message (stderr), with the file's name
      expect(run.stdout).toContain(bad);
      expect(run.stdout).toContain("処理できませんでした");
      expect(run.stdout.split(good)[0]).not.toMatch(reason);
      expect(run.stderr).toContain(bad);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toContain(good);
      expect(run.stdout).toContain("戦略(1)");
      expect(run.stdout + run.stderr).not.toMatch(NO_STACK);
      const json = await kusei("check", bad, good, "--json");
      const files = JSON.parse(json.stdout).files as Array<{
        file: string;
        error: string | null;
        sheets: unknown[];
      }>;
      expect(files.map((f) => f.file)).toEqual([bad, good]);
      expect(files[0]!.error).toMatch(reason);
      expect(files[1]!.error).toBeNull();
      expect(files[1]!.sheets.length).toBeGreaterThan(0);
      expect(json.stderr).toContain(bad);
      expect(json.code).toBe(2);
    } finally {
      await cleanup();
    }
  });

  test("大きすぎる (--max-size を超える) と 2、上限を上げれば読める", async () => {
    const small = await kusei("check", fixturePath("hirano-fy2016"), "--max-size", "0.01", "--lang", "en");
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/too large/);
    expect(small.stdout).toMatch(/could not be processed/);
    expect((await kusei("check", fixturePath("hirano-fy2016"), "--max-size", "500")).code).toBe(1);
  });

  test("マクロのあるブックも recalc し、マクロはそのまま残る (macros are carried over byte for byte)", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const zip = await JSZip.loadAsync(await readFile(fixturePath("hirano-fy2016")));
      zip.file("xl/vbaProject.bin", "vba");
      const path = join(dir, "macro.xlsm");
      await writeFile(path, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      const out = await kusei("recalc", path, "--out", join(dir, "out"), "--json");
      expect([0, 1]).toContain(out.code);
      const saved = await JSZip.loadAsync(await readFile(join(dir, "out", "macro.xlsm")));
      expect(await saved.file("xl/vbaProject.bin")?.async("string")).toBe("vba");
    } finally {
      await cleanup();
    }
  });

  test("デジタル署名のあるブックは recalc しない (保存すると署名が無効になるため)", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const zip = await JSZip.loadAsync(await readFile(fixturePath("hirano-fy2016")));
      zip.file("_xmlsignatures/sig1.xml", "<Signature/>");
      const path = join(dir, "signed.xlsx");
      await writeFile(path, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      const before = await readFile(path);
      const run = await kusei("recalc", path, "--in-place");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/デジタル署名/);
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
      const out = await kusei("recalc", path, "--out", join(dir, "out"), "--json");
      expect(out.code).toBe(2);
      await expect(readFile(join(dir, "out", "signed.xlsx"))).rejects.toMatchObject({ code: "ENOENT" });
      expect((await kusei("check", path)).code).toBe(1);
    } finally {
      await cleanup();
    }
  });

  test("recalc でも読めないファイルは書かない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, "bad.xlsx"), "not a workbook");
      const run = await kusei("recalc", join(dir, "bad.xlsx"), "--in-place");
      expect(run.code).toBe(2);
      expect(await readFile(join(dir, "bad.xlsx"), "utf8")).toBe("not a workbook");
    } finally {
      await cleanup();
    }
  });
});

describe("人が読む出力", () => {
  test("既定は日本語の集計表、--lang en は英語", async () => {
    const ja = await kusei("check", fixturePath("hirano-fy2016"));
    expect(ja.stdout).toMatch(
      /シート\s+種類\s+件数\s+書き込み予定\s+変更なし\s+競合\s+対象外\s+エラー\s+警告\s+情報/,
    );
    expect(ja.stdout).toMatch(/合計/);
    const en = await kusei("check", fixturePath("hirano-fy2016"), "--lang", "en");
    expect(en.stdout).toMatch(
      /sheet\s+kind\s+records\s+to write\s+kept\s+conflicts\s+skipped\s+errors\s+warnings\s+info/,
    );
  });
});
