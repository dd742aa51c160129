// The Excel host's glue over the src/excel adapter (mocked here; the adapter has its own Office.js tests):
// failures become ja/en errors for the pane, never a silent success.
import type { Evaluation } from "../../src/core/model";
import { sampleEvaluation } from "./evaluation";

jest.mock("../../src/excel", () => ({
  validateInExcel: jest.fn(),
  applyWrites: jest.fn(),
  revertLastApply: jest.fn(),
  selectCell: jest.fn(),
  loadWorkbookSettings: jest.fn(),
  saveMappingOverrides: jest.fn(),
  describeExcelError: jest.fn((e: unknown) => ({
    code: "x",
    message: { ja: `失敗: ${String(e)}`, en: `failed: ${String(e)}` },
  })),
}));
jest.mock("../../src/core", () => ({ evaluateWorkbook: jest.fn() }));

const excel = jest.requireMock("../../src/excel") as Record<string, jest.Mock>;
const core = jest.requireMock("../../src/core") as Record<string, jest.Mock>;
import { createExcelHost, ExcelHostError } from "../../src/taskpane/hosts/excel";

const context = { marker: "context" };
beforeEach(() => {
  jest.clearAllMocks();
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context),
  };
});

function read(evaluation: Evaluation, overrides = {}) {
  return {
    read: {
      snapshots: [{ name: "戦略(1)", origin: { row: 0, col: 0 } }],
      settings: { overrides, profile: null, profileJson: null, problems: [] },
      evaluation,
    },
    highlight: { error: null },
  };
}

test("検証: 保存済みの対応と同じならそのまま、違えば渡された対応で評価し直す", async () => {
  const saved = sampleEvaluation();
  const other = { ...sampleEvaluation(), findings: [] };
  excel.validateInExcel!.mockResolvedValue(read(saved, { 戦略: { kind: "other" } }));
  core.evaluateWorkbook!.mockReturnValue(other);
  const host = createExcelHost("ja");
  const same = await host.check({ 戦略: { kind: "other" } });
  expect(same.evaluation).toBe(saved);
  expect(same.origins).toEqual({ "戦略(1)": { row: 0, col: 0 } });
  const changed = await host.check({});
  expect(changed.evaluation).toBe(other);
  expect(core.evaluateWorkbook).toHaveBeenCalledWith(expect.any(Array), { overrides: {} });
});

test("検証: 色付けできなかったことは知らせに出る", async () => {
  const r = read(sampleEvaluation());
  excel.validateInExcel!.mockResolvedValue({
    ...r,
    highlight: { error: { code: "x", message: { ja: "色付け不可", en: "no fill" } } },
  });
  await expect(createExcelHost("ja").check({})).resolves.toMatchObject({
    notices: [{ ja: "色付け不可", en: "no fill" }],
  });
});

test("書き込み: アダプターの失敗は ja/en の ExcelHostError", async () => {
  excel.applyWrites!.mockResolvedValue({
    written: [],
    conflicts: [],
    notWritten: [],
    error: { code: "protected", message: { ja: "シートが保護されています", en: "protected" } },
  });
  const err = await createExcelHost("ja")
    .apply([], () => undefined)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelHostError);
  expect((err as ExcelHostError).messages.ja).toBe("シートが保護されています");
});

test("書き込み: 書いた数と、読み込み後に変わっていた数", async () => {
  excel.applyWrites!.mockResolvedValue({ written: [1, 2], conflicts: [1], notWritten: [1], error: null });
  const progress: Array<[number, number]> = [];
  const r = await createExcelHost("ja").apply([], (d, t) => progress.push([d, t]));
  expect(r).toEqual({ written: 2, changed: 2 });
  expect(progress[0]).toEqual([0, 0]);
});

test("Office の例外は describeExcelError の文言になる", async () => {
  excel.selectCell!.mockRejectedValue("InvalidArgument");
  const err = await createExcelHost("ja")
    .selectCell("戦略(1)", "A1")
    .catch((e: unknown) => e);
  expect((err as ExcelHostError).messages).toEqual({
    ja: "失敗: InvalidArgument",
    en: "failed: InvalidArgument",
  });
});

test("元に戻す: 戻した数と、変更されていて戻さなかった数", async () => {
  excel.revertLastApply!.mockResolvedValue({
    restored: [1, 2, 3],
    conflicts: [1],
    lateConflicts: [],
    error: null,
  });
  await expect(createExcelHost("ja").revert()).resolves.toEqual({ restored: 3, skipped: 1 });
});
