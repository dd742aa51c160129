// The city dashboard (kusei summary) in Debian's Chromium: it loads nothing from outside, its numbers are the
// summary's, it sorts, and at 360 px and 1280 px nothing overlaps and nothing runs off the page. Screenshots go
// to test-results/screenshots/dashboard-*.png.
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { writeWardFolder } from "../../scripts/wards";
import { kusei } from "../cli/helpers";
import { launchBrowser, type Browser } from "./browser";
import { serveStatic, type StaticServer } from "./server";

const SHOTS = path.resolve(__dirname, "../../test-results/screenshots");
jest.setTimeout(180_000);

let tmp: string;
let browser: Browser;
let server: StaticServer;
let wards: Array<{ ward: string; counts: Record<string, number> }>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "kusei-dashboard-"));
  await mkdir(SHOTS, { recursive: true });
  await writeWardFolder(path.join(tmp, "wards"), 8);
  const run = await kusei("summary", path.join(tmp, "wards"), "--out", path.join(tmp, "out"), "--json");
  wards = (JSON.parse(run.stdout) as { wards: typeof wards }).wards;
  server = await serveStatic(path.join(tmp, "out"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Pairs of visible leaf boxes (cells, headings, paragraphs, legend items) that overlap by more than 1 px. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const els = Array.from(
      document.querySelectorAll("h1,h2,h3,p,nav li,.legend span,th,td,.sorter button,svg.bar"),
    ).filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    });
    const boxes = els.map((e) => ({ e, r: e.getBoundingClientRect() }));
    const bad: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1)
          bad.push(
            `${a.e.tagName}「${(a.e.textContent ?? "").slice(0, 12)}」 × ${b.e.tagName}「${(b.e.textContent ?? "").slice(0, 12)}」`,
          );
      }
    return bad.slice(0, 10);
  });
}

describe.each([360, 1280])("dashboard at %i px", (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.origin}/summary.html`);
  });
  afterAll(() => page.close());

  test("nothing overlaps, nothing is wider than the screen; screenshot saved", async () => {
    expect(await overlaps(page)).toEqual([]);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SHOTS, `dashboard-${width}.png`), fullPage: true });
    expect(browser.external).toEqual([]);
  });

  test("the ward table shows the summary's numbers, and sorts by a column", async () => {
    const rows = await page.$$eval("#wards tbody tr", (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.getAttribute("data-v") ?? "")),
    );
    expect(rows.map((r) => r[0])).toEqual(wards.map((w) => w.ward));
    for (const [i, w] of wards.entries())
      expect(rows[i]?.slice(2, 8).map(Number)).toEqual([
        w.counts["achieved"],
        w.counts["missed"],
        w.counts["withdrawal"],
        w.counts["notComputable"],
        w.counts["errors"],
        w.counts["warnings"],
      ]);
    // sort by 撤退基準, descending (second press): the wards with a withdrawal come first
    const button =
      width > 640 ? "#wards thead th:nth-child(5) button" : '.sorter[data-for="wards"] button[data-col="4"]';
    await page.click(button);
    await page.click(button);
    const first = await page.$eval("#wards tbody tr td", (td) => td.getAttribute("data-v"));
    const withdrawn = wards.filter((w) => (w.counts["withdrawal"] ?? 0) > 0).map((w) => w.ward);
    expect(withdrawn).toContain(first);
  });
});

test("prints on A4 landscape", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/summary.html`);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // a landscape A4 page is 842 × 595 pt
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
  expect(Math.round(Number(box?.[1]))).toBe(842);
  await page.close();
});
