import { strToU8, zipSync } from "fflate";
import JSZip from "jszip";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET } from "../../src/core/changelog";
import { applyToDocument } from "../../src/xlsx/patch/apply-writes";
import { appendLogRows } from "../../src/xlsx/patch/change-log";
import { XlsxDocument } from "../../src/xlsx/patch/document";
import { writeZip } from "../../src/xlsx/zip/write";
import { sampleWorkbookBytes } from "./build";
import { entriesOf, surgicalDiff, testWorkbookParts } from "./surgical-helpers";
import { testZipArchive } from "./zip-test-reader";
import { at } from "../helpers/cell-write";

function open(bytes: Uint8Array): XlsxDocument {
  const zip = testZipArchive(bytes);
  return new XlsxDocument(zip, testWorkbookParts(zip));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook from raw parts (what another writer put there, byte for byte). */
function rawWorkbook(sheetXml: string, extra: Record<string, string> = {}, sst?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        `<sheet name="評価" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sst ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
        `</Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    ...(sst ? { "xl/sharedStrings.xml": strToU8(sst) } : {}),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

const sheet = (body: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData>${after}</worksheet>`;

function sheetXmlOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(entriesOf(bytes).get("xl/worksheets/sheet1.xml"));
}

describe("zip/write", () => {
  test("kept entries are copied as stored; new ones are deflated and read back", async () => {
    const input = await sampleWorkbookBytes();
    const zip = testZipArchive(input);
    const out = writeZip([
      ...zip.entries.map((entry) => ({ kind: "keep" as const, entry })),
      { kind: "new", name: "xl/新しい.xml", data: strToU8("<a>テスト</a>") },
    ]);
    const back = testZipArchive(out);
    for (const e of zip.entries) {
      const o = back.get(e.name);
      expect(o && Buffer.from(o.raw()).equals(Buffer.from(e.raw()))).toBe(true);
      expect(o?.crc32).toBe(e.crc32);
    }
    const jz = await JSZip.loadAsync(out);
    expect(await jz.file("xl/新しい.xml")?.async("string")).toBe("<a>テスト</a>");
    // JSZip checks every CRC while reading
    for (const name of Object.keys(jz.files)) await jz.file(name)?.async("uint8array");
  });

  test("a duplicate entry name is refused", () => {
    expect(() =>
      writeZip([
        { kind: "new", name: "a.xml", data: strToU8("1") },
        { kind: "new", name: "A.xml", data: strToU8("2") },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe("surgical patch", () => {
  test("replaces, inserts a cell in column order and a row in row order; keeps the style index", () => {
    const input = rawWorkbook(
      sheet(
        `<row r="2"><c r="A2" s="3" t="s"><v>0</v></c><c r="D2" s="4"/></row>` +
          `<row r="5" spans="1:3" customFormat="1" s="7"><c r="C5"><v>1</v></c></row>`,
      ),
      {},
      `<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>旧</t></si></sst>`,
    );
    const doc = open(input);
    const r = applyToDocument(doc, [
      { sheet: "評価", ...at("A2"), expected: "旧", value: "新", reason: "t" },
      { sheet: "評価", ...at("D2"), expected: null, value: "○", reason: "t" },
      { sheet: "評価", ...at("B2"), expected: null, value: "×", reason: "t" },
      { sheet: "評価", ...at("A5"), expected: null, value: "①", reason: "t" },
      { sheet: "評価", ...at("B3"), expected: null, value: "A", reason: "t" },
      { sheet: "評価", ...at("E9"), expected: null, value: "a", reason: "t" },
    ]);
    expect(r.conflicts).toEqual([]);
    // the change log's oldContent: the plain tag and the cell's own element ("" where there was none)
    expect(r.applied.map((a) => a.oldContent)).toEqual([
      `xlsx-c:<c r="A2" s="3" t="s"><v>0</v></c>`,
      `xlsx-c:<c r="D2" s="4"/>`,
      "xlsx-c:",
      "xlsx-c:",
      "xlsx-c:",
      "xlsx-c:",
    ]);
    const out = doc.save();
    expect(sheetXmlOf(out)).toBe(
      sheet(
        `<row r="2"><c r="A2" s="3" t="inlineStr"><is><t xml:space="preserve">新</t></is></c>` +
          `<c r="B2" t="inlineStr"><is><t xml:space="preserve">×</t></is></c>` +
          `<c r="D2" s="4" t="inlineStr"><is><t xml:space="preserve">○</t></is></c></row>` +
          `<row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve">A</t></is></c></row>` +
          `<row r="5" spans="1:3" customFormat="1" s="7"><c r="A5" s="7" t="inlineStr"><is><t xml:space="preserve">①</t></is></c>` +
          `<c r="C5"><v>1</v></c></row>` +
          `<row r="9"><c r="E9" t="inlineStr"><is><t xml:space="preserve">a</t></is></c></row>`,
      ),
    );
    const diff = surgicalDiff(input, out, r.applied, CHANGE_LOG_SHEET);
    expect(diff).toEqual({ unexpected: [], missing: [], extra: [] });
  });

  test("never over a formula, into a protected sheet (Excel's and LibreOffice's), or a merged cell's other cells", () => {
    const cells = `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1"/></row>`;
    const merges = `<mergeCells count="1"><mergeCell ref="C1:D2"/></mergeCells>`;
    const doc = open(rawWorkbook(sheet(cells, merges)));
    const w = (cell: string, expected: string | number | null = null) => ({
      sheet: "評価",
      ...at(cell),
      expected,
      value: "○",
      reason: "t",
    });
    const r = applyToDocument(doc, [w("A1", 2), w("B1"), w("D2"), w("C1"), w("Z1", "x"), w("A1:B2")]);
    expect(r.conflicts.map((c) => [c.write.cell, c.why])).toEqual([
      ["A1", "formula"],
      ["B1", "error-value"],
      ["D2", "merged"],
      ["Z1", "changed"],
      ["A1:B2", "invalid-address"],
    ]);
    expect(r.applied.map((a) => a.cell)).toEqual(["C1"]);
    for (const protection of [
      `<sheetProtection sheet="1" objects="1"/>`,
      `<sheetProtection sheet="true" password="CC1A"/>`,
    ]) {
      const locked = open(rawWorkbook(sheet(cells, protection)));
      expect(applyToDocument(locked, [w("C1")]).conflicts.map((c) => c.why)).toEqual(["protected"]);
      expect(locked.changed()).toBe(false);
    }
  });

  test("reads x: prefixes, inline strings with <v> and CDATA, and furigana runs as the guard compares them", () => {
    const x =
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1">` +
      `<x:c r="A1" t="inlineStr"><x:v>取組</x:v></x:c>` +
      `<x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<成果>]]></x:t></x:is></x:c>` +
      `<x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sst = `<sst xmlns="${MAIN}"><si><r><t>区</t></r><r><t>政</t></r><rPh sb="0" eb="1"><t>く</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const doc = open(rawWorkbook(x, {}, sst));
    const r = applyToDocument(doc, [
      { sheet: "評価", ...at("A1"), expected: "取組", value: "○", reason: "t" },
      { sheet: "評価", ...at("B1"), expected: "<成果>", value: "×", reason: "t" },
      { sheet: "評価", ...at("C1"), expected: "区政", value: "A", reason: "t" },
      { sheet: "評価", ...at("D1"), expected: null, value: "a", reason: "t" },
    ]);
    expect(r.conflicts).toEqual([]);
    const xml = sheetXmlOf(doc.save());
    expect(xml).toContain(
      `<x:c r="D1" t="inlineStr"><x:is><x:t xml:space="preserve">a</x:t></x:is></x:c></x:row>`,
    );
    expect(xml).toContain(`<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">○</x:t></x:is></x:c>`);
  });

  test("writes chain, and a revert with oldContent restores the exact original element", () => {
    const input = rawWorkbook(
      sheet(`<row r="1"><c r="A1" s="2" t="s" ph="1"><v>0</v></c></row>`),
      {},
      `<sst xmlns="${MAIN}"><si><t>(ⅰ)</t></si></sst>`,
    );
    const doc = open(input);
    const first = applyToDocument(doc, [
      { sheet: "評価", ...at("A1"), expected: "(ⅰ)", value: "○(ⅰ)", reason: "t" },
      { sheet: "評価", ...at("B1"), expected: null, value: "×", reason: "t" },
    ]);
    const saved = doc.save();
    const again = open(saved);
    const undo = applyToDocument(
      again,
      first.applied.map((a) => ({
        sheet: a.sheet,
        ...at(a.cell),
        expected: a.value,
        value: "",
        reason: "revert",
        // a RestoreWrite as core's planRevert makes it from the log row
        restore: null,
        restoreContent: a.oldContent,
      })),
    );
    expect(undo.conflicts).toEqual([]);
    expect(sheetXmlOf(again.save())).toBe(sheetXmlOf(input));
  });

  test("the change-log sheet is added once with its three entries, then appended to", () => {
    const input = rawWorkbook(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`));
    const doc = open(input);
    const r = applyToDocument(doc, [{ sheet: "評価", ...at("B1"), expected: null, value: "○", reason: "t" }]);
    appendLogRows(doc, CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, [
      ["id#1", "t", "評価", "B1", null, "○", "r", "apply"],
    ]);
    const once = doc.save();
    expect(surgicalDiff(input, once, r.applied, CHANGE_LOG_SHEET)).toEqual({
      unexpected: [],
      missing: [],
      extra: [],
    });
    const parts = testWorkbookParts(testZipArchive(once));
    expect(parts.sheets.map((s) => [s.name, s.partPath, s.sheetId])).toEqual([
      ["評価", "xl/worksheets/sheet1.xml", 1],
      [CHANGE_LOG_SHEET, "xl/worksheets/sheet2.xml", 2],
    ]);
    const types = new TextDecoder().decode(entriesOf(once).get("[Content_Types].xml"));
    expect(types).toContain(`<Override PartName="/xl/worksheets/sheet2.xml"`);

    const doc2 = open(once);
    const r2 = applyToDocument(doc2, [
      { sheet: "評価", ...at("C1"), expected: null, value: "×", reason: "t" },
    ]);
    appendLogRows(doc2, CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, [
      ["id#2", "t", "評価", "C1", null, "×", "r", "apply"],
    ]);
    const twice = doc2.save();
    const diff = surgicalDiff(once, twice, r2.applied, CHANGE_LOG_SHEET);
    expect(diff).toEqual({ unexpected: [], missing: [], extra: [] });
    const log = new TextDecoder().decode(entriesOf(twice).get("xl/worksheets/sheet2.xml"));
    expect(log).toContain(`<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">id#2</t>`);
  });

  test("a structure-locked workbook gets no new log sheet (nothing is written)", () => {
    const input = rawWorkbook(sheet(""));
    const files = entriesOf(input);
    const wb = new TextDecoder()
      .decode(files.get("xl/workbook.xml"))
      .replace("<sheets>", `<workbookProtection lockStructure="true"/><sheets>`);
    const locked = rawWorkbook(sheet(""), { "xl/workbook.xml": wb });
    const doc = open(locked);
    expect(() => appendLogRows(doc, CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, [["a"]])).toThrow(
      expect.objectContaining({ code: "structure-locked" }),
    );
  });
});
