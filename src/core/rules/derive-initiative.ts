import { placeholderIn } from "./entered";
import type {
  AchievementClass,
  InitiativeDerivation,
  TargetCheck,
  WithdrawalCheck,
} from "../model/evaluation";
import type { Issue, LocalizedText } from "../model/findings";
import type { InitiativeRecord } from "../model/records";
import type { ResultValue, Target, WithdrawalCriterion } from "../model/values";
import { foldLabel } from "../text/normalize";
import { describeComparison, fires, meets, pairValues } from "../values";
import { judgedResults } from "./cumulative";
import { cellIssue, rowIssue, anchorOf } from "./issue";
import type { Located, ParsedRecord } from "./types";

const CLASS_TEXT: Readonly<Record<AchievementClass, LocalizedText>> = {
  achieved: { ja: "目標達成", en: "achieved" },
  missed: { ja: "目標未達成", en: "missed" },
  withdrawal: { ja: "撤退基準未達成", en: "withdrawal criterion met" },
};

/** The class name of an achievement (目標達成 / 目標未達成 / 撤退基準未達成), ja and en. */
export function achievementText(cls: AchievementClass): LocalizedText {
  return CLASS_TEXT[cls];
}

const join = (parts: ReadonlyArray<LocalizedText>): LocalizedText => ({
  ja: parts.map((p) => p.ja).join("、"),
  en: parts.map((p) => p.en).join("; "),
});

/** Where a pairing problem is reported: the first result cell, else the target cell, else the row. */
function problemIssue(
  record: InitiativeRecord,
  parsed: ParsedRecord,
  code: "parse.count-mismatch" | "parse.unit-mismatch",
  params: Readonly<Record<string, string | number>>,
  on: "results" | "criteria",
): Issue {
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
): Record<string, string> {
  // the first right item whose unit no left item shares
  const bad = results.find(
    (r) => !targets.some((t) => t.unit === null || r.unit === null || t.unit === r.unit),
  );
  return {
    target: targets.map((t) => t.raw).join(" / "),
    result: bad?.raw ?? "",
    targetUnit: [...new Set(targets.map((t) => t.unit ?? "-"))].join("・"),
    resultUnit: bad?.unit ?? "-",
    leftJa: left === "target" ? "目標" : "撤退基準",
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
): { derivation: InitiativeDerivation; issues: Issue[] } {
  const issues: Issue[] = [];
  const targets = parsed.targets.map((t) => t.value);
  const results = parsed.results.map((r) => r.value);
  const notComputable = (
    why: LocalizedText,
    checks: TargetCheck[] = [],
    withdrawals: WithdrawalCheck[] = [],
  ) => {
    const anchor = anchorOf(record, "achievement");
    const params = { whyJa: why.ja, whyEn: why.en };
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
        reason: why,
      },
      issues,
    };
  };

  if (record.fields.performanceTarget === undefined)
    return notComputable({
      ja: "業績目標の列が見つかりません",
      en: "the performance target column is missing",
    });
  if (record.fields.achievementResult === undefined)
    return notComputable({
      ja: "業績目標の達成状況(実績)の列が見つかりません",
      en: "the result column is missing",
    });
  if (targets.length === 0) {
    const failed = parsed.failures.some((f) => f.what === "target");
    return notComputable(
      failed
        ? { ja: "業績目標を読み取れません", en: "the performance target could not be read" }
        : { ja: "業績目標が空欄です", en: "no performance target" },
    );
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
        {
          left: targets.length,
          right: criteria.length,
          leftJa: "目標",
          leftEn: "targets",
          rightJa: "撤退基準",
          rightEn: "withdrawal criteria",
        },
        "criteria",
      ),
    );
  }
  const errorCell = (record.fields.achievementResult ?? []).find((c) => c.error !== null);
  if (results.length === 0 && errorCell !== undefined) {
    return notComputable({
      ja: `実績のセルがエラー値(${errorCell.error ?? ""})です`,
      en: `the result cell holds an error value (${errorCell.error ?? ""})`,
    });
  }
  if (results.length === 0) {
    const failed = parsed.failures.some((f) => f.what === "result");
    return notComputable(
      failed
        ? { ja: "実績を読み取れません", en: "the result could not be read" }
        : { ja: "実績が空欄です", en: "no result" },
    );
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
        {
          left: targets.length,
          right: results.length,
          leftJa: "目標",
          leftEn: "targets",
          rightJa: "実績",
          rightEn: "results",
        },
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
        judged.length === 0
          ? { ja: `${p.left.raw}: 対応する実績なし`, en: `${p.left.raw}: no matching result` }
          : describeComparison(p.left, judged),
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
      explanation:
        rs.length === 0
          ? { ja: `${c.value.raw}: 対応する実績なし`, en: `${c.value.raw}: no matching result` }
          : describeComparison(c.value, rs),
    };
  });
  withdrawals.forEach((w, k) => {
    const c = criteria[k];
    if (w.fired !== true || c === undefined) return;
    issues.push(
      cellIssue("derive.withdrawal-fired", record, c.cell, c.column, "withdrawal", {
        criterion: c.value.raw,
        comparisonJa: w.explanation.ja,
        comparisonEn: w.explanation.en,
        action: c.value.action,
        actionText: c.value.actionText,
      }),
    );
  });

  const fired = withdrawals.filter((w) => w.fired === true);
  let achievement: AchievementClass | null;
  let basis: ReadonlyArray<LocalizedText>;
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
    const why =
      pairing.problem !== null
        ? { ja: "目標と実績を対応付けできません", en: "targets and results cannot be paired" }
        : {
            ja: `判定できない目標があります(${join(unknown).ja})`,
            en: `some targets cannot be judged (${join(unknown).en})`,
          };
    return notComputable(why, checks, withdrawals);
  }
  const text = CLASS_TEXT[achievement];
  const b = join(basis);
  return {
    derivation: {
      record,
      targets: checks,
      withdrawals,
      achievement,
      withdrawalFlag: achievement === "withdrawal",
      reason: { ja: `${b.ja} → ${text.ja}`, en: `${b.en} → ${text.en}` },
    },
    issues,
  };
}
