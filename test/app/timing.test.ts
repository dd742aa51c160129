import { phaseTotals } from "../../src/app";
import { evaluateWorkbook, EVALUATION_PHASES } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { readFileSync } from "node:fs";
import { fixturePath } from "../helpers/fixtures";

/** A clock that moves only when told: each phase's share is known exactly. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe("phaseTotals", () => {
  it("counts an inner phase apart from the outer one, so the totals add up to the time taken", async () => {
    const clock = manualClock();
    const timer = phaseTotals(clock.now);
    timer.time("evaluate", () => {
      clock.advance(5);
      timer.time("recognize", () => clock.advance(30));
      clock.advance(2);
      timer.time("plan", () => clock.advance(10));
    });
    await timer.timeAsync("read", async () => {
      clock.advance(7);
      await Promise.resolve();
      timer.time("inflate", () => clock.advance(3));
    });
    timer.time("recognize", () => clock.advance(1));
    expect(timer.totals()).toEqual([
      ["recognize", 31],
      ["plan", 10],
      ["evaluate", 7],
      ["inflate", 3],
      ["read", 7],
    ]);
    const sum = timer.totals().reduce((a, [, ms]) => a + ms, 0);
    expect(sum).toBe(clock.now());
  });

  it("still counts a phase whose work throws", () => {
    const clock = manualClock();
    const timer = phaseTotals(clock.now);
    expect(() =>
      timer.time("read", () => {
        clock.advance(4);
        throw new Error("bad file");
      }),
    ).toThrow("bad file");
    expect(timer.totals()).toEqual([["read", 4]]);
  });

  it("is called by the core for each of its phases, and changes nothing of the evaluation", async () => {
    const { snapshots } = await readWorkbook(new Uint8Array(readFileSync(fixturePath("hirano-fy2016"))));
    const seen: string[] = [];
    const timed = evaluateWorkbook(snapshots, {
      timer: {
        time: (phase, work) => {
          seen.push(phase);
          return work();
        },
      },
    });
    expect([...new Set(seen)]).toEqual([...EVALUATION_PHASES]);
    expect(timed).toEqual(evaluateWorkbook(snapshots));
  });
});
