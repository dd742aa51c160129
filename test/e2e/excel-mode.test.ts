// The task pane in Excel mode, in a real browser: the built page with office.js replaced by a stand-in that
// reports the Excel host and runs Excel.run over the strict in-memory Excel of the adapter tests, filled with
// the seed workbook. Exercises the Excel host and adapter through the UI: validate (highlights), select a
// cell, apply, revert, save the mapping in the workbook settings, clear the highlights; and last year's
// workbook picked in the pane, its history.* finding selecting its cell.
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { readWorkbook } from "../../src/xlsx";
import { launchBrowser, openTab, type Browser } from "./browser";
import { buildFakeOffice } from "./fake-office/build";
import { HOSTS } from "../excel/fake/host";
import { PROFILES, type ProfileName } from "../excel/fake/profiles";
import { editedWorkbook } from "../helpers/edit-xlsx";
import { servedMembers } from "../excel/fake/served";
import { serveStatic, type StaticServer } from "./server";

const { ensureDist } = require("../../scripts/pretest.js") as { ensureDist: () => void };

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "test", "fixtures", "hirano-fy2016.xlsx");
const SHOTS = path.join(ROOT, "test-results", "screenshots");

let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
let outDir: string;

jest.setTimeout(120_000);

beforeAll(async () => {
  ensureDist();
  await fs.mkdir(SHOTS, { recursive: true });
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), "kusei-fake-office-"));
  fakeOffice = await fs.readFile(await buildFakeOffice(outDir), "utf8");
  server = await serveStatic(path.join(ROOT, "dist"));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

/** A cell of the fake workbook as the page holds it (undefined when empty). */
function cellOf(page: Page, sheet: string, row: number, col: number): Promise<unknown> {
  return page.evaluate(
    ([s, r, c]) => {
      const model = (
        window as unknown as {
          __kuseiModel: { sheets: Array<{ name: string; cells: Map<string, { value: unknown }> }> };
        }
      ).__kuseiModel;
      return model.sheets.find((x) => x.name === s)?.cells.get(`${r},${c}`)?.value;
    },
    [sheet, row, col] as const,
  );
}

function a1ToRowCol(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m?.[1] || !m[2]) throw new Error(`not an address: ${cell}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

/** The built pane in a page whose office.js is the stand-in over the seed workbook, as `profile` serves it. */
async function excelPage(profile: ProfileName) {
  const { snapshots } = await readWorkbook(await fs.readFile(FIXTURE));
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.setViewportSize({ width: 380, height: 900 });
  await page.addInitScript(`window.__kuseiSnapshots = ${JSON.stringify(snapshots)};`);
  const served = [...servedMembers(PROFILES[profile].officeJsFile)];
  await page.addInitScript(
    `window.__kuseiProfile = ${JSON.stringify(profile)}; window.__kuseiServed = ${JSON.stringify(served)};`,
  );
  await page.route("**/office-js/office.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOffice }),
  );
  const model = <T>(fn: string): Promise<T> =>
    page.evaluate(`(() => { const m = window.__kuseiModel; return ${fn}; })()`);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, pageErrors, model };
}

// every supported host, each with the office.js members it is really served (test/excel/fake/served.ts)
describe.each(HOSTS)("on %s", (profile) => {
  test("Excel モード: 検証 → セル選択 → 書き込み → 元に戻す → 列の対応をブックに保存 → 色付けを消す", async () => {
    const started = Date.now();
    const { page, pageErrors, model } = await excelPage(profile);
    // Inside Excel there is no mode badge (it told an Excel user nothing): the pane opens on 検証する.
    await page.getByRole("button", { name: "検証する" }).waitFor();
    await expect(page.getByText("ブラウザー単体").count()).resolves.toBe(0);
    await expect(page.getByTestId("drop-zone").count()).resolves.toBe(0);

    // Validate: findings in the pane, highlights in the workbook.
    await page.getByRole("button", { name: "検証する" }).click();
    await page.getByText(/^指摘 \d+ 件 \/ 全 \d+ 件$/).waitFor();
    await expect(model<number>("m.sheets.reduce((n, s) => n + s.cfs.length, 0)")).resolves.toBeGreaterThan(0);
    // Office.js read the sheets on the page; the engine's Web Worker evaluated them.
    await expect(page.evaluate(() => document.documentElement.dataset.kuseiEngine)).resolves.toBe("worker");

    // A finding selects its cell in Excel.
    await page
      .locator('[data-testid="finding"][data-code="vocabulary.not-a-mark"]')
      .filter({ hasText: "H9" })
      .first()
      .click();
    await page.getByText("戦略(2)!H9 を選択しました。").waitFor();
    await expect(model("m.selected")).resolves.toEqual({ sheet: "戦略(2)", address: "H9" });
    await page.screenshot({ path: path.join(SHOTS, `excel-${profile}-1-check.png`), fullPage: true });

    // Apply the write plan; the cells hold the marks.
    await openTab(page, "記号");
    const planned = await page.locator('[data-testid="mark-row"][data-action="write"]').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll("td");
        const ref = r.querySelector('[data-testid="mark-cell"]')?.textContent ?? "";
        const at = ref.lastIndexOf("!");
        return { sheet: ref.slice(0, at), cell: ref.slice(at + 1), value: cells[2]?.textContent ?? "" };
      }),
    );
    expect(planned.length).toBeGreaterThan(0);
    const before = await Promise.all(planned.map((p) => cellOf(page, p.sheet, ...a1ToRowCol(p.cell))));
    await page.getByRole("button", { name: `${planned.length} 件を書き込む` }).click();
    await page
      .getByText(`${planned.length} 件を書き込みました。変更は変更履歴シートに記録されています。`, {
        exact: false,
      })
      .waitFor();
    const after = await Promise.all(planned.map((p) => cellOf(page, p.sheet, ...a1ToRowCol(p.cell))));
    expect(after).toEqual(planned.map((p) => p.value));
    await expect(model<string[]>("m.sheets.map((s) => s.name)")).resolves.toContain("kusei_変更履歴");
    const changes = await model<number>("m.changes.filter((c) => c.sheet !== 'kusei_変更履歴').length");
    expect(changes).toBe(planned.length);
    await page.screenshot({ path: path.join(SHOTS, `excel-${profile}-2-marks.png`) });

    // Revert puts every written cell back.
    await page.getByRole("button", { name: "直前の書き込みを元に戻す" }).click();
    await page.getByText(`${planned.length} 件を元の値に戻しました。`).waitFor();
    const reverted = await Promise.all(planned.map((p) => cellOf(page, p.sheet, ...a1ToRowCol(p.cell))));
    expect(reverted).toEqual(before);

    // Mapping: unmap 前年度 on 戦略(1); it is saved in the workbook settings and used by the next check.
    await openTab(page, "列の対応");
    await page.getByLabel("戦略(1) の「前年度」の列(空欄で対応なし)").fill("");
    await page.getByRole("button", { name: "保存して再検証" }).click();
    await page.getByText("列の対応をブックに保存しました。").waitFor();
    const settings = await model<string>("JSON.stringify([...m.settings.values()])");
    expect(settings).toContain("outcomePrevious");
    await expect(page.getByLabel("戦略(1) の「前年度」の列(空欄で対応なし)").count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `excel-${profile}-3-mapping.png`), fullPage: true });

    await openTab(page, "集計");
    await page.getByTestId("summary-chart").waitFor();
    await page.screenshot({ path: path.join(SHOTS, `excel-${profile}-4-summary.png`), fullPage: true });

    // Clear removes every highlight the check added.
    await openTab(page, "検証");
    await page.getByRole("button", { name: "セルの色付けを消す" }).click();
    await page.getByText("検証で付けたセルの色とメモを消しました。").waitFor();
    await expect(model<number>("m.sheets.reduce((n, s) => n + s.cfs.length, 0)")).resolves.toBe(0);

    expect(pageErrors).toEqual([]);
    // The stand-in office.js reaches for nothing: no request leaves 127.0.0.1.
    expect(browser.external).toEqual([]);
    console.log(`e2e excel_flow_ms=${Date.now() - started}`);
  });
});

test("Excel モード: 前年度のブックと比較 — 前年度のファイルを選ぶと history.* の指摘が出て、押すとそのセルを選ぶ", async () => {
  const { page, pageErrors, model } = await excelPage("m365");
  // last year's workbook: the seed titled 平成27年度, 格付結果 3.4 where this year's 前年度までの実績 says 3.3
  const last = path.join(outDir, "平野区_H27.xlsx");
  await fs.writeFile(
    last,
    await editedWorkbook(FIXTURE, {
      "*!E2": "平成27年度",
      "取組(2)!J14": "窓口サービス満足度:93%",
      "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4",
    }),
  );
  await page.getByRole("button", { name: "前年度のブックと比較" }).waitFor();
  await page.getByTestId("previous-input").setInputFiles(last);
  await page.getByTestId("previous-status").waitFor();
  await expect(page.getByTestId("previous-status").textContent()).resolves.toContain("平野区_H27.xlsx");
  const history = page.locator('[data-testid="finding"][data-code="history.figure-differs"]');
  await history.first().waitFor();
  await history.first().click();
  await page.getByText("取組(2)!H24 を選択しました。").waitFor();
  await expect(model("m.selected")).resolves.toEqual({ sheet: "取組(2)", address: "H24" });
  // last year's workbook is a file picked in the browser: nothing in Excel's workbook but the check changed
  await expect(model<number>("m.changes.length")).resolves.toBe(0);
  expect(pageErrors).toEqual([]);
  await page.close();
});
