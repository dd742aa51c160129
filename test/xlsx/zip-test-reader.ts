/**
 * TEST ONLY, temporary: a plain zip reader behind the ZipArchive contract (src/xlsx/zip/types.ts) so the
 * surgical writer can be built and tested before the bounded reader (src/xlsx/zip/read.ts, helper
 * "xlsxread") lands. It models what that reader must give: every entry found through the central
 * directory, `raw()` the stored bytes exactly as they sit after the local header, `bytes()` inflated with
 * fflate. It has no budget and trusts the headers — never use it on untrusted input. Delete it when read.ts
 * is on main.
 */
import { inflateSync } from "fflate";
import type { ZipArchive, ZipEntryRef } from "../../src/xlsx/zip/types";

export function testZipArchive(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("test reader: no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntryRef[] = [];
  for (let n = 0; n < count; n++) {
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (method !== 0 && method !== 8) throw new Error(`test reader: method ${method}`);
    entries.push({
      name,
      method,
      crc32: crc,
      compressedSize,
      size,
      raw: () => bytes.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const archive: ZipArchive = {
    entries: entries.filter((e) => !e.name.endsWith("/")),
    codec: null,
    get: (name) => byName.get(name),
    bytes(name) {
      const e = byName.get(name);
      if (!e) throw new Error(`test reader: no entry ${name}`);
      return e.method === 0 ? e.raw() : inflateSync(e.raw());
    },
    verify(name) {
      archive.bytes(name);
    },
    text(name) {
      const s = new TextDecoder().decode(archive.bytes(name));
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    },
  };
  return archive;
}
