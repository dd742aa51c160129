import type { Evaluation, GridPos, SheetSnapshot } from "../core";
import { evaluateBy, type EvaluateOptions, type WithEvaluator } from "./evaluate";
import { withDefaultEvaluator } from "./evaluate-here";
import { logSheetOf } from "./log";
import type { HighlightOutcome, SavedSettings, WorkbookPort } from "./port";

export interface CheckOptions extends EvaluateOptions {
  /** draw the findings on the cells in this language, where the host can */
  readonly highlight?: "ja" | "en";
}

/** What a check found. It writes nothing (highlights aside). */
export interface CheckResult {
  readonly snapshots: ReadonlyArray<SheetSnapshot>;
  readonly evaluation: Evaluation;
  /** sheet name → origin of its snapshot (to show sheet rows and column letters of a layout) */
  readonly origins: Readonly<Record<string, GridPos>>;
  /** the settings saved in the workbook (null where it has none) */
  readonly settings: SavedSettings | null;
  /** null when no highlight was asked for or the host has no grid */
  readonly highlight: HighlightOutcome | null;
}

/** Check: read every sheet, evaluate, and show the findings in place where the host can. */
export function check(port: WorkbookPort, opts: CheckOptions = {}): Promise<CheckResult> {
  return checkWith(port, withDefaultEvaluator(opts));
}

/** Check, evaluating with the options' evaluator (a host that never evaluates in its own thread). */
export async function checkWith(port: WorkbookPort, opts: WithEvaluator<CheckOptions>): Promise<CheckResult> {
  const read = await port.read();
  const evaluation = await evaluateBy(read, opts, logSheetOf(port));
  const highlight =
    opts.highlight !== undefined && port.highlight ? await port.highlight(evaluation, opts.highlight) : null;
  return {
    snapshots: read.snapshots,
    evaluation,
    origins: Object.fromEntries(read.snapshots.map((s) => [s.name, s.origin])),
    settings: read.settings,
    highlight,
  };
}
