/**
 * Pairing several values of one row (targets ↔ results, targets ↔ criteria): by label similarity first,
 * then by order, only when units agree; never by guessing (domain.md §3).
 */
import type { Pairing, PairingProblem, Unit } from "../model/values";
import { labelSimilarity } from "./similarity";
import { unitsAgree } from "./units";

/** Anything with a label and a unit can be paired. */
export interface Pairable {
  readonly label: string | null;
  readonly unit: Unit;
}

/** A label match must reach this similarity… */
export const LABEL_MIN = 0.35;
/** …and beat the runner-up by this much, else order decides. */
export const LABEL_MARGIN = 0.1;

const PROBLEM_RANK: Readonly<Record<PairingProblem, number>> = {
  "unit-mismatch": 3,
  ambiguous: 2,
  "count-mismatch": 1,
};

/**
 * Pair each left item (a target) with the right items (results or criteria) that belong to it.
 * Rules, in order: a right item whose unit agrees with exactly one left item goes to it; else to the left
 * item whose label is clearly most similar (≥ LABEL_MIN and LABEL_MARGIN ahead); else by order, but only
 * when the undecided right items and the still-unpaired left items of that unit are equally many.
 * Several right items may go to one left item (two survey rounds: [92%以上, 3件] with [75%, 69.5%, 0件]
 * → 92%↔{75%, 69.5%}, 3件↔{0件}). A bare number (unit null) agrees with any unit.
 * Problems: "unit-mismatch" (a right item no left item's unit agrees with), "ambiguous" (order cannot
 * decide), "count-mismatch" (a left item left without any right item, or one side empty and the other
 * not). With a problem the row must not be derived; `pairs` then hold only what was paired safely, for
 * messages. `fold` (foldLabel, or a memo of it owned by the caller's evaluation) folds labels. Never throws.
 */
export function pairValues<L extends Pairable, R extends Pairable>(
  left: ReadonlyArray<L>,
  right: ReadonlyArray<R>,
  fold?: (s: string) => string,
): Pairing<L, R> {
  const assigned: R[][] = left.map(() => []);
  const build = (problem: PairingProblem | null): Pairing<L, R> => ({
    pairs: left.map((l, i) => ({ left: l, right: assigned[i] ?? [] })),
    problem,
  });
  if (left.length === 0 || right.length === 0) {
    return build(left.length === right.length ? null : "count-mismatch");
  }
  let problem: PairingProblem | null = null;
  const note = (p: PairingProblem): void => {
    if (problem === null || PROBLEM_RANK[p] > PROBLEM_RANK[problem]) problem = p;
  };
  // undecided right items, grouped by their candidate set (the same left items agree on unit)
  const deferred = new Map<string, { candidates: number[]; items: R[] }>();
  for (const r of right) {
    const candidates: number[] = [];
    for (let i = 0; i < left.length; i++) if (unitsAgree((left[i] as L).unit, r.unit)) candidates.push(i);
    const only = candidates[0];
    if (candidates.length === 0 || only === undefined) {
      note("unit-mismatch");
      continue;
    }
    if (candidates.length === 1) {
      assigned[only]?.push(r);
      continue;
    }
    // the most similar candidate (the first of equals) and the best score among the others: what a
    // stable sort by descending score would put first and second
    let best = only;
    let bestScore = -Infinity;
    let secondScore = -Infinity;
    for (const i of candidates) {
      const score = labelSimilarity(left[i]?.label ?? null, r.label, fold);
      if (score > bestScore) {
        secondScore = bestScore;
        bestScore = score;
        best = i;
      } else if (score > secondScore) secondScore = score;
    }
    if (bestScore >= LABEL_MIN && bestScore - secondScore >= LABEL_MARGIN) {
      assigned[best]?.push(r);
      continue;
    }
    const key = candidates.join(",");
    const group = deferred.get(key) ?? { candidates, items: [] };
    group.items.push(r);
    deferred.set(key, group);
  }
  for (const { candidates, items } of deferred.values()) {
    const free = candidates.filter((i) => (assigned[i]?.length ?? 0) === 0);
    if (free.length !== items.length) {
      note(left.length === right.length ? "ambiguous" : "count-mismatch");
      continue;
    }
    free.forEach((i, k) => {
      const r = items[k];
      if (r !== undefined) assigned[i]?.push(r);
    });
  }
  if (assigned.some((a) => a.length === 0)) note("count-mismatch");
  return build(problem);
}
