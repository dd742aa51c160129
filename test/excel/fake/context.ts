/**
 * The request context: proxies queue work, nothing happens until `sync()`, and a sync behaves as Excel's
 * does where the adapter depends on it:
 * - a batch runs in order and is not atomic: operations before a failing one stay applied (Excel documents
 *   no atomicity; this is the conservative reading);
 * - in cell-edit mode the whole batch fails with InvalidOperation unless the run asked to wait
 *   ("Excel.RunOptions", https://learn.microsoft.com/javascript/api/excel/excel.runoptions: "if the user is
 *   in cell edit when the batch request is processed by the host, the batch automatically fails"; the code
 *   is the one the behaviour table of https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
 *   gives). With delayForCellEdit the batch waits: here, the user finishes editing first;
 * - on a host with a payload limit (Excel on the web, 5 MB) a request or response above it fails the batch
 *   with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded ("Error handling with the
 *   application-specific JavaScript APIs", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 *   nothing loaded in that batch is delivered.
 * Every sync is counted with the bytes it would send and receive (UTF-8 JSON of what would cross the wire).
 */
import { bytesOf } from "./bytes";
import { FakeRichApiError } from "./errors";
import type { WorkbookModel } from "./model";
import type { FakeObject } from "./base";
import { PROFILES, reports, type HostProfile } from "./profiles";
import type { ServedMembers } from "./served";
import { FakeWorkbook } from "./workbook";

export interface SyncStats {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface Op {
  readonly bytes: number;
  /** writes fail in cell edit mode and on read-only hosts */
  readonly mutates: boolean;
  run(): void;
}

/** Requirement sets a test host claims, e.g. ["1.4", "1.9", "1.13"]; "all" claims every set. */
export type FakeApiLevel = "all" | ReadonlyArray<string>;

export interface FakeHostOptions {
  /** the host profile (default: Office LTSC 2021, the oldest supported host) */
  readonly profile?: HostProfile;
  /** overrides the profile's ExcelApi level (tests of older levels) */
  readonly apiLevel?: FakeApiLevel;
  /** the members the served office.js defines ("Class.member"); "all" when not given */
  readonly served?: ServedMembers | "all";
  /** Excel.run's RunOptions.delayForCellEdit */
  readonly delayForCellEdit?: boolean;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly stats: SyncStats[] = [];
  readonly profile: HostProfile;
  readonly served: ServedMembers | "all";
  readonly apiLevel: FakeApiLevel | null;
  readonly delayForCellEdit: boolean;
  private queue: Op[] = [];
  private pending: FakeObject<unknown>[] = [];
  private loadedNow: FakeObject<unknown>[] = [];
  private responseBytes = 0;
  /** fails the next sync whose batch writes, after applying `afterOps` operations (a dropped connection) */
  failNextWriteAfter: number | null = null;
  /** a host where a method called on a null object fails the sync instead of giving a null object */
  strictNullChains = false;

  constructor(
    readonly model: WorkbookModel,
    levelOrOptions: FakeApiLevel | FakeHostOptions = {},
  ) {
    const opts: FakeHostOptions =
      levelOrOptions === "all" || Array.isArray(levelOrOptions)
        ? { apiLevel: levelOrOptions as FakeApiLevel }
        : (levelOrOptions as FakeHostOptions);
    this.profile = opts.profile ?? PROFILES.ltsc2021;
    this.served = opts.served ?? "all";
    this.apiLevel = opts.apiLevel ?? null;
    this.delayForCellEdit = opts.delayForCellEdit ?? false;
    this.workbook = new FakeWorkbook(this);
  }

  /** Office.context.requirements.isSetSupported("ExcelApi", v) for this fake host. */
  supports = (version: string): boolean => {
    const level = this.apiLevel;
    if (level === null) return reports(this.profile.excelApi, version);
    if (level === "all") return true;
    return level.some((have) => reports(have, version));
  };

  /** isSetSupported for any set (ExcelApi, SharedRuntime, DialogApi …). */
  isSetSupported = (name: string, version = "1.1"): boolean => {
    if (name === "ExcelApi") return this.supports(version);
    const have = this.profile.sets[name];
    return have !== undefined && reports(have, version);
  };

  /** True when the served office.js defines Class.member. */
  hasMember(officeClass: string, member: string): boolean {
    return this.served === "all" || this.served.has(`${officeClass}.${member}`);
  }

  get syncCount(): number {
    return this.stats.length;
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** @internal */
  track(obj: FakeObject<unknown>): void {
    this.pending.push(obj);
  }

  /** @internal */
  countResponse(obj: FakeObject<unknown>, v: unknown): void {
    this.responseBytes += bytesOf(v);
    this.loadedNow.push(obj);
  }

  /** @internal a method the host's ExcelApi level lacks fails like an unsupported API */
  requireApi(version: string, what: string): void {
    if (!this.supports(version))
      throw new FakeRichApiError("ApiNotFound", `${what} needs ExcelApi ${version}, which this host lacks`);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const objs = this.pending;
    this.queue = [];
    this.pending = [];
    this.loadedNow = [];
    this.responseBytes = 0;
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const limit = this.profile.payloadLimit;
    let failure: unknown = null;
    if (ops.length > 0 && this.model.editMode) {
      if (this.delayForCellEdit) {
        this.model.editMode = false;
        this.model.events.push("waited for cell edit");
      } else failure = new FakeRichApiError("InvalidOperation", "The batch failed: a cell is being edited.");
    }
    if (!failure && limit !== null && requestBytes > limit)
      failure = new FakeRichApiError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    const writes = ops.some((op) => op.mutates);
    const failAt = writes ? this.failNextWriteAfter : null;
    if (writes) this.failNextWriteAfter = null;
    let done = 0;
    for (const op of failure ? [] : ops) {
      if (failAt !== null && done >= failAt) {
        failure = new FakeRichApiError("GeneralException", "The connection was lost.");
        break;
      }
      try {
        op.run();
      } catch (e) {
        failure = e;
        break;
      }
      done++;
    }
    if (!failure && limit !== null && this.responseBytes > limit) {
      failure = new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${this.responseBytes} bytes`,
      );
      for (const o of this.loadedNow) o.discard();
    }
    for (const o of objs) o.settle();
    this.stats.push({ requestBytes, responseBytes: this.responseBytes, operations: ops.length });
    await Promise.resolve();
    if (failure) throw failure;
  }

  /** The largest request or response of any sync so far, in bytes. */
  maxPayloadBytes(): number {
    return this.stats.reduce((m, s) => Math.max(m, s.requestBytes, s.responseBytes), 0);
  }
}
