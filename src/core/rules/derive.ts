import type { InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { Issue } from "../model/findings";
import type { InitiativeRecord, SheetRecord, StrategyRecord } from "../model/records";
import { foldLabel } from "../text/normalize";
import { deriveInitiative } from "./derive-initiative";
import { deriveStrategy } from "./derive-strategy";
import type { Derived, Rule, RuleContext } from "./types";
import type { MarkBasis, ProgressReason } from "../model/reasons";

/** Same item: the same item mark and name (folded), under the same objective when both say. */
function sameItem(a: SheetRecord, b: SheetRecord): boolean {
  if (a.itemMark === null || b.itemMark === null || a.itemMark !== b.itemMark) return false;
  if (foldLabel(a.itemName) === "" || foldLabel(a.itemName) !== foldLabel(b.itemName)) return false;
  if (a.objective !== null && b.objective !== null && a.objective.number !== b.objective.number) return false;
  if (a.area !== null && b.area !== null && a.area.number !== b.area.number) return false;
  return true;
}

/**
 * Strategy ↔ initiative links across the workbook: by code (`[3]` ← `[3-1]`) when the initiative has one
 * and a strategy carries it, else by the same item.
 */
export function linkInitiatives(
  strategies: ReadonlyArray<StrategyRecord>,
  initiatives: ReadonlyArray<InitiativeRecord>,
): Map<string, InitiativeRecord[]> {
  const links = new Map<string, InitiativeRecord[]>(strategies.map((s) => [s.id, []]));
  // Indexes in strategy order, so that each lookup lists the same strategies, in the same order, as a
  // filter over all of them would (a workbook has thousands of rows: a scan per initiative is quadratic).
  const byCode = new Map<string, StrategyRecord[]>();
  const byItem = new Map<string, StrategyRecord[]>();
  const push = (index: Map<string, StrategyRecord[]>, key: string, s: StrategyRecord): void => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [s]);
    else list.push(s);
  };
  for (const s of strategies) {
    if (s.strategyCode !== null) push(byCode, s.strategyCode, s);
    if (s.itemMark !== null) push(byItem, itemKey(s.itemMark, s.itemName), s);
  }
  for (const i of initiatives) {
    let targets = i.strategyCode === null ? [] : (byCode.get(i.strategyCode) ?? []);
    if (targets.length === 0)
      targets =
        i.itemMark === null
          ? []
          : (byItem.get(itemKey(i.itemMark, i.itemName)) ?? []).filter((s) => sameItem(s, i));
    for (const s of targets) links.get(s.id)?.push(i);
  }
  return links;
}

/** The part of sameItem an index can key on: the item mark and the folded name. */
function itemKey(mark: string, name: string): string {
  return `${mark}\u0000${foldLabel(name)}`;
}

/** Derive every mark of the workbook (duplicates are not derived: they are counted once). */
export function deriveAll(ctx: Omit<RuleContext, "derived">): Derived {
  const issues: Issue[] = [];
  const live = ctx.records.filter((r) => r.duplicateOf === null);
  const initiativeRecords = live.filter((r): r is InitiativeRecord => r.kind === "initiative");
  const strategyRecords = live.filter((r): r is StrategyRecord => r.kind === "strategy");

  const initiatives: InitiativeDerivation[] = [];
  const initiativeBasis = new Map<string, MarkBasis>();
  const progressReasons = new Map<string, ProgressReason>();
  for (const r of initiativeRecords) {
    const { derivation, issues: found, basis } = deriveInitiative(r, ctx.parsed(r), ctx.text.fold);
    initiatives.push(derivation);
    if (basis !== null) initiativeBasis.set(r.id, basis);
    issues.push(...found);
  }
  const initiativeById = new Map(initiatives.map((d) => [d.record.id, d] as const));

  const links = linkInitiatives(strategyRecords, initiativeRecords);
  const strategies: OutcomeDerivation[] = [];
  for (const r of strategyRecords) {
    const {
      derivation,
      issues: found,
      progressReason,
    } = deriveStrategy(
      r,
      ctx.parsed(r),
      links.get(r.id) ?? [],
      initiativeById,
      ctx.yearOf(r.sheet),
      ctx.profile,
      ctx.text.fold,
    );
    strategies.push(derivation);
    progressReasons.set(r.id, progressReason);
    issues.push(...found);
  }
  const linkedInitiatives = new Set<string>();
  for (const list of links.values()) for (const i of list) linkedInitiatives.add(i.id);
  return {
    initiatives,
    strategies,
    initiativeById,
    strategyById: new Map(strategies.map((d) => [d.record.id, d] as const)),
    links,
    linkedInitiatives,
    initiativeBasis,
    progressReasons,
    issues,
  };
}

/** The derivation's own findings: not computable (say why), withdrawal fired, pairing problems. */
export const derivationIssues: Rule = {
  id: "derive",
  family: "derive",
  run: (ctx: RuleContext): Iterable<Issue> => ctx.derived.issues,
};

export const deriveRules: ReadonlyArray<Rule> = [derivationIssues];
