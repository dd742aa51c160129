/*
 * Entry of commands.html: the ribbon's function commands (検証 / 一括再計算). Opened with ?message=… the same
 * page is the dialog that shows a command's outcome, since a function command has no UI of its own.
 */
import type { LocalizedText } from "../core";
import { officeSupports } from "../excel/capabilities";
import { FUNCTION_IDS, makeCommands, type CommandDeps } from "./actions";
import { messageFromUrl, messageUrl, renderMessage } from "./dialog";

function showTaskpane(): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return Promise.resolve(false);
  return Office.addin.showAsTaskpane().then(() => true);
}

function notify(message: LocalizedText, kind: "info" | "error"): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = messageUrl(window.location.href, message, kind);
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 35, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`${result.error.code}: ${result.error.message}`));
        return;
      }
      const dialog = result.value;
      const close = (): void => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      // 12006: the user closed the dialog with its X button.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

function depsFromOffice(): CommandDeps {
  return {
    run: (batch) => Excel.run(batch),
    supports: officeSupports,
    lang: (Office.context.displayLanguage ?? "ja").toLowerCase().startsWith("ja") ? "ja" : "en",
    showTaskpane,
    notify,
  };
}

const message = messageFromUrl(window.location.href);
void Office.onReady(() => {
  if (message) {
    renderMessage(document, message, () => Office.context.ui.messageParent("ok"));
    return;
  }
  const commands = makeCommands(depsFromOffice());
  Office.actions.associate(FUNCTION_IDS.validate, commands.validate);
  Office.actions.associate(FUNCTION_IDS.recalculate, commands.recalculate);
});
