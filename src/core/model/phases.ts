/**
 * Where the time of a run goes, for a host that wants the figures (`kusei --timings`, `npm run bench`). The
 * core never reads a clock: it only wraps its phases in the timer it is given, and the timer (src/app/timing.ts)
 * does the measuring. Without one, `time` just runs the work.
 */
export interface PhaseTimer {
  time<T>(phase: string, work: () => T): T;
}

/** The phases of one evaluation, in order. */
export const EVALUATION_PHASES = ["recognize", "derive", "validate", "plan"] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];

/** A timer that measures nothing. */
export const UNTIMED: PhaseTimer = { time: (_phase, work) => work() };
