import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx";

/**
 * Raw deflate through Node's zlib for the CLI. The xlsx adapter's default is fflate (pure JS, because the
 * standalone page runs the same reader in a browser); on the large worksheet parts zlib inflates and
 * deflates several times faster, and `maxOutputLength` stops an inflation at the cap, so a zip bomb never
 * grows past the budget here either. Size, budget and CRC checks stay in the reader (src/xlsx/zip/read.ts).
 */
export const ZLIB_CODEC: ZipCodec = {
  inflate(stored, limit) {
    try {
      return inflateRawSync(stored, { maxOutputLength: Math.max(1, limit) });
    } catch (e) {
      // Node: RangeError ERR_BUFFER_TOO_LARGE when the output would pass maxOutputLength
      if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw e;
    }
  },
  deflate: (data) => deflateRawSync(data, { level: 6 }),
};
