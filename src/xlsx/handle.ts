import type { PhaseTimer } from "../core";
import { WorkbookReadError } from "./errors";
import { XlsxDocument } from "./patch/document";
import type { WorkbookParts, ZipArchive } from "./zip/types";

/**
 * What a surgical save cannot keep safely: a digital signature (XML-DSig over the parts, _xmlsignatures/)
 * covers the very bytes a save changes, so any write breaks it. Encrypted packages never get this far (the
 * reader refuses them). Everything else — charts, pivots, drawings, macros, custom XML — is carried over as
 * stored.
 */
const SIGNATURES = /^_xmlsignatures\//i;
export const SIGNED_PART =
  "digital signatures (a save would break them)/デジタル署名 (保存すると無効になります)";

/** An opened workbook. Opaque to callers: pass it back to applyWrites / appendChangeLog / writeWorkbook. */
export class XlsxWorkbookHandle {
  /** @internal the archive, its parts and the pending cell patches; hosts must not reach into it */
  readonly document: XlsxDocument;
  /** content a surgical save cannot keep (only a digital signature); writeWorkbook refuses when non-empty */
  readonly lossyParts: ReadonlyArray<string>;
  /** @internal the bytes it was read from: a save with nothing to change gives them back as they were */
  readonly source: Uint8Array;

  /** @internal */
  constructor(
    source: Uint8Array,
    zip: ZipArchive,
    parts: WorkbookParts,
    unlockedFormats: ReadonlySet<number> = new Set(),
  ) {
    this.source = source;
    this.document = new XlsxDocument(zip, parts, unlockedFormats);
    this.lossyParts = zip.entries.some((e) => SIGNATURES.test(e.name)) ? [SIGNED_PART] : [];
  }
}

export interface WriteWorkbookOptions {
  /** kept for callers of the exceljs writer; a surgical save loses nothing, so it changes nothing */
  readonly allowLoss?: boolean;
  /** measures the save's phases: patching the sheets, checking the carried entries, writing the zip */
  readonly timer?: PhaseTimer;
}

/**
 * The workbook with every applied write and log row: the patched worksheet parts, the change-log sheet's
 * parts, and every other zip entry carried over as stored. With nothing to change, the bytes as read.
 * Refuses a digitally signed workbook (WorkbookReadError "signed"): the save would break the signature.
 */
export function writeWorkbook(
  handle: XlsxWorkbookHandle,
  opts: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  void opts;
  if (!handle.document.changed()) return Promise.resolve(handle.source);
  if (handle.lossyParts.length > 0) return Promise.reject(new WorkbookReadError("signed"));
  try {
    return Promise.resolve(handle.document.save(opts.timer));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
