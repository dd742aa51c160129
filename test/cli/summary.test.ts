import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { evaluateWorkbook } from "../../src/core";
import { csvField } from "../../src/cli/summary-files";
import { writeWardFolder } from "../../scripts/wards";
import { kusei, snapshotsOf, tempDir } from "./helpers";

interface WardOut {
  file: string;
  ward: string;
  error: string | null;
  report: string | null;
  counts: Record<string, number>;
  findings: Array<{ sheet: string; cell: string | null; severity: string; code: string }>;
}
interface SummaryOut {
  version: number;
  wards: WardOut[];
  commonIndicators: Array<{ label: string; kind: string; entries: Array<{ ward: string }> }>;
}

describe("kusei summary over a folder of generated ward workbooks", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let files: string[];
  let out: string;
  let json: SummaryOut;
  let code: number;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    files = await writeWardFolder(join(dir, "wards"), 6);
    await writeFile(join(dir, "wards", "999-broken.xlsx"), "not a workbook");
    out = join(dir, "out");
    const run = await kusei("summary", join(dir, "wards"), "--out", out, "--json");
    code = run.code;
    json = JSON.parse(run.stdout) as SummaryOut;
  }, 120_000);
  afterAll(() => cleanup());

  test("one row per workbook, the unreadable one with its reason; exit 2", () => {
    expect(json.version).toBe(1);
    expect(json.wards.map((w) => w.ward)).toEqual([
      "北区",
      "都島区",
      "福島区",
      "此花区",
      "中央区",
      "西区",
      "999-broken",
    ]);
    expect(json.wards[6]?.error).not.toBeNull();
    expect(code).toBe(2);
  });

  test("each ward's numbers equal its own evaluation (achievement classes, findings per severity)", async () => {
    for (const [i, file] of files.entries()) {
      const ev = evaluateWorkbook(await snapshotsOf(file));
      const w = json.wards[i]!;
      const live = ev.initiatives.filter((d) => d.record.duplicateOf === null);
      expect(w.counts).toEqual({
        achieved: live.filter((d) => d.achievement === "achieved").length,
        missed: live.filter((d) => d.achievement === "missed").length,
        withdrawal: live.filter((d) => d.achievement === "withdrawal").length,
        notComputable: live.filter((d) => d.achievement === null).length,
        errors: ev.findings.filter((f) => f.severity === "error").length,
        warnings: ev.findings.filter((f) => f.severity === "warning").length,
        infos: ev.findings.filter((f) => f.severity === "info").length,
      });
      // and the same as `kusei check --json` of that file
      const check = JSON.parse((await kusei("check", file, "--json")).stdout) as {
        files: [{ findings: unknown[] }];
      };
      expect(w.findings).toHaveLength(check.files[0].findings.length);
    }
    // the generated variants differ as designed: ward 2 fired a withdrawal, ward 3 met its 格付 target
    expect(json.wards[1]?.counts["withdrawal"]).toBe(1);
    expect(json.wards[2]!.counts["achieved"]).toBe(json.wards[0]!.counts["achieved"]! + 1);
  });

  test("the common indicators: found in every readable ward, matched by label", () => {
    const names = json.commonIndicators.map((c) => c.label);
    expect(names).toContain("窓口サービス満足度");
    const g = json.commonIndicators.find((c) => c.label === "窓口サービス満足度");
    expect(g?.entries.map((e) => e.ward)).toEqual(["北区", "都島区", "福島区", "此花区", "中央区", "西区"]);
  });

  test("writes the dashboard, per-ward reports, summary.xlsx, summary.csv and findings.csv", async () => {
    const names = await readdir(out);
    expect(names.sort()).toEqual(["findings.csv", "summary.csv", "summary.html", "summary.xlsx", "wards"]);
    expect((await readdir(join(out, "wards"))).length).toBe(6);
    const html = await readFile(join(out, "summary.html"), "utf8");
    for (const w of json.wards) if (w.report !== null) expect(html).toContain(`href="${w.report}"`);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    const csv = await readFile(join(out, "summary.csv"), "utf8");
    expect(csv.startsWith("\uFEFF区,ファイル,年度,目標達成")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(1 + json.wards.length);
    const findings = await readFile(join(out, "findings.csv"), "utf8");
    const total = json.wards.reduce((n, w) => n + w.findings.length, 0);
    expect(findings.trim().split("\r\n")).toHaveLength(1 + total);
  });

  test("summary.xlsx opens in exceljs: the tables, every finding, cells linked into the ward's file", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "summary.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["区別", "共通指標", "指摘"]);
    const wardsSheet = wb.getWorksheet("区別")!;
    expect(wardsSheet.getCell("A2").value).toBe("北区");
    expect(wardsSheet.getCell("D2").value).toBe(json.wards[0]!.counts["achieved"]);
    const f = wb.getWorksheet("指摘")!;
    const total = json.wards.reduce((n, w) => n + w.findings.length, 0);
    expect(f.actualRowCount).toBe(1 + total);
    const first = json.wards[0]!.findings[0]!;
    const c = f.getCell("C2").value as { text: string; hyperlink: string };
    expect(c.text).toBe(first.cell);
    expect(c.hyperlink).toBe(`../wards/001-北区.xlsx#'${first.sheet}'!${first.cell}`);
    expect(f.getCell("E2").value).toBe(first.code);
    const listed = (f as unknown as { getTables(): unknown[] }).getTables();
    expect(listed).toHaveLength(1);
  });
});

describe("csvField", () => {
  test("quotes separators and defuses formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
  });
});
