// The size budget as part of `npm test` (scripts/size.js prints the figures; this fails the run when they break).
const { measure, BUDGET_KB } = require("../../scripts/size.js") as {
  BUDGET_KB: number;
  measure: () => {
    initial: string[];
    lazy: string[];
    initialKb: number;
    lazyKb: number;
    leaked: string[];
    lazyCarriesXlsx: boolean;
    workerKb: number;
    evaluationLeaked: string[];
    workerCarriesEvaluation: boolean;
  };
};

test(`Excel モードの初期 JavaScript は gzip で ${BUDGET_KB} KB 以下、xlsx アダプタと判定は遅延チャンクと Worker にだけある`, () => {
  const m = measure();
  expect(m.leaked).toEqual([]);
  // The markers are real: the lazy chunk has them, so their absence from the initial scripts means something.
  expect(m.lazyCarriesXlsx).toBe(true);
  expect(m.initialKb).toBeLessThanOrEqual(BUDGET_KB);
  // The core's evaluation runs in the engine's Web Worker (or a lazy chunk): not in the first chunk.
  expect(m.evaluationLeaked).toEqual([]);
  expect(m.workerCarriesEvaluation).toBe(true);
  console.log(
    `size taskpane_initial_gzip_kb=${m.initialKb.toFixed(1)} engine_worker_gzip_kb=${m.workerKb.toFixed(1)} standalone_lazy_gzip_kb=${m.lazyKb.toFixed(1)}`,
  );
}, 600_000);
