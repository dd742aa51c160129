import type { Evaluation, MappingOverrides } from "./model/evaluation";
import type { Finding, Issue } from "./model/findings";
import { UNTIMED, type PhaseTimer } from "./model/phases";
import type { SheetSnapshot } from "./model/snapshot";
import { DEFAULT_PROFILE, type Profile } from "./profile/profile";
import { withChangeLogOverride } from "./changelog/changelog";
import { recognizeWorkbook } from "./layout";
import { LayoutMemo } from "./layout/memo";
import { TextMemo } from "./text/memo";
import { toFinding } from "./messages/catalogue";
import { buildPlan } from "./plan/build";
import { buildContext, workbookYear } from "./rules/context";
import { previousResults } from "./history/previous-figures";
import { RULES } from "./rules";
import { runRules } from "./rules/runner";

/** Misuse of the core's API (not bad data): e.g. snapshots that are not an array. */
export class KuseiUsageError extends Error {
  override readonly name = "KuseiUsageError";
}

export interface EvaluateOptions {
  readonly profile?: Profile;
  readonly overrides?: MappingOverrides;
  /** the change-log sheet's name (CHANGE_LOG_SHEET unless the user chose another, --log-sheet) */
  readonly logSheet?: string;
  /** measures the phases (recognize, derive, validate, plan) for a host that wants the figures */
  readonly timer?: PhaseTimer;
  /**
   * last year's workbook, evaluated (`check --previous`): a relative target (前年度以上) the sheet gives no
   * previous figure for takes last year's result for the same record (core/history/previous-figures.ts)
   */
  readonly previous?: Evaluation;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings in reading order: sheet order, then row, then column; sheet-level ones first in their sheet. */
function sortFindings(findings: Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  // sort keys computed once per finding, not once per comparison
  return findings
    .map((f, i) => ({
      f,
      i,
      sheet: sheetOrder.get(f.sheet) ?? 1e9,
      row: f.row ?? 0,
      col: f.col ?? -1,
      severity: SEVERITY_ORDER[f.severity],
    }))
    .sort(
      (a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.severity - b.severity || a.i - b.i,
    )
    .map(({ f }) => f);
}

/**
 * Evaluate a workbook: recognise its sheets, derive every computed mark with its reasons, validate, and plan
 * the writes. The one entry point every host calls. Never throws on data; throws KuseiUsageError on misuse.
 */
export function evaluateWorkbook(
  snapshots: readonly SheetSnapshot[],
  options: EvaluateOptions = {},
): Evaluation {
  if (!Array.isArray(snapshots))
    throw new KuseiUsageError("evaluateWorkbook: snapshots must be an array of SheetSnapshot");
  if (options === null || typeof options !== "object")
    throw new KuseiUsageError("evaluateWorkbook: options must be an object");
  const profile = options.profile ?? DEFAULT_PROFILE;
  const sheets = snapshots.filter((s): s is SheetSnapshot => s !== null && typeof s === "object");
  // every memo of this evaluation hangs off this one object and is dropped with it
  const text = new TextMemo();
  // kusei's own change-log sheet is never read as a form, whatever the host passed.
  // (matched as Excel matches sheet names: 「KUSEI_変更履歴」 is the same sheet)
  const overrides = withChangeLogOverride(
    options.overrides,
    options.logSheet,
    sheets.map((s) => s.name),
  );
  const timer = options.timer ?? UNTIMED;
  const recognition = timer.time("recognize", () =>
    recognizeWorkbook(sheets, profile, overrides, new LayoutMemo(text)),
  );
  const ctx = timer.time("derive", () =>
    buildContext({
      text,
      profile,
      snapshots: sheets,
      layouts: recognition.layouts,
      records: recognition.records,
      layoutIssues: recognition.issues,
      ...(options.previous === undefined
        ? {}
        : {
            previousResults: previousResults(
              recognition.records,
              workbookYear(recognition.layouts, profile),
              options.previous,
              profile.defaultEra,
            ),
          }),
    }),
  );
  const issues: Issue[] = timer.time("validate", () => runRules(RULES, ctx));
  const origins = new Map(sheets.map((s) => [s.name, s.origin] as const));
  const sheetOrder = new Map(sheets.map((s, i) => [s.name, i] as const));
  const findings = timer.time("validate", () =>
    sortFindings(
      issues.map((i) => toFinding(i, origins)),
      sheetOrder,
    ),
  );
  const plan = timer.time("plan", () =>
    buildPlan({
      snapshots: ctx.snapshots,
      layouts: ctx.layouts,
      records: ctx.records,
      initiatives: ctx.derived.initiativeById,
      strategies: ctx.derived.strategyById,
    }),
  );
  return {
    profileId: profile.id,
    evaluationYear: ctx.evaluationYear,
    layouts: recognition.layouts,
    records: recognition.records,
    initiatives: ctx.derived.initiatives,
    strategies: ctx.derived.strategies,
    plan,
    findings,
  };
}
