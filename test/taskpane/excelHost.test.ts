import type { ExcelContext } from "../../src/excel/office";
// The Excel host of the task pane: the use cases (src/app) over the Excel port, run here against the strict
// fake Excel (test/excel/fake-excel.ts) — the real adapter, the real use cases. Failures become ja/en errors
// for the pane (PortError.messages), never a silent success.
import { PortError } from "../../src/app";
import { CHANGE_LOG_SHEET, writesFromPlan } from "../../src/core";
import { createLocalEngine } from "../../src/taskpane/engine/local";
import { createExcelHost } from "../../src/taskpane/hosts/excel";
import { asExcel, FakeContext } from "../excel/fake-excel";
import { fakeHost, HOSTS } from "../excel/fake/host";
import { modelFromSnapshots } from "../excel/workbooks";
import { fixtureSnapshots } from "../helpers/fixtures";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

/** The engine's evaluate in this thread (no worker under jest). */
const evaluateHere = createLocalEngine().evaluate;

describe.each(HOSTS)("on %s", (profile) => {
  let ctx: FakeContext;
  beforeEach(() => {
    ctx = fakeHost(modelFromSnapshots(fixtureSnapshots("hirano-fy2016")), profile);
    (globalThis as unknown as { Excel: unknown }).Excel = {
      run: <T>(batch: (c: ExcelContext) => Promise<T>) => batch(asExcel(ctx)),
    };
  });

  test("検証: 渡された対応で評価し、所見を色付けし、シートの原点を返す", async () => {
    const host = createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports);
    const r = await host.check({});
    expect(r.evaluation.findings.length).toBeGreaterThan(0);
    expect(Object.keys(r.origins)).toEqual(ctx.model.sheets.map((s) => s.name));
    expect(ctx.model.sheets.some((s) => s.cfs.length > 0)).toBe(true);
    const strategy = r.evaluation.layouts.find((l) => l.kind === "strategy")?.sheet ?? "";
    const other = await host.check({ [strategy]: { kind: "other" } });
    expect(other.evaluation.layouts.find((l) => l.sheet === strategy)?.kind).toBe("other");
  });

  test("検証: 使えない保存済み設定は知らせに出る", async () => {
    ctx.model.settings.set("kusei.mappingOverrides", "{not json");
    const r = await createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports).check({});
    expect(r.notices?.[0]?.ja).toContain("列の対応設定");
  });

  test("書き込み: 書いた数と、読み込み後に変わっていた数; 元に戻すと戻した数", async () => {
    const host = createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports);
    const { evaluation } = await host.check({});
    const writes = writesFromPlan(evaluation.plan, { overwriteConflicts: false });
    expect(writes.length).toBeGreaterThan(1);
    const [first] = writes;
    if (first) ctx.model.userEdit(first.sheet, first.cell, "共同編集者");
    const progress: Array<[number, number]> = [];
    const r = await host.apply(writes, (d, t) => progress.push([d, t]));
    expect(r).toEqual({ written: writes.length - 1, changed: 1 });
    expect(progress[0]).toEqual([0, 0]);
    expect(ctx.model.sheet(CHANGE_LOG_SHEET)).toBeDefined();
    await expect(host.revert()).resolves.toEqual({ restored: writes.length - 1, skipped: 0 });
  });

  test("書き込み: 書き込みの失敗は ja/en の PortError", async () => {
    const host = createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports);
    const { evaluation } = await host.check({});
    ctx.model.editMode = true;
    const err = await host
      .apply(writesFromPlan(evaluation.plan, { overwriteConflicts: false }), () => undefined)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).messages.ja).not.toBe("");
    expect((err as PortError).messages.en).not.toBe("");
  });

  test("Office の例外は describeExcelError の文言になる", async () => {
    const err = await createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports)
      .selectCell("無いシート", "A1")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).messages.ja).not.toBe("");
  });

  test("検証: 評価はエンジン(Web Worker)で、読み取りは Office.js のまま。段階を順に知らせる", async () => {
    const inThread = await createExcelHost("ja", evaluateHere, eagerSettingsParser, ctx.supports).check({});
    const local = createLocalEngine();
    const evaluated: string[] = [];
    const engine = {
      ...local,
      evaluate: (...args: Parameters<typeof local.evaluate>) => {
        evaluated.push(args[2]);
        return local.evaluate(...args);
      },
    };
    const phases: string[] = [];
    const r = await createExcelHost("ja", engine.evaluate, eagerSettingsParser, ctx.supports).check({}, (p) =>
      phases.push(p),
    );
    expect(evaluated).toEqual([CHANGE_LOG_SHEET]);
    expect(phases).toEqual(["reading", "evaluating"]);
    expect(r.evaluation).toEqual(inThread.evaluation);
    // the findings are still drawn on the cells, on the page's thread
    expect(ctx.model.sheets.some((s) => s.cfs.length > 0)).toBe(true);
  });
});
