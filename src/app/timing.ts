import type { PhaseTimer } from "../core";

/**
 * A PhaseTimer that adds up, per phase, the time spent (for `kusei --timings` and `npm run bench`). Phases
 * nest: time spent in an inner phase (the evaluation's own, inside "evaluate") is counted there and taken out
 * of the outer one, so the totals add up to the time measured.
 */
export interface PhaseTotals extends PhaseTimer {
  timeAsync<T>(phase: string, work: () => Promise<T>): Promise<T>;
  /** milliseconds per phase, in the order the phases were first seen */
  totals(): ReadonlyArray<readonly [string, number]>;
}

export function phaseTotals(now: () => number): PhaseTotals {
  const spent = new Map<string, number>();
  /** time taken by inner phases of the phase running at each depth */
  const inner: number[] = [];
  const add = (phase: string, took: number, nested: number): void => {
    spent.set(phase, (spent.get(phase) ?? 0) + took - nested);
    const outer = inner.length - 1;
    if (outer >= 0) inner[outer] = (inner[outer] ?? 0) + took;
  };
  return {
    time(phase, work) {
      const t0 = now();
      inner.push(0);
      try {
        return work();
      } finally {
        const nested = inner.pop() ?? 0;
        add(phase, now() - t0, nested);
      }
    },
    async timeAsync(phase, work) {
      // only for work that is not run beside other timed work (the CLI does one file at a time)
      const t0 = now();
      inner.push(0);
      try {
        return await work();
      } finally {
        const nested = inner.pop() ?? 0;
        add(phase, now() - t0, nested);
      }
    },
    totals: () => [...spent],
  };
}
