import type { SheetSnapshot } from "../core";
import { budgetOf, type ReadBudget } from "./budget";
import { XlsxWorkbookHandle } from "./handle";
import { readSnapshots } from "./read-snapshots";
import type { ZipCodec } from "./zip/types";

export interface ReadWorkbookOptions {
  /** limit on the workbook's uncompressed size in bytes (default 100 MB) */
  readonly maxUncompressedBytes?: number;
  /** the other read budgets (cells, merges, ranges, names, parts, time); unset ones take the defaults */
  readonly budget?: Partial<ReadBudget>;
  /** raw deflate to use instead of fflate (the CLI passes Node's zlib: src/cli/zlib-codec.ts) */
  readonly codec?: ZipCodec;
}

export interface ReadWorkbookResult {
  readonly snapshots: SheetSnapshot[];
  readonly workbook: XlsxWorkbookHandle;
}

/** Bytes as a Uint8Array view without copying. */
export function asBytes(source: ArrayBuffer | Uint8Array): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/**
 * Reads an .xlsx workbook (bytes, no file system) into one snapshot per worksheet, in workbook order, with
 * the bounded streaming reader (read-snapshots.ts) under one budget. The handle is the package itself (the
 * archive, its parts and, after applyWrites, the pending cell patches): a save patches only the cells
 * written and carries every other entry as stored (handle.ts), so no second model of the workbook is built.
 * Bad input (empty, encrypted, not a zip, truncated, not a workbook, over a budget, unparseable) rejects
 * with a WorkbookReadError.
 */
export function readWorkbook(
  source: ArrayBuffer | Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<ReadWorkbookResult> {
  try {
    const bytes = asBytes(source);
    const budget = budgetOf({
      ...opts.budget,
      ...(opts.maxUncompressedBytes === undefined ? {} : { maxUncompressedBytes: opts.maxUncompressedBytes }),
    });
    const { snapshots, pkg, unlockedFormats } = readSnapshots(bytes, budget, opts.codec ?? null);
    // the time budget bounds the read; a save minutes later (a task pane left open) must not trip it
    pkg.meter.finishReading();
    return Promise.resolve({
      snapshots,
      workbook: new XlsxWorkbookHandle(bytes, pkg.zip, pkg.parts, unlockedFormats),
    });
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
