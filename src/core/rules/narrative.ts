import type { Issue } from "../model/findings";
import type { NarrativeCause } from "../model/reasons";
import type { SheetRecord } from "../model/records";
import { formatMark } from "../text/marks";
import { enteredMark, enteredMarks, placeholderIn } from "./entered";
import { anchorOf, cellIssue, isBlank } from "./issue";
import type { Rule, RuleContext } from "./types";

/** Why a row needs its 課題 and 改善策 written (the first bad mark found, derived before entered), or null. */
function needsNarrative(ctx: RuleContext, record: SheetRecord): NarrativeCause | null {
  const said = (field: NarrativeCause["field"], mark: string): NarrativeCause => ({ field, mark });
  if (record.kind === "initiative") {
    const notation = ctx.layouts.get(record.sheet)?.notation ?? ctx.profile.notation;
    const derived = ctx.derived.initiativeById.get(record.id)?.achievement ?? null;
    const achievement = derived ?? enteredMark(record, "achievement");
    if (achievement === "missed" || achievement === "withdrawal")
      return said("achievement", formatMark("achievement", achievement, notation));
    if (enteredMark(record, "initiativeEffectiveness") === "not-effective")
      return said("initiativeEffectiveness", "×");
    return null;
  }
  const d = ctx.derived.strategyById.get(record.id);
  // a mark cell the ward marked 「-」 (not evaluated here) says nothing, whatever kusei would derive for it
  const evaluated = (kind: "outcome" | "outcomeOverall" | "strategyProgress"): boolean =>
    placeholderIn(record, kind) === null;
  const outcomes = !evaluated("outcome")
    ? []
    : d !== undefined && d.outcomes.every((o) => o.mark !== null) && d.outcomes.length > 0
      ? d.outcomes.map((o) => o.mark)
      : enteredMarks(record, "outcome");
  if (outcomes.includes("B")) return said("outcome", "B");
  if (evaluated("outcomeOverall") && (d?.overall ?? enteredMark(record, "outcomeOverall")) === "B")
    return said("outcomeOverall", "B");
  if (evaluated("strategyProgress") && (d?.progress ?? enteredMark(record, "strategyProgress")) === "b")
    return said("strategyProgress", "b");
  if (enteredMark(record, "strategyEffectiveness") === "review") return said("strategyEffectiveness", "イ");
  return null;
}

/** narrative.missing-issue / missing-plan: 課題 or 改善策 (今後の対応方向) empty or "-" where a mark says a problem. */
export const missingNarrative: Rule = {
  id: "narrative.missing",
  family: "narrative",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const record of ctx.records) {
      if (record.duplicateOf !== null) continue;
      const because = needsNarrative(ctx, record);
      if (because === null) continue;
      for (const [column, code] of [
        ["issue", "narrative.missing-issue"],
        ["plan", "narrative.missing-plan"],
      ] as const) {
        const cells = record.fields[column];
        const cell = anchorOf(record, column);
        if (cells === undefined || cell === undefined || !cells.every((c) => isBlank(c.text))) continue;
        yield cellIssue(code, record, cell, column, null, { because });
      }
    }
  },
};

export const narrativeRules: ReadonlyArray<Rule> = [missingNarrative];
