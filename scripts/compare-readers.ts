/**
 * `npm run compare:readers` (issue 15 item 2): kusei's own streaming reader (src/xlsx: bounded zip + saxes +
 * numfmt, under the read budget) against SheetJS (`@e965/xlsx` 0.20.3) on the same files:
 *
 * - every .xlsx under test/fixtures (and test/fixtures/hostile), the world dialect workbooks
 *   (test/world/dialects.ts, built to a temp dir), the cheap generated budget cases
 *   (test/fixtures/hostile/budget-cases.ts) and a few hand-written feature workbooks (below);
 * - per file: wall ms (best of 3, in this one process, after one warm-up read of the main fixture),
 *   whether each reader read it or threw, and how many cells' values differ (kusei's snapshot values
 *   against SheetJS `v`, dates as serials, cells hidden under a merge and empty strings left out);
 * - per feature kusei needs (number-format display text, protection as Excel and LibreOffice write it,
 *   date1904, furigana left out, merges, sheets found through relationships): what each reader gives.
 *
 * Output lines: `reader <file> kusei_ms=… sheetjs_ms=… kusei=ok|<code> sheetjs=ok|<error> same_values=…`,
 * then `readers files=… …`, then `feature <name> kusei=… sheetjs=… …`. docs/reader-choice.md reads them.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { SheetSnapshot } from "../src/core";
import { readSnapshots } from "../src/xlsx/read-snapshots";
import { BUDGET_CASES } from "../test/fixtures/hostile/budget-cases";
import { buildDialect, DIALECTS } from "../test/world/dialects";
import { craftZip, minimalWorkbook, sheetXml, type CraftEntry } from "../test/helpers/zip-craft";

const ROOT = resolve(__dirname, "..");
const FIXTURES = join(ROOT, "test/fixtures");
/** the budget cases cheap enough to build and read three times in band */
const CASES = [
  "whole-sheet-validation.xlsx",
  "far-cell-alone.xlsx",
  "merge-a30-xfd.xlsx",
  "lying-sizes.xlsx",
];

interface Input {
  readonly file: string;
  readonly bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------------------
// hand-written feature workbooks (the same XML as test/xlsx/reader.test.ts)

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
  `<numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/>` +
  `<xf numFmtId="14"/><xf numFmtId="57"/></cellXfs></styleSheet>`;
const SST =
  `<sst xmlns="${MAIN}" count="3"><si><t>平野区</t><rPh sb="0" eb="3"><t>ヒラノク</t></rPh><phoneticPr fontId="1"/></si>` +
  `<si><r><rPr><b/></rPr><t>取組</t></r><r><t xml:space="preserve"> 内容</t></r><rPh><t>トリクミ</t></rPh></si><si><t/></si></sst>`;

const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/**
 * Adds shared strings and styles (their relationships from the workbook and, unless `noTypes`, their
 * content-type overrides as Excel writes them) and optionally a workbookPr.
 */
function withParts(
  entries: CraftEntry[],
  extra: Record<string, string>,
  wbPr = "",
  noTypes = false,
): Uint8Array {
  const types = Object.keys(extra)
    .map(
      (p) =>
        `<Override PartName="/${p}" ContentType="${CT}.${p.includes("sharedStrings") ? "sharedStrings" : "styles"}+xml"/>`,
    )
    .join("");
  const rels = Object.keys(extra)
    .map((p, i) => {
      const type = p.includes("sharedStrings") ? "sharedStrings" : "styles";
      return `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${p.replace(/^.*\//, "")}"/>`;
    })
    .join("");
  return craftZip([
    ...entries.map((e) => {
      if (e.name === "[Content_Types].xml" && !noTypes)
        return { ...e, data: String(e.data).replace("</Types>", `${types}</Types>`) };
      if (e.name.endsWith(".xml.rels") && !e.name.startsWith("_rels/"))
        return { ...e, data: String(e.data).replace("</Relationships>", `${rels}</Relationships>`) };
      if (/^[^_].*\/[^/]+\.xml$/.test(e.name) && String(e.data).includes("<workbook ") && wbPr !== "")
        return { ...e, data: String(e.data).replace("<sheets>", `${wbPr}<sheets>`) };
      return e;
    }),
    ...Object.entries(extra).map(([name, data]) => ({ name, data })),
  ]);
}

const FEATURE_SHEET = sheetXml(
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<なま>]]></t></is></c><c r="B2" t="inlineStr"><v>値で</v></c>' +
    '<c r="C2" t="d"><v>2016-04-01T00:00:00</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>' +
    '<row r="3"><c r="A3" s="1"><v>42461</v></c><c r="B3" s="2"><v>0.873</v></c><c r="C3" s="3"><v>12400</v></c>' +
    '<c r="D3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E3" s="4"><v>42461</v></c><c r="F3" s="5"><v>42461</v></c></row>',
  '<sheetProtection sheet="true" objects="true"/><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>',
);

/** kusei-features.xlsx: a non-standard sheet part name, rich text + furigana, CDATA, <v> inline, t=d, formats */
function featureBook(): Uint8Array {
  return withParts(minimalWorkbook([{ name: "S", part: "xl/worksheets/data.xml", xml: FEATURE_SHEET }]), {
    "xl/sharedStrings.xml": SST,
    "xl/styles.xml": STYLES,
  });
}

/** the same, its shared strings and styles declared only as Default application/xml (not conforming) */
function untypedBook(): Uint8Array {
  return withParts(
    minimalWorkbook([{ name: "S", part: "xl/worksheets/data.xml", xml: FEATURE_SHEET }]),
    { "xl/sharedStrings.xml": SST, "xl/styles.xml": STYLES },
    "",
    true,
  );
}

/** the same workbook with its workbook part at book/main.xml (found only through _rels/.rels) */
function movedBook(): Uint8Array {
  const entries = minimalWorkbook([{ name: "S", part: "book/sheets/one.xml", xml: FEATURE_SHEET }], {
    workbookPath: "book/main.xml",
  });
  return withParts(entries, { "book/sharedStrings.xml": SST, "book/styles.xml": STYLES });
}

/** 1904 dates as LibreOffice writes them (date1904="true") */
function book1904(): Uint8Array {
  const xml = sheetXml('<row r="1"><c r="A1" s="1"><v>40999</v></c><c r="B1" s="4"><v>40999</v></c></row>');
  return withParts(
    minimalWorkbook([{ name: "D", part: "xl/worksheets/sheet1.xml", xml }]),
    { "xl/styles.xml": STYLES },
    '<workbookPr date1904="true"/>',
  );
}

/** OpenXML SDK output: every element x: prefixed */
function prefixedBook(): Uint8Array {
  const xml =
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>接頭辞</x:t></x:is></x:c>` +
    `<x:c r="C1"><x:v>5</x:v></x:c></x:row></x:sheetData><x:sheetProtection sheet="1"/></x:worksheet>`;
  return craftZip(minimalWorkbook([{ name: "P", part: "xl/worksheets/sheet1.xml", xml }]));
}

/** sheet protection as Excel writes it (sheet="1") */
function excelProtected(): Uint8Array {
  const xml = sheetXml(
    '<row r="1"><c r="A1"><v>1</v></c></row>',
    '<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>',
  );
  return craftZip(minimalWorkbook([{ name: "E", part: "xl/worksheets/sheet1.xml", xml }]));
}

/** value edge cases: exponents, text booleans, inline rich text and furigana, _xHHHH_ escapes, a date-time */
function edgeBook(): Uint8Array {
  const sst = `<sst xmlns="${MAIN}" count="2"><si><t>改_x000D_行</t></si><si><t xml:space="preserve">  空白  </t></si></sst>`;
  const xml = sheetXml(
    '<row r="1"><c r="A1"><v>1.5E-3</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="n"><v>-0</v></c>' +
      '<c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>分</t></r><r><rPr><b/></rPr><t>割</t></r></is></c>' +
      '<c r="B2" t="inlineStr"><is><t>区役所</t><rPh sb="0" eb="3"><t>クヤクショ</t></rPh></is></c>' +
      '<c r="C2" s="4"><v>42461.75</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><v>12345678901234567</v></c></row>',
  );
  return withParts(minimalWorkbook([{ name: "V", part: "xl/worksheets/sheet1.xml", xml }]), {
    "xl/sharedStrings.xml": sst,
    "xl/styles.xml": STYLES,
  });
}

const FEATURE_BOOKS: ReadonlyArray<readonly [string, () => Uint8Array]> = [
  ["kusei-features.xlsx", featureBook],
  ["workbook-part-moved.xlsx", movedBook],
  ["parts-without-content-types.xlsx", untypedBook],
  ["libreoffice-1904.xlsx", book1904],
  ["openxml-sdk-prefixed.xlsx", prefixedBook],
  ["excel-protected.xlsx", excelProtected],
  ["value-edges.xlsx", edgeBook],
];

// ---------------------------------------------------------------------------------------------------------
// the readers

type KuseiOut = { ok: true; snapshots: SheetSnapshot[]; date1904: boolean } | { ok: false; error: string };
type SheetjsOut = { ok: true; wb: XLSX.WorkBook } | { ok: false; error: string };

function readKusei(bytes: Uint8Array): KuseiOut {
  try {
    const { snapshots, pkg } = readSnapshots(bytes);
    return { ok: true, snapshots, date1904: pkg.parts.date1904 };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, error: typeof code === "string" ? code : `throws:${String(e).slice(0, 60)}` };
  }
}

function readSheetjs(bytes: Uint8Array): SheetjsOut {
  try {
    const wb = XLSX.read(bytes, {
      type: "array",
      cellNF: true,
      cellText: true,
      cellDates: false,
      dense: true,
      sheetStubs: false,
    });
    return { ok: true, wb };
  } catch (e) {
    return {
      ok: false,
      error: String((e as Error).message ?? e)
        .slice(0, 60)
        .replace(/\s+/g, "_"),
    };
  }
}

function bestOf3<T>(f: () => T): { ms: number; out: T } {
  let best = Infinity;
  let out: T | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    out = f();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, out: out as T };
}

// ---------------------------------------------------------------------------------------------------------
// comparing values

type Cell = XLSX.CellObject;

function sheetjsRows(ws: XLSX.WorkSheet): Cell[][] {
  return ((ws as unknown as { "!data"?: Cell[][] })["!data"] ?? []) as Cell[][];
}

/** kusei's value as SheetJS would give `v`: a date (yyyy-mm-dd) back to its serial */
function isoToSerial(iso: string, date1904: boolean): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

const ISO = /^\d{4}-\d\d-\d\d$/;

/** Cells whose values differ between the readers on one sheet (kusei keys = sheet row/col). */
function sheetMismatches(s: SheetSnapshot, ws: XLSX.WorkSheet, date1904: boolean, samples: string[]): number {
  const merges = (ws["!merges"] ?? []) as XLSX.Range[];
  const hidden = (r: number, c: number): boolean =>
    merges.some((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c && !(r === m.s.r && c === m.s.c));
  const theirs = new Map<string, Cell>();
  sheetjsRows(ws).forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell && !hidden(r, c)) theirs.set(`${r},${c}`, cell);
    }),
  );
  const ours = new Map<string, unknown>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ours.set(`${r + s.origin.row},${c + s.origin.col}`, v);
    }),
  );
  for (const e of s.errors) ours.set(`${e.row + s.origin.row},${e.col + s.origin.col}`, { error: e.code });
  let bad = 0;
  const keys = new Set([...ours.keys(), ...theirs.keys()]);
  for (const k of keys) {
    const a = ours.get(k);
    const cell = theirs.get(k);
    let b: unknown = cell?.v;
    if (cell?.t === "e") b = { error: cell.w };
    if (b === "" || b === undefined) b = undefined;
    let same: boolean;
    if (a === undefined || b === undefined) same = a === b;
    else if (typeof a === "object" || typeof b === "object") same = JSON.stringify(a) === JSON.stringify(b);
    else if (typeof a === "string" && ISO.test(a) && typeof b === "number")
      same = isoToSerial(a, date1904) === Math.floor(b);
    else if (typeof a === "number" && typeof b === "number") same = Math.abs(a - b) < 1e-9;
    else same = a === b;
    if (!same) {
      bad++;
      if (samples.length < 3)
        samples.push(`${s.name}!${k} kusei=${JSON.stringify(a)} sheetjs=${JSON.stringify(b)}`);
    }
  }
  return bad;
}

function mismatches(k: Extract<KuseiOut, { ok: true }>, wb: XLSX.WorkBook, samples: string[]): number {
  let bad = 0;
  const names = new Set([...k.snapshots.map((s) => s.name), ...wb.SheetNames]);
  for (const name of names) {
    const s = k.snapshots.find((x) => x.name === name);
    const ws = wb.Sheets[name];
    if (!s || !ws) {
      bad++;
      samples.push(`sheet ${name} only in ${s ? "kusei" : "sheetjs"}`);
      continue;
    }
    bad += sheetMismatches(s, ws, k.date1904, samples);
  }
  return bad;
}

// ---------------------------------------------------------------------------------------------------------
// the files

function xlsxUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xlsxUnder(p));
    else if (/\.xlsx$/i.test(name)) out.push(p);
  }
  return out;
}

function inputs(): Input[] {
  const list: Input[] = xlsxUnder(FIXTURES).map((p) => ({
    file: relative(ROOT, p),
    bytes: new Uint8Array(readFileSync(p)),
  }));
  const tmp = mkdtempSync(join(tmpdir(), "kusei-readers-"));
  for (const d of DIALECTS) {
    const bytes = buildDialect(d);
    writeFileSync(join(tmp, d.file), bytes);
    list.push({ file: `world/${d.file}`, bytes });
  }
  for (const c of BUDGET_CASES.filter((c) => CASES.includes(c.file) && !c.expensive))
    list.push({ file: `budget/${c.file}`, bytes: c.build() });
  for (const [file, build] of FEATURE_BOOKS) list.push({ file: `feature/${file}`, bytes: build() });
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// features kusei needs, asked of each reader's output

function kuseiDisplay(k: KuseiOut, sheet: string, row: number, col: number): string {
  if (!k.ok) return k.error;
  const s = k.snapshots.find((x) => x.name === sheet);
  if (!s) return "no-sheet";
  const d = s.displays?.find((x) => x.row + s.origin.row === row && x.col + s.origin.col === col);
  if (d) return d.text;
  const v = s.values[row - s.origin.row]?.[col - s.origin.col];
  return v === undefined || v === null ? "-" : String(v);
}

function sheetjsCell(j: SheetjsOut, sheet: string, row: number, col: number): Cell | undefined {
  if (!j.ok) return undefined;
  const ws = j.wb.Sheets[sheet];
  return ws ? sheetjsRows(ws)[row]?.[col] : undefined;
}

function sheetjsText(j: SheetjsOut, sheet: string, row: number, col: number): string {
  if (!j.ok) return j.error;
  if (!j.wb.Sheets[sheet]) return "no-sheet";
  const c = sheetjsCell(j, sheet, row, col);
  return c === undefined ? "-" : (c.w ?? String(c.v));
}

function kuseiProtected(k: KuseiOut, sheet: string): string {
  if (!k.ok) return k.error;
  const s = k.snapshots.find((x) => x.name === sheet);
  return s ? String(s.protected) : "no-sheet";
}

function sheetjsProtected(j: SheetjsOut, sheet: string): string {
  if (!j.ok) return j.error;
  const ws = j.wb.Sheets[sheet];
  if (!ws) return "no-sheet";
  const p = ws["!protect"];
  return p === undefined ? "false" : "true";
}

function q(s: string): string {
  return JSON.stringify(s);
}

function features(read: Map<string, { k: KuseiOut; j: SheetjsOut }>): void {
  const f = (name: string, want: string, kusei: string, sheetjs: string): void =>
    console.log(
      `feature ${name} want=${q(want)} kusei=${q(kusei)} sheetjs=${q(sheetjs)} kusei_right=${kusei === want ? "yes" : "no"} sheetjs_right=${sheetjs === want ? "yes" : "no"}`,
    );
  const get = (file: string) => read.get(file) as { k: KuseiOut; j: SheetjsOut };
  const feat = get("feature/kusei-features.xlsx");
  f("percent-0.0%", "87.3%", kuseiDisplay(feat.k, "S", 2, 1), sheetjsText(feat.j, "S", 2, 1));
  f("thousands-#,##0", "12,400", kuseiDisplay(feat.k, "S", 2, 2), sheetjsText(feat.j, "S", 2, 2));
  f("era-ggge-gannen", "平成28年4月1日", kuseiDisplay(feat.k, "S", 2, 0), sheetjsText(feat.j, "S", 2, 0));
  // built-in 14 and 57 as Japanese Excel shows them (14 is locale-dependent: m/d/yyyy in en-US)
  f("builtin-14-ja", "2016/4/1", kuseiDisplay(feat.k, "S", 2, 4), sheetjsText(feat.j, "S", 2, 4));
  f("builtin-57-ja", "H28.4.1", kuseiDisplay(feat.k, "S", 2, 5), sheetjsText(feat.j, "S", 2, 5));
  f("furigana-left-out", "平野区", kuseiDisplay(feat.k, "S", 0, 0), sheetjsText(feat.j, "S", 0, 0));
  f("rich-text-joined", "取組 内容", kuseiDisplay(feat.k, "S", 0, 1), sheetjsText(feat.j, "S", 0, 1));
  f("inline-cdata", "<なま>", kuseiDisplay(feat.k, "S", 1, 0), sheetjsText(feat.j, "S", 1, 0));
  f("inline-with-v", "値で", kuseiDisplay(feat.k, "S", 1, 1), sheetjsText(feat.j, "S", 1, 1));
  const td = sheetjsCell(feat.j, "S", 1, 2);
  // t="d": kusei's value is yyyy-mm-dd, SheetJS's (cellDates: false) a serial — both as the serial here
  const kd = kuseiDisplay(feat.k, "S", 1, 2);
  f("t=d-iso-date", "42461", ISO.test(kd) ? String(isoToSerial(kd, false)) : kd, td ? String(td.v) : "-");
  f("protect-libreoffice-true", "true", kuseiProtected(feat.k, "S"), sheetjsProtected(feat.j, "S"));
  const ex = get("feature/excel-protected.xlsx");
  f("protect-excel-1", "true", kuseiProtected(ex.k, "E"), sheetjsProtected(ex.j, "E"));
  const lo = get("world/protected-libreoffice.xlsx");
  f("protect-libreoffice-world", "true", kuseiProtected(lo.k, "取組(1)"), sheetjsProtected(lo.j, "取組(1)"));
  const mg = (k: KuseiOut, j: SheetjsOut): [string, string] => [
    k.ok ? JSON.stringify(k.snapshots[0]?.merges) : k.error,
    j.ok ? JSON.stringify(j.wb.Sheets["S"]?.["!merges"]) : j.error,
  ];
  const [km, jm] = mg(feat.k, feat.j);
  f(
    "merge-A5:B6",
    "A5:B6",
    km === '[{"top":4,"left":0,"bottom":5,"right":1}]' ? "A5:B6" : km,
    jm === '[{"s":{"c":0,"r":4},"e":{"c":1,"r":5}}]' ? "A5:B6" : jm,
  );
  const d4 = get("feature/libreoffice-1904.xlsx");
  f(
    "date1904-flag",
    "true",
    d4.k.ok ? String(d4.k.date1904) : d4.k.error,
    d4.j.ok ? String(Boolean(d4.j.wb.Workbook?.WBProps?.date1904)) : d4.j.error,
  );
  f("date1904-era-text", "平成28年4月1日", kuseiDisplay(d4.k, "D", 0, 0), sheetjsText(d4.j, "D", 0, 0));
  f("date1904-builtin-14-ja", "2016/4/1", kuseiDisplay(d4.k, "D", 0, 1), sheetjsText(d4.j, "D", 0, 1));
  const mv = get("feature/workbook-part-moved.xlsx");
  f("workbook-part-via-rels", "87.3%", kuseiDisplay(mv.k, "S", 2, 1), sheetjsText(mv.j, "S", 2, 1));
  const px = get("feature/openxml-sdk-prefixed.xlsx");
  f("x-prefix-value", "接頭辞", kuseiDisplay(px.k, "P", 0, 1), sheetjsText(px.j, "P", 0, 1));
  const ed = get("feature/value-edges.xlsx");
  for (const [name, want, r, c] of [
    ["exponent", "0.0015", 0, 0],
    ["bool-0", "false", 0, 1],
    ["shared-_x000D_", "改\r行", 0, 3],
    ["shared-spaces", "  空白  ", 0, 4],
    ["inline-rich", "分割", 1, 0],
    ["inline-furigana-left-out", "区役所", 1, 1],
    ["big-integer", "12345678901234568", 1, 4],
  ] as const) {
    const j = sheetjsCell(ed.j, "V", r, c);
    f(name, want, kuseiDisplay(ed.k, "V", r, c), j === undefined ? "-" : String(j.v));
  }
  f("datetime-builtin-14-ja", "2016/4/1", kuseiDisplay(ed.k, "V", 1, 2), sheetjsText(ed.j, "V", 1, 2));
  f("x-prefix-protect", "true", kuseiProtected(px.k, "P"), sheetjsProtected(px.j, "P"));
}

// ---------------------------------------------------------------------------------------------------------

function main(): void {
  const list = inputs();
  // warm both up (JIT, lazy requires) so the first file is not charged for them
  const warm = list.find((x) => x.file.endsWith("hirano-fy2016.xlsx"));
  if (warm) {
    readKusei(warm.bytes);
    readSheetjs(warm.bytes);
  }
  const read = new Map<string, { k: KuseiOut; j: SheetjsOut }>();
  let kOk = 0;
  let jOk = 0;
  let kTotal = 0;
  let jTotal = 0;
  let bad = 0;
  for (const { file, bytes } of list) {
    const k = bestOf3(() => readKusei(bytes));
    const j = bestOf3(() => readSheetjs(bytes));
    read.set(file, { k: k.out, j: j.out });
    kTotal += k.ms;
    jTotal += j.ms;
    if (k.out.ok) kOk++;
    if (j.out.ok) jOk++;
    const samples: string[] = [];
    let same = "n/a";
    if (k.out.ok && j.out.ok) {
      const n = mismatches(k.out, j.out.wb, samples);
      bad += n;
      same = n === 0 ? "yes" : `no(${n})`;
    }
    console.log(
      `reader ${file} kusei_ms=${k.ms.toFixed(1)} sheetjs_ms=${j.ms.toFixed(1)} kusei=${k.out.ok ? "ok" : k.out.error} sheetjs=${j.out.ok ? "ok" : j.out.error} same_values=${same}` +
        (samples.length ? `  # ${samples.join("; ")}` : ""),
    );
  }
  console.log(
    `readers files=${list.length} kusei_ok=${kOk} sheetjs_ok=${jOk} kusei_total_ms=${Math.round(kTotal)} sheetjs_total_ms=${Math.round(jTotal)} value_mismatches=${bad}`,
  );
  features(read);
}

main();
