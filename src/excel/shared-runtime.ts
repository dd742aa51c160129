import type { Evaluation, GridPos, LocalizedText } from "../core";

/**
 * The ribbon's last check, handed to the task pane. The manifest puts the ribbon's functions and the task pane
 * in one shared runtime (`<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/>`, FunctionFile =
 * taskpane.html): "This enables all the parts to share a set of global variables … and to communicate with
 * each other without having to pass messages through a persisted storage" ("Shared runtime requirement sets",
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets).
 * taskpane.html loads two bundles (the pane and the commands), each with its own copy of this module, so
 * the run is kept on the page's global object and announced with a DOM event, not in module state.
 */
export interface RibbonRun {
  readonly evaluation: Evaluation;
  /** sheet name → origin of its snapshot */
  readonly origins: Readonly<Record<string, GridPos>>;
  readonly notices: ReadonlyArray<LocalizedText>;
}

/** The event taskpane.html's window receives when the ribbon has checked the workbook. */
export const RIBBON_RUN_EVENT = "kusei:ribbon-run";
const LATEST = Symbol.for("kusei.ribbonRun");

const LENT = Symbol.for("kusei.evaluator");

/** What both bundles share: the page's global object (window in Office, or a test's EventTarget). */
export type SharedPage = EventTarget & { [LATEST]?: RibbonRun; [LENT]?: unknown };

export interface RibbonRuns {
  /** the ribbon: keeps the run and tells a pane that listens */
  publish(run: RibbonRun): void;
  /** the last run published on this page, if any */
  latest(): RibbonRun | null;
  /** the pane: called with the latest run at once (if any), then with every later one; returns unsubscribe */
  subscribe(listener: (run: RibbonRun) => void): () => void;
}

/** The ribbon-to-pane board of one page. */
export function ribbonRuns(page: SharedPage): RibbonRuns {
  return {
    publish(run) {
      page[LATEST] = run;
      page.dispatchEvent(new Event(RIBBON_RUN_EVENT));
    },
    latest: () => page[LATEST] ?? null,
    subscribe(listener) {
      const handler = (): void => {
        const run = page[LATEST];
        if (run) listener(run);
      };
      page.addEventListener(RIBBON_RUN_EVENT, handler);
      handler();
      return () => page.removeEventListener(RIBBON_RUN_EVENT, handler);
    },
  };
}

/**
 * The pane's evaluator lent to the ribbon of the same page: the pane's goes to its Web Worker, so the
 * ribbon's 検証 and 一括再計算 evaluate off the page's thread too, and neither bundle has to carry the
 * core's evaluation. Typed by the caller (this adapter does not know the use cases' types).
 */
export interface LentEvaluator<F> {
  /** the pane: lends its evaluator */
  lend(evaluator: F): void;
  /** the ribbon: the evaluator lent on this page, if any yet */
  borrowed(): F | null;
}

/** The evaluator board of one page. */
export function lentEvaluator<F>(page: SharedPage): LentEvaluator<F> {
  return {
    lend(evaluator) {
      page[LENT] = evaluator;
    },
    borrowed: () => (page[LENT] as F | undefined) ?? null,
  };
}
