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
    settingsLeaked: string[];
    settingsChunkCarries: boolean;
  };
};

test(`Excel モードの初期 JavaScript は gzip で ${BUDGET_KB} KB 以下、xlsx アダプタと判定は遅延チャンクと Worker に、保存設定の検査は設定チャンクにだけある`, () => {
  const m = measure();
  expect(m.leaked).toEqual([]);
  // The markers are real: the lazy chunk has them, so their absence from the initial scripts means something.
  expect(m.lazyCarriesXlsx).toBe(true);
  expect(m.initialKb).toBeLessThanOrEqual(BUDGET_KB);
  // The core's evaluation runs in the engine's Web Worker (or a lazy chunk): not in the first chunk.
  expect(m.evaluationLeaked).toEqual([]);
  expect(m.workerCarriesEvaluation).toBe(true);
  // The saved settings' checks (zod) load with their own chunk, when a workbook has saved settings.
  expect(m.settingsChunkCarries).toBe(true);
  expect(m.settingsLeaked).toEqual([]);
  console.log(
    `size taskpane_initial_gzip_kb=${m.initialKb.toFixed(1)} engine_worker_gzip_kb=${m.workerKb.toFixed(1)} standalone_lazy_gzip_kb=${m.lazyKb.toFixed(1)}`,
  );
}, 600_000);
