/**
 * A short fuzz inside `npm test` (issue 6 §1): every target of fuzz-cases.ts for a few hundred cases with a
 * fixed seed. `npm run fuzz` runs the same targets for 100,000 cases with a watchdog.
 */
import fc from "fast-check";
import { FUZZ_TARGETS, describeInput, runCase } from "./fuzz-cases";

// Generous: a guard against hangs, not a speed goal (benchmarks measure speed).
const PER_INPUT_MS = 5_000;
const RUNS: Readonly<Record<string, number>> = {
  parsers: 400,
  normalisation: 400,
  marks: 400,
  "evaluate-random-forms": 150,
  "evaluate-damaged-fixtures": 60,
};

describe("fuzz (short run)", () => {
  test.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))(
    "%s: no exception, no hang, every property holds",
    (name, target) => {
      fc.assert(
        fc.property(target.arbitrary, (input) => {
          const started = performance.now();
          const problem = runCase(target, input);
          const ms = performance.now() - started;
          if (problem !== null) throw new Error(`${problem}\ninput: ${describeInput(input)}`);
          if (ms > PER_INPUT_MS)
            throw new Error(
              `took ${Math.round(ms)} ms (limit ${PER_INPUT_MS})\ninput: ${describeInput(input)}`,
            );
        }),
        { numRuns: RUNS[name] ?? 100, seed: 20260105 },
      );
    },
    120_000,
  );
});
