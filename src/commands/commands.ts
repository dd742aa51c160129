/*
 * Entry of the ribbon's function commands (検証 / 一括再計算), loaded by two pages:
 * - taskpane.html, next to the task pane's bundle: the manifest's shared runtime (`<Runtimes>` with
 *   lifetime="long", FunctionFile = taskpane.html) runs the commands and the pane in one page, so 検証 can
 *   open the pane on its findings ("Configure your Office Add-in to use a shared runtime",
 *   https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime);
 * - commands.html?message=…, the dialog that shows a command's outcome (a function command has no UI).
 */
import type { LocalizedText } from "../core";
import type { Evaluator } from "../app";
import {
  lentEvaluator,
  officeSupports,
  ribbonRuns,
  type LoadSettingsParser,
  type RibbonRun,
  type SharedPage,
} from "../excel";
import type { ExcelContext } from "../excel/office";
import { FUNCTION_IDS, makeCommands, type CommandDeps } from "./actions";
import { messageFromUrl, messageUrl, renderMessage } from "./dialog";

/** Hands the run to the pane (same page) and shows it; false where the host has no shared runtime. */
function showTaskpane(run: RibbonRun): Promise<boolean> {
  ribbonRuns(window as SharedPage).publish(run);
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return Promise.resolve(false);
  return Office.addin.showAsTaskpane().then(() => true);
}

function notify(message: LocalizedText, kind: "info" | "error", closeBy?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = messageUrl(window.location.href, message, kind);
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 35, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`${result.error.code}: ${result.error.message}`));
        return;
      }
      const dialog = result.value;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      const close = (): void => {
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      // 12006: the user closed the dialog with its X button.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      // a dialog left open closes itself before the command's runtime limit (actions.ts COMMAND_LIMIT_MS)
      if (closeBy !== undefined) timer = setTimeout(close, Math.max(0, closeBy - Date.now()));
    });
  });
}

/**
 * Evaluates with the evaluator the pane of this page lent (its Web Worker, src/taskpane/index.tsx); before
 * the pane has started, in this thread, with the core's evaluation loaded then — the page (and the
 * dialog, commands.html) starts without it.
 */
const evaluateOnPage: Evaluator = async (...args) => {
  const lent = lentEvaluator<Evaluator>(window as unknown as SharedPage).borrowed();
  if (lent) return lent(...args);
  return (await import(/* webpackChunkName: "evaluate" */ "../app/evaluate-here.js")).inThisThread(...args);
};

/** The checks of saved settings (zod), loaded the first time a workbook has some: the pane's chunk too. */
const loadSettingsParser: LoadSettingsParser = async () =>
  (await import(/* webpackChunkName: "settings" */ "../excel/settings-parse.js")).settingsParser;

// Read when a command runs (after Office.onReady), not when the page loads.
const deps: CommandDeps = {
  // delayForCellEdit: a ribbon button that triggers a bulk update waits until the user leaves cell-edit mode
  // instead of failing the whole batch ("Delay execution while cell is being edited",
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
  run: <T>(batch: (context: ExcelContext) => Promise<T>) => Excel.run({ delayForCellEdit: true }, batch),
  supports: officeSupports,
  settings: loadSettingsParser,
  evaluator: evaluateOnPage,
  get lang() {
    return (Office.context.displayLanguage ?? "ja").toLowerCase().startsWith("ja") ? "ja" : "en";
  },
  showTaskpane,
  notify,
};

const message = messageFromUrl(window.location.href);
if (message) {
  void Office.onReady(() => {
    renderMessage(document, message, () => Office.context.ui.messageParent("ok"));
  });
} else if (typeof Office !== "undefined" && typeof Office.actions?.associate === "function") {
  // At the top level of the script, as "Create add-in commands with the add-in only manifest" shows
  // (https://learn.microsoft.com/office/dev/add-ins/develop/create-addin-commands): associating only inside
  // Office.onReady is linked to ribbon buttons that need a second click.
  const commands = makeCommands(deps);
  Office.actions.associate(FUNCTION_IDS.validate, commands.validate);
  Office.actions.associate(FUNCTION_IDS.recalculate, commands.recalculate);
}
