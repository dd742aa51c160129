/**
 * The fast XML scanner (src/xlsx/xml-fast.ts) must report exactly what saxes reports, or give up and let saxes
 * read the part: for every XML part of every fixture, hostile file, budget case and world dialect, and for
 * generated and randomly damaged XML, parseXmlPartFast gives the same events, or the same refusal, as
 * parseXmlPart (saxes). The parts real writers produce must take the fast path (else the speed is lost
 * without a word), and a part given up late is not charged to the budget twice.
 */
import fc from "fast-check";
import { readWorkbook } from "../../src/xlsx";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { readZip, type BoundedZip } from "../../src/xlsx/zip/read";
import { both, meter } from "../helpers/xml-both";
import { craftZip, minimalWorkbook, sheetXml } from "../helpers/zip-craft";
import { readerCorpus } from "../helpers/read-corpus";

function zipOf(xml: string): () => BoundedZip {
  const bytes = craftZip([{ name: "p.xml", data: xml }]);
  return () => readZip(bytes, meter());
}

const CORPUS = readerCorpus();

describe("xml-fast: the same events as saxes, or saxes itself", () => {
  test("every XML part of the fixtures, hostile files, budget cases and dialects", () => {
    let parts = 0;
    const bailedOnWriters: string[] = [];
    for (const [name, bytes] of CORPUS) {
      let zip: BoundedZip;
      try {
        zip = readZip(bytes, meter());
      } catch {
        continue; // not a zip the reader opens: nothing to parse
      }
      for (const entry of zip.entries) {
        if (!/\.(xml|rels)$/i.test(entry.name)) continue;
        let r: ReturnType<typeof both>;
        try {
          r = both(() => readZip(bytes, meter()), entry.name);
        } catch (e) {
          // the entry itself cannot be inflated (a hostile archive): both paths meet that before parsing
          if (e instanceof WorkbookReadError) continue;
          throw e;
        }
        parts++;
        expect({ part: `${name}:${entry.name}`, ...r.fast }).toEqual({
          part: `${name}:${entry.name}`,
          ...r.saxes,
        });
        const writer = !name.startsWith("hostile/") && !name.startsWith("budget/");
        if (writer && r.bailed && /worksheets\/|sharedStrings/.test(entry.name))
          bailedOnWriters.push(`${name}:${entry.name}`);
      }
    }
    expect(parts).toBeGreaterThan(100);
    expect(bailedOnWriters).toEqual([]);
  });

  const cases: Array<[string, string, boolean]> = [
    // [what, xml, the fast path vouches for it]
    [
      "prefixed SpreadsheetML (OpenXML SDK)",
      `<x:worksheet xmlns:x="urn:m" xmlns:r="urn:r"><x:c r="A1" r:id="7"><x:v>1</x:v></x:c></x:worksheet>`,
      true,
    ],
    [
      "entities, char references, CDATA, comments",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a k="&lt;&#x41;&#66;&quot;">x&amp;y<![CDATA[<b>]]><!-- c -->z&apos;</a>`,
      true,
    ],
    [
      "xml:space and a default namespace undeclared",
      `<a xmlns="u"><b xmlns="" xml:space="preserve"> t </b></a>`,
      true,
    ],
    [
      "mc:AlternateContent: Choice skipped, Fallback read",
      `<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="x"><b/></mc:Choice><mc:Fallback><c/></mc:Fallback></mc:AlternateContent></a>`,
      true,
    ],
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, false],
    ["an undefined entity", `<a>&nbsp;</a>`, false],
    ["a carriage return", `<a>x\r\ny</a>`, false],
    ["a newline in an attribute value", `<a k="x\ny"/>`, false],
    ["a processing instruction in the body", `<a><?pi x?></a>`, false],
    ["mismatched tags", `<a><b></a></b>`, false],
    ["an unbound prefix", `<p:a/>`, false],
    ["a duplicate attribute", `<a k="1" k="2"/>`, false],
    ["the same attribute under two prefixes", `<a xmlns:p="u" xmlns:q="u" p:k="1" q:k="2"/>`, false],
    ["attributes without a space between", `<a k="1"j="2"/>`, false],
    ["text after the root", `<a/>x`, false],
    ["two roots", `<a/><b/>`, false],
    ["a control character", `<a>\u0001</a>`, false],
    ["]]> in text", `<a>x]]>y</a>`, false],
    ["a non-ASCII element name", `<データ>1</データ>`, false],
    ["an unclosed root", `<a><b/>`, false],
    ["a char reference to U+0000", `<a>&#0;</a>`, false],
  ];
  test.each(cases)("%s", (_what, xml, vouched) => {
    const r = both(zipOf(xml), "p.xml", new Set(["b"]));
    expect(r.fast).toEqual(r.saxes);
    expect(r.bailed).toBe(!vouched);
  });

  test("nested too deeply: the same refusal from both", () => {
    const xml = "<a>".repeat(200) + "</a>".repeat(200);
    const r = both(zipOf(xml), "p.xml");
    expect(r.fast).toEqual(r.saxes);
    expect("refused" in r.fast && r.fast.refused).toMatch(/nested too deeply/);
  });

  test("generated XML, then damaged at random: the same events or the same refusal", () => {
    const name = fc.constantFrom("a", "b", "c", "x:c", "r:v", "mc:Choice", "mc:Fallback", "q:z", "is", "t");
    const text = fc.constantFrom(
      "1",
      " ",
      "日本語",
      "&amp;",
      "&#x3042;",
      "&bad;",
      "<![CDATA[<&>]]>",
      "<!-- n -->",
      "]]>",
      "\n",
    );
    const attr = fc.constantFrom(
      ' r="A1"',
      " s='2'",
      ' k="&quot;"',
      ' xmlns="urn:d"',
      ' xmlns:x="urn:x"',
      ' r:id="rId1"',
      ' xml:space="preserve"',
      ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
      ' xmlns:r="urn:r"',
    );
    const element: fc.Memo<string> = fc.memo((n) =>
      n <= 1
        ? fc.tuple(name, fc.array(attr, { maxLength: 3 })).map(([q, as]) => `<${q}${as.join("")}/>`)
        : fc
            .tuple(
              name,
              fc.array(attr, { maxLength: 3 }),
              fc.array(fc.oneof(text, element(n - 1)), { maxLength: 4 }),
            )
            .map(([q, as, kids]) => `<${q}${as.join("")}>${kids.join("")}</${q}>`),
    );
    const root = fc
      .tuple(element(4))
      .map(
        ([e]) =>
          `<w xmlns="urn:m" xmlns:x="urn:m" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="urn:r">${e}</w>`,
      );
    const damage = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      put: fc.constantFrom(
        "",
        "<",
        ">",
        "&",
        '"',
        "'",
        "/",
        "=",
        ":",
        ";",
        "\r",
        "\u0001",
        "]",
        " ",
        "<a>",
        "</w>",
      ),
    });
    let vouched = 0;
    fc.assert(
      fc.property(root, fc.array(damage, { maxLength: 2 }), (xml, damages) => {
        let s = xml;
        for (const d of damages) {
          const at = d.at % (s.length + 1);
          s = s.slice(0, at) + d.put + s.slice(at + d.cut);
        }
        const r = both(zipOf(s), "p.xml", new Set(["b"]));
        if (!r.bailed) vouched++;
        expect(r.fast).toEqual(r.saxes);
      }),
      { numRuns: 600, seed: 20261202 },
    );
    // the property must not pass by the fast path giving up on everything
    expect(vouched).toBeGreaterThan(100);
  });

  test("a part given up late is not charged twice: the cell budget holds exactly its cells", async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>v${i}</t></is></c></row>`,
    ).join("");
    // well-formed, but a processing instruction at the end makes the fast path give up after every cell
    const xml = sheetXml(rows, "<?late pi?>");
    const bytes = craftZip(minimalWorkbook([{ name: "S", part: "xl/worksheets/sheet1.xml", xml }]));
    const read = async (maxCells: number): Promise<string> => {
      try {
        const { snapshots } = await readWorkbook(bytes, { budget: { maxCells } });
        return `ok ${snapshots.length}`;
      } catch (e) {
        return e instanceof WorkbookReadError ? e.code : String(e);
      }
    };
    expect(await read(20)).toBe("ok 1");
    expect(await read(19)).toBe("over-budget");
  });
});
