import { placeholderIn } from "./entered";
import type {
  AchievementClass,
  InitiativeDerivation,
  TargetCheck,
  WithdrawalCheck,
} from "../model/evaluation";
import type { Issue, IssueOf, IssueParams } from "../model/findings";
import type { ComparisonPhrase, MarkBasis, NotComputable } from "../model/reasons";
import type { InitiativeRecord } from "../model/records";
import { achievementReasonText, noMatchingResultText, notComputableText } from "../messages/reasons";
import type { ResultValue, Target, WithdrawalCriterion } from "../model/values";
import { foldLabel } from "../text/normalize";
import { fires, meets, pairValues } from "../values";
import { describeComparison } from "../messages/comparison";
import { judgedResults } from "./cumulative";
import { cellIssue, rowIssue, anchorOf } from "./issue";
import type { Located, ParsedRecord } from "./types";

/** Where a pairing problem is reported: the first result cell, else the target cell, else the row. */
function problemIssue<C extends "parse.count-mismatch" | "parse.unit-mismatch">(
  record: InitiativeRecord,
  parsed: ParsedRecord,
  code: C,
  params: IssueParams[C],
  on: "results" | "criteria",
): IssueOf<C> {
  const first = on === "results" ? parsed.results[0] : parsed.criteria[0];
  const column =
    on === "results" ? parsed.columns.results : (parsed.columns.criteria ?? "withdrawalCriterion");
  if (first !== undefined) return cellIssue(code, record, first.cell, first.column, null, params);
  const anchor = anchorOf(record, column);
  return anchor === undefined
    ? rowIssue(code, record, null, params)
    : cellIssue(code, record, anchor, column, null, params);
}

function unitMismatchParams(
  targets: ReadonlyArray<Target>,
  results: ReadonlyArray<ResultValue>,
  left: "target" | "criterion",
): IssueParams["parse.unit-mismatch"] {
  // the first right item whose unit no left item shares
  const bad = results.find(
    (r) => !targets.some((t) => t.unit === null || r.unit === null || t.unit === r.unit),
  );
  return {
    target: targets.map((t) => t.raw).join(" / "),
    result: bad?.raw ?? "",
    targetUnit: [...new Set(targets.map((t) => t.unit ?? "-"))].join("・"),
    resultUnit: bad?.unit ?? "-",
    compared: left,
  };
}

/** Which target each criterion belongs to: 「左記目標」 by position; else by unit, label, then order. */
function pairCriteria(
  targets: ReadonlyArray<Target>,
  criteria: ReadonlyArray<WithdrawalCriterion>,
  fold: (s: string) => string,
): { targetOf: (number | null)[]; problem: "ambiguous" | "unit-mismatch" | null } {
  if (criteria.length === 0) return { targetOf: [], problem: null };
  if (targets.length === 1) return { targetOf: criteria.map(() => 0), problem: null };
  if (criteria.every((c) => c.refersToTarget) && criteria.length === targets.length)
    return { targetOf: criteria.map((_c, i) => i), problem: null };
  // paired by index: two cells with the same text share one parsed criterion, so identity tells nothing
  const indexed = criteria.map((c, k) => ({ label: c.label, unit: c.unit, index: k }));
  const pairing = pairValues(targets, indexed, fold);
  const targetOf = indexed.map((c) => {
    const i = pairing.pairs.findIndex((p) => p.right.some((r) => r.index === c.index));
    return i < 0 ? null : i;
  });
  // a target without a criterion is normal; only unpaired criteria are a problem
  if (targetOf.every((i) => i !== null)) return { targetOf, problem: null };
  return { targetOf, problem: pairing.problem === "unit-mismatch" ? "unit-mismatch" : "ambiguous" };
}

/** The achievement of one initiative row (domain.md §4) with every comparison, and the issues it raised. */
export function deriveInitiative(
  record: InitiativeRecord,
  parsed: ParsedRecord,
  fold: (s: string) => string = foldLabel,
): { derivation: InitiativeDerivation; issues: Issue[]; basis: MarkBasis | null } {
  const issues: Issue[] = [];
  const targets = parsed.targets.map((t) => t.value);
  const results = parsed.results.map((r) => r.value);
  const notComputable = (
    why: NotComputable,
    checks: TargetCheck[] = [],
    withdrawals: WithdrawalCheck[] = [],
  ) => {
    const anchor = anchorOf(record, "achievement");
    const params = { why };
    // a cell the ward marked 「-」 is not evaluated here: consistency.not-evaluated says so instead
    if (placeholderIn(record, "achievement") === null)
      issues.push(
        anchor === undefined
          ? rowIssue("derive.not-computable", record, "achievement", params)
          : cellIssue("derive.not-computable", record, anchor, "achievement", "achievement", params),
      );
    return {
      derivation: {
        record,
        targets: checks,
        withdrawals,
        achievement: null,
        withdrawalFlag: false,
        reason: notComputableText(why),
      },
      issues,
      basis: null,
    };
  };

  if (record.fields.performanceTarget === undefined) return notComputable({ kind: "target-column-missing" });
  if (record.fields.achievementResult === undefined) return notComputable({ kind: "result-column-missing" });
  if (targets.length === 0) {
    const failed = parsed.failures.some((f) => f.what === "target");
    return notComputable({ kind: failed ? "target-unreadable" : "target-empty" });
  }
  // criteria ↔ targets (a criterion is judged on its target's results), paired before the results are
  // looked at: three criteria for two targets is reported whatever the result (Hirano 取組(2)!G8, result empty)
  const criteria: ReadonlyArray<Located<WithdrawalCriterion>> = parsed.criteria;
  const cp = pairCriteria(
    targets,
    criteria.map((c) => c.value),
    fold,
  );
  if (cp.problem === "unit-mismatch") {
    issues.push(
      problemIssue(
        record,
        parsed,
        "parse.unit-mismatch",
        unitMismatchParams(targets, [], "criterion"),
        "criteria",
      ),
    );
  } else if (cp.problem !== null) {
    issues.push(
      problemIssue(
        record,
        parsed,
        "parse.count-mismatch",
        { left: targets.length, right: criteria.length, counted: "targets-criteria" },
        "criteria",
      ),
    );
  }
  const errorCell = (record.fields.achievementResult ?? []).find((c) => c.error !== null);
  if (results.length === 0 && errorCell !== undefined) {
    return notComputable({ kind: "result-error", error: errorCell.error ?? "" });
  }
  if (results.length === 0) {
    const failed = parsed.failures.some((f) => f.what === "result");
    return notComputable({ kind: failed ? "result-unreadable" : "result-empty" });
  }

  // targets ↔ results
  const pairing = pairValues(targets, results, fold);
  if (pairing.problem === "unit-mismatch") {
    issues.push(
      problemIssue(
        record,
        parsed,
        "parse.unit-mismatch",
        unitMismatchParams(targets, results, "target"),
        "results",
      ),
    );
  } else if (pairing.problem !== null) {
    issues.push(
      problemIssue(
        record,
        parsed,
        "parse.count-mismatch",
        { left: targets.length, right: results.length, counted: "targets-results" },
        "results",
      ),
    );
  }
  // with a pairing problem, only pairs the pairing made safely are judged; the rest stay unknown
  const checks: TargetCheck[] = pairing.pairs.map((p) => {
    const judged = judgedResults(p.left, p.right);
    return {
      target: p.left,
      results: judged,
      met: judged.length === 0 ? null : meets(p.left, judged),
      explanation:
        judged.length === 0 ? noMatchingResultText(p.left.raw) : describeComparison(p.left, judged),
    };
  });

  const withdrawals: WithdrawalCheck[] = criteria.map((c, k) => {
    const ti = cp.targetOf[k];
    const rs = ti === null || ti === undefined ? [] : (checks[ti]?.results ?? []);
    const fired = rs.length === 0 ? null : fires(c.value, rs);
    return {
      criterion: c.value,
      results: rs,
      fired,
      explanation: rs.length === 0 ? noMatchingResultText(c.value.raw) : describeComparison(c.value, rs),
    };
  });
  withdrawals.forEach((w, k) => {
    const c = criteria[k];
    if (w.fired !== true || c === undefined) return;
    issues.push(
      cellIssue("derive.withdrawal-fired", record, c.cell, c.column, "withdrawal", {
        criterion: c.value.raw,
        comparison: w.explanation,
        action: c.value.action,
        actionText: c.value.actionText,
      }),
    );
  });

  const fired = withdrawals.filter((w) => w.fired === true);
  let achievement: AchievementClass | null;
  let basis: ReadonlyArray<ComparisonPhrase>;
  if (fired.length > 0) {
    achievement = "withdrawal";
    basis = fired.map((w) => w.explanation);
  } else if (checks.some((c) => c.met === false)) {
    achievement = "missed";
    basis = checks.filter((c) => c.met === false).map((c) => c.explanation);
  } else if (pairing.problem === null && checks.every((c) => c.met === true)) {
    achievement = "achieved";
    basis = checks.map((c) => c.explanation);
  } else {
    const unknown = checks.filter((c) => c.met !== true).map((c) => c.explanation);
    const why: NotComputable =
      pairing.problem !== null ? { kind: "unpaired" } : { kind: "targets-unjudged", comparisons: unknown };
    return notComputable(why, checks, withdrawals);
  }
  return {
    derivation: {
      record,
      targets: checks,
      withdrawals,
      achievement,
      withdrawalFlag: achievement === "withdrawal",
      reason: achievementReasonText(basis, achievement),
    },
    issues,
    basis: { kind: "achievement", basis, outcome: achievement },
  };
}
