// Prints how long evaluateWorkbook takes on the seed workbook (a figure, not a test):
//   npx ts-node --transpile-only test/core/evaluate/measure.ts
import { evaluateWorkbook } from "../../../src/core/evaluate";
import { fixtureSnapshots } from "../../helpers/fixtures";

const snaps = fixtureSnapshots("hirano-fy2016");
evaluateWorkbook(snaps); // warm-up
const runs = 50;
const t0 = process.hrtime.bigint();
let findings = 0;
for (let i = 0; i < runs; i++) findings = evaluateWorkbook(snaps).findings.length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
const cells = snaps.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
console.log(
  `evaluateWorkbook(hirano-fy2016): ${ms.toFixed(2)} ms per run (${runs} runs, ${snaps.length} sheets, ${cells} cells, ${findings} findings)`,
);
