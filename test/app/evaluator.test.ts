// The use cases evaluate where the host says (the browser's pane: a Web Worker) and give exactly what they
// give evaluating in this thread; the evaluator gets the read, the host's choice (never itself) and the
// change-log sheet's name.
import { readFileSync } from "node:fs";
import {
  check,
  evaluateRead,
  recalc,
  revert,
  type EvaluateChoice,
  type Evaluator,
  type WorkbookRead,
} from "../../src/app";
import { openXlsxPort } from "../../src/app/xlsx-port";
import { CHANGE_LOG_SHEET } from "../../src/core";
import { fixturePath } from "../helpers/fixtures";

const bytes = () => new Uint8Array(readFileSync(fixturePath("hirano-fy2016")));
const now = () => new Date("2026-04-01T00:00:00Z");

/** An evaluator that records its calls and evaluates later, as a worker would (on another turn). */
function recording(): { evaluator: Evaluator; calls: Array<[WorkbookRead, EvaluateChoice, string]> } {
  const calls: Array<[WorkbookRead, EvaluateChoice, string]> = [];
  return {
    calls,
    evaluator: async (read, choice, logSheet) => {
      calls.push([read, choice, logSheet]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return evaluateRead(read, choice, logSheet);
    },
  };
}

test("check: the evaluator evaluates, with the host's choice and the log sheet, and the result is the same", async () => {
  const overrides = { "戦略(1)": { kind: "other" as const } };
  const here = await check(await openXlsxPort(bytes()), { overrides });
  const { evaluator, calls } = recording();
  const there = await check(await openXlsxPort(bytes()), { overrides, evaluator });
  expect(calls).toHaveLength(1);
  expect(calls[0]?.[1]).toEqual({ overrides });
  expect(calls[0]?.[2]).toBe(CHANGE_LOG_SHEET);
  expect(there.evaluation).toEqual(here.evaluation);
  expect(there.evaluation.layouts.find((l) => l.sheet === "戦略(1)")?.kind).toBe("other");
});

test("recalc and revert evaluate through the evaluator too", async () => {
  const port = await openXlsxPort(bytes());
  const { evaluator, calls } = recording();
  const r = await recalc(port, { now, evaluator });
  expect(r.outcome.applied.length).toBeGreaterThan(0);
  const back = await revert(port, { now, evaluator });
  expect(back.outcome.applied).toHaveLength(r.outcome.applied.length);
  expect(calls).toHaveLength(2);
  expect(calls.every(([, choice]) => !("evaluator" in choice))).toBe(true);
});
