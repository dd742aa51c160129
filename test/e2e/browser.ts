// Debian's Chromium through playwright-core, as the browser tests use it: a fresh profile, headless, and
// every request off 127.0.0.1 blocked and listed.
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  readonly context: BrowserContext;
  /** every URL off 127.0.0.1 the pages tried to reach (blocked) */
  readonly external: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** file: URLs under this folder are let through (a page opened as a file); every other one is blocked */
  readonly filesUnder?: string;
}

/** Launches Chromium with a fresh user-data dir; requests off 127.0.0.1 are aborted and recorded. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`node scripts/pretest.js\` as root (it installs Debian's chromium)`,
    );
  }
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kusei-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    acceptDownloads: true,
    locale: "ja-JP",
    viewport: { width: 960, height: 900 },
  });
  const external: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const under = opts.filesUnder ? pathToFileURL(path.resolve(opts.filesUnder)).href + "/" : null;
    const allowedFile = url.protocol === "file:" && under !== null && url.href.startsWith(under);
    if (url.protocol === "blob:" || url.protocol === "data:" || url.hostname === "127.0.0.1" || allowedFile) {
      await route.fallback();
      return;
    }
    external.push(url.href);
    await route.abort("blockedbyclient");
  });
  return {
    context,
    external,
    close: async () => {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a tab of the pane and waits for it: the tabs after 検証 load their code when first opened
 * (src/taskpane/components/parts.tsx), a spinner standing in their place meanwhile. The click renders the
 * tab or its spinner at once, so once no spinner is left the tab is on screen.
 */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByTestId("part-loading").waitFor({ state: "detached" });
}
