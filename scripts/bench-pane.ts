/**
 * Task-pane benchmark (npm run bench:pane): the standalone page in Debian's Chromium (dist/ served on
 * 127.0.0.1, built first when stale) opens a generated workbook of ROWS initiative rows (default 20,000;
 * `ROWS=3000 npm run bench:pane`), then switches to 記号 and back to 検証. Prints
 *   bench pane rows=<n> findings=<n> marks=<n> load_ms=<n> load_longest_frame_ms=<n>
 *     marks_tab_ms=<n> marks_longest_frame_ms=<n> marks_dom_nodes=<n> check_tab_ms=<n> check_dom_nodes=<n>
 * load_ms: file chosen → findings listed; *_tab_ms: tab clicked → its first row on screen; longest_frame:
 * the longest gap between two animation frames meanwhile (how long the pane was frozen); dom_nodes:
 * elements in the page after the switch. A figure to compare, not a pass/fail: timings vary with the load
 * of the machine.
 */
import os from "os";
import path from "path";
import { bigWorkbook } from "./bench-lib/generate";
import { launchBrowser } from "../test/e2e/browser";
import { serveStatic } from "../test/e2e/server";

const { ensureDist } = require("./pretest.js") as { ensureDist: () => void };

const ROWS = Number(process.env.ROWS ?? 20_000);

async function main(): Promise<void> {
  ensureDist();
  const bytes = await bigWorkbook("initiative", ROWS);
  const server = await serveStatic(path.join(__dirname, "..", "dist"));
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 350, height: 700 });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByTestId("file-input").waitFor({ state: "attached" });
    // The longest gap between animation frames since the last reset: how long the UI thread was busy.
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __last: number };
      w.__gap = 0;
      w.__last = performance.now();
      const tick = (t: number) => {
        w.__gap = Math.max(w.__gap, t - w.__last);
        w.__last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const gap = () =>
      page.evaluate(() => {
        const w = window as unknown as { __gap: number; __last: number };
        const g = w.__gap;
        w.__gap = 0;
        return Math.round(g);
      });
    const nodes = () => page.evaluate(() => document.getElementsByTagName("*").length);

    await gap();
    let t = Date.now();
    await page.getByTestId("file-input").setInputFiles({
      name: `bench-${ROWS}.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    const count = page.getByText(/^指摘 \d+ 件 \/ 全 \d+ 件/);
    await count.waitFor({ timeout: 600_000 });
    const loadMs = Date.now() - t;
    const loadGap = await gap();
    const findings = Number(/全 (\d+) 件/.exec((await count.textContent()) ?? "")?.[1] ?? NaN);

    t = Date.now();
    await page.getByRole("tab", { name: "記号" }).click();
    await page.getByLabel("処理で絞り込む").selectOption("all");
    await page.getByTestId("mark-row").first().waitFor({ timeout: 600_000 });
    const marksMs = Date.now() - t;
    const marksGap = await gap();
    const marksNodes = await nodes();
    const marks = Number(
      /\((\d+)\)/.exec((await page.locator('option[value="all"]').textContent()) ?? "")?.[1] ?? NaN,
    );

    t = Date.now();
    await page.getByRole("tab", { name: "検証" }).click();
    await page.getByTestId("finding").first().waitFor({ timeout: 600_000 });
    const checkMs = Date.now() - t;
    const checkNodes = await nodes();

    console.log(
      `bench pane rows=${ROWS} findings=${findings} marks=${marks} load_ms=${loadMs} load_longest_frame_ms=${loadGap} ` +
        `marks_tab_ms=${marksMs} marks_longest_frame_ms=${marksGap} marks_dom_nodes=${marksNodes} ` +
        `check_tab_ms=${checkMs} check_dom_nodes=${checkNodes}`,
    );
    console.log(
      `# ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
