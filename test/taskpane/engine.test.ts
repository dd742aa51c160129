// The browser pane's engine: the same calls answered in a Web Worker (serve.ts ⇄ remote.ts, here over a
// real MessageChannel: every value goes through a structured clone as it would between the page and the
// worker) and in the page's own thread (local.ts, where no worker starts). Both give the same results.
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { evaluateRead, withPreviousYear } from "../../src/app";
import { openXlsxPort } from "../../src/app/xlsx-port";
import { CHANGE_LOG_SHEET, DEFAULT_PROFILE, writesFromPlan, type Evaluation } from "../../src/core";
import { connectEngine, engineOnDemand } from "../../src/taskpane/engine/connect";
import type { Engine, Phase } from "../../src/taskpane/engine/engine";
import { createLocalEngine } from "../../src/taskpane/engine/local";
import { remoteEngine, type WorkerLike } from "../../src/taskpane/engine/remote";
import { serveEngine, type MessageScope } from "../../src/taskpane/engine/serve";
import { joinEvaluation, joinRead, splitEvaluation, splitRead } from "../../src/taskpane/engine/transfer";
import { fixturePath } from "../helpers/fixtures";
import { editedWorkbook } from "../helpers/edit-xlsx";

const XLSX = readFileSync(fixturePath("hirano-fy2016"));
const file = (bytes: Uint8Array = XLSX, name = "hirano.xlsx") => new File([bytes as BlobPart], name);

/** A worker in this process: serve.ts on one end of a MessageChannel, the page's end returned. */
function channelWorker(engine: Engine = createLocalEngine()): WorkerLike & { close(): void } {
  const { port1, port2 } = new MessageChannel();
  serveEngine(port2 as unknown as MessageScope, engine);
  port2.start();
  port1.start();
  return {
    postMessage: (m, transfer) => port1.postMessage(m, transfer ?? []),
    addEventListener: (type: string, listener: (e: never) => void) =>
      port1.addEventListener(type as "message", listener as never),
    terminate: () => port1.close(),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function connected(): Promise<Engine> {
  const worker = channelWorker();
  open.push(worker);
  const c = await connectEngine(
    () => worker,
    () => Promise.resolve(createLocalEngine()),
  );
  expect(c.where).toBe("worker");
  return c.engine;
}

describe("transfer: a big value crosses in parts and comes back the same", () => {
  let evaluation: Evaluation;
  beforeAll(async () => {
    const port = await openXlsxPort(new Uint8Array(XLSX));
    evaluation = evaluateRead(await port.read(), {});
  });

  test("an evaluation, split and joined, equals the original, and an initiative's record is again the record itself", () => {
    const parts = splitEvaluation(evaluation, 7);
    expect(parts.length).toBeGreaterThan(6);
    const cloned = joinEvaluation(parts.map((p) => structuredClone(p)));
    expect(cloned).toEqual(evaluation);
    const first = cloned.initiatives[0];
    expect(first).toBeDefined();
    expect(cloned.records).toContain(first?.record);
    // each record is sent once, not once more per initiative or strategy that holds it
    const sentRecords = parts.flatMap((p) => ("list" in p && p.list === "initiatives" ? p.items : []));
    expect(sentRecords.every((d) => (d as { record: unknown }).record === null)).toBe(true);
  });

  test("parts arriving in another order still join", () => {
    const parts = splitEvaluation(evaluation, 5);
    expect(joinEvaluation([...parts].reverse())).toEqual(evaluation);
  });

  test("a read, split by cells and joined, equals the original", async () => {
    const read = await (await openXlsxPort(new Uint8Array(XLSX))).read();
    const parts = splitRead(read, 200);
    expect(parts.length).toBeGreaterThan(read.snapshots.length + 1);
    expect(joinRead(parts.map((p) => structuredClone(p)))).toEqual(read);
  });
});

describe("the engine in a worker answers as the engine in the page does", () => {
  test("open → check: the same evaluation, with the phases in order", async () => {
    const local = createLocalEngine();
    await local.open(file(), () => undefined);
    const here = await local.check({}, () => undefined);

    const engine = await connected();
    const phases: Phase[] = [];
    await expect(engine.open(file(), (p) => phases.push(p))).resolves.toEqual({ readOnly: null });
    const there = await engine.check({}, (p) => phases.push(p));
    expect(there.evaluation).toEqual(here.evaluation);
    expect(there.origins).toEqual(here.origins);
    expect(phases).toEqual(["reading", "reading", "evaluating", "receiving"]);
  });

  test("apply → cell → save → revert", async () => {
    const engine = await connected();
    await engine.open(file(), () => undefined);
    const { evaluation } = await engine.check({}, () => undefined);
    const writes = writesFromPlan(evaluation.plan, { overwriteConflicts: false });
    const first = writes[0];
    if (!first) throw new Error("the sample plans writes");
    const applied = await engine.apply(writes);
    expect(applied).toEqual({ written: writes.length, changed: 0 });
    await expect(engine.cellValue(first.sheet, first.cell)).resolves.toBe(first.value);
    const saved = await engine.save();
    const reread = await (await openXlsxPort(saved)).read();
    expect(reread.snapshots.map((s) => s.name)).toContain(CHANGE_LOG_SHEET);
    // the engine keeps its own bytes after handing a copy over
    expect((await engine.save()).length).toBe(saved.length);
    await expect(engine.revert({})).resolves.toEqual({ restored: writes.length });
  });

  test("a refused file fails with the reader's ja/en text, as in the page", async () => {
    const bad = file(new TextEncoder().encode("not a zip"), "bad.xlsx");
    const local = await createLocalEngine()
      .open(bad, () => undefined)
      .catch((e: unknown) => e);
    const engine = await connected();
    const remote = await engine.open(bad, () => undefined).catch((e: unknown) => e);
    expect((remote as { messages: unknown }).messages).toEqual((local as { messages: unknown }).messages);
    expect((remote as { messages: { ja: string } }).messages.ja).toMatch(/[ぁ-ん]/);
    // and the worker takes the next call
    await expect(engine.open(file(), () => undefined)).resolves.toEqual({ readOnly: null });
  });

  test("a signed workbook opens read-only, with the reason", async () => {
    const zip = await JSZip.loadAsync(XLSX);
    zip.file("_xmlsignatures/sig1.xml", "<Signature/>");
    const signed = await zip.generateAsync({ type: "uint8array" });
    const engine = await connected();
    const { readOnly } = await engine.open(file(signed), () => undefined);
    expect(readOnly?.ja).toMatch(/デジタル署名/);
    expect(readOnly?.en).toMatch(/cannot be written/);
  });

  test("evaluate: a read taken elsewhere (Excel) is evaluated in the worker, the same as here", async () => {
    const read = await (await openXlsxPort(new Uint8Array(XLSX))).read();
    const engine = await connected();
    const phases: Phase[] = [];
    const there = await engine.evaluate(read, {}, CHANGE_LOG_SHEET, (p) => phases.push(p));
    expect(there).toEqual(evaluateRead(read, {}, CHANGE_LOG_SHEET));
    expect(phases).toEqual(["evaluating", "receiving"]);
  });
});

describe("前年度のブックと比較: last year's workbook read in the engine, its history.* findings added", () => {
  let last: Uint8Array;
  beforeAll(async () => {
    // last year: the sample titled 平成27年度, 格付結果 3.4 (this year's 前年度までの実績 says 3.3), as in
    // test/cli/previous.test.ts
    last = new Uint8Array(
      await editedWorkbook(fixturePath("hirano-fy2016"), {
        "*!E2": "平成27年度",
        "取組(2)!J14": "窓口サービス満足度:93%",
        "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4",
      }),
    );
  });
  const history = (e: Evaluation) => e.findings.filter((f) => f.code.startsWith("history."));

  test("in the worker: the year, then check adds what the CLI's --previous adds; the plan is unchanged; removed again", async () => {
    const engine = await connected();
    await engine.open(file(), () => undefined);
    const alone = await engine.check({}, () => undefined);
    expect(history(alone.evaluation)).toEqual([]);
    const phases: Phase[] = [];
    await expect(engine.openPrevious(file(last, "h27.xlsx"), (p) => phases.push(p))).resolves.toEqual({
      year: 2015,
      ward: "平野区",
    });
    expect(phases).toEqual(["reading", "evaluating"]);
    const compared = await engine.check({}, () => undefined);
    const figure = history(compared.evaluation).filter((f) => f.code === "history.figure-differs");
    expect(figure.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["取組(2)!H24"]);
    expect(figure[0]?.message.ja).toContain("3.4");
    // the same findings as withPreviousYear over the two evaluations in this thread (what the CLI calls)
    const prevEv = evaluateRead(await (await openXlsxPort(last)).read(), {});
    const here = evaluateRead(await (await openXlsxPort(new Uint8Array(XLSX))).read(), {});
    expect(compared.evaluation.findings).toEqual(
      withPreviousYear(here, prevEv, DEFAULT_PROFILE).evaluation.findings,
    );
    // only findings were added: marks and plan as before
    expect(compared.evaluation.plan).toEqual(alone.evaluation.plan);
    expect(compared.evaluation.initiatives).toEqual(alone.evaluation.initiatives);
    await engine.closePrevious();
    expect(history((await engine.check({}, () => undefined)).evaluation)).toEqual([]);
  });

  test("evaluate (Excel's reads) adds them too", async () => {
    const engine = await connected();
    await engine.openPrevious(file(last, "h27.xlsx"), () => undefined);
    const read = await (await openXlsxPort(new Uint8Array(XLSX))).read();
    const there = await engine.evaluate(read, {}, CHANGE_LOG_SHEET, () => undefined);
    expect(history(there).map((f) => f.code)).toContain("history.figure-differs");
  });

  test("in the worker: 前年度以上 with no previous figure in the sheet takes last year's 3.4 (check and evaluate)", async () => {
    const relative = new Uint8Array(
      await editedWorkbook(fixturePath("hirano-fy2016"), {
        "取組(2)!F24": "来庁者等に対する窓口サービス格付結果:前年度以上",
        "取組(2)!H24": "",
      }),
    );
    const row24 = (e: Evaluation) => e.initiatives.find((d) => d.record.id === "取組(2)!24");
    const engine = await connected();
    await engine.open(file(relative), () => undefined);
    expect(row24((await engine.check({}, () => undefined)).evaluation)?.achievement).toBeNull();
    await engine.openPrevious(file(last, "h27.xlsx"), () => undefined);
    const checked = row24((await engine.check({}, () => undefined)).evaluation);
    expect(checked?.achievement).toBe("missed");
    expect(checked?.reason.ja).toContain("前年度のブックの実績 3.4");
    const read = await (await openXlsxPort(relative)).read();
    const there = await engine.evaluate(read, {}, CHANGE_LOG_SHEET, () => undefined);
    expect(row24(there)?.achievement).toBe("missed");
  });

  test("a file that cannot be read fails with the reader's ja/en text and keeps the comparison as it was", async () => {
    const engine = await connected();
    await engine.open(file(), () => undefined);
    await engine.openPrevious(file(last, "h27.xlsx"), () => undefined);
    const bad = file(new TextEncoder().encode("not a zip"), "bad.xlsx");
    const e = await engine.openPrevious(bad, () => undefined).catch((x: unknown) => x);
    expect((e as { messages: { ja: string } }).messages.ja).toMatch(/[ぁ-ん]/);
    const after = await engine.check({}, () => undefined);
    expect(history(after.evaluation).map((f) => f.code)).toContain("history.figure-differs");
  });
});

describe("connectEngine: the worker when it starts, else the page's own engine", () => {
  const local = () => Promise.resolve(createLocalEngine());

  test("no Worker in this web view", async () => {
    await expect(connectEngine(null, local)).resolves.toMatchObject({ where: "no-worker" });
  });

  test("the worker cannot be constructed (file://, CSP)", async () => {
    const spawn = () => {
      throw new Error("SecurityError: Failed to construct 'Worker'");
    };
    await expect(connectEngine(spawn, local)).resolves.toMatchObject({ where: "spawn-failed" });
  });

  test("the worker's script fails to load", async () => {
    let onError: (() => void) | null = null;
    let terminated = false;
    const worker: WorkerLike = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === "error") onError = () => listener(undefined as never);
      },
      terminate: () => {
        terminated = true;
      },
    };
    const c = connectEngine(() => worker, local);
    await Promise.resolve();
    (onError as (() => void) | null)?.();
    await expect(c).resolves.toMatchObject({ where: "worker-failed" });
    expect(terminated).toBe(true);
  });

  test("the worker never says it is ready", async () => {
    const worker: WorkerLike = {
      postMessage: () => undefined,
      addEventListener: () => undefined,
      terminate: () => undefined,
    };
    await expect(connectEngine(() => worker, local, 10)).resolves.toMatchObject({ where: "timeout" });
  });

  test("a worker that stops fails the calls in flight with a reason, and the next ones too", async () => {
    let onError: (() => void) | null = null;
    const worker: WorkerLike = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === "error") onError = () => listener(undefined as never);
      },
      terminate: () => undefined,
    };
    const engine = remoteEngine(worker);
    const pending = engine.save();
    await Promise.resolve();
    (onError as (() => void) | null)?.();
    await expect(pending).rejects.toMatchObject({ messages: { ja: expect.stringMatching(/止まりました/) } });
    await expect(engine.save()).rejects.toMatchObject({
      messages: { ja: expect.stringMatching(/止まりました/) },
    });
  });
});

test("engineOnDemand: one engine for the page, and a new one once its worker has stopped", async () => {
  let stopped = false;
  let connects = 0;
  const on = engineOnDemand(async () => {
    connects += 1;
    return { engine: { ...createLocalEngine(), stopped: () => stopped }, where: "worker" };
  });
  const a = await on();
  expect(await on()).toBe(a);
  expect(connects).toBe(1);
  stopped = true;
  const b = await on();
  expect(b).not.toBe(a);
  expect(connects).toBe(2);
});
