import { FluentProvider, Spinner } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Evaluator } from "../app";
import {
  lentEvaluator,
  officeSupports,
  ribbonRuns,
  type LoadSettingsParser,
  type SharedPage,
} from "../excel";
import { App } from "./components/App";
import { lazyHint, lazyPart, type PaneParts } from "./components/parts";
import { fluentTheme, themeName, type OfficeThemeColors } from "./components/theme";
import { connectEngine, engineOnDemand, type Connected } from "./engine/connect";
import type { Engine } from "./engine/engine";
import { previousYearOn } from "./engine/previous-year";
import type { WorkerLike } from "./engine/remote";
import { createExcelHost } from "./hosts/excel";
import { openStandaloneFile } from "./hosts/standalone";
import { detectLanguage, translator } from "./i18n/strings";
import { detectOffice } from "./office";

/** The theme as the user's system and Office ask for it now. */
function currentTheme(office: OfficeThemeColors | null) {
  const media = (q: string) => typeof window.matchMedia === "function" && window.matchMedia(q).matches;
  return fluentTheme(
    themeName({
      office,
      prefersDark: media("(prefers-color-scheme: dark)"),
      forcedColors: media("(forced-colors: active)"),
    }),
  );
}

/** The checks of saved settings (zod), loaded the first time a workbook has some (or the pane saves some). */
const loadSettingsParser: LoadSettingsParser = async () =>
  (await import(/* webpackChunkName: "settings" */ "../excel/settings-parse.js")).settingsParser;

/**
 * The parts of the pane not on screen when it opens, each loaded when first shown from the pane's own
 * origin: webpack's chunks lie next to taskpane.html, and publicPath "" (webpack.config.js) makes their URLs
 * relative to the page's, in Excel (the add-in's origin) and on the standalone page alike: the three tabs
 * after 検証 in one chunk — prefetched at idle, so a tab's first open need not wait for the network — and
 * the standalone page's file row (menu, tooltip, dialog), which Excel never shows, in another.
 */
const parts: PaneParts = {
  MarksTab: lazyPart(
    async () =>
      (await import(/* webpackChunkName: "tabs", webpackPrefetch: true */ "./components/MarksTab.js"))
        .MarksTab,
  ),
  MappingTab: lazyPart(
    async () =>
      (await import(/* webpackChunkName: "tabs", webpackPrefetch: true */ "./components/MappingTab.js"))
        .MappingTab,
  ),
  SummaryTab: lazyPart(
    async () =>
      (await import(/* webpackChunkName: "tabs", webpackPrefetch: true */ "./components/SummaryTab.js"))
        .SummaryTab,
  ),
  // loaded at once: the hint of 前年度のブックと比較, shown from the start
  Hint: lazyHint(async () => (await import(/* webpackChunkName: "hint" */ "./components/Hint.js")).Hint),
  FileBar: lazyPart(
    async () => (await import(/* webpackChunkName: "filebar" */ "./components/FileBar.js")).FileBar,
  ),
};

/**
 * The page's engine: a Web Worker where one starts (the page stays responsive while it reads and
 * evaluates), else the same engine in this thread, loaded lazily with the xlsx adapter.
 */
function pageEngine(): () => Promise<Connected> {
  const local = async (): Promise<Engine> =>
    (await import(/* webpackChunkName: "xlsx" */ "./engine/local.js")).createLocalEngine();
  const spawn = async (): Promise<(() => WorkerLike) | null> => {
    if (typeof Worker !== "function") return null;
    // eager: bundled into this chunk (no request of its own); an import() only because it is an ES module
    const { spawnEngineWorker } = await import(/* webpackMode: "eager" */ "./engine/spawn.mjs");
    return () => spawnEngineWorker() as unknown as WorkerLike;
  };
  return engineOnDemand(async () => {
    const connected = await connectEngine(await spawn(), local);
    // Where the engine runs, for a look in the developer tools and for the browser tests: "worker", or why not.
    document.documentElement.dataset.kuseiEngine = connected.where;
    return connected;
  });
}

// Composition root: decide Excel or standalone, pick the language and theme, render.
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("kusei: #root missing in taskpane.html");
  const root = createRoot(container);
  const browserLanguages = navigator.languages ?? [navigator.language];
  const early = detectLanguage(null, browserLanguages);
  root.render(
    <FluentProvider theme={currentTheme(null)} lang={early}>
      <Spinner style={{ marginTop: 48 }} label={translator(early)("starting")} />
    </FluentProvider>,
  );
  const office = (window as unknown as { Office?: Parameters<typeof detectOffice>[0] }).Office;
  // Opened as a file (file://), office.js cannot fetch its own parts and onReady never answers; Office never
  // runs an add-in from file:// either, so the page starts standalone at once and says why (no 20 s wait).
  const fromFile = window.location.protocol === "file:";
  // In a plain browser onReady answers at once (no host); only a broken office.js waits the whole bound.
  const started = fromFile
    ? { inExcel: false, displayLanguage: null, timedOut: true }
    : await detectOffice(office, 20_000);
  const lang = detectLanguage(started.displayLanguage, browserLanguages);
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.title = t("appTitle");
  const engine = pageEngine();
  // last year's workbook, kept in the engine: every evaluation through it gains the history.* findings
  const previousYear = previousYearOn(async () => (await engine()).engine);
  const engineNow = () => previousYear.engine();
  const evaluate: Engine["evaluate"] = async (...args) => (await engineNow()).evaluate(...args);
  // The ribbon's commands run in this page too (shared runtime): they evaluate with the same engine.
  if (started.inExcel)
    lentEvaluator<Evaluator>(window as SharedPage).lend((read, choice, logSheet) =>
      evaluate(read, choice, logSheet, () => undefined),
    );
  const app = started.inExcel ? (
    <App
      t={t}
      lang={lang}
      parts={parts}
      host={createExcelHost(lang, evaluate, loadSettingsParser, officeSupports)}
      ribbonRuns={ribbonRuns(window as SharedPage)}
      previousYear={previousYear}
    />
  ) : (
    <App
      t={t}
      lang={lang}
      parts={parts}
      host={null}
      openFile={async (file, onPhase) => openStandaloneFile(file, await engineNow(), onPhase)}
      previousYear={previousYear}
      // Opened as a file the page works, only without Office and its worker: say so, and how to do better.
      {...(fromFile ? { startupNotice: "startFromFile" as const } : {})}
      {...(started.timedOut && !fromFile
        ? { startupError: { hint: "errorOfficeTimeout" as const, detail: null } }
        : {})}
    />
  );
  const officeTheme = started.officeTheme ?? null;
  const render = () =>
    root.render(
      <FluentProvider theme={currentTheme(officeTheme)} lang={lang} style={{ minHeight: "100vh" }}>
        {app}
      </FluentProvider>,
    );
  render();
  // Follow a change of the system's colours while the pane is open (Office has no theme-change event in
  // every host; its theme is read at start).
  if (typeof window.matchMedia === "function") {
    for (const q of ["(prefers-color-scheme: dark)", "(forced-colors: active)"])
      window.matchMedia(q).addEventListener("change", render);
  }
}

start().catch((e: unknown) => {
  // Nothing rendered: say so on the page itself rather than only in the console.
  const el = document.getElementById("root");
  if (el) el.textContent = `kusei: ${e instanceof Error ? e.message : String(e)}`;
  throw e;
});
