import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { areaChartSvg, escapeHtml } from "../../src/report";
import { fieldColumn, fixtureLayout, fixturePath, itemRows } from "../helpers/fixtures";
import { kusei, tempDir } from "./helpers";

const EVIL = "<script>alert(1)</script>";
const FIRST_ITEM = ((): string => {
  const layout = fixtureLayout("hirano-fy2016", "戦略(1)");
  const item = layout.rows.find((r) => r.spec.kind === "item");
  return item && item.spec.kind === "item" ? item.spec.name : "";
})();

describe("--report: 一つで完結した HTML", () => {
  test("セルやシート名、ファイル名の <script> はエスケープされ、外部の資源を参照しない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(fixturePath("hirano-fy2016"))) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[1]!;
      ws.name = "取組<script>alert(1)";
      // A mark cell holding markup: it ends up in a finding (not a mark) with its text.
      const strategy = wb.worksheets[0]!;
      const row = itemRows("hirano-fy2016", strategy.name, FIRST_ITEM)[0] ?? 0;
      const col = fieldColumn("hirano-fy2016", strategy.name, "strategyEffectiveness");
      strategy.getCell(row + 1, col + 1).value = EVIL;
      const file = join(dir, `a&b<i>.xlsx`);
      await writeFile(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      const report = join(dir, "r", "report.html");
      const run = await kusei("recalc", file, "--out", join(dir, "out"), "--report", report);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(report);
      const html = await readFile(report, "utf8");
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(html).not.toContain("<script");
      expect(html).toContain("&lt;script&gt;");
      expect(html).toContain("a&amp;b&lt;i&gt;.xlsx");
      expect(html).toContain("取組&lt;script&gt;alert(1)");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toMatch(/<link|src=|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      expect(html).toContain("<svg");
      expect(html).toContain("<style>");
      // findings with their cells and the marks with reasons
      expect(html).toContain("consistency.progress-rule-differs"); // 戦略(2)!M26: ward a, kusei b
      expect(html).toMatch(
        /<td class="act-write"><pre>書き込み<\/pre><\/td><td><pre>[^<]+<\/pre><\/td><\/tr>/,
      );
      expect(html.trimEnd().endsWith("</html>")).toBe(true);
    } finally {
      await cleanup();
    }
  });

  test("--lang en のレポートは英語", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const report = join(dir, "en.html");
      await kusei("check", fixturePath("hirano-fy2016"), "--report", report, "--lang", "en");
      const html = await readFile(report, "utf8");
      expect(html).toContain('<html lang="en">');
      expect(html).toContain("kusei report");
      expect(html).toContain("not achieved");
    } finally {
      await cleanup();
    }
  });

  test("読めないファイルもレポートに理由つきで載る", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const report = join(dir, "r.html");
      await writeFile(join(dir, "x.xlsx"), "");
      const run = await kusei("check", join(dir, "x.xlsx"), "--report", report);
      expect(run.code).toBe(2);
      expect(await readFile(report, "utf8")).toContain("ファイルが空です");
    } finally {
      await cleanup();
    }
  });
});

describe("escapeHtml と図", () => {
  test.each([
    ["<a href='x'>&</a>", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"],
    ['"q"', "&quot;q&quot;"],
    ["○×①", "○×①"],
  ])("%s", (input, want) => {
    expect(escapeHtml(input)).toBe(want);
  });

  test("分野ごとに積み上げ棒、ラベルはエスケープ", () => {
    const svg = areaChartSvg(
      [
        { area: `1 ${EVIL}`, achieved: 3, missed: 1, withdrawal: 1, notComputable: 0 },
        { area: "", achieved: 0, missed: 0, withdrawal: 0, notComputable: 2 },
      ],
      "ja",
    );
    expect(svg).not.toContain("<script");
    expect(svg).toContain("(分野なし)");
    expect(svg.match(/<rect /g)?.length).toBe(4 + 4);
    expect(svg).toContain("<title>撤退基準未達成: 1</title>");
    expect(areaChartSvg([], "ja")).toBe("");
  });
});
