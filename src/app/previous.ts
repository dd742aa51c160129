/**
 * 前年度のブックと比較 (issue 11), for every host: the CLI's `check --previous` and the task pane's pick of
 * last year's workbook call these. Last year's workbook is only read (a port over it is checked, never
 * applied to); this year's evaluation gains the history.* findings of core/history. Its marks differ only
 * where the host evaluated it with `previous` (EvaluateChoice): a relative target (前年度以上) the sheet
 * gives no previous figure for then takes last year's result for the same record.
 */
import { compareYears, type Evaluation, type HistoryComparison, type Profile } from "../core";
import { checkWith } from "./check";
import type { EvaluateOptions, WithEvaluator } from "./evaluate";
import type { WorkbookPort } from "./port";

export { PREVIOUS_UNREADABLE } from "./previous-text";

/** Who is who across the years (the comparison without its findings, which join the evaluation's). */
export type YearComparison = Omit<HistoryComparison, "findings">;

/**
 * Last year's workbook, evaluated (read only: nothing is ever written to it). The evaluator is named, as
 * checkWith takes it: the pane's first bundle refers to checkWith only, so the core's evaluation stays out
 * of it (webpack keeps an export any chunk uses, and `check` would bring evaluate-here.ts along).
 */
export async function evaluatePreviousYear(
  port: WorkbookPort,
  opts: WithEvaluator<EvaluateOptions>,
): Promise<Evaluation> {
  // a check without highlights: the port is read and never written
  return (await checkWith(port, opts)).evaluation;
}

/**
 * This year's evaluation with last year's history.* findings added (in reading order after the workbook's
 * own findings of the same sheet), and the matching for a report.
 */
export function withPreviousYear(
  ev: Evaluation,
  previous: Evaluation,
  profile: Pick<Profile, "defaultEra">,
): { evaluation: Evaluation; comparison: YearComparison } {
  const { findings: history, ...comparison } = compareYears(ev, previous, { defaultEra: profile.defaultEra });
  const order = new Map(ev.layouts.map((l, i) => [l.sheet, i] as const));
  const findings = [...ev.findings, ...history]
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (order.get(a.f.sheet) ?? 1e9) - (order.get(b.f.sheet) ?? 1e9) ||
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
  return { evaluation: { ...ev, findings }, comparison };
}
