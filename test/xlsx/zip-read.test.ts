import { deflateSync } from "fflate";
import { readFileSync } from "node:fs";
import { BudgetMeter, budgetOf, DEFAULT_BUDGET } from "../../src/xlsx/budget";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/xlsx/errors";
import { openWorkbookPackage } from "../../src/xlsx/parts";
import { crc32, readZip } from "../../src/xlsx/zip/read";
import { fixturePath } from "../helpers/fixtures";
import { craftZip, minimalWorkbook, sheetXml, type CraftEntry } from "../helpers/zip-craft";

const meter = (over: Partial<typeof DEFAULT_BUDGET> = {}): BudgetMeter => new BudgetMeter(budgetOf(over));

function codeOf(run: () => unknown): WorkbookReadErrorCode | "ok" {
  try {
    run();
    return "ok";
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.code;
    throw e;
  }
}

const two: CraftEntry[] = [
  { name: "a.txt", data: "hello hello hello" },
  { name: "b/c.xml", data: "<x/>", method: 0 },
];

describe("zip/read: the bounded zip reader", () => {
  test("an honest archive: names, methods, sizes, CRC, raw bytes and inflated text", () => {
    const zip = readZip(craftZip(two), meter());
    expect(zip.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ["a.txt", 8, 17],
      ["b/c.xml", 0, 4],
    ]);
    expect(zip.text("a.txt")).toBe("hello hello hello");
    expect(zip.text("B/C.XML")).toBe("<x/>");
    expect(zip.get("a.txt")?.crc32).toBe(crc32(new TextEncoder().encode("hello hello hello")));
    expect(zip.get("a.txt")?.raw()).toEqual(deflateSync(new TextEncoder().encode("hello hello hello")));
  });

  test("CRC-32 matches the reference value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  test("a data descriptor entry (sizes after the data) reads", () => {
    const zip = readZip(
      craftZip([{ name: "d.txt", data: "descriptor", descriptor: true }, two[1] as CraftEntry]),
      meter(),
    );
    expect(zip.text("d.txt")).toBe("descriptor");
    expect(zip.text("b/c.xml")).toBe("<x/>");
  });

  test("a real fixture written by exceljs reads entry for entry", () => {
    const zip = readZip(new Uint8Array(readFileSync(fixturePath("hirano-fy2016"))), meter());
    expect(zip.entries.length).toBeGreaterThan(5);
    expect(zip.text("[Content_Types].xml")).toMatch(/^<\?xml/);
  });

  test.each<[string, () => Uint8Array, WorkbookReadErrorCode]>([
    ["empty", () => new Uint8Array(0), "empty"],
    [
      "CFB (encrypted / .xls)",
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "encrypted",
    ],
    ["text", () => new TextEncoder().encode("氏名,点数\n平野,3\n"), "not-zip"],
    ["cut short", () => craftZip(two).slice(0, 40), "truncated"],
    [
      "end record cut",
      () => {
        const b = craftZip(two);
        return b.slice(0, b.length - 5);
      },
      "truncated",
    ],
    ["an encrypted entry", () => craftZip([{ name: "a", data: "x", flags: 1 }]), "encrypted"],
    [
      "a method other than stored/deflate",
      () => craftZip([{ name: "a", data: "x", method: 12, stored: new Uint8Array([1]) }]),
      "corrupt",
    ],
    [
      "declares fewer bytes than it inflates to",
      () => craftZip([{ name: "a", data: "x".repeat(100_000), declaredSize: 10 }]),
      "corrupt",
    ],
    [
      "declares more bytes than it inflates to",
      () => craftZip([{ name: "a", data: "abc", declaredSize: 10 }]),
      "corrupt",
    ],
    [
      "local and central sizes disagree",
      () => craftZip([{ name: "a", data: "abc", localSize: 99 }]),
      "corrupt",
    ],
    ["a wrong CRC", () => craftZip([{ name: "a", data: "abc", crc: 1234 }]), "corrupt"],
    [
      "a local entry the directory does not list",
      () => craftZip([...two, { name: "xl/vbaProject.bin", data: "macro", inDirectory: false }]),
      "corrupt",
    ],
    [
      "two directory entries sharing one local header (overlap)",
      () => craftZip(two, { alias: ["z.txt", 0] }),
      "corrupt",
    ],
    [
      "the same name twice (case-insensitively)",
      () => craftZip([two[0] as CraftEntry, { name: "A.TXT", data: "y" }]),
      "corrupt",
    ],
    [
      "declared sizes over the byte budget",
      () => craftZip([{ name: "a", data: "x", declaredSize: 200 * 1024 * 1024 }]),
      "too-large",
    ],
  ])("%s → %s", (_what, make, code) => {
    expect(
      codeOf(() => {
        const zip = readZip(make(), meter());
        for (const e of zip.entries) zip.bytes(e.name);
      }),
    ).toBe(code);
  });

  test("an entry beyond the count the end record declares is seen, and counted against the budget", () => {
    const bytes = craftZip([...two, { name: "xl/vbaProject.bin", data: "macro" }], { declaredCount: 2 });
    const zip = readZip(bytes, meter());
    expect(zip.entries.map((e) => e.name)).toContain("xl/vbaProject.bin");
    const big = craftZip([...two, { name: "hidden.bin", data: new Uint8Array(3_000_000) }], {
      declaredCount: 2,
    });
    expect(codeOf(() => readZip(big, meter({ maxUncompressedBytes: 1_000_000 })))).toBe("too-large");
  });

  test("inflating stops at the declared size and at the byte budget while streaming, not after", () => {
    const data = new Uint8Array(8 * 1024 * 1024);
    const stored = deflateSync(data);
    // the headers claim 6 MB: the declared total passes the budget, the stream does not
    const lying = craftZip([
      { name: "a", data: new Uint8Array(0), stored, declaredSize: 6 * 1024 * 1024, crc: crc32(data) },
    ]);
    let seen = 0;
    const zip = readZip(lying, meter({ maxUncompressedBytes: 7 * 1024 * 1024 }));
    expect(codeOf(() => zip.stream("a", (c) => (seen += c.length)))).toBe("corrupt");
    expect(seen).toBeLessThanOrEqual(6 * 1024 * 1024);
    // an honest entry read when most of the budget is spent: stopped within one chunk's expansion
    const m = meter({ maxUncompressedBytes: 9 * 1024 * 1024 });
    const honest = readZip(craftZip([{ name: "a", data, stored }]), m);
    m.chargeBytes(5 * 1024 * 1024);
    seen = 0;
    expect(codeOf(() => honest.stream("a", (c) => (seen += c.length)))).toBe("too-large");
    expect(seen).toBeLessThanOrEqual(4 * 1024 * 1024);
    // the same entry read twice is charged once
    const twice = readZip(
      craftZip([{ name: "a", data, stored }]),
      meter({ maxUncompressedBytes: 9 * 1024 * 1024 }),
    );
    expect(twice.bytes("a").length).toBe(data.length);
    expect(twice.bytes("a").length).toBe(data.length);
  });

  test("too many entries → the parts budget", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `e${i}`, data: "x" }));
    expect(codeOf(() => readZip(craftZip(many), meter({ maxParts: 20 })))).toBe("over-budget");
  });
});

describe("parts: the package through its relationships", () => {
  test("the workbook part and sheet parts are found whatever their names", () => {
    const bytes = craftZip(
      minimalWorkbook(
        [
          { name: "一", part: "xl/worksheets/sheet1.xml", xml: sheetXml("") },
          { name: "二", part: "xl/worksheets/data-second.xml", xml: sheetXml("") },
        ],
        { workbookPath: "xl/main-book.xml" },
      ),
    );
    const { parts } = openWorkbookPackage(bytes);
    expect(parts.workbookPath).toBe("xl/main-book.xml");
    expect(parts.workbookRelsPath).toBe("xl/_rels/main-book.xml.rels");
    expect(parts.sheets.map((s) => [s.name, s.partPath, s.relId, s.sheetId, s.state])).toEqual([
      ["一", "xl/worksheets/sheet1.xml", "rId1", 1, "visible"],
      ["二", "xl/worksheets/data-second.xml", "rId2", 2, "visible"],
    ]);
    expect(parts.sharedStringsPath).toBeNull();
    expect(parts.date1904).toBe(false);
  });

  test("an exceljs fixture: sheets, shared strings and styles", () => {
    const { parts } = openWorkbookPackage(new Uint8Array(readFileSync(fixturePath("hirano-fy2016"))));
    expect(parts.workbookPath).toBe("xl/workbook.xml");
    expect(parts.sheets.length).toBeGreaterThan(0);
    expect(parts.sharedStringsPath).toBe("xl/sharedStrings.xml");
    expect(parts.stylesPath).toBe("xl/styles.xml");
  });

  test("prefixed elements (OpenXML SDK x:) and a relationship Id with regex metacharacters", () => {
    const entries = minimalWorkbook([{ name: "S", part: "xl/worksheets/sheet1.xml", xml: sheetXml("") }]).map(
      (e) => {
        if (e.name === "xl/workbook.xml")
          return {
            ...e,
            data:
              '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
              '<x:workbookPr date1904="true"/><x:sheets><x:sheet name="S" sheetId="1" r:id="(a+)+$[x]" state="hidden"/></x:sheets></x:workbook>',
          };
        if (e.name === "xl/_rels/workbook.xml.rels")
          return {
            ...e,
            data:
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
              '<Relationship Id="(a+)+$[x]" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          };
        return e;
      },
    );
    const { parts } = openWorkbookPackage(craftZip(entries));
    expect(parts.sheets).toEqual([
      { name: "S", partPath: "xl/worksheets/sheet1.xml", relId: "(a+)+$[x]", sheetId: 1, state: "hidden" },
    ]);
    expect(parts.date1904).toBe(true);
  });

  test("not a workbook: no content types, no officeDocument relationship", () => {
    expect(codeOf(() => openWorkbookPackage(craftZip([{ name: "word/document.xml", data: "<w/>" }])))).toBe(
      "not-workbook",
    );
    const noMain = minimalWorkbook([]).filter((e) => e.name !== "xl/workbook.xml");
    expect(codeOf(() => openWorkbookPackage(craftZip(noMain)))).toBe("not-workbook");
  });

  test("a .rels with 300k unclosed tags is refused in one linear pass", () => {
    const entries = minimalWorkbook([{ name: "S", part: "xl/worksheets/sheet1.xml", xml: sheetXml("") }]).map(
      (e) =>
        e.name === "xl/_rels/workbook.xml.rels"
          ? { ...e, data: "<Relationships>" + "<a>".repeat(300_000) }
          : e,
    );
    expect(codeOf(() => openWorkbookPackage(craftZip(entries)))).toBe("corrupt");
  });

  test("more relationships than the parts budget → over-budget", () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      Array.from({ length: 50 }, (_, i) => `<Relationship Id="r${i}" Type="t" Target="x${i}"/>`).join("") +
      "</Relationships>";
    const entries = minimalWorkbook([]).map((e) =>
      e.name === "xl/_rels/workbook.xml.rels" ? { ...e, data: rels } : e,
    );
    expect(codeOf(() => openWorkbookPackage(craftZip(entries), { maxParts: 40 }))).toBe("over-budget");
  });

  test("a sheet whose part is missing is refused, not skipped", () => {
    const entries = minimalWorkbook([{ name: "S", part: "xl/worksheets/odd.xml", xml: sheetXml("") }]).filter(
      (e) => e.name !== "xl/worksheets/odd.xml",
    );
    expect(codeOf(() => openWorkbookPackage(craftZip(entries)))).toBe("corrupt");
  });
});
