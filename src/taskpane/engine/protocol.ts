import type { EvaluateChoice } from "../../app";
import type { CellValue, CellWrite, GridPos, LocalizedText, MappingOverrides } from "../../core";
import type { ApplyResult, RevertResult } from "../host";
import type { OpenedFile, Phase, PreviousOpened } from "./engine";
import type { EvaluationPart, ReadPart } from "./transfer";

// The messages between the page (remote.ts) and the worker (serve.ts). A call is a request id, the parts
// of its big argument first (a read), then the call; the answer is the phases, the parts of its big
// result (an evaluation), then the result or the error. The worker sends a part only once the page has
// acknowledged the one before: sent all at once, they queued up on the page and ran back to back, and
// (npm run bench:pane, 20,000 rows) the page painted only every 130–600 ms while they did.

/** What the page asks the worker; each is an Engine method. */
export type Call =
  | { readonly op: "open"; readonly file: Blob }
  | { readonly op: "check"; readonly overrides: MappingOverrides }
  | { readonly op: "apply"; readonly writes: ReadonlyArray<CellWrite> }
  | { readonly op: "revert"; readonly overrides: MappingOverrides }
  | { readonly op: "cell"; readonly sheet: string; readonly cell: string }
  | { readonly op: "save" }
  /** last year's workbook to compare with, or null to stop comparing */
  | { readonly op: "previous"; readonly file: Blob | null }
  /** the read came before, as ReadPart messages of the same id */
  | { readonly op: "evaluate"; readonly choice: EvaluateChoice; readonly logSheet: string };

/** What each call answers besides the evaluation parts (check and evaluate send one). */
export interface Results {
  readonly open: OpenedFile;
  readonly check: { readonly origins: Readonly<Record<string, GridPos>> };
  readonly apply: ApplyResult;
  readonly revert: RevertResult;
  readonly cell: CellValue;
  readonly save: Uint8Array;
  readonly previous: PreviousOpened | null;
  readonly evaluate: null;
}

export type ToWorker =
  | { readonly id: number; readonly readPart: ReadPart }
  | { readonly id: number; readonly call: Call }
  /** the page has taken in the answer's part number `ack` (0-based): the worker sends the next one */
  | { readonly id: number; readonly ack: number };

export type FromWorker =
  /** the worker's code has loaded and it takes calls */
  | { readonly ready: true }
  | { readonly id: number; readonly phase: Phase }
  | { readonly id: number; readonly part: EvaluationPart }
  | { readonly id: number; readonly result: Results[Call["op"]] }
  | { readonly id: number; readonly error: WireError };

/** A thrown value as it can cross to the page: its message and the ja/en text adapters' errors carry. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly messages?: LocalizedText;
}

function isText(v: unknown): v is LocalizedText {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { ja?: unknown }).ja === "string" &&
    typeof (v as { en?: unknown }).en === "string"
  );
}

/** The thrown value, for the wire (an Error's class does not survive a structured clone; its text does). */
export function toWire(e: unknown): WireError {
  const o = typeof e === "object" && e !== null ? (e as Record<string, unknown>) : {};
  const messages = o.messages;
  const code = o.code;
  return {
    name: typeof o.name === "string" ? o.name : "Error",
    message: e instanceof Error ? e.message : String(e),
    ...(typeof code === "string" ? { code } : {}),
    ...(isText(messages) ? { messages } : {}),
  };
}

/** An error on the page carrying what the worker's error said (describeError reads `messages`). */
export class EngineError extends Error {
  readonly code: string | undefined;
  readonly messages: LocalizedText | undefined;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
    this.messages = wire.messages;
  }
}
