import { readSnapshots } from "../../src/xlsx/read-snapshots";
import { renderNumber, withEra } from "../../src/xlsx/number-format";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { craftZip, minimalWorkbook, sheetXml, type CraftEntry } from "../helpers/zip-craft";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function withParts(entries: CraftEntry[], extra: Record<string, string>, wbPr = ""): Uint8Array {
  const rels = Object.keys(extra)
    .map((p, i) => {
      const type = p.includes("sharedStrings") ? "sharedStrings" : "styles";
      return `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${p.replace("xl/", "")}"/>`;
    })
    .join("");
  return craftZip([
    ...entries.map((e) => {
      if (e.name === "xl/_rels/workbook.xml.rels")
        return { ...e, data: String(e.data).replace("</Relationships>", `${rels}</Relationships>`) };
      if (e.name === "xl/workbook.xml" && wbPr !== "")
        return { ...e, data: String(e.data).replace("<sheets>", `${wbPr}<sheets>`) };
      return e;
    }),
    ...Object.entries(extra).map(([name, data]) => ({ name, data })),
  ]);
}

const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
  `<numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
const SST =
  `<sst xmlns="${MAIN}" count="3"><si><t>平野区</t><rPh sb="0" eb="3"><t>ヒラノク</t></rPh><phoneticPr fontId="1"/></si>` +
  `<si><r><rPr><b/></rPr><t>取組</t></r><r><t xml:space="preserve"> 内容</t></r><rPh><t>トリクミ</t></rPh></si><si><t/></si></sst>`;

describe("the streaming reader: cells as Excel, LibreOffice and the OpenXML SDK write them", () => {
  const sheet = sheetXml(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<なま>]]></t></is></c><c r="B2" t="inlineStr"><v>値で</v></c>' +
      '<c r="C2" t="d"><v>2016-04-01T00:00:00</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>42461</v></c><c r="B3" s="2"><v>0.873</v></c><c r="C3" s="3"><v>12400</v></c>' +
      '<c r="D3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E3"><f>1/0</f></c></row>',
    '<sheetProtection sheet="true" objects="true"/><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>',
  );
  const bytes = withParts(minimalWorkbook([{ name: "S", part: "xl/worksheets/data.xml", xml: sheet }]), {
    "xl/sharedStrings.xml": SST,
    "xl/styles.xml": STYLES,
  });
  const [s] = readSnapshots(bytes).snapshots;

  test("shared strings (rich text flattened, furigana left out), inline strings (CDATA, <v>), t=d, booleans", () => {
    expect(s?.values[0]).toEqual(["平野区", "取組 内容", null, null, null]);
    expect(s?.values[1]).toEqual(["<なま>", "値で", "2016-04-01", true, null]);
    expect(s?.errors).toEqual([{ row: 1, col: 4, code: "#N/A" }]);
  });

  test("number formats: a date as yyyy-mm-dd with its era text, percent and separators as displays", () => {
    expect(s?.values[2]).toEqual(["2016-04-01", 0.873, 12400, "ab", null]);
    expect(s?.displays).toEqual([
      { row: 2, col: 0, text: "平成28年4月1日", format: '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"' },
      { row: 2, col: 1, text: "87.3%", format: "0.0%" },
      { row: 2, col: 2, text: "12,400", format: "#,##0" },
    ]);
    expect(s?.formulas).toEqual([
      { row: 2, col: 3 },
      { row: 2, col: 4 },
    ]);
  });

  test('protection as LibreOffice writes it (sheet="true"), merges, the part name free', () => {
    expect(s?.protected).toBe(true);
    expect(s?.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 1 }]);
    expect(s?.name).toBe("S");
  });

  test("x: prefixed elements (OpenXML SDK) read the same", () => {
    const prefixed =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>接頭辞</x:t></x:is></x:c>` +
      `<x:c r="C1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const [p] = readSnapshots(
      craftZip(minimalWorkbook([{ name: "P", part: "xl/worksheets/sheet1.xml", xml: prefixed }])),
    ).snapshots;
    expect(p?.origin).toEqual({ row: 0, col: 1 });
    expect(p?.values).toEqual([["接頭辞", 5]]);
  });

  test("date1904 (LibreOffice writes true): the same serial is four years later", () => {
    const xml = sheetXml('<row r="1"><c r="A1" s="1"><v>40999</v></c></row>');
    const one = withParts(
      minimalWorkbook([{ name: "D", part: "xl/worksheets/sheet1.xml", xml }]),
      { "xl/styles.xml": STYLES },
      '<workbookPr date1904="true"/>',
    );
    const [d] = readSnapshots(one).snapshots;
    expect(d?.values).toEqual([["2016-04-01"]]);
    expect(d?.displays?.[0]?.text).toBe("平成28年4月1日");
  });

  test("a whole-sheet validation and a merge over A30:XFD1048576 cost nothing; a far lone cell is one cell", () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',
      '<mergeCells count="1"><mergeCell ref="A30:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"○"</formula1></dataValidation></dataValidations>',
    );
    const far = sheetXml('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>遠</t></is></c></row>');
    const { snapshots, validationCells } = readSnapshots(
      craftZip(
        minimalWorkbook([
          { name: "M", part: "xl/worksheets/sheet1.xml", xml },
          { name: "F", part: "xl/worksheets/sheet2.xml", xml: far },
        ]),
      ),
    );
    expect(snapshots[0]?.values).toEqual([["x"]]);
    expect(snapshots[0]?.merges).toEqual([]);
    expect(snapshots[1]?.origin).toEqual({ row: 1048575, col: 16383 });
    expect(snapshots[1]?.values).toEqual([["遠"]]);
    expect(validationCells).toBe(16384 * 1048576);
  });

  test("data at A1 and a cell at XFD1048576 on one sheet: refused with the cells budget, naming --max-cells", () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    );
    try {
      readSnapshots(craftZip(minimalWorkbook([{ name: "F", part: "xl/worksheets/sheet1.xml", xml }])));
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect((e as WorkbookReadError).code).toBe("over-budget");
      expect((e as WorkbookReadError).messages.ja).toMatch(/セル数.*--max-cells/);
      expect((e as WorkbookReadError).messages.en).toMatch(/cells.*--max-cells/);
    }
  });
});

describe("Japanese era formats (numfmt renders ggge as the Gregorian year; kusei replaces the era tokens)", () => {
  test.each<[string, number, string]>([
    ['[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', 42461, "平成28年4月1日"],
    ['[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', 43586, "令和元年5月1日"],
    ['[$-411]ggge"年"m"月"d"日"', 43586, "令和1年5月1日"],
    ['[$-411]ggge"年"m"月"d"日"', 43585, "平成31年4月30日"],
    ["[$-411]ge.m.d", 42461, "H28.4.1"],
    ['[$-411]gge"年"', 32515, "昭64年"],
    ['ggge"年"', 9855, "大正15年"],
    ["yyyy/m/d", 42461, "2016/4/1"],
    ["[$-409]yyyy/m/d", 42461, "2016/4/1"],
    ["0.0%", 0.873, "87.3%"],
    ["#,##0", 12400, "12,400"],
  ])("%s of %d → %s", (code, serial, text) => {
    expect(renderNumber(code, serial, false)).toBe(text);
  });

  test("a non-Japanese locale keeps numfmt's reading; quoted g stays text", () => {
    expect(withEra("[$-409]ggge", 42461, false)).toBeNull();
    expect(withEra('"g"yyyy', 42461, false)).toBeNull();
  });
});
