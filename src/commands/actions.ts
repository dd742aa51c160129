import type { ExcelContext } from "../excel/office";
import { checkWith, recalcWith, type Evaluator } from "../app";
import { excelPort } from "../app/excel-port";
import type { LocalizedText } from "../core";
import {
  describeExcelError,
  NOTES_UNAVAILABLE,
  type LoadSettingsParser,
  type RibbonRun,
  type Supports,
} from "../excel";
import { recalcSummary } from "./summary";

/** The ids the manifest's <FunctionName> elements use; Office.actions.associate registers the same. */
export const FUNCTION_IDS = { validate: "validate", recalculate: "recalculate" } as const;

/** What a ribbon command needs from Office, injected so the commands run under test without Office. */
export interface CommandDeps {
  /** Excel.run */
  run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
  readonly supports: Supports;
  /** the checks of the workbook's saved settings (commands.ts: loaded when a workbook has some) */
  readonly settings: LoadSettingsParser;
  /** evaluates each read (commands.ts: in this thread, its code loaded on the first command) */
  readonly evaluator: Evaluator;
  readonly lang: "ja" | "en";
  /** hands the run to the task pane and opens it; false where the host cannot (no shared runtime) */
  showTaskpane(run: RibbonRun): Promise<boolean>;
  /**
   * Shows a message to the user and resolves when they have seen it (a dialog), or at `closeBy` (epoch ms)
   * at the latest, closing it then: the command must call event.completed() before its runtime's limit.
   */
  notify(message: LocalizedText, kind: "info" | "error", closeBy?: number): Promise<void>;
  /** the clock (tests fix it) */
  now?(): number;
}

/**
 * "The runtime closes when either the function completes or 5 minutes have passed" (Add-in commands,
 * https://learn.microsoft.com/office/dev/add-ins/design/add-in-commands): read, evaluate, write and the
 * dialog together get this long from the click, so event.completed() is called before Office gives up.
 */
export const COMMAND_LIMIT_MS = 5 * 60 * 1000 - 20 * 1000;

/** The minimal shape of Office.AddinCommands.Event that commands use. */
export interface CommandEvent {
  completed(): void;
}

function count(n: number, ja: string, en: string): LocalizedText {
  return { ja: `${n} ${ja}`, en: `${n} ${en}` };
}

/** 検証: validate the whole workbook, highlight the findings in place, and open the task pane on them. */
async function validate(deps: CommandDeps): Promise<void> {
  const { evaluation, origins, settings, highlight } = await deps.run((context) =>
    checkWith(excelPort(context, { supports: deps.supports, settings: deps.settings }), {
      highlight: deps.lang,
      evaluator: deps.evaluator,
    }),
  );
  const findings = evaluation.findings;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const e = count(errors, "件のエラー", "errors");
  const w = count(warnings, "件の警告", "warnings");
  const lines: LocalizedText[] = [
    {
      ja: `検証しました: ${e.ja}、${w.ja}、全 ${findings.length} 件。`,
      en: `Validated: ${e.en}, ${w.en}, ${findings.length} findings in all.`,
    },
  ];
  if (highlight?.unsupported) {
    lines.push({
      ja: "この Excel では強調表示が使えません (ExcelApi 1.6 が必要)。",
      en: "This Excel cannot highlight cells (needs ExcelApi 1.6).",
    });
  }
  if (highlight?.notesUnsupported) lines.push(NOTES_UNAVAILABLE);
  const failure = highlight?.failure ?? null;
  if (failure) lines.push(failure.message);
  const summary = { ja: lines.map((l) => l.ja).join("\n"), en: lines.map((l) => l.en).join("\n") };
  // The pane shows what the task pane's own check shows: the settings' problems and a failed highlight.
  const notices = [
    ...(settings?.problems ?? []),
    ...(failure ? [failure.message] : []),
    ...(highlight?.notesUnsupported ? [NOTES_UNAVAILABLE] : []),
  ];
  const shown = await deps.showTaskpane({ evaluation, origins, notices });
  if (!shown || failure) {
    const hint = shown
      ? { ja: "", en: "" }
      : {
          ja: "\n詳しくは「作業ウィンドウ」ボタンで開いてください。",
          en: "\nOpen the task pane for the details.",
        };
    await deps.notify({ ja: summary.ja + hint.ja, en: summary.en + hint.en }, failure ? "error" : "info");
  }
}

/** 一括再計算: derive every mark, write those that change, and report what changed. */
async function recalculate(deps: CommandDeps): Promise<void> {
  const result = await deps.run((context) =>
    recalcWith(excelPort(context, { supports: deps.supports, settings: deps.settings }), {
      now: () => new Date(),
      evaluator: deps.evaluator,
    }),
  );
  await deps.notify(recalcSummary(result), result.outcome.failure ? "error" : "info");
}

/**
 * The ribbon's function commands. Each reports its outcome or its error to the user (never only the
 * console) and always calls event.completed(), as Office requires.
 */
export function makeCommands(
  deps: CommandDeps,
): Record<keyof typeof FUNCTION_IDS, (event: CommandEvent) => Promise<void>> {
  const wrap =
    (body: (d: CommandDeps) => Promise<void>) =>
    async (event: CommandEvent): Promise<void> => {
      const closeBy = (deps.now ?? Date.now)() + COMMAND_LIMIT_MS;
      // every dialog of this click closes by the command's deadline
      const timed: CommandDeps = {
        ...deps,
        notify: (message, kind) => deps.notify(message, kind, closeBy),
      };
      try {
        await body(timed);
      } catch (error) {
        const failure = describeExcelError(error);
        try {
          await timed.notify(failure.message, "error");
        } catch (notifyError) {
          // The dialog itself failed: the console is the last channel left.
          console.error("kusei:", failure.message.en, notifyError);
        }
      } finally {
        event.completed();
      }
    };
  return { validate: wrap(validate), recalculate: wrap(recalculate) };
}
