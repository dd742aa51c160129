import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook, writeWorkbook } from "../../src/xlsx";
import { parseContentTypes, parseRelationships, relsPathOf, resolveTarget } from "../../src/xlsx/opc";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { sampleWorkbookBytes } from "./build";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = {
  custom: `${R}/custom-properties`,
  customXml: `${R}/customXml`,
  customXmlProps: `${R}/customXmlProps`,
  printer: `${R}/printerSettings`,
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  unknown: "http://example.org/kusei/unknown",
};

type Edit = (zip: JSZip) => Promise<void>;

async function edited(bytes: Uint8Array, ...edits: Edit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const e of edits) await e(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function textOf(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (f === null) throw new Error(`no ${name}`);
  return f.async("string");
}

async function bytesOf(zip: JSZip, name: string): Promise<Uint8Array | null> {
  const f = zip.file(name);
  return f === null ? null : f.async("uint8array");
}

/** Adds a part, and optionally a relationship to it from `from` ("" = the package) and a content type. */
function part(
  name: string,
  body: string,
  opts: { from?: string; type?: string; id?: string; contentType?: string } = {},
): Edit {
  return async (zip) => {
    zip.file(name, body);
    if (opts.from !== undefined && opts.type !== undefined) {
      const rels = relsPathOf(opts.from);
      const xml =
        zip.file(rels) === null
          ? `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
          : await textOf(zip, rels);
      const from = opts.from.slice(0, opts.from.lastIndexOf("/") + 1);
      const target = name.startsWith(from) ? name.slice(from.length) : `/${name}`;
      const tag = `<Relationship Id="${opts.id ?? "rIdX"}" Type="${opts.type}" Target="${target}"/>`;
      zip.file(rels, xml.replace("</Relationships>", `${tag}</Relationships>`));
    }
    if (opts.contentType !== undefined) {
      const types = await textOf(zip, "[Content_Types].xml");
      const tag = `<Override PartName="/${name}" ContentType="${opts.contentType}"/>`;
      zip.file("[Content_Types].xml", types.replace("</Types>", `${tag}</Types>`));
    }
  };
}

const defaultType =
  (ext: string, contentType: string): Edit =>
  async (zip) => {
    const types = await textOf(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", `<Default Extension="${ext}" ContentType="${contentType}"/></Types>`),
    );
  };

const sheetXml =
  (name: string, change: (xml: string) => string): Edit =>
  async (zip) => {
    zip.file(name, change(await textOf(zip, name)));
  };

/** Every part the brief lists, as Excel links them (sheet 1 also keeps its hyperlink relationship rId1). */
const EXTRA_PARTS: ReadonlyArray<Edit> = [
  part(
    "docProps/custom.xml",
    `<Properties><property name="機密区分"><vt:lpwstr>庁内限り</vt:lpwstr></property></Properties>`,
    {
      from: "",
      type: REL.custom,
      id: "rId9",
      contentType: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    },
  ),
  part(
    "customXml/item1.xml",
    `<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>`,
    {
      from: "xl/workbook.xml",
      type: REL.customXml,
      id: "rId20",
    },
  ),
  part("customXml/itemProps1.xml", `<ds:datastoreItem xmlns:ds="x" ds:itemID="{1}"/>`, {
    from: "customXml/item1.xml",
    type: REL.customXmlProps,
    id: "rId1",
    contentType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  }),
  part("xl/persons/person.xml", `<personList><person displayName="平野 太郎" id="{P1}"/></personList>`, {
    from: "xl/workbook.xml",
    type: REL.person,
    id: "rId21",
    contentType: "application/vnd.ms-excel.person+xml",
  }),
  part(
    "xl/webextensions/taskpanes.xml",
    `<wetp:taskpanes xmlns:wetp="x"><wetp:taskpane dockstate="right"/></wetp:taskpanes>`,
    {
      from: "",
      type: REL.taskpanes,
      id: "rId10",
      contentType: "application/vnd.ms-office.webextensiontaskpanes+xml",
    },
  ),
  part("xl/webextensions/webextension1.xml", `<we:webextension xmlns:we="x" id="{W1}"/>`, {
    from: "xl/webextensions/taskpanes.xml",
    type: REL.webextension,
    id: "rId1",
    contentType: "application/vnd.ms-office.webextension+xml",
  }),
  defaultType("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
  part("xl/printerSettings/printerSettings1.bin", "\u0000\u0001DEVMODE\u00ff", {
    from: "xl/worksheets/sheet1.xml",
    type: REL.printer,
    id: "rId2",
  }),
  sheetXml("xl/worksheets/sheet1.xml", (x) => x.replace("<pageSetup ", '<pageSetup r:id="rId2" ')),
];

/** Where each listed part must be linked from in the output, and by which relationship type. */
const LINKS: ReadonlyArray<readonly [string, string, string]> = [
  ["docProps/custom.xml", "", REL.custom],
  ["customXml/item1.xml", "xl/workbook.xml", REL.customXml],
  ["customXml/itemProps1.xml", "customXml/item1.xml", REL.customXmlProps],
  ["xl/persons/person.xml", "xl/workbook.xml", REL.person],
  ["xl/webextensions/taskpanes.xml", "", REL.taskpanes],
  ["xl/webextensions/webextension1.xml", "xl/webextensions/taskpanes.xml", REL.webextension],
  ["xl/printerSettings/printerSettings1.bin", "xl/worksheets/sheet1.xml", REL.printer],
];

/** Reads, changes one cell (so exceljs really rewrites the sheets) and writes. */
async function roundTrip(bytes: Uint8Array, allowLoss = false): Promise<Uint8Array> {
  const { workbook } = await readWorkbook(bytes);
  const ws = workbook.sheets.get("評価") ?? workbook.workbook.worksheets[0];
  if (ws === undefined) throw new Error("no sheet");
  ws.getCell("H20").value = "○";
  return writeWorkbook(workbook, { allowLoss });
}

describe("custom-properties.xlsx: 保存しても文書プロパティが残る", () => {
  const original = new Uint8Array(readFileSync(join(HOSTILE_DIR, "custom-properties.xlsx")));

  test("docProps/custom.xml と customXml/item1.xml がバイト単位で同じ、関係と型も残る", async () => {
    const out = await roundTrip(original);
    const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(out)]);
    for (const name of ["docProps/custom.xml", "customXml/item1.xml"]) {
      expect(await bytesOf(b, name)).toEqual(await bytesOf(a, name));
    }
    const root = parseRelationships(await textOf(b, "_rels/.rels"));
    expect(root.find((r) => r.type === REL.custom)?.target).toBe("docProps/custom.xml");
    expect(root.find((r) => r.type === REL.customXml)?.target).toBe("customXml/item1.xml");
    expect(new Set(root.map((r) => r.id)).size).toBe(root.length);
    const types = parseContentTypes(await textOf(b, "[Content_Types].xml"));
    expect(types.overrides.get("docprops/custom.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    expect((await readWorkbook(out)).snapshots.map((s) => s.name)).toEqual(
      (await readWorkbook(original)).snapshots.map((s) => s.name),
    );
  });
});

describe("exceljs が落とす部分を書き戻す (合成ブック)", () => {
  let original: Uint8Array;
  let out: Uint8Array;
  let src: JSZip;
  let dst: JSZip;
  beforeAll(async () => {
    original = await edited(await sampleWorkbookBytes(), ...EXTRA_PARTS);
    out = await roundTrip(original);
    src = await JSZip.loadAsync(original);
    dst = await JSZip.loadAsync(out);
  });

  test.each(LINKS.map(([p, from, type]) => [p, from, type]))(
    "%s: 同じバイト、同じ型、%s から関係で結ばれる",
    async (name, from, type) => {
      const copied = await bytesOf(dst, name);
      expect(copied).not.toBeNull();
      expect(copied).toEqual(await bytesOf(src, name));
      const rels = parseRelationships(await textOf(dst, relsPathOf(from)));
      expect(rels.filter((r) => r.type === type).map((r) => resolveTarget(from, r.target))).toEqual([name]);
      expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
      const before = parseContentTypes(await textOf(src, "[Content_Types].xml"));
      const after = parseContentTypes(await textOf(dst, "[Content_Types].xml"));
      const ext = name.slice(name.lastIndexOf(".") + 1);
      expect(after.overrides.get(name.toLowerCase()) ?? after.defaults.get(ext)).toBe(
        before.overrides.get(name.toLowerCase()) ?? before.defaults.get(ext),
      );
    },
  );

  test("印刷設定は <pageSetup r:id> から使われ、ハイパーリンクの関係も残る", async () => {
    const sheet = await textOf(dst, "xl/worksheets/sheet1.xml");
    const id = /<pageSetup\b[^>]*\br:id="([^"]+)"/.exec(sheet)?.[1];
    const rels = parseRelationships(await textOf(dst, "xl/worksheets/_rels/sheet1.xml.rels"));
    expect(rels.find((r) => r.id === id)?.type).toBe(REL.printer);
    expect(rels.some((r) => r.external && r.target === "https://example.org/")).toBe(true);
  });

  test("元の部分はどれも失われない", async () => {
    const names = (z: JSZip): string[] => Object.keys(z.files).filter((n) => !z.files[n]?.dir);
    const kept = new Set(names(dst));
    expect(names(src).filter((n) => !kept.has(n))).toEqual([]);
  });

  test("exceljs で開け、セルは元のまま (書いた H20 を除く)", async () => {
    const before = (await readWorkbook(original)).snapshots;
    const after = (await readWorkbook(out)).snapshots;
    expect(after.slice(1)).toEqual(before.slice(1));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("評価")?.getCell("H20").value).toBe("○");
    expect(wb.getWorksheet("評価")?.getCell("B3").hyperlink).toBe("https://example.org/");
  });

  test("二度保存しても関係は増えない (冪等)", async () => {
    const twice = await JSZip.loadAsync(await roundTrip(out));
    for (const rels of ["_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      const a = parseRelationships(await textOf(dst, rels)).map((r) => `${r.type} ${r.target}`);
      const b = parseRelationships(await textOf(twice, rels)).map((r) => `${r.type} ${r.target}`);
      expect(b.sort()).toEqual(a.sort());
    }
    expect(await bytesOf(twice, "docProps/custom.xml")).toEqual(await bytesOf(src, "docProps/custom.xml"));
  });
});

describe("安全に写せない部分は黙って失わず、保存を拒む", () => {
  test.each<[string, Edit[], "refused" | "copied", string]>([
    [
      "シートが指す未知の部分",
      [
        part("xl/kusei/unknown.xml", "<x/>", {
          from: "xl/worksheets/sheet1.xml",
          type: REL.unknown,
          id: "rId7",
        }),
      ],
      "refused",
      "xl/kusei/unknown.xml",
    ],
    [
      "ブックが指す未知の部分",
      [part("xl/kusei/wb.xml", "<x/>", { from: "xl/workbook.xml", type: REL.unknown, id: "rId30" })],
      "refused",
      "xl/kusei/wb.xml",
    ],
    ["どこからも指されない未知の部分", [part("kusei/orphan.xml", "<orphan/>")], "copied", "kusei/orphan.xml"],
    [
      "パッケージが指す未知の部分",
      [part("kusei/root.xml", "<root/>", { from: "", type: REL.unknown, id: "rId30" })],
      "copied",
      "kusei/root.xml",
    ],
  ])("%s → %s", async (_label, edits, expected, name) => {
    const original = await edited(await sampleWorkbookBytes(), ...edits);
    if (expected === "refused") {
      const error = await roundTrip(original).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "would-lose-content" });
      expect((error as { messages: { ja: string; en: string } }).messages.ja).toContain(name);
      expect((error as { messages: { ja: string; en: string } }).messages.en).toContain(name);
      // with consent the save goes through, without the part
      const lossy = await JSZip.loadAsync(await roundTrip(original, true));
      expect(lossy.file(name)).toBeNull();
    } else {
      const out = await JSZip.loadAsync(await roundTrip(original));
      expect(await bytesOf(out, name)).toEqual(await bytesOf(await JSZip.loadAsync(original), name));
    }
  });

  test("図形だけの描画 (exceljs は画像しか扱わない) は失われるので拒む", async () => {
    const shape =
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      "<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      "<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Rect 1"/><xdr:cNvSpPr/></xdr:nvSpPr>' +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>注意</a:t></a:r></a:p></xdr:txBody></xdr:sp>' +
      "<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>";
    const original = await edited(
      await sampleWorkbookBytes(),
      part("xl/drawings/drawing1.xml", shape, {
        from: "xl/worksheets/sheet1.xml",
        type: `${R}/drawing`,
        id: "rId5",
        contentType: "application/vnd.openxmlformats-officedocument.drawing+xml",
      }),
      sheetXml("xl/worksheets/sheet1.xml", (x) =>
        x.replace("</worksheet>", '<drawing r:id="rId5"/></worksheet>'),
      ),
    );
    await expect(roundTrip(original)).rejects.toMatchObject({
      code: "would-lose-content",
      message: expect.stringContaining("xl/drawings/drawing1.xml"),
    });
  });

  test("セル内の画像・データ型 (xl/richData) は読み込み時に失われる部分として挙がり、保存を拒む", async () => {
    const original = await edited(
      await sampleWorkbookBytes(),
      part("xl/richData/rdrichvalue.xml", "<rvData/>", {
        from: "xl/workbook.xml",
        type: "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue",
        id: "rId30",
      }),
    );
    const { workbook } = await readWorkbook(original);
    expect(workbook.lossyParts.join()).toMatch(/セル内の画像/);
    await expect(writeWorkbook(workbook)).rejects.toMatchObject({ code: "would-lose-content" });
  });

  /** Moves worksheet part sheet4.xml to `name` (its relationship and content type follow). */
  const moveSheet4 =
    (name: string): Edit =>
    async (zip) => {
      zip.file(`xl/worksheets/${name}`, await textOf(zip, "xl/worksheets/sheet4.xml"));
      zip.remove("xl/worksheets/sheet4.xml");
      const rels = await textOf(zip, "xl/_rels/workbook.xml.rels");
      zip.file("xl/_rels/workbook.xml.rels", rels.replace("worksheets/sheet4.xml", `worksheets/${name}`));
      const types = await textOf(zip, "[Content_Types].xml");
      zip.file("[Content_Types].xml", types.replace("/xl/worksheets/sheet4.xml", `/xl/worksheets/${name}`));
    };

  test("exceljs が名前を付け替えるだけのシートや再計算チェーンでは拒まない", async () => {
    const original = await edited(
      await sampleWorkbookBytes(),
      moveSheet4("sheet9.xml"),
      part("xl/calcChain.xml", '<calcChain><c r="C2" i="1"/></calcChain>', {
        from: "xl/workbook.xml",
        type: `${R}/calcChain`,
        id: "rId30",
      }),
    );
    const out = await roundTrip(original);
    expect((await readWorkbook(out)).snapshots.slice(1)).toEqual(
      (await readWorkbook(original)).snapshots.slice(1),
    );
  });

  test("exceljs が読めない名前のシート部分 (sheetN.xml 以外) は失われるので拒む", async () => {
    const original = await edited(await sampleWorkbookBytes(), moveSheet4("other.xml"));
    await expect(roundTrip(original)).rejects.toMatchObject({
      code: "would-lose-content",
      message: expect.stringContaining("xl/worksheets/other.xml"),
    });
  });
});

describe("ページ番号「自動」は保存後も自動のまま (exceljs は firstPageNumber=1 を足していた)", () => {
  test.each<[string, (x: string) => string, string | null]>([
    ["useFirstPageNumber なし", (x) => x, null],
    [
      "firstPageNumber だけ (Excel は使わない)",
      (x) => x.replace("<pageSetup ", '<pageSetup firstPageNumber="3" '),
      null,
    ],
    [
      "先頭ページ番号 5 を指定",
      (x) => x.replace("<pageSetup ", '<pageSetup firstPageNumber="5" useFirstPageNumber="1" '),
      "5",
    ],
  ])("%s", async (_label, change, first) => {
    const original = await edited(await sampleWorkbookBytes(), sheetXml("xl/worksheets/sheet1.xml", change));
    const sheet = await textOf(await JSZip.loadAsync(await roundTrip(original)), "xl/worksheets/sheet1.xml");
    const setup = /<pageSetup\b[^>]*>/.exec(sheet)?.[0] ?? "";
    expect(setup).not.toBe("");
    if (first === null) {
      expect(setup).not.toMatch(/useFirstPageNumber|firstPageNumber/);
    } else {
      expect(setup).toContain(`firstPageNumber="${first}"`);
      expect(setup).toContain('useFirstPageNumber="1"');
    }
  });
});
