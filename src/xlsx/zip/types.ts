/**
 * The zip layer under the xlsx adapter: the contract between the bounded reader (zip/read.ts) and the
 * surgical writer (zip/write.ts). A save carries every entry it does not change as the reader found it —
 * its stored (compressed) bytes, method and CRC — so untouched parts come back byte for byte.
 */

/** One entry of a zip archive as stored. */
export interface ZipEntryRef {
  /** the entry's name as stored (forward slashes, no leading slash) */
  readonly name: string;
  /** 0 = stored, 8 = deflate (nothing else is accepted) */
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  /** the inflated size, checked while inflating (never trusted from the headers) */
  readonly size: number;
  /** the stored bytes exactly as they sit in the archive (no copy where possible) */
  raw(): Uint8Array;
}

/**
 * Raw deflate, when the host has a faster one than the pure-JS default (fflate, which the browser page needs):
 * the CLI passes Node's zlib (native, several times faster on the large worksheet parts). Every check the
 * reader makes (declared size, budget, CRC-32) stays in zip/read.ts whichever codec inflates.
 */
export interface ZipCodec {
  /**
   * The inflated bytes of raw deflate data, or null when the output would be longer than `limit` bytes
   * (inflating stops there: a bomb never grows past the limit). Throws on data that is not valid deflate.
   */
  inflate(stored: Uint8Array, limit: number): Uint8Array | null;
  /** Raw deflate of the bytes (the level Excel uses, 6). */
  deflate(data: Uint8Array): Uint8Array;
}

/** A zip archive read under a budget: every entry found by walking the local headers and the central directory. */
export interface ZipArchive {
  readonly entries: ReadonlyArray<ZipEntryRef>;
  /** the codec it was read with (null: fflate); a save deflates new entries with the same one */
  readonly codec: ZipCodec | null;
  get(name: string): ZipEntryRef | undefined;
  /** the entry inflated (bounded by the budget); throws WorkbookReadError when over it */
  bytes(name: string): Uint8Array;
  /** the entry inflated and decoded as UTF-8 (BOM dropped) */
  text(name: string): string;
  /**
   * Inflates the entry under the budget, checking its size and CRC, and keeps nothing (a no-op for one
   * already inflated). A save carries an entry as stored only after this: it never writes a package it
   * knows is broken (an entry lying about its size would stay a lie in the copy).
   */
  verify(name: string): void;
}

/** What a new archive is built from: an entry carried over as it was, or new content to compress. */
export type ZipOutEntry =
  | { readonly kind: "keep"; readonly entry: ZipEntryRef }
  | { readonly kind: "new"; readonly name: string; readonly data: Uint8Array };

/** The package structure the reader found through the relationships (never fixed paths). */
export interface WorkbookParts {
  /** e.g. "xl/workbook.xml", found through _rels/.rels */
  readonly workbookPath: string;
  readonly sheets: ReadonlyArray<{
    readonly name: string;
    /** the worksheet part, e.g. "xl/worksheets/sheet1.xml" (any legal name) */
    readonly partPath: string;
    readonly relId: string;
    readonly sheetId: number;
    readonly state: "visible" | "hidden" | "veryHidden";
  }>;
  readonly sharedStringsPath: string | null;
  readonly stylesPath: string | null;
  /** the workbook part's own relationships part, e.g. "xl/_rels/workbook.xml.rels" */
  readonly workbookRelsPath: string;
  readonly date1904: boolean;
}
