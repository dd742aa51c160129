import type { Evaluation } from "../../core";
import type { Engine, PhaseListener } from "./engine";
import { EngineError, type Call, type FromWorker, type Results, type ToWorker } from "./protocol";
import { joinEvaluation, splitRead, type EvaluationPart } from "./transfer";

/** The page's side of the worker: what remote.ts needs of a Worker (a MessagePort in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  terminate(): void;
}

interface Pending {
  readonly resolve: (answer: { result: unknown; evaluation: Evaluation | null }) => void;
  readonly reject: (error: unknown) => void;
  readonly onPhase: PhaseListener;
  readonly parts: EvaluationPart[];
}

/** The worker stopped (crashed or ran out of memory): no answer will come. */
const WORKER_LOST = {
  name: "EngineError",
  message: "kusei: the background worker stopped",
  messages: {
    ja: "バックグラウンドの処理が止まりました。もう一度お試しください(ブラウザーで開いたファイルは、開き直してください)。",
    en: "The background processing stopped. Try again (a file opened in the browser: open it again).",
  },
};

/** Lets the page paint between the parts of a big message it sends. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The engine in a worker that has said it is ready (connect.ts): every call a message, answered by serve.ts. */
export function remoteEngine(worker: WorkerLike): Engine {
  const pending = new Map<number, Pending>();
  let next = 1;
  let lost = false;

  worker.addEventListener("message", (event) => {
    const msg = event.data as FromWorker;
    if (!("id" in msg)) return;
    const p = pending.get(msg.id);
    if (!p) return;
    if ("phase" in msg) p.onPhase(msg.phase);
    else if ("part" in msg) {
      if (p.parts.length === 0) p.onPhase("receiving");
      p.parts.push(msg.part);
      worker.postMessage({ id: msg.id, ack: p.parts.length - 1 });
    } else {
      pending.delete(msg.id);
      if ("error" in msg) p.reject(new EngineError(msg.error));
      else p.resolve({ result: msg.result, evaluation: p.parts.length > 0 ? joinEvaluation(p.parts) : null });
    }
  });
  worker.addEventListener("error", () => {
    lost = true;
    for (const p of pending.values()) p.reject(new EngineError(WORKER_LOST));
    pending.clear();
  });

  const call = async <O extends Call["op"]>(
    c: Extract<Call, { op: O }>,
    onPhase: PhaseListener = () => undefined,
    before?: (id: number) => Promise<void>,
  ): Promise<{ result: Results[O]; evaluation: Evaluation | null }> => {
    if (lost) throw new EngineError(WORKER_LOST);
    const id = next++;
    const answer = new Promise<{ result: unknown; evaluation: Evaluation | null }>((resolve, reject) =>
      pending.set(id, { resolve, reject, onPhase, parts: [] }),
    );
    await before?.(id);
    worker.postMessage({ id, call: c });
    const a = await answer;
    return { result: a.result as Results[O], evaluation: a.evaluation };
  };

  const withEvaluation = (e: Evaluation | null): Evaluation => {
    if (!e) throw new Error("kusei: the worker answered without an evaluation");
    return e;
  };

  return {
    stopped: () => lost,
    async open(file, onPhase) {
      return (await call({ op: "open", file }, onPhase)).result;
    },
    async check(overrides, onPhase) {
      const a = await call({ op: "check", overrides }, onPhase);
      return { evaluation: withEvaluation(a.evaluation), origins: a.result.origins };
    },
    async apply(writes) {
      return (await call({ op: "apply", writes })).result;
    },
    async revert(overrides) {
      return (await call({ op: "revert", overrides })).result;
    },
    async cellValue(sheet, cell) {
      return (await call({ op: "cell", sheet, cell })).result;
    },
    async save() {
      return (await call({ op: "save" })).result;
    },
    async openPrevious(file, onPhase) {
      const { result } = await call({ op: "previous", file }, onPhase);
      if (!result) throw new Error("kusei: the worker answered without last year's workbook");
      return result;
    },
    async closePrevious() {
      await call({ op: "previous", file: null });
    },
    async evaluate(read, choice, logSheet, onPhase) {
      // the choice as data: a timer (a function) measures only an evaluation in the page's own thread
      const data = {
        ...(choice.profile ? { profile: choice.profile } : {}),
        ...(choice.overrides ? { overrides: choice.overrides } : {}),
      };
      const a = await call({ op: "evaluate", choice: data, logSheet }, onPhase, async (id) => {
        // Each part is cloned when posted, on this thread: a pause between them keeps the page painting.
        for (const readPart of splitRead(read)) {
          worker.postMessage({ id, readPart });
          await nextTask();
        }
      });
      return withEvaluation(a.evaluation);
    },
  };
}
