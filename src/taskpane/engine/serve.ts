import type { Engine } from "./engine";
import { toWire, type Call, type FromWorker, type Results, type ToWorker } from "./protocol";
import { joinRead, splitEvaluation, type EvaluationPart, type ReadPart } from "./transfer";

/** The side of a message channel the worker talks on (its global scope; a MessagePort in tests). */
export interface MessageScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { readonly data: unknown }) => void): void;
}

/**
 * Answers the page's calls with `engine` (in the worker: the local engine, which then runs off the page's
 * thread). Calls run one at a time in the order they came, as the engine expects; a failure is answered
 * as an error and the next call still runs.
 */
export function serveEngine(scope: MessageScope, engine: Engine): void {
  const reads = new Map<number, ReadPart[]>();
  /** per call: resolves when the page acknowledges the part in flight */
  const acks = new Map<number, () => void>();
  let queue: Promise<void> = Promise.resolve();

  /** Sends the parts one by one, each after the page has taken in the one before. */
  const sendParts = async (id: number, parts: ReadonlyArray<EvaluationPart>): Promise<void> => {
    for (const part of parts) {
      const taken = new Promise<void>((resolve) => acks.set(id, resolve));
      scope.postMessage({ id, part });
      await taken;
    }
    acks.delete(id);
  };

  const answer = async (id: number, call: Call): Promise<void> => {
    const post = (m: FromWorker, transfer?: Transferable[]) => scope.postMessage(m, transfer);
    const phase = (p: Parameters<Parameters<Engine["open"]>[1]>[0]) => post({ id, phase: p });
    const done = <O extends Call["op"]>(result: Results[O], transfer?: Transferable[]) =>
      post({ id, result }, transfer);
    try {
      switch (call.op) {
        case "open":
          return done<"open">(await engine.open(call.file, phase));
        case "check": {
          const r = await engine.check(call.overrides, phase);
          await sendParts(id, splitEvaluation(r.evaluation));
          return done<"check">({ origins: r.origins });
        }
        case "apply":
          return done<"apply">(await engine.apply(call.writes));
        case "revert":
          return done<"revert">(await engine.revert(call.overrides));
        case "cell":
          return done<"cell">(await engine.cellValue(call.sheet, call.cell));
        case "save": {
          // A copy, moved rather than cloned: the engine may hand out the very bytes it keeps (nothing
          // changed), and moving those would empty them here.
          const bytes = (await engine.save()).slice();
          return done<"save">(bytes, [bytes.buffer]);
        }
        case "previous":
          if (call.file === null) {
            await engine.closePrevious();
            return done<"previous">(null);
          }
          return done<"previous">(await engine.openPrevious(call.file, phase));
        case "evaluate": {
          const read = joinRead(reads.get(id) ?? []);
          reads.delete(id);
          const evaluation = await engine.evaluate(read, call.choice, call.logSheet, phase);
          await sendParts(id, splitEvaluation(evaluation));
          return done<"evaluate">(null);
        }
      }
    } catch (e) {
      post({ id, error: toWire(e) });
    }
  };

  scope.addEventListener("message", (event) => {
    const msg = event.data as ToWorker;
    if ("ack" in msg) {
      acks.get(msg.id)?.();
      return;
    }
    if ("readPart" in msg) {
      const parts = reads.get(msg.id) ?? [];
      parts.push(msg.readPart);
      reads.set(msg.id, parts);
      return;
    }
    queue = queue.then(() => answer(msg.id, msg.call));
  });
  scope.postMessage({ ready: true });
}
