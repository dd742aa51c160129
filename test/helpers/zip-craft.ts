/**
 * A zip writer for tests that can lie: it writes the zip format (APPNOTE 6.3: local headers, data, optional
 * data descriptors, central directory, end record) exactly, except where a test asks it to misstate a size,
 * a checksum or the entry count, leave an entry out of the directory, or share one local header between two
 * directory entries. Honest by default: unzip, JSZip and Excel read its honest output.
 */
import { deflateSync } from "fflate";
import { crc32 } from "../../src/xlsx/zip/read";

export interface CraftEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 8 (deflate, the default) or 0 (stored) */
  readonly method?: number;
  /** the inflated size the headers declare (default: the real one) */
  readonly declaredSize?: number;
  /** the CRC-32 the headers declare (default: the real one) */
  readonly crc?: number;
  /** the local header's own inflated size when it should disagree with the directory's */
  readonly localSize?: number;
  /** false: a local entry the central directory does not list */
  readonly inDirectory?: boolean;
  /** general-purpose flags to set (e.g. 1 = encrypted) */
  readonly flags?: number;
  /** write sizes in a data descriptor after the data (flag bit 3) instead of the local header */
  readonly descriptor?: boolean;
  /** pre-compressed stored bytes to use as they are (e.g. a deflate stream of zeros built in pieces) */
  readonly stored?: Uint8Array;
}

export interface CraftOptions {
  /** the entry count the end record declares (default: the directory's real count) */
  readonly declaredCount?: number;
  /** a directory entry pointing at another entry's local header (overlap): [name, index of the other] */
  readonly alias?: readonly [string, number];
}

const enc = new TextEncoder();

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** Builds the archive. */
export function craftZip(entries: ReadonlyArray<CraftEntry>, opts: CraftOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = 0;
  const offsets: number[] = [];
  const push = (b: Uint8Array | number[]): void => {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    parts.push(u);
    offset += u.length;
  };
  let listed = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const method = e.method ?? 8;
    const stored = e.stored ?? (method === 8 ? deflateSync(data) : data);
    const name = enc.encode(e.name);
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const flags = (e.flags ?? 0) | (e.descriptor ? 0x8 : 0) | 0x800;
    const localSize = e.localSize ?? size;
    offsets.push(offset);
    const at = offset;
    push([
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(flags),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(e.descriptor ? 0 : crc),
      ...u32(e.descriptor ? 0 : stored.length),
      ...u32(e.descriptor ? 0 : localSize),
      ...u16(name.length),
      ...u16(0),
    ]);
    push(name);
    push(stored);
    if (e.descriptor) push([...u32(0x08074b50), ...u32(crc), ...u32(stored.length), ...u32(size)]);
    if (e.inDirectory === false) continue;
    listed++;
    central.push([
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      ...u16(flags),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(crc),
      ...u32(stored.length),
      ...u32(size),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(at),
      ...Array.from(name),
    ]);
  }
  if (opts.alias) {
    const [aliasName, index] = opts.alias;
    const target = central[index];
    if (target) {
      const name = enc.encode(aliasName);
      const copy = target.slice(0, 46);
      copy.splice(28, 2, ...u16(name.length));
      central.push([...copy, ...Array.from(name)]);
      listed++;
    }
  }
  const cdOffset = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdOffset;
  const count = opts.declaredCount ?? listed;
  push([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(cdSize),
    ...u32(cdOffset),
    ...u16(0),
  ]);
  const out = new Uint8Array(offset);
  let p = 0;
  for (const b of parts) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** The parts of a minimal workbook with the given sheets (names and part paths free), as craft entries. */
export function minimalWorkbook(
  sheets: ReadonlyArray<{ readonly name: string; readonly part: string; readonly xml: string }>,
  opts: { readonly workbookPath?: string; readonly extra?: ReadonlyArray<CraftEntry> } = {},
): CraftEntry[] {
  const wbPath = opts.workbookPath ?? "xl/workbook.xml";
  const dir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const relsPath = `${dir}_rels/${wbPath.slice(dir.length)}.rels`;
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pr = "http://schemas.openxmlformats.org/package/2006/relationships";
  const sheetTags = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const relTags = sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${r}/worksheet" Target="/${s.part}"/>`)
    .join("");
  return [
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${wbPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map(
            (s) =>
              `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pr}"><Relationship Id="rId1" Type="${r}/officeDocument" Target="${wbPath}"/></Relationships>`,
    },
    {
      name: wbPath,
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${r}"><sheets>${sheetTags}</sheets></workbook>`,
    },
    {
      name: relsPath,
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pr}">${relTags}</Relationships>`,
    },
    ...sheets.map((s) => ({ name: s.part, data: s.xml })),
    ...(opts.extra ?? []),
  ];
}

/** A worksheet part around `sheetData` content (and anything after it). */
export function sheetXml(sheetData: string, after = ""): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${sheetData}</sheetData>${after}</worksheet>`
  );
}

/**
 * A raw deflate stream that inflates to `n` zero bytes (n ≥ 1), built directly (RFC 1951 fixed-Huffman
 * block: one literal 0, then length-258/distance-1 matches, then literals for the rest): 13 bits per 258
 * bytes, so gigabytes cost a few megabytes and no time to build.
 */
export function zerosDeflate(n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + Math.ceil(n / 258) * 13 + 258 * 8 + 7) / 8) + 8);
  let bit = 0;
  const push = (value: number, count: number): void => {
    for (let i = 0; i < count; i++) {
      if ((value >>> i) & 1) out[bit >>> 3] = (out[bit >>> 3] ?? 0) | (1 << (bit & 7));
      bit++;
    }
  };
  // Huffman codes go most significant bit first
  const code = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) push((value >>> i) & 1, 1);
  };
  push(1, 1); // BFINAL
  push(1, 2); // BTYPE 01: fixed Huffman
  code(0x30, 8); // literal 0
  let left = n - 1;
  for (; left >= 258; left -= 258) {
    code(0b11000101, 8); // length code 285 = 258
    code(0, 5); // distance code 0 = 1
  }
  for (; left > 0; left--) code(0x30, 8);
  code(0, 7); // end of block (256)
  return out.slice(0, Math.ceil(bit / 8));
}
