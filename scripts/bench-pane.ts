/**
 * Task-pane benchmark (npm run bench:pane): the standalone page in Debian's Chromium (dist/ served on
 * 127.0.0.1, built first when stale) opens a generated workbook of ROWS initiative rows (default 20,000;
 * `ROWS=3000 npm run bench:pane`), then switches to 記号 and back to 検証. Prints
 *   bench pane rows=<n> findings=<n> marks=<n> engine=<worker|…> load_ms=<n> load_longest_frame_ms=<n>
 *     marks_tab_ms=<n> marks_longest_frame_ms=<n> marks_dom_nodes=<n> check_tab_ms=<n> check_dom_nodes=<n>
 *   bench pane phases=<the status texts shown while loading, in order>
 * load_ms: file chosen → findings listed; *_tab_ms: tab clicked → its first row on screen; longest_frame:
 * the longest gap between two animation frames meanwhile (how long the pane was frozen); dom_nodes:
 * elements in the page after the switch; engine: where the page read and evaluated (its Web Worker, or
 * why not). A figure to compare, not a pass/fail: timings vary with the load of the machine (on 2 busy
 * CPUs the worker and the page share them, and a gap of 100–300 ms can be the machine, not the page).
 * The workbook is handed to the file input as a file on disk and the waits poll every 250 ms: a buffer
 * would be decoded by playwright's script in the page, and locator waits poll every frame, both on the
 * page's own thread, and the figure would time the harness.
 */
import { promises as fs } from "fs";
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
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kusei-bench-pane-"));
  const file = path.join(dir, `bench-${ROWS}.xlsx`);
  await fs.writeFile(file, bytes);
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
    // Every text the status shows while loading, in order.
    await page.evaluate(() => {
      const w = window as unknown as { __phases: string[] };
      w.__phases = [];
      const seen = () => {
        const text = document.querySelector('[data-testid="busy-status"]')?.textContent ?? "";
        if (text !== "" && w.__phases[w.__phases.length - 1] !== text) w.__phases.push(text);
      };
      new MutationObserver(seen).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const counted = () =>
      page.waitForFunction(
        () =>
          /^指摘 \d+ 件 \/ 全 \d+ 件/.test(
            document.querySelector('[role="tabpanel"] [role="status"]')?.textContent ?? "",
          ),
        null,
        { timeout: 600_000, polling: 250 },
      );

    await gap();
    let t = Date.now();
    await page.getByTestId("file-input").setInputFiles(file);
    await counted();
    const loadMs = Date.now() - t;
    const loadGap = await gap();
    const count = page.getByText(/^指摘 \d+ 件 \/ 全 \d+ 件/);
    const engine = await page.evaluate(() => document.documentElement.dataset.kuseiEngine ?? "none");
    const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
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
      `bench pane rows=${ROWS} findings=${findings} marks=${marks} engine=${engine} load_ms=${loadMs} load_longest_frame_ms=${loadGap} ` +
        `marks_tab_ms=${marksMs} marks_longest_frame_ms=${marksGap} marks_dom_nodes=${marksNodes} ` +
        `check_tab_ms=${checkMs} check_dom_nodes=${checkNodes}`,
    );
    console.log(`bench pane phases=${phases.join(" > ")}`);
    console.log(
      `# ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
