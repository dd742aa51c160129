/**
 * The words of the derivation: why a mark is what it is, or why it cannot be derived, in Japanese and
 * English. The rules produce the structured reasons (model/reasons.ts); only this module words them.
 */
import type { ComputedMarkField, LocalizedText, ValidatedMarkField } from "../model/findings";
import type { AchievementNotation } from "../model/records";
import type { ParseFailureCode, WithdrawalAction } from "../model/values";
import type {
  AchievementClass,
  ComparisonPhrase,
  CountedPair,
  LinkedInitiative,
  MarkBasis,
  NarrativeCause,
  NotComputable,
  FormSheetKind,
  ProgressReason,
  ProgressRule,
} from "../model/reasons";
import { assertNever } from "./assert-never";

type Text = LocalizedText;

/** Comparisons joined: 、 in Japanese, ; in English. */
export function joinComparisons(parts: ReadonlyArray<ComparisonPhrase>): Text {
  return { ja: parts.map((p) => p.ja).join("、"), en: parts.map((p) => p.en).join("; ") };
}

/** The class name of an achievement (目標達成 / 目標未達成 / 撤退基準未達成), ja and en. */
export function achievementText(outcome: AchievementClass): Text {
  switch (outcome) {
    case "achieved":
      return { ja: "目標達成", en: "achieved" };
    case "missed":
      return { ja: "目標未達成", en: "missed" };
    case "withdrawal":
      return { ja: "撤退基準未達成", en: "withdrawal criterion met" };
    default:
      return assertNever(outcome);
  }
}

/** 「55.9% ≥ 30%以上、85% ≥ 60%以上 → 目標達成」: the comparisons an achievement rests on, and its class. */
export function achievementReasonText(
  basis: ReadonlyArray<ComparisonPhrase>,
  outcome: AchievementClass,
): Text {
  const b = joinComparisons(basis);
  const c = achievementText(outcome);
  return { ja: `${b.ja} → ${c.ja}`, en: `${b.en} → ${c.en}` };
}

/** A target or criterion (as written) that no result was paired with. */
export function noMatchingResultText(raw: string): Text {
  return { ja: `${raw}: 対応する実績なし`, en: `${raw}: no matching result` };
}

/** An outcome target whose row has no result at all. */
export function noResultText(raw: string): Text {
  return { ja: `${raw}: 実績なし`, en: `${raw}: no result` };
}

/** A comparison that cannot decide the mark. */
export function notJudgedText(comparison: ComparisonPhrase): Text {
  return { ja: `${comparison.ja}(判定できません)`, en: `${comparison.en} (cannot be judged)` };
}

/** Progress toward a later deadline, as the 個別 mark's explanation (A: on schedule, B: behind). */
export function scheduleText(
  comparison: ComparisonPhrase,
  s: {
    readonly onSchedule: boolean;
    readonly deadline: number;
    /** achievement ratios and the elapsed share, as percentages already worded (55.9%) */
    readonly ratios: readonly string[];
    readonly share: string;
    /** elapsed years / years of the period (2/3) */
    readonly elapsed: string;
  },
): Text {
  if (s.onSchedule)
    return {
      ja: `${comparison.ja}、期限${s.deadline}年度に向けて達成率 ${s.ratios.join("・")} ≥ 経過割合 ${s.share}(${s.elapsed})`,
      en: `${comparison.en}; toward the FY${s.deadline} deadline, ${s.ratios.join(", ")} of the target ≥ elapsed share ${s.share} (${s.elapsed})`,
    };
  return {
    ja: `${comparison.ja}、達成率 ${s.ratios.join("・")} < 経過割合 ${s.share}(${s.elapsed})`,
    en: `${comparison.en}; ${s.ratios.join(", ")} of the target < elapsed share ${s.share} (${s.elapsed})`,
  };
}

/**
 * Linked initiatives and where they are. `enGap` goes before the English parenthesis: the execution rule's
 * reasons have always printed none (「… 窓口機能の充実(取組(2) row 14)」), the achievement rule's one space.
 */
function names(xs: ReadonlyArray<LinkedInitiative>, enGap = " "): Text {
  return {
    ja: xs.map((x) => `${x.name}(${x.sheet} ${x.row}行)`).join("、"),
    en: xs.map((x) => `${x.name}${enGap}(${x.sheet} row ${x.row})`).join(", "),
  };
}

/** Why a strategy's progress is a, b or not computable. */
export function progressReasonText(reason: ProgressReason): Text {
  switch (reason.kind) {
    case "no-linked-initiative":
      return { ja: "この戦略に結び付く取組がありません", en: "no initiative is linked to this strategy" };
    case "linked-missed": {
      const n = names(reason.initiatives);
      const bad = reason.initiatives.length;
      return {
        ja: `結び付く取組${reason.total}件のうち${bad}件が目標未達成または撤退基準に該当: ${n.ja}`,
        en: `${bad} of ${reason.total} linked initiatives missed their targets or met a withdrawal criterion: ${n.en}`,
      };
    }
    case "linked-unknown": {
      const n = names(reason.initiatives);
      const unknown = reason.initiatives.length;
      return {
        ja: `結び付く取組${reason.total}件のうち${unknown}件の達成状況を算定できません: ${n.ja}`,
        en: `${unknown} of ${reason.total} linked initiatives cannot be derived: ${n.en}`,
      };
    }
    case "all-achieved":
      return {
        ja: `結び付く取組${reason.total}件がすべて目標達成`,
        en: `all ${reason.total} linked initiatives achieved`,
      };
    case "linked-not-executed": {
      const n = names(reason.initiatives, "");
      const bad = reason.initiatives.length;
      return {
        ja: `結び付く取組${reason.total}件のうち${bad}件が(ⅱ)(計画どおり実施できていない): ${n.ja}`,
        en: `${bad} of ${reason.total} linked initiatives are (ii), not carried out as planned: ${n.en}`,
      };
    }
    case "linked-execution-unknown": {
      const n = names(reason.initiatives, "");
      const unknown = reason.initiatives.length;
      return {
        ja: `結び付く取組${reason.total}件のうち${unknown}件の実施状況((ⅰ)/(ⅱ))が入力されていません: ${n.ja}`,
        en: `${unknown} of ${reason.total} linked initiatives have no execution mark, (i)/(ii): ${n.en}`,
      };
    }
    case "all-executed":
      return {
        ja: `結び付く取組${reason.total}件がすべて(ⅰ)(計画どおり実施)`,
        en: `all ${reason.total} linked initiatives are (i), carried out as planned`,
      };
    default:
      return assertNever(reason);
  }
}

/** Why a mark cannot be derived. */
export function notComputableText(why: NotComputable): Text {
  switch (why.kind) {
    case "target-column-missing":
      return { ja: "業績目標の列が見つかりません", en: "the performance target column is missing" };
    case "result-column-missing":
      return { ja: "業績目標の達成状況(実績)の列が見つかりません", en: "the result column is missing" };
    case "target-unreadable":
      return { ja: "業績目標を読み取れません", en: "the performance target could not be read" };
    case "target-empty":
      return { ja: "業績目標が空欄です", en: "no performance target" };
    case "result-error":
      return {
        ja: `実績のセルがエラー値(${why.error})です`,
        en: `the result cell holds an error value (${why.error})`,
      };
    case "result-unreadable":
      return { ja: "実績を読み取れません", en: "the result could not be read" };
    case "result-empty":
      return { ja: "実績が空欄です", en: "no result" };
    case "unpaired":
      return { ja: "目標と実績を対応付けできません", en: "targets and results cannot be paired" };
    case "targets-unjudged": {
      const j = joinComparisons(why.comparisons);
      return { ja: `判定できない目標があります(${j.ja})`, en: `some targets cannot be judged (${j.en})` };
    }
    case "outcome-target-unreadable":
      return { ja: "アウトカムの目標を読み取れません", en: "the outcome target could not be read" };
    case "outcome-target-empty":
      return { ja: "アウトカムの目標が空欄です", en: "no outcome target" };
    case "outcome-result-missing":
      return {
        ja: "アウトカムの達成状況(実績)が空欄か読み取れません",
        en: "the outcome result is empty or unreadable",
      };
    case "outcomes-unjudged":
      return joinComparisons(why.comparisons);
    case "progress":
      return progressReasonText(why.reason);
    default:
      return assertNever(why);
  }
}

/** 「個別 A B」: the 個別 marks an overall mark is derived from (? for one not computable). */
export function eachMarksText(marks: ReadonlyArray<"A" | "B" | null>): Text {
  const m = marks.map((x) => x ?? "?").join(" ");
  return { ja: `個別 ${m}`, en: `each: ${m}` };
}

/** What a derived mark rests on. */
export function markBasisText(basis: MarkBasis): Text {
  switch (basis.kind) {
    case "achievement":
      return achievementReasonText(basis.basis, basis.outcome);
    case "outcomes":
      return joinComparisons(basis.comparisons);
    case "overall":
      return eachMarksText(basis.marks);
    case "progress":
      return progressReasonText(basis.reason);
    default:
      return assertNever(basis);
  }
}

/** 「業績目標の達成状況が「×」」: the mark that makes a row need its 課題 and 改善策. */
export function narrativeCauseText(cause: NarrativeCause): Text {
  const field = ((): Text => {
    switch (cause.field) {
      case "achievement":
        return { ja: "業績目標の達成状況", en: "achievement" };
      case "initiativeEffectiveness":
        return { ja: "取組の有効性", en: "initiative effectiveness" };
      case "outcome":
        return { ja: "アウトカム(個別)", en: "outcome" };
      case "outcomeOverall":
        return { ja: "アウトカム(全体)", en: "overall outcome" };
      case "strategyProgress":
        return { ja: "戦略の進捗状況", en: "strategy progress" };
      case "strategyEffectiveness":
        return { ja: "戦略の有効性", en: "strategy effectiveness" };
      default:
        return assertNever(cause.field);
    }
  })();
  return { ja: `${field.ja}が「${cause.mark}」`, en: `${field.en} "${cause.mark}"` };
}

/** What a count mismatch counted, left and right. */
export function countedNames(counted: CountedPair): { readonly left: Text; readonly right: Text } {
  switch (counted) {
    case "targets-results":
      return { left: { ja: "目標", en: "targets" }, right: { ja: "実績", en: "results" } };
    case "targets-criteria":
      return { left: { ja: "目標", en: "targets" }, right: { ja: "撤退基準", en: "withdrawal criteria" } };
    case "outcome-targets-results":
      return {
        left: { ja: "アウトカムの目標", en: "outcome targets" },
        right: { ja: "実績", en: "results" },
      };
    default:
      return assertNever(counted);
  }
}

/** Why a text could not be read, as a phrase (ja, en). */
export function failureReason(code: ParseFailureCode): Text {
  switch (code) {
    case "empty":
      return { ja: "空欄です", en: "it is empty" };
    case "no-number":
      return { ja: "数値がありません", en: "it holds no number" };
    case "no-comparator":
      return {
        ja: "以上・未満などの比較の言葉がありません",
        en: "it has no comparison word such as 以上 or 未満",
      };
    case "not-computable":
      return { ja: "数値で判定できる基準ではありません", en: "it is not a numeric criterion" };
    case "relative-needs-previous":
      return {
        ja: "増加・減少・維持など前年度との比較で、前年度の値がありません",
        en: "it is relative to the previous year (増加/減少/維持) and no previous value is given",
      };
    case "ambiguous-wording":
      return {
        ja: "「撤退基準達成/該当」はどちらの意味にも読めます",
        en: "「撤退基準達成/該当」 can be read either way",
      };
    case "bad-era-year":
      return { ja: "存在しない年号の年です", en: "the era year does not exist" };
    case "too-long":
      return { ja: "セルが長すぎるため読み取りません", en: "the cell is too long to read" };
    case "partial":
      return {
        ja: "数値を完全には読み取れません(推測で判定しません)",
        en: "a number in it could not be read completely (kusei does not guess)",
      };
    case "range":
      return {
        ja: "幅のある値(~)で、比べる数値が一つに決まりません",
        en: "it is a range (~), not one figure to compare",
      };
    default:
      return assertNever(code);
  }
}

/** The action of a withdrawal criterion as a phrase (ja, en). */
export function withdrawalActionText(action: WithdrawalAction): Text {
  switch (action) {
    case "restructure":
      return { ja: "事業を再構築する", en: "restructure the programme" };
    case "reconsider":
      return { ja: "手法を再検討する", en: "reconsider the method" };
    case "abolish":
      return { ja: "事業を廃止する", en: "abolish the programme" };
    case "other":
      return { ja: "基準に定めた対応をとる", en: "take the action the criterion names" };
    default:
      return assertNever(action);
  }
}

/** What a form sheet's record is called: 取組 (initiative) or 戦略 (strategy). */
export function sheetKindText(kind: FormSheetKind): Text {
  switch (kind) {
    case "initiative":
      return { ja: "取組", en: "initiative" };
    case "strategy":
      return { ja: "戦略", en: "strategy" };
    default:
      return assertNever(kind);
  }
}

/** The rule a strategy's progress mark is derived by (profile.strategyProgressRule), as a phrase. */
export function progressRuleText(rule: ProgressRule): Text {
  switch (rule) {
    case "achieved":
      return {
        ja: "「結び付く取組がすべて目標達成なら a」の規則",
        en: 'the rule "a when every linked initiative achieved its targets"',
      };
    case "executed":
      return {
        ja: "「結び付く取組がすべて(ⅰ)計画どおり実施なら a」の規則",
        en: 'the rule "a when every linked initiative was carried out as planned, (i)"',
      };
    default:
      return assertNever(rule);
  }
}

/** The marks a field accepts, as shown to a person in either language ("ア/イ"). */
export function expectedMarksText(
  kind: ComputedMarkField | ValidatedMarkField,
  notation: AchievementNotation,
): string {
  switch (kind) {
    case "achievement":
      return notation === "numbered" ? "①/②/③(と (ⅰ)/(ⅱ))" : "○/×(と (ⅰ)/(ⅱ))";
    case "execution":
      return "(ⅰ)/(ⅱ)";
    case "initiativeEffectiveness":
      return "○/×";
    case "outcome":
    case "outcomeOverall":
      return "A/B";
    case "strategyProgress":
      return "a/b";
    case "strategyEffectiveness":
      return "ア/イ";
    default:
      return assertNever(kind);
  }
}
