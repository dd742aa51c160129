import { WorkbookReadError } from "./errors";

/** Default limit on the sum of uncompressed entry sizes (100 MB). */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

export interface ZipSummary {
  readonly entries: ReadonlyArray<string>;
  readonly uncompressedBytes: number;
}

/** Parts of a workbook exceljs 4.4 does not keep when it saves (by zip entry), with their names. */
const LOSSY_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^xl\/vbaproject\.bin$/, "macros/マクロ"],
  [/^xl\/(charts|chartsheets)\//, "charts/グラフ"],
  [/^xl\/(pivottables|pivotcache)\//, "pivot tables/ピボットテーブル"],
  [/^xl\/(slicers|slicercaches|timelines|timelinecaches)\//, "slicers/スライサー"],
  [/^xl\/(activex|ctrlprops)\//, "form controls/フォームコントロール"],
  [/^xl\/externallinks\//, "external links/外部参照"],
  [/^xl\/threadedcomments\//, "threaded comments/スレッド形式のコメント"],
  [/^xl\/model\//, "data model/データモデル"],
  [/^xl\/(querytables\/|connections\.xml$)/, "data connections/データ接続"],
  // Rich values hang on cells by index (<c vm=…>, <c cm=…> through xl/metadata.xml); exceljs drops the indices.
  [
    /^xl\/(richdata\/|metadata\.xml$)/,
    "pictures in cells, data types, dynamic arrays/セル内の画像・データ型・動的配列",
  ],
  [/^_xmlsignatures\//, "digital signatures/デジタル署名"],
];

/** True when exceljs would drop this zip entry and it cannot be carried over (see LOSSY_PARTS). */
export function isLossyPart(entry: string): boolean {
  const name = entry.toLowerCase();
  return LOSSY_PARTS.some(([re]) => re.test(name));
}

/** The kinds of content a save through exceljs would drop from a workbook with these zip entries. */
export function lossyParts(entries: ReadonlyArray<string>): string[] {
  const lower = entries.map((e) => e.toLowerCase());
  return LOSSY_PARTS.filter(([re]) => lower.some((e) => re.test(e))).map(([, name]) => name);
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function u64(view: DataView, at: number): number {
  // Safe up to 2^53; zip entries beyond that are rejected as too large anyway.
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let s = "";
  for (let i = from; i < from + length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/**
 * Checks the raw bytes before any parser sees them: empty, encrypted (CFB container), not a zip,
 * truncated, not a workbook, or too large once uncompressed → WorkbookReadError. Reads only the
 * central directory, so it costs microseconds even for big files.
 */
export function guardWorkbookBytes(
  bytes: Uint8Array,
  maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES,
): ZipSummary {
  if (bytes.length === 0) throw new WorkbookReadError("empty");
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file: Excel stores password-protected .xlsx (EncryptedPackage) and legacy .xls this way.
    throw new WorkbookReadError("encrypted");
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookReadError("not-zip");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new WorkbookReadError("truncated");
  const first = view.getUint32(0, true);
  if (first !== SIG_LOCAL && first !== SIG_EOCD) throw new WorkbookReadError("not-zip");

  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError("truncated");

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) throw new WorkbookReadError("truncated");
    const z64 = u64(view, loc + 8);
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== SIG_ZIP64_EOCD)
      throw new WorkbookReadError("truncated");
    count = u64(view, z64 + 32);
    cdSize = u64(view, z64 + 40);
    cdOffset = u64(view, z64 + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw new WorkbookReadError("truncated");

  const entries: string[] = [];
  let total = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL)
      throw new WorkbookReadError("truncated");
    const flags = view.getUint16(at + 8, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLen + extraLen > bytes.length) throw new WorkbookReadError("truncated");
    if (size === 0xffffffff || compressed === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (id 1) lists only the fields that overflowed, in this order.
      let e = at + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 1) {
          let p = e + 4;
          if (size === 0xffffffff && p + 8 <= e + 4 + len) ((size = u64(view, p)), (p += 8));
          if (compressed === 0xffffffff && p + 8 <= e + 4 + len) ((compressed = u64(view, p)), (p += 8));
          if (localOffset === 0xffffffff && p + 8 <= e + 4 + len) localOffset = u64(view, p);
        }
        e += 4 + len;
      }
    }
    if ((flags & 1) === 1) throw new WorkbookReadError("encrypted");
    if (localOffset + 30 + compressed > cdOffset) throw new WorkbookReadError("truncated");
    entries.push(ascii(bytes, at + 46, nameLen));
    total += size;
    at += 46 + nameLen + extraLen + commentLen;
  }

  const lower = entries.map((e) => e.toLowerCase());
  const hasTypes = lower.includes("[content_types].xml");
  const hasWorkbook = lower.some((e) => /^xl\/workbook\d*\.xml$/.test(e));
  if (!hasTypes || !hasWorkbook) throw new WorkbookReadError("not-workbook");
  if (total > maxUncompressedBytes) {
    const mb = (b: number): string => (b / 1024 / 1024).toFixed(1);
    throw new WorkbookReadError("too-large", { size: mb(total), limit: mb(maxUncompressedBytes) });
  }
  return { entries, uncompressedBytes: total };
}
