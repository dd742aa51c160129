// The standalone page in a real browser: Debian's Chromium driven by playwright-core against dist/ served on
// 127.0.0.1. Opens the seed workbook, validates, applies the marks, downloads the marked copy and checks its
// cells with exceljs. Screenshots of every tab go to test-results/screenshots/.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, openTab, type Browser } from "./browser";
import { serveStatic, type StaticServer } from "./server";

const { ensureDist } = require("../../scripts/pretest.js") as { ensureDist: () => void };

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const FIXTURE = path.join(ROOT, "test", "fixtures", "hirano-fy2016.xlsx");
const SHOTS = path.join(ROOT, "test-results", "screenshots");
const CHANGE_LOG_SHEET = "kusei_変更履歴";

// office.js, once loaded in a plain browser, tries to frame Microsoft's telemetry page. The page's CSP
// (frame-src 'self') blocks it before any request; the route below would block it too. Every attempt off
// 127.0.0.1 is listed, and the list must be exactly this one host.
const KNOWN_EXTERNAL_HOSTS: ReadonlyArray<string> = ["telemetryservice.firstpartyapps.oaspapps.com"];
const CSP_BLOCKED = /^(?:Framing|Refused to \w+) '([^']+)'.*Content Security Policy/s;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let downloadDir: string;
let external: string[];
const pageErrors: string[] = [];

jest.setTimeout(120_000);

beforeAll(async () => {
  if (!existsSync(FIXTURE)) throw new Error(`fixture missing: ${FIXTURE} (npm run fixtures)`);
  ensureDist();
  await fs.mkdir(SHOTS, { recursive: true });
  server = await serveStatic(DIST);
  downloadDir = await fs.mkdtemp(path.join(os.tmpdir(), "kusei-downloads-"));
  browser = await launchBrowser();
  context = browser.context;
  external = browser.external;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (downloadDir) await fs.rm(downloadDir, { recursive: true, force: true });
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const csp = CSP_BLOCKED.exec(m.text());
    if (csp?.[1]) external.push(csp[1]);
    else pageErrors.push(m.text());
  });
  await page.goto(`${server.origin}/taskpane.html`);
  return page;
}

/** Opens the Download menu and picks an entry (the header keeps both downloads in one menu). */
async function pickDownload(page: Page, item: string): Promise<void> {
  await page.getByRole("button", { name: "ダウンロード", exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test("English outside Japan, at task-pane width, and the drop zone opens a file", async () => {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 360, height: 800 });
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "languages", { get: () => ["en-US", "en"] });
  });
  await page.goto(`${server.origin}/taskpane.html`);
  const zone = page.getByRole("region", { name: "Drop an .xlsx file here" });
  await zone.waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
  // Drop the workbook on the zone as a user would drag it from the desktop.
  const bytes = (await fs.readFile(FIXTURE)).toString("base64");
  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], "hirano-fy2016.xlsx"));
    return dt;
  }, bytes);
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await page.getByText(/^\d+ of \d+ findings$/).waitFor();
  await expect(page.getByRole("tab", { name: "Marks" }).isVisible()).resolves.toBe(true);
  await shot(page, "5-check-en-taskpane-width");
  await page.close();
  expect(pageErrors).toEqual([]);
});

function splitRef(ref: string): { sheet: string; cell: string } {
  const at = ref.lastIndexOf("!");
  return { sheet: ref.slice(0, at), cell: ref.slice(at + 1) };
}

function plain(value: ExcelJS.CellValue): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

test("単体モード: 開く → 検証 → 記号を書き込む → ダウンロードしたブックのセルを確かめる", async () => {
  const started = Date.now();
  const firstRequest = server.requested.length;
  const page = await openPage();
  const loaded = () => server.requested.slice(firstRequest);

  // Outside Office: the page offers to open a file, and has loaded neither the engine's worker nor the
  // xlsx adapter yet.
  await page.getByRole("region", { name: ".xlsx ファイルをここにドロップ" }).waitFor();
  expect(loaded().some((p) => /\/(xlsx|engine)\.[0-9a-f]+\.js$/.test(p))).toBe(false);
  // nor the file row's menu and dialog, which only an opened file shows (its own chunk, filebar.*.js)
  expect(loaded().some((p) => /\/filebar\.[0-9a-f]+\.js$/.test(p))).toBe(false);
  expect(loaded()).toContain("/office-js/office.js");
  await shot(page, "0-open");

  await page.getByTestId("file-input").setInputFiles(FIXTURE);
  await page.getByText("開いているファイル: hirano-fy2016.xlsx").waitFor();
  expect(loaded().some((p) => /\/filebar\.[0-9a-f]+\.js$/.test(p))).toBe(true);
  // The file is read in the engine's Web Worker (engine.*.js), which carries the xlsx adapter itself.
  expect(loaded().some((p) => /\/engine\.[0-9a-f]+\.js$/.test(p))).toBe(true);

  // Check: validate again by the button and find the known vocabulary error (A where ア/イ belongs).
  await page.getByRole("button", { name: "再検証する" }).click();
  await page.getByText(/^指摘 \d+ 件 \/ 全 \d+ 件$/).waitFor();
  const vocabulary = page.locator('[data-testid="finding"][data-code="vocabulary.not-a-mark"]');
  await expect(vocabulary.count()).resolves.toBeGreaterThan(0);
  const vocabularyTexts = await vocabulary.allTextContents();
  expect(vocabularyTexts.some((t) => t.includes("H9") && t.includes("セルの内容: A"))).toBe(true);
  // A click shows the row in place (no grid to select outside Excel).
  await vocabulary.filter({ hasText: "H9" }).first().click();
  await expect(page.getByTestId("row-view").textContent()).resolves.toContain("戦略(2) 9行の内容");
  await shot(page, "1-check");

  // Filter by severity: only errors remain.
  await page.getByTestId("severity-error").click();
  const severities = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.length);
  expect(severities).toBeGreaterThan(0);
  await page.getByTestId("severity-error").click();

  // Marks: the plan; remember what will be written, then apply.
  await openTab(page, "記号");
  const writeRows = page.locator('[data-testid="mark-row"][data-action="write"]');
  const planned = await writeRows.evaluateAll((rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll("td");
      return {
        ref: r.querySelector('[data-testid="mark-cell"]')?.textContent ?? "",
        value: cells[2]?.textContent ?? "",
      };
    }),
  );
  expect(planned.length).toBeGreaterThan(0);
  await shot(page, "2-marks");
  await page.getByRole("button", { name: `${planned.length} 件を書き込む` }).click();
  await page
    .getByText(`${planned.length} 件をこのページの中のブックに書き込みました。`, { exact: false })
    .waitFor();
  // After the apply the plan is re-derived: nothing is left to write, and Revert is offered.
  await expect(writeRows.count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "直前の書き込みを元に戻す" }).isEnabled()).resolves.toBe(
    true,
  );
  await shot(page, "2-marks-applied");

  // Mapping and Summary are populated from the workbook.
  await openTab(page, "列の対応");
  await expect(page.getByTestId("mapping-sheet").count()).resolves.toBeGreaterThanOrEqual(4);
  await shot(page, "3-mapping");
  await openTab(page, "集計");
  await page.getByTestId("summary-chart").waitFor();
  await expect(page.getByTestId("summary-row").count()).resolves.toBeGreaterThan(0);
  await shot(page, "4-summary");

  // Download the marked workbook and check its cells against the original.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    pickDownload(page, "記号を入れたブックをダウンロード"),
  ]);
  expect(download.suggestedFilename()).toBe("hirano-fy2016_kusei.xlsx");
  const marked = path.join(downloadDir, download.suggestedFilename());
  await download.saveAs(marked);
  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(FIXTURE);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(marked);

  const written = new Map(planned.map((p) => [p.ref, p.value]));
  for (const [ref, value] of written) {
    const { sheet, cell } = splitRef(ref);
    expect([ref, after.getWorksheet(sheet)?.getCell(cell).text]).toEqual([ref, value]);
  }
  // Every other cell is as it was.
  for (const ws of before.worksheets) {
    const out = after.getWorksheet(ws.name);
    expect(out).toBeDefined();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        // A merged cell repeats its master's value in exceljs: written with the master.
        if (written.has(`${ws.name}!${c.master.address}`)) return;
        expect([ws.name, c.address, plain(out?.getCell(c.address).value)]).toEqual([
          ws.name,
          c.address,
          plain(c.value),
        ]);
      }),
    );
  }
  // The writes are logged in the change-log sheet, one row per cell.
  const log = after.getWorksheet(CHANGE_LOG_SHEET);
  expect(log).toBeDefined();
  const logged: string[] = [];
  log?.eachRow((row, n) => {
    if (n > 1) logged.push(row.values ? String((row.values as ExcelJS.CellValue[]).slice(1).join("|")) : "");
  });
  expect(logged).toHaveLength(planned.length);

  // The HTML report downloads too and is self-contained.
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    pickDownload(page, "HTML レポートをダウンロード"),
  ]);
  const reportPath = path.join(downloadDir, report.suggestedFilename());
  await report.saveAs(reportPath);
  const html = await fs.readFile(reportPath, "utf8");
  expect(html).toMatch(/<html/i);
  expect(html).toContain("戦略(2)");
  expect(html).not.toMatch(/\b(?:src|href)="https?:/i);

  // Revert undoes the apply exactly: every cell of the original sheets is back.
  await openTab(page, "記号");
  await page.getByRole("button", { name: "直前の書き込みを元に戻す" }).click();
  await page.getByText(`${planned.length} 件を元の値に戻しました。`).waitFor();
  await expect(writeRows.count()).resolves.toBe(planned.length);
  // The marks are pending again: the page asks, and the user downloads without them.
  await pickDownload(page, "記号を入れたブックをダウンロード");
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "記号なしでダウンロード" }).click(),
  ]);
  const revertedPath = path.join(downloadDir, "reverted.xlsx");
  await again.saveAs(revertedPath);
  const reverted = new ExcelJS.Workbook();
  await reverted.xlsx.readFile(revertedPath);
  for (const ws of before.worksheets) {
    const out = reverted.getWorksheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        expect([ws.name, c.address, plain(out?.getCell(c.address).value)]).toEqual([
          ws.name,
          c.address,
          plain(c.value),
        ]);
      }),
    );
  }
  // The log keeps both the apply and the revert.
  const ops: string[] = [];
  reverted.getWorksheet(CHANGE_LOG_SHEET)?.eachRow((row, n) => {
    if (n > 1) ops.push(String(row.getCell(8).value));
  });
  expect(ops.filter((o) => o === "apply")).toHaveLength(planned.length);
  expect(ops.filter((o) => o === "revert")).toHaveLength(planned.length);

  // Keyboard: the tabs move with the arrow keys (Fluent's tablist semantics).
  await page.getByRole("tab", { name: "記号" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: "列の対応" }).getAttribute("aria-selected")).resolves.toBe(
    "true",
  );

  expect(pageErrors).toEqual([]);
  expect([...new Set(external.map((u) => new URL(u).hostname))].sort()).toEqual(KNOWN_EXTERNAL_HOSTS);
  console.log(`e2e standalone_flow_ms=${Date.now() - started} external_blocked=${JSON.stringify(external)}`);
});

test("タブの初回表示: 部品を読み込むあいだはスピナー、読み込んだら使える。開いたファイルと検証結果はそのまま", async () => {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Hold the tabs' chunk (same origin, next to taskpane.html) until the spinner has been seen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const chunkUrls: string[] = [];
  await page.route(/\/tabs\.[0-9a-f]+\.js$/, async (route) => {
    chunkUrls.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByTestId("file-input").setInputFiles(FIXTURE);
  const count = page.getByText(/^指摘 \d+ 件 \/ 全 \d+ 件$/);
  await count.waitFor();
  const counted = await count.textContent();
  await page.getByRole("tab", { name: "記号" }).click();
  const spinner = page.getByTestId("part-loading");
  await spinner.waitFor();
  await expect(spinner.textContent()).resolves.toContain("画面を読み込んでいます…");
  // The pane around it stays as it was: the file, its result, the tabs.
  await expect(page.getByTestId("file-name").textContent()).resolves.toContain("hirano-fy2016.xlsx");
  release();
  await spinner.waitFor({ state: "detached" });
  await page.locator('[data-testid="mark-row"]').first().waitFor();
  await expect(page.getByRole("button", { name: /^\d+ 件を書き込む$/ }).isEnabled()).resolves.toBe(true);
  // The chunk came from the page's own origin.
  expect(chunkUrls.length).toBeGreaterThan(0);
  for (const u of chunkUrls) expect(new URL(u).origin).toBe(server.origin);
  // Back on 検証: the same result, not a new check.
  await openTab(page, "検証");
  await expect(count.textContent()).resolves.toBe(counted);
  await page.close();
  expect(pageErrors).toEqual([]);
});

describe("単体モードで他のブックも開ける", () => {
  const readable = [
    "variant-column-order.xlsx",
    "variant-extra-column.xlsx",
    "variant-formulas.xlsx",
    "variant-fullwidth.xlsx",
    "variant-header-lower.xlsx",
    "variant-label-typos.xlsx",
    "variant-numbered.xlsx",
    "other-sheets.xlsx",
    "hostile/script-text.xlsx",
    "hostile/protected-sheet.xlsx",
    "hostile/error-values.xlsx",
    "hostile/no-form-sheets.xlsx",
  ];
  const unreadable = [
    "hostile/encrypted.xlsx",
    "hostile/truncated.xlsx",
    "hostile/zip-bomb.xlsx",
    "hostile/csv-renamed.xlsx",
  ];

  test("読めるブックは検証され、どのタブも開く", async () => {
    const page = await openPage();
    for (const name of readable) {
      const file = path.join(ROOT, "test", "fixtures", name);
      if (!(await page.getByTestId("file-input").count())) {
        await page.getByRole("button", { name: "別のファイルを開く" }).click();
      }
      await page.getByTestId("file-input").setInputFiles(file);
      await page.getByText(`開いているファイル: ${path.basename(name)}`).waitFor();
      await openTab(page, "検証");
      await expect(
        page
          .getByText(/^(指摘 \d+ 件 \/ 全 \d+ 件|指摘はありません。|評価シートが見つかりませんでした)/)
          .count(),
      ).resolves.toBe(1);
      for (const tab of ["記号", "列の対応", "集計"]) await openTab(page, tab);
      await expect(page.getByRole("alert").count()).resolves.toBe(0);
    }
    // Cell text that looks like markup stays text.
    await expect(page.locator("script:not([src])").count()).resolves.toBe(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  test.each(unreadable)("読めないブック %s は理由とすることを MessageBar に出す", async (name) => {
    const page = await openPage();
    await page.getByTestId("file-input").setInputFiles(path.join(ROOT, "test", "fixtures", name));
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(".xlsx 形式(Excel ブック)か");
    await expect(page.getByTestId("error-detail").textContent()).resolves.toMatch(/[ぁ-んァ-ン一-龥]/);
    await expect(page.getByTestId("drop-zone").count()).resolves.toBe(1);
    await page.close();
  });
});

test("グラフのあるブックも書き込めて、ダウンロードしたブックのグラフはそのまま (a chart is carried over as stored)", async () => {
  const page = await openPage();
  const input = path.join(ROOT, "test", "fixtures", "hostile", "excel-only-parts.xlsx");
  await page.getByTestId("file-input").setInputFiles(input);
  await page.getByText("開いているファイル: excel-only-parts.xlsx").waitFor();
  // The marks are not written yet: the page asks, and writes them before the download.
  await pickDownload(page, "記号を入れたブックをダウンロード");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "書き込んでからダウンロード" }).click(),
  ]);
  const saved = path.join(downloadDir, download.suggestedFilename());
  await download.saveAs(saved);
  const [a, b] = await Promise.all([
    JSZip.loadAsync(await fs.readFile(input)),
    JSZip.loadAsync(await fs.readFile(saved)),
  ]);
  const charts = Object.keys(a.files).filter(
    (n) => n.startsWith("xl/charts/") || n.startsWith("xl/drawings/"),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const n of charts)
    expect({ n, same: (await b.file(n)?.async("string")) === (await a.file(n)?.async("string")) }).toEqual({
      n,
      same: true,
    });
  await page.close();
});
