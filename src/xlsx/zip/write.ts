import { deflateSync, strToU8 } from "fflate";
import type { ZipCodec, ZipOutEntry } from "./types";

/**
 * Builds a zip archive from entries: a kept entry is copied as the reader found it (its stored bytes, method
 * and CRC, so it comes back byte for byte), a new one is deflated. fflate does the deflating (it is already
 * in the bundle for the reader); the container itself is written here because fflate's zip writer cannot
 * take entries that are already compressed. No ZIP64: the reader's budget keeps workbooks far below 4 GiB,
 * and an entry or archive that would need it is refused rather than written wrong.
 */

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const LIMIT_32 = 0xffffffff;
/** bit 11 of the general purpose flags: the name is UTF-8 */
const FLAG_UTF8 = 0x0800;
/** 1980-01-01 00:00 in MS-DOS time and date (what Excel itself writes into every entry) */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** "version needed to extract" 2.0 (deflate) */
const VERSION = 20;

const CRC_TABLE: ReadonlyArray<number> = (() => {
  const t: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();

/** CRC-32 (IEEE 802.3) of the bytes, as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Prepared {
  readonly name: Uint8Array;
  readonly utf8: boolean;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly data: Uint8Array;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

function prepare(entry: ZipOutEntry, encode: (s: string) => Uint8Array, codec: ZipCodec | null): Prepared {
  if (entry.kind === "keep") {
    const e = entry.entry;
    const data = e.raw();
    if (data.length !== e.compressedSize)
      throw new Error(`zip: ${e.name}: stored bytes do not match its size`);
    return {
      name: encode(e.name),
      utf8: !isAscii(e.name),
      method: e.method,
      crc: e.crc32,
      compressedSize: e.compressedSize,
      size: e.size,
      data,
    };
  }
  const data = codec === null ? deflateSync(entry.data, { level: 6 }) : codec.deflate(entry.data);
  return {
    name: encode(entry.name),
    utf8: !isAscii(entry.name),
    method: 8,
    crc: crc32(entry.data),
    compressedSize: data.length,
    size: entry.data.length,
    data,
  };
}

function checkName(name: string, seen: Set<string>): void {
  if (name === "" || name.startsWith("/") || name.includes("\\"))
    throw new Error(`zip: bad entry name ${name}`);
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Error(`zip: duplicate entry ${name}`);
  seen.add(key);
}

/** The archive holding these entries, in this order (new ones deflated by `codec`, fflate when null). */
export function writeZip(entries: ReadonlyArray<ZipOutEntry>, codec: ZipCodec | null = null): Uint8Array {
  const seen = new Set<string>();
  const prepared = entries.map((e) => {
    checkName(e.kind === "keep" ? e.entry.name : e.name, seen);
    return prepare(e, strToU8, codec);
  });
  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    if (p.size > LIMIT_32 || p.compressedSize > LIMIT_32) throw new Error("zip: entry too large (ZIP64)");
    localSize += 30 + p.name.length + p.compressedSize;
    centralSize += 46 + p.name.length;
  }
  if (localSize + centralSize > LIMIT_32 || prepared.length > 0xffff)
    throw new Error("zip: archive too large (ZIP64)");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, p.utf8 ? FLAG_UTF8 : 0, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.compressedSize, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.compressedSize;
  }
  const centralAt = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, p.utf8 ? FLAG_UTF8 : 0, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.compressedSize, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk number, internal and external attributes: all zero
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, SIG_EOCD, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralAt, true);
  view.setUint32(at + 16, centralAt, true);
  return out;
}
