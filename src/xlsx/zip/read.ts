/**
 * The bounded zip reader under the xlsx adapter (issue 14 §1, issue 15 §2). It trusts nothing a file says
 * about itself: the end record's entry count, the central directory's sizes and the local headers' sizes
 * are reconciled with each other, and every entry is inflated under a cap that is checked while inflating.
 *
 * - The central directory is walked up to the end record, not for the count the end record declares: an
 *   entry beyond that count is seen (it is listed like any other, counted against the budget and carried by
 *   a save), never silently dropped.
 * - The local headers are walked from the start of the file. Every local header must belong to exactly one
 *   central entry (same offset, same name), and every central entry to one local header: a local entry the
 *   central directory does not list (a part no reader would see, which a save would drop), overlapping
 *   entries (the classic overlapping-file zip bomb) and entries whose local and central sizes disagree are
 *   refused as corrupt.
 * - Inflating streams the stored bytes through fflate's Inflate in small chunks and stops as soon as the
 *   output passes the entry's declared size or the workbook's byte budget (at most one chunk's expansion,
 *   ~1 MB per 1 KB, past the limit); the output's length and CRC-32 must then equal the declared ones.
 *
 * fflate was chosen because it is small (~10 KB used here), pure JS (the standalone browser page runs the
 * same reader; Node's zlib does not exist there), has a synchronous streaming inflater with push/ondata
 * (which is what lets the cap be checked while streaming), and is already a dependency.
 */
import { DecodeUTF8, Inflate, strFromU8 } from "fflate";
import { WorkbookReadError } from "../errors";
import { BudgetMeter, tooLarge } from "../budget";
import type { ZipArchive, ZipCodec, ZipEntryRef } from "./types";

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const U32_MAX = 0xffffffff;
/** compressed bytes handed to the inflater at a time: bounds the overshoot past a cap to ~1 MB */
const INFLATE_CHUNK = 1024;

function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", { detail });
}

function u64(view: DataView, at: number): number {
  // Exact up to 2^53; anything larger is far over every budget anyway.
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the zip polynomial), continued from `crc` (start with 0). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * An entry name. Excel, LibreOffice and the OpenXML SDK write UTF-8 (flagged or not); part names are ASCII
 * in practice, and a name that is not UTF-8 still decodes to a distinct, stable string.
 */
function nameOf(bytes: Uint8Array, from: number, length: number): string {
  return strFromU8(bytes.subarray(from, from + length));
}

interface Central {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

interface Located extends Central {
  /** where the stored bytes start */
  readonly dataStart: number;
}

/** The end of central directory record (zip64 when any field overflows): count, directory offset and end. */
function endRecord(bytes: Uint8Array, view: DataView): { count: number; cdOffset: number; cdEnd: number } {
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
  let cdEnd = eocd;
  if (cdOffset === U32_MAX || count === 0xffff || cdSize === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) throw new WorkbookReadError("truncated");
    const z64 = u64(view, loc + 8);
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== SIG_ZIP64_EOCD)
      throw new WorkbookReadError("truncated");
    count = u64(view, z64 + 32);
    cdSize = u64(view, z64 + 40);
    cdOffset = u64(view, z64 + 48);
    cdEnd = z64;
  }
  if (cdOffset + cdSize > cdEnd || cdOffset > bytes.length) throw new WorkbookReadError("truncated");
  return { count, cdOffset, cdEnd };
}

/** The zip64 extra field (id 1) lists only the fields that overflowed, in this order. */
function zip64Fields(
  view: DataView,
  from: number,
  length: number,
  fields: { size: number; compressed: number; offset: number },
): void {
  let e = from;
  const end = from + length;
  while (e + 4 <= end) {
    const id = view.getUint16(e, true);
    const len = view.getUint16(e + 2, true);
    if (id === 1) {
      let p = e + 4;
      const stop = Math.min(end, p + len);
      if (fields.size === U32_MAX && p + 8 <= stop) ((fields.size = u64(view, p)), (p += 8));
      if (fields.compressed === U32_MAX && p + 8 <= stop) ((fields.compressed = u64(view, p)), (p += 8));
      if (fields.offset === U32_MAX && p + 8 <= stop) fields.offset = u64(view, p);
    }
    e += 4 + len;
  }
}

/**
 * Every central directory entry from the directory's start to the end record (not just the declared
 * count). More entries than declared are kept; fewer means the directory is cut short.
 */
function centralEntries(
  bytes: Uint8Array,
  view: DataView,
  end: { count: number; cdOffset: number; cdEnd: number },
  meter: BudgetMeter,
): Central[] {
  const out: Central[] = [];
  let at = end.cdOffset;
  while (at + 4 <= end.cdEnd && view.getUint32(at, true) === SIG_CENTRAL) {
    if (at + 46 > end.cdEnd) throw new WorkbookReadError("truncated");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen + commentLen > end.cdEnd) throw new WorkbookReadError("truncated");
    const fields = {
      size: view.getUint32(at + 24, true),
      compressed: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    };
    zip64Fields(view, at + 46 + nameLen, extraLen, fields);
    out.push({
      name: nameOf(bytes, at + 46, nameLen),
      flags,
      method,
      crc32: view.getUint32(at + 16, true),
      compressedSize: fields.compressed,
      size: fields.size,
      localOffset: fields.offset,
    });
    meter.checkParts(out.length);
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (out.length < end.count) throw new WorkbookReadError("truncated");
  return out;
}

/**
 * Walks the local headers from offset 0 to the central directory and pairs each with its central entry.
 * Anything else in that stretch — a local entry the directory does not list, two directory entries sharing
 * one local header, bytes that are no header — is refused.
 */
function locate(
  bytes: Uint8Array,
  view: DataView,
  central: ReadonlyArray<Central>,
  cdOffset: number,
): Located[] {
  const byOffset = new Map<number, Central>();
  for (const c of central) {
    if (byOffset.has(c.localOffset))
      throw corrupt(`zip entries ${c.name} and ${byOffset.get(c.localOffset)?.name ?? ""} overlap`);
    byOffset.set(c.localOffset, c);
  }
  const located: Located[] = [];
  let at = 0;
  while (at < cdOffset) {
    if (at + 30 > cdOffset) throw new WorkbookReadError("truncated");
    if (view.getUint32(at, true) !== SIG_LOCAL) throw corrupt(`unexpected bytes at offset ${at} of the zip`);
    const flags = view.getUint16(at + 6, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    const name = nameOf(bytes, at + 30, nameLen);
    const entry = byOffset.get(at);
    if (entry === undefined) throw corrupt(`zip entry ${name.slice(0, 100)} is not in the zip's directory`);
    if (entry.name !== name)
      throw corrupt(`zip entry ${name.slice(0, 100)} is named ${entry.name.slice(0, 100)} in the directory`);
    const fields = {
      size: view.getUint32(at + 22, true),
      compressed: view.getUint32(at + 18, true),
      offset: 0,
    };
    const zip64 = fields.size === U32_MAX || fields.compressed === U32_MAX;
    zip64Fields(view, at + 30 + nameLen, extraLen, fields);
    if (
      (flags & FLAG_DESCRIPTOR) === 0 &&
      (fields.size !== entry.size || fields.compressed !== entry.compressedSize)
    )
      throw corrupt(`zip entry ${name.slice(0, 100)} declares two different sizes`);
    const dataStart = at + 30 + nameLen + extraLen;
    let next = dataStart + entry.compressedSize;
    if (next > cdOffset) throw new WorkbookReadError("truncated");
    if ((flags & FLAG_DESCRIPTOR) !== 0 || (entry.flags & FLAG_DESCRIPTOR) !== 0) {
      // The data descriptor: optional signature, CRC-32, then 4-byte sizes (8-byte in a zip64 entry).
      if (next + 4 <= cdOffset && view.getUint32(next, true) === SIG_DESCRIPTOR) next += 4;
      next += zip64 ? 20 : 12;
      if (next > cdOffset) throw new WorkbookReadError("truncated");
    }
    located.push({ ...entry, dataStart });
    at = next;
  }
  if (located.length !== central.length) {
    const seen = new Set(located.map((l) => l.localOffset));
    const lost = central.find((c) => !seen.has(c.localOffset));
    throw corrupt(`zip entry ${lost?.name.slice(0, 100) ?? ""} has no local header`);
  }
  return located;
}

/** Inflates (or copies) an entry's stored bytes under `cap` output bytes, checked while streaming. */
function inflateEntry(
  stored: Uint8Array,
  entry: Located,
  cap: number,
  meter: BudgetMeter,
  charge: boolean,
  sink: (chunk: Uint8Array) => void,
  codec: ZipCodec | null,
): void {
  let produced = 0;
  let crc = 0;
  const take = (chunk: Uint8Array): void => {
    if (chunk.length === 0) return;
    produced += chunk.length;
    if (produced > entry.size)
      throw corrupt(`zip entry ${entry.name.slice(0, 100)} is larger than it declares`);
    if (produced > cap)
      throw tooLarge(meter.budget.maxUncompressedBytes - cap + produced, meter.budget.maxUncompressedBytes);
    crc = crc32(chunk, crc);
    if (charge) meter.chargeBytes(chunk.length);
    sink(chunk);
  };
  const takeAll = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i += 1 << 20)
      take(bytes.subarray(i, Math.min(bytes.length, i + (1 << 20))));
  };
  if (entry.method === 0) {
    if (stored.length !== entry.size)
      throw corrupt(`zip entry ${entry.name.slice(0, 100)} is larger than it declares`);
    takeAll(stored);
  } else if (codec !== null) {
    // one call, stopped by the codec one byte past the cap, then the same checks as the stream below
    let out: Uint8Array | null;
    try {
      out = codec.inflate(stored, cap + 1);
    } catch {
      throw corrupt(`zip entry ${entry.name.slice(0, 100)} cannot be inflated`);
    }
    meter.checkTime();
    if (out === null) {
      // what take() says of the first byte past the cap
      if (cap >= entry.size)
        throw corrupt(`zip entry ${entry.name.slice(0, 100)} is larger than it declares`);
      throw tooLarge(meter.budget.maxUncompressedBytes + 1, meter.budget.maxUncompressedBytes);
    }
    takeAll(out);
  } else {
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let i = 0; i < stored.length; i += INFLATE_CHUNK) {
        const end = Math.min(stored.length, i + INFLATE_CHUNK);
        inflater.push(stored.subarray(i, end), end === stored.length);
        if ((i & 0xfffff) === 0) meter.checkTime();
      }
      if (stored.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      throw corrupt(`zip entry ${entry.name.slice(0, 100)} cannot be inflated`);
    }
    if (!ended) throw corrupt(`zip entry ${entry.name.slice(0, 100)} cannot be inflated`);
  }
  if (produced !== entry.size)
    throw corrupt(`zip entry ${entry.name.slice(0, 100)} is smaller than it declares`);
  if (crc !== entry.crc32) throw corrupt(`zip entry ${entry.name.slice(0, 100)} fails its checksum`);
}

class ReadEntry implements ZipEntryRef {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  private readonly stored: Uint8Array;

  constructor(entry: Located, stored: Uint8Array) {
    this.name = entry.name;
    this.method = entry.method === 0 ? 0 : 8;
    this.crc32 = entry.crc32;
    this.compressedSize = entry.compressedSize;
    this.size = entry.size;
    this.stored = stored;
  }

  raw(): Uint8Array {
    return this.stored;
  }
}

/** A zip archive read under a budget (see the module comment); `ZipArchive` plus streaming access. */
export class BoundedZip implements ZipArchive {
  readonly entries: ReadonlyArray<ZipEntryRef>;
  readonly codec: ZipCodec | null;
  private readonly meter: BudgetMeter;
  private readonly located: Map<string, Located>;
  private readonly refs: Map<string, ReadEntry>;
  private readonly byLower: Map<string, ReadEntry>;
  /** entries already charged against the byte budget (inflating one twice is not charged twice) */
  private readonly charged = new Set<string>();
  /** texts textKept() decoded, by entry name, until the next text() of that entry takes them */
  private readonly kept = new Map<string, string>();

  constructor(
    entries: ReadonlyArray<Located>,
    bytes: Uint8Array,
    meter: BudgetMeter,
    codec: ZipCodec | null,
  ) {
    this.meter = meter;
    this.codec = codec;
    this.located = new Map(entries.map((e) => [e.name, e]));
    const refs = entries.map(
      (e) => new ReadEntry(e, bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)),
    );
    this.entries = refs;
    this.refs = new Map(refs.map((r) => [r.name, r]));
    this.byLower = new Map(refs.map((r) => [r.name.toLowerCase(), r]));
  }

  /** The entry by name; part names compare case-insensitively (OPC), an exact match first. */
  get(name: string): ZipEntryRef | undefined {
    return this.refs.get(name) ?? this.byLower.get(name.toLowerCase());
  }

  /** Streams the entry's inflated bytes to `sink` in chunks, under the budget. */
  stream(name: string, sink: (chunk: Uint8Array) => void): void {
    const ref = this.get(name);
    const entry = ref && this.located.get(ref.name);
    if (!ref || !entry) throw corrupt(`no zip entry ${name.slice(0, 100)}`);
    const again = this.charged.has(entry.name);
    this.charged.add(entry.name);
    const cap = again ? entry.size : Math.min(entry.size, this.meter.bytesLeft());
    inflateEntry(ref.raw(), entry, Math.max(0, cap), this.meter, !again, sink, this.codec);
  }

  verify(name: string): void {
    const ref = this.get(name);
    if (ref && this.charged.has(ref.name)) return;
    this.stream(name, () => undefined);
  }

  bytes(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.stream(name, (c) => {
      chunks.push(c.slice());
      length += c.length;
    });
    if (chunks.length === 1 && chunks[0]) return chunks[0];
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /**
   * The entry as one UTF-8 string (BOM dropped), decoded in one call: several times faster than joining the
   * streamed pieces on a large part. Malformed sequences become U+FFFD, as in textChunks.
   */
  text(name: string): string {
    const key = this.get(name)?.name ?? name;
    const kept = this.kept.get(key);
    if (kept !== undefined) {
      this.kept.delete(key);
      return kept;
    }
    // fflate's strFromU8 is TextDecoder where the host has one (jsdom has not)
    const t = strFromU8(this.bytes(name));
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  }

  /**
   * text(), and the string kept for the next text() of the same entry: the reader's text of a worksheet is
   * what a save's patcher reads next, so it is not inflated and decoded twice. Kept once, then let go.
   */
  textKept(name: string): string {
    const t = this.text(name);
    this.kept.set(this.get(name)?.name ?? name, t);
    return t;
  }

  /**
   * Streams the entry as UTF-8 text (BOM dropped) in pieces, under the budget. fflate's streaming decoder
   * keeps a character split between two chunks whole (and works where TextDecoder does not exist).
   */
  textChunks(name: string, sink: (text: string) => void): void {
    let first = true;
    const decoder = new DecodeUTF8((t) => {
      if (t === "") return;
      if (first && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      first = false;
      if (t !== "") sink(t);
    });
    this.stream(name, (c) => decoder.push(c));
    decoder.push(new Uint8Array(0), true);
  }
}

/**
 * Opens a zip archive under the meter's budget: empty, an OLE compound file (an encrypted workbook or a
 * legacy .xls), not a zip, truncated, encrypted entries, methods other than stored/deflate, overlapping or
 * unlisted entries, duplicate names and too many entries are refused with a WorkbookReadError. Declared
 * sizes are checked against the byte budget up front (cheap) and again, for real, while inflating.
 */
export function readZip(bytes: Uint8Array, meter: BudgetMeter, codec: ZipCodec | null = null): BoundedZip {
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
  const end = endRecord(bytes, view);
  const central = centralEntries(bytes, view, end, meter);
  const seen = new Set<string>();
  let declared = 0;
  for (const c of central) {
    if ((c.flags & FLAG_ENCRYPTED) !== 0) throw new WorkbookReadError("encrypted");
    const lower = c.name.toLowerCase();
    if (seen.has(lower)) throw corrupt(`the zip holds ${c.name.slice(0, 100)} twice`);
    seen.add(lower);
    if (c.method !== 0 && c.method !== 8)
      throw corrupt(`zip entry ${c.name.slice(0, 100)} uses compression method ${c.method}`);
    declared += c.size;
  }
  if (declared > meter.budget.maxUncompressedBytes)
    throw tooLarge(declared, meter.budget.maxUncompressedBytes);
  return new BoundedZip(locate(bytes, view, central, end.cdOffset), bytes, meter, codec);
}
