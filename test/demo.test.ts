import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

// `npm run demo` is the newcomer's first command: it must succeed and leave a marked workbook whose marks
// are the core's (the same cells the core tests assert) plus a self-contained report.
const root = resolve(__dirname, "..");

describe("npm run demo (scripts/demo.js)", () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "kusei-demo-"));
    run = spawnSync(process.execPath, [join(root, "scripts", "demo.js")], {
      cwd: root,
      env: { ...process.env, KUSEI_DEMO_OUT: out },
      encoding: "utf8",
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("exits 0 and says where the files are", () => {
    expect(run.status).toBe(0);
    expect(String(run.stdout)).toContain(join(out, "hirano-fy2016.xlsx"));
    expect(String(run.stdout)).toContain(join(out, "report.html"));
  });

  test("the marked copy holds the derived marks in the template's cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "hirano-fy2016.xlsx"));
    const cell = (sheet: string, address: string): unknown => wb.getWorksheet(sheet)?.getCell(address).value;
    expect(cell("取組(1)", "K8")).toBe("○(ⅰ)"); // [3-1] 55.9% ≥ 30%以上、85% ≥ 60%以上
    expect(cell("取組(2)", "K14")).toBe("○"); // 窓口サービス満足度 95% ≥ 70%以上
    expect(cell("取組(2)", "K24")).toBe("×"); // 格付 3.2 < 3.5以上, no withdrawal (3.2 ≥ 3.0)
    expect(cell("取組(2)", "K26")).toBe("×"); // やりがい 75%/69.5% < 92%, 提案 0件 < 3件
    expect(cell("戦略(2)", "H9")).toBe("A"); // a vocabulary error is reported, never "fixed"
    expect(cell("戦略(2)", "M26")).toBe("a"); // a conflict (derived b) is shown, not overwritten
    expect(wb.getWorksheet("kusei_変更履歴")).toBeDefined();
  });

  test("the city view: 24 ward workbooks made from the sample, and the dashboard over them", () => {
    const dashboard = join(out, "summary", "summary.html");
    expect(String(run.stdout)).toContain(dashboard);
    expect(existsSync(join(out, "summary", "summary.xlsx"))).toBe(true);
    const html = readFileSync(dashboard, "utf8");
    for (const ward of ["北区", "平野区", "西成区"]) expect(html).toContain(ward);
  });

  test("the report is one self-contained HTML file", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(existsSync(join(out, "report.html"))).toBe(true);
    expect(html).toContain("取組(2)");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/i);
  });
});
