import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ribbonRuns, type SharedPage } from "../excel";
import { App } from "./components/App";
import { createExcelHost } from "./hosts/excel";
import { openStandaloneFile } from "./hosts/standalone";
import { detectLanguage, translator } from "./i18n/strings";
import { detectOffice } from "./office";

// Composition root: decide Excel or standalone, pick the language, render.
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("kusei: #root missing in taskpane.html");
  const root = createRoot(container);
  const browserLanguages = navigator.languages ?? [navigator.language];
  const early = detectLanguage(null, browserLanguages);
  root.render(
    <FluentProvider theme={webLightTheme} lang={early}>
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
  const app = started.inExcel ? (
    <App t={t} lang={lang} host={createExcelHost(lang)} ribbonRuns={ribbonRuns(window as SharedPage)} />
  ) : (
    <App
      t={t}
      lang={lang}
      host={null}
      openFile={openStandaloneFile}
      {...(started.timedOut
        ? {
            startupError: {
              // In a browser the advice is how to open the page, not "reopen the task pane".
              hint: fromFile ? ("errorOfficeFile" as const) : ("errorOfficeTimeout" as const),
              detail: null,
            },
          }
        : {})}
    />
  );
  root.render(
    <FluentProvider theme={webLightTheme} lang={lang}>
      {app}
    </FluentProvider>,
  );
}

start().catch((e: unknown) => {
  // Nothing rendered: say so on the page itself rather than only in the console.
  const el = document.getElementById("root");
  if (el) el.textContent = `kusei: ${e instanceof Error ? e.message : String(e)}`;
  throw e;
});
