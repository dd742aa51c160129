import { enteredQualifier, placeholderIn } from "./entered";
import type { InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { Issue } from "../model/findings";
import type { LinkedInitiative, NotComputable, ProgressReason } from "../model/reasons";
import {
  noMatchingResultText,
  noResultText,
  notJudgedText,
  progressReasonText,
  scheduleText,
} from "../messages/reasons";
import type { InitiativeRecord, StrategyRecord } from "../model/records";
import type { ResultValue, Target } from "../model/values";
import type { Profile } from "../profile/profile";
import { formatQuantity, lowerIsBetter, meets, pairValues, unitsAgree } from "../values";
import { describeComparison } from "../messages/comparison";
import { judgedResults } from "./cumulative";
import { anchorOf, cellIssue, rowIssue } from "./issue";
import type { ParsedRecord } from "./types";
import { foldLabel } from "../text/normalize";

type Outcome = OutcomeDerivation["outcomes"][number];

/**
 * The elapsed share of a target's period in the evaluation year: (year − start + 1) ÷ (deadline − start + 1),
 * clamped to 0..1.
 */
export function elapsedShare(evaluationYear: number, periodStart: number, deadline: number): number {
  const span = deadline - periodStart + 1;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (evaluationYear - periodStart + 1) / span));
}

/** One 個別 mark: met → A; on schedule toward a later deadline → A; else B; null when not computable. */
export function outcomeMark(
  target: Target,
  results: ReadonlyArray<ResultValue>,
  evaluationYear: number,
  periodStart: number,
): Outcome {
  const base = { target, results };
  if (results.length === 0)
    return {
      ...base,
      mark: null,
      explanation: noMatchingResultText(target.raw),
    };
  const met = meets(target, results);
  const cmp = describeComparison(target, results);
  if (met === true) return { ...base, mark: "A", explanation: cmp };
  if (met === null)
    return {
      ...base,
      mark: null,
      explanation: notJudgedText(cmp),
    };
  const deadline = target.deadline?.to ?? null;
  // progress toward the deadline only makes sense for a higher-is-better target with a positive value
  if (
    deadline !== null &&
    deadline > evaluationYear &&
    !lowerIsBetter(target.comparator) &&
    target.value > 0
  ) {
    const share = elapsedShare(evaluationYear, periodStart, deadline);
    const comparable = results.every((r) => unitsAgree(target.unit, r.unit));
    const ratios = results.map((r) => r.value / target.value);
    const pct = (x: number): string => formatQuantity(Math.round(x * 1000) / 10, "%");
    const schedule = {
      deadline,
      ratios: ratios.map(pct),
      share: pct(share),
      elapsed: `${evaluationYear - periodStart + 1}/${deadline - periodStart + 1}`,
    };
    if (comparable && ratios.every((q) => q >= share - 1e-9))
      return { ...base, mark: "A", explanation: scheduleText(cmp, { ...schedule, onSchedule: true }) };
    if (comparable)
      return { ...base, mark: "B", explanation: scheduleText(cmp, { ...schedule, onSchedule: false }) };
  }
  return { ...base, mark: "B", explanation: cmp };
}

/** outcomeOverall from the 個別 marks: strict (all A) or majority (more than half A); null when unknown. */
export function overallMark(
  marks: ReadonlyArray<"A" | "B" | null>,
  rule: Profile["outcomeOverallRule"],
): "A" | "B" | null {
  if (marks.length === 0) return null;
  const a = marks.filter((m) => m === "A").length;
  const b = marks.filter((m) => m === "B").length;
  if (rule === "strict") {
    if (b > 0) return "B";
    return a === marks.length ? "A" : null;
  }
  if (a * 2 > marks.length) return "A";
  if (b * 2 >= marks.length) return "B";
  return null;
}

// The initiative as a person finds it on the sheet: its title (「ア 地域活動協議会…」), the code after it.
function initiativeName(r: InitiativeRecord): string {
  const title = [r.itemMark ?? "", r.itemName.replace(/\s+/g, " ").trim()].filter((x) => x !== "").join(" ");
  const code = r.initiativeCode !== null ? `[${r.initiativeCode}]` : "";
  return [title, code].filter((x) => x !== "").join(" ") || r.id;
}

/** A linked initiative as a progress reason names it: its title and code, and where it is. */
function linkedName(r: InitiativeRecord): LinkedInitiative {
  return { name: initiativeName(r), sheet: r.sheet, row: r.rowStart + 1 };
}

/**
 * The execution qualifier a ward entered for an initiative: its own 実施状況 column, else the (ⅰ)/(ⅱ) after
 * the achievement mark; null when neither says.
 */
function executionOf(r: InitiativeRecord): "i" | "ii" | null {
  const own = enteredQualifier(r, "execution");
  return own ?? enteredQualifier(r, "achievement");
}

/** strategyProgress by execution: a when every linked initiative is (ⅰ), b when one is (ⅱ). */
function progressByExecution(linked: ReadonlyArray<InitiativeRecord>): {
  progress: "a" | "b" | null;
  reason: ProgressReason;
} {
  const total = linked.length;
  const notDone = linked.filter((r) => executionOf(r) === "ii");
  const unknown = linked.filter((r) => executionOf(r) === null);
  if (notDone.length > 0)
    return {
      progress: "b",
      reason: { kind: "linked-not-executed", total, initiatives: notDone.map(linkedName) },
    };
  if (unknown.length > 0)
    return {
      progress: null,
      reason: { kind: "linked-execution-unknown", total, initiatives: unknown.map(linkedName) },
    };
  return { progress: "a", reason: { kind: "all-executed", total } };
}

/**
 * strategyProgress under the profile's rule: "achieved" (a when every linked initiative is achieved and
 * none flagged; b when one is not) or "executed" (by the (ⅰ)/(ⅱ) the ward entered).
 */
export function progressMark(
  linked: ReadonlyArray<InitiativeRecord>,
  derivations: ReadonlyMap<string, InitiativeDerivation>,
  rule: Profile["strategyProgressRule"] = "achieved",
): { progress: "a" | "b" | null; reason: ProgressReason } {
  if (linked.length === 0) return { progress: null, reason: { kind: "no-linked-initiative" } };
  if (rule === "executed") return progressByExecution(linked);
  const classes = linked.map((r) => ({ r, d: derivations.get(r.id) }));
  const bad = classes.filter(
    ({ d }) =>
      d !== undefined && (d.achievement === "missed" || d.achievement === "withdrawal" || d.withdrawalFlag),
  );
  const unknown = classes.filter(({ d }) => d === undefined || d.achievement === null);
  const names = (xs: typeof classes): LinkedInitiative[] => xs.map(({ r }) => linkedName(r));
  const total = linked.length;
  if (bad.length > 0)
    return { progress: "b", reason: { kind: "linked-missed", total, initiatives: names(bad) } };
  if (unknown.length > 0)
    return { progress: null, reason: { kind: "linked-unknown", total, initiatives: names(unknown) } };
  return { progress: "a", reason: { kind: "all-achieved", total } };
}

/** The outcome (個別, 全体) and progress marks of one strategy record, and the issues deriving them raised. */
export function deriveStrategy(
  record: StrategyRecord,
  parsed: ParsedRecord,
  linked: ReadonlyArray<InitiativeRecord>,
  initiativeDerivations: ReadonlyMap<string, InitiativeDerivation>,
  evaluationYear: number,
  profile: Profile,
  fold: (s: string) => string = foldLabel,
): { derivation: OutcomeDerivation; issues: Issue[]; progressReason: ProgressReason } {
  const issues: Issue[] = [];
  const targets = parsed.targets.map((t) => t.value);
  const results = parsed.results.map((r) => r.value);
  const at = (field: "outcome" | "strategyProgress", why: NotComputable): void => {
    // a cell the ward marked 「-」 is not evaluated here: consistency.not-evaluated says so, once per row
    if (placeholderIn(record, field) !== null) return;
    const anchor = anchorOf(record, field);
    const params = { why };
    issues.push(
      anchor === undefined
        ? rowIssue("derive.not-computable", record, field, params)
        : cellIssue("derive.not-computable", record, anchor, field, field, params),
    );
  };

  let outcomes: Outcome[] = [];
  if (targets.length === 0) {
    if (anchorOf(record, "outcome") !== undefined || anchorOf(record, "outcomeOverall") !== undefined)
      at(
        "outcome",
        parsed.failures.some((f) => f.what === "target")
          ? { kind: "outcome-target-unreadable" }
          : { kind: "outcome-target-empty" },
      );
  } else if (results.length === 0) {
    outcomes = targets.map((t) => ({
      target: t,
      results: [],
      mark: null,
      explanation: noResultText(t.raw),
    }));
    at("outcome", { kind: "outcome-result-missing" });
  } else {
    const pairing = pairValues(targets, results, fold);
    if (pairing.problem !== null) {
      const first = parsed.results[0];
      if (first !== undefined)
        issues.push(
          pairing.problem === "unit-mismatch"
            ? cellIssue("parse.unit-mismatch", record, first.cell, first.column, null, {
                target: targets.map((t) => t.raw).join(" / "),
                result: first.value.raw,
                targetUnit: [...new Set(targets.map((t) => t.unit ?? "-"))].join("・"),
                resultUnit: first.value.unit ?? "-",
              })
            : cellIssue("parse.count-mismatch", record, first.cell, first.column, null, {
                left: targets.length,
                right: results.length,
                counted: "outcome-targets-results",
              }),
        );
    }
    outcomes = pairing.pairs.map((p) =>
      pairing.problem !== null && p.right.length === 0
        ? {
            target: p.left,
            results: [],
            mark: null,
            explanation: noMatchingResultText(p.left.raw),
          }
        : outcomeMark(p.left, judgedResults(p.left, p.right), evaluationYear, profile.periodStartYear),
    );
    // with a pairing problem, a safely paired A/B still stands, but the cell as a whole is not written
    if (outcomes.some((o) => o.mark === null))
      at("outcome", {
        kind: "outcomes-unjudged",
        comparisons: outcomes.filter((o) => o.mark === null).map((o) => o.explanation),
      });
  }
  // each outcome knows the row its target was read from (several targets in one cell share that row)
  const rowOf = new Map(parsed.targets.map((t) => [t.value, t.cell.row] as const));
  outcomes = outcomes.map((o) => {
    const row = o.target === null ? undefined : rowOf.get(o.target);
    return row === undefined ? o : { ...o, row };
  });
  const overall = overallMark(
    outcomes.map((o) => o.mark),
    profile.outcomeOverallRule,
  );
  const { progress, reason } = progressMark(linked, initiativeDerivations, profile.strategyProgressRule);
  if (progress === null && anchorOf(record, "strategyProgress") !== undefined)
    at("strategyProgress", { kind: "progress", reason });
  return {
    derivation: {
      record,
      outcomes,
      overall,
      progress,
      initiatives: linked.map((r) => r.id),
      reason: progressReasonText(reason),
    },
    issues,
    progressReason: reason,
  };
}
