// The stand-in page of test/commands/shared-runtime.test.tsx: commands.ts loaded with an Office/Excel
// stand-in whose Excel.run is the fake Excel of a supported host (test/excel/fake), as in taskpane.html.
import { inThisThread } from "../../src/app";
import { lentEvaluator, type SharedPage } from "../../src/excel/shared-runtime";
import { fakeHost, fakeRun } from "../excel/fake/host";
import type { WorkbookModel } from "../excel/fake";
import type { ProfileName } from "../excel/fake/profiles";
import { modelFromSnapshots } from "../excel/workbooks";
import { fixtureSnapshots } from "../helpers/fixtures";

export type Command = (event: { completed(): void }) => Promise<void>;

export interface Stage {
  model: WorkbookModel;
  commands: Map<string, Command>;
  runOptions: unknown[];
  shown: number;
  dialogs: string[];
  /** dialogs closed by the page (dialog.close()) */
  closed: number;
}

/**
 * Loads commands.ts into this page with an Office/Excel stand-in over a fake host (Microsoft 365 unless `profile` says). A dialog
 * answers (messageParent, the user pressing OK) at once, or with `answers: false` never (a user who walked
 * away).
 */
export function stage(opts: { readonly answers?: boolean; readonly profile?: ProfileName } = {}): Stage {
  const model = modelFromSnapshots(fixtureSnapshots("hirano-fy2016"));
  const profile = opts.profile ?? "m365";
  const run = fakeRun(model, profile);
  const s: Stage = { model, commands: new Map(), runOptions: [], shown: 0, dialogs: [], closed: 0 };
  const answers = opts.answers ?? true;
  const g = globalThis as Record<string, unknown>;
  g.Office = {
    onReady: () => Promise.resolve({ host: "Excel" }),
    actions: { associate: (id: string, f: Command) => s.commands.set(id, f) },
    addin: {
      showAsTaskpane: () => {
        s.shown++;
        return Promise.resolve();
      },
    },
    AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "m", DialogEventReceived: "e" },
    context: {
      displayLanguage: "ja-JP",
      requirements: {
        isSetSupported: (name: string, v?: string) => fakeHost(model, profile).isSetSupported(name, v),
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _o: unknown,
          cb: (r: {
            status: string;
            value: { close(): void; addEventHandler(t: string, h: () => void): void };
          }) => void,
        ) => {
          s.dialogs.push(url);
          cb({
            status: "succeeded",
            value: {
              close: () => void s.closed++,
              addEventHandler: (t, h) => (t === "m" && answers ? h() : undefined),
            },
          });
        },
      },
    },
  };
  g.Excel = {
    run: (a: unknown, b?: unknown) => {
      s.runOptions.push(typeof a === "function" ? null : a);
      return (run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b);
    },
  };
  // The pane of taskpane.html lends its evaluator (its Web Worker) to the ribbon; this page lends the
  // evaluation in this thread, as a pane without a worker does.
  lentEvaluator(window as unknown as SharedPage).lend(inThisThread);
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  return s;
}

/** Removes the stand-in and the run the page kept. */
export function unstage(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.Excel;
  delete (window as unknown as Record<symbol, unknown>)[Symbol.for("kusei.ribbonRun")];
  delete (window as unknown as Record<symbol, unknown>)[Symbol.for("kusei.evaluator")];
}

export async function press(s: Stage, id: string): Promise<void> {
  const f = s.commands.get(id);
  if (!f) throw new Error(`${id} not associated`);
  const completed = jest.fn();
  await f({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
}
