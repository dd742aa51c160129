/**
 * Hand-written workbook dialects: the project's main fixture with its XML rewritten the way other software
 * writes it (what each dialect does and which writer it models is said at each one). The result is raw XML
 * zipped with fflate, so no library normalises it on the way. Each dialect keeps the form recognisable, so a
 * recalc plans marks on it and the save can be compared entry by entry.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const BASE = resolve(__dirname, "../fixtures/hirano-fy2016.xlsx");

type Parts = Map<string, string | Uint8Array>;

export interface Dialect {
  readonly file: string;
  readonly what: string;
  /** a recalc of it must write at least one mark */
  readonly writes: boolean;
  build(parts: Parts): void;
}

function text(parts: Parts, name: string): string {
  const v = parts.get(name);
  if (v === undefined) throw new Error(`dialect: no part ${name}`);
  return typeof v === "string" ? v : strFromU8(v);
}

/** Inserts `add` before the first of `before` (element local names, in schema order) found, else before `close`. */
function insertBefore(
  xml: string,
  before: ReadonlyArray<string>,
  add: string,
  close = "</worksheet>",
): string {
  for (const name of before) {
    const at = xml.indexOf(`<${name}`);
    if (at >= 0) return xml.slice(0, at) + add + xml.slice(at);
  }
  const at = xml.lastIndexOf(close);
  return xml.slice(0, at) + add + xml.slice(at);
}

/** After mergeCells/phoneticPr in CT_Worksheet order: what may follow a given element. */
const AFTER_HYPERLINKS = [
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "drawing",
  "legacyDrawing",
  "tableParts",
  "extLst",
];
const AFTER_BREAKS = [
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function addOverride(parts: Parts, part: string, type: string): void {
  const t = text(parts, "[Content_Types].xml");
  parts.set(
    "[Content_Types].xml",
    t.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
  );
}

function addDefault(parts: Parts, ext: string, type: string): void {
  const t = text(parts, "[Content_Types].xml");
  if (!t.includes(`Extension="${ext}"`))
    parts.set(
      "[Content_Types].xml",
      t.replace("</Types>", `<Default Extension="${ext}" ContentType="${type}"/></Types>`),
    );
}

function addRel(parts: Parts, relsPath: string, id: string, type: string, target: string): void {
  const xml =
    parts.get(relsPath) === undefined
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
      : text(parts, relsPath);
  parts.set(
    relsPath,
    xml.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  );
}

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const S1 = "xl/worksheets/sheet1.xml";
const S2 = "xl/worksheets/sheet2.xml";

export const DIALECTS: ReadonlyArray<Dialect> = [
  {
    file: "date1904.xlsx",
    what: "1904 date system (Mac Excel, LibreOffice with that option): workbookPr date1904",
    writes: true,
    build(p) {
      p.set(
        "xl/workbook.xml",
        text(p, "xl/workbook.xml").replace("<workbookPr ", `<workbookPr date1904="1" `),
      );
    },
  },
  {
    file: "ja-fonts-furigana.xlsx",
    what: "Japanese Excel defaults: 游ゴシック body font, ＭＳ Ｐゴシック, furigana runs (rPh) and phoneticPr",
    writes: true,
    build(p) {
      const styles = text(p, "xl/styles.xml").replace(
        /<fonts count="(\d+)">/,
        (_m, n: string) =>
          `<fonts count="${Number(n) + 1}" x14ac:knownFonts="1" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
          `<font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>`,
      );
      p.set(
        "xl/styles.xml",
        styles.replace(
          "</fonts>",
          `<font><sz val="6"/><name val="ＭＳ Ｐゴシック"/><family val="3"/><charset val="128"/></font></fonts>`,
        ),
      );
      let n = 0;
      p.set(
        "xl/sharedStrings.xml",
        text(p, "xl/sharedStrings.xml").replace(/<\/si>/g, (m) =>
          n++ % 3 === 0
            ? `<rPh sb="0" eb="1"><t>ク</t></rPh><phoneticPr fontId="1" type="noConversion"/>${m}`
            : m,
        ),
      );
      for (const s of [S1, S2])
        p.set(
          s,
          insertBefore(
            text(p, s),
            ["conditionalFormatting", "dataValidations", "hyperlinks", ...AFTER_HYPERLINKS],
            `<phoneticPr fontId="1"/>`,
          ),
        );
    },
  },
  {
    file: "internal-links.xlsx",
    what: "internal hyperlinks (a contents cell to Sheet!A1, a link over a range), no relationship needed",
    writes: true,
    build(p) {
      p.set(
        S1,
        insertBefore(
          text(p, S1),
          AFTER_HYPERLINKS,
          `<hyperlinks><hyperlink ref="A1" location="'取組(1)'!A1" display="取組(1)"/><hyperlink ref="A2:C2" location="'戦略(2)'!B3" tooltip="戦略へ"/></hyperlinks>`,
        ),
      );
    },
  },
  {
    file: "notes-empty-cells.xlsx",
    what: "notes (legacy comments) on empty cells: comments part, VML drawing, legacyDrawing",
    writes: true,
    build(p) {
      p.set(
        "xl/comments1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>区政</author></authors><commentList>` +
          `<comment ref="P1" authorId="0"><text><r><t>空のセルのメモ</t></r></text></comment>` +
          `<comment ref="P3" authorId="0"><text><t>二つ目</t></text></comment></commentList></comments>`,
      );
      const shape = (row: number) =>
        `<v:shape id="_x0000_s${1025 + row}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:textbox/>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>15</x:Column></x:ClientData></v:shape>`;
      p.set(
        "xl/drawings/vmlDrawing1.vml",
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
          `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
          `${shape(0)}${shape(2)}</xml>`,
      );
      addRel(p, "xl/worksheets/_rels/sheet1.xml.rels", "rIdC1", `${R}/comments`, "../comments1.xml");
      addRel(
        p,
        "xl/worksheets/_rels/sheet1.xml.rels",
        "rIdV1",
        `${R}/vmlDrawing`,
        "../drawings/vmlDrawing1.vml",
      );
      addOverride(
        p,
        "xl/comments1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
      );
      addDefault(p, "vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
      p.set(
        S1,
        insertBefore(
          text(p, S1),
          ["legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
          `<legacyDrawing r:id="rIdV1"/>`,
        ),
      );
    },
  },
  {
    file: "page-breaks-fit.xlsx",
    what: "manual row and column page breaks with fitToPage and a print area (Excel page layout)",
    writes: true,
    build(p) {
      const s = text(p, S2);
      p.set(
        S2,
        insertBefore(
          s,
          AFTER_BREAKS,
          `<rowBreaks count="1" manualBreakCount="1"><brk id="12" max="16383" man="1"/></rowBreaks>`,
        ),
      );
      p.set(
        "xl/workbook.xml",
        text(p, "xl/workbook.xml").replace(
          "</sheets>",
          `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'取組(1)'!$A$1:$N$30</definedName></definedNames>`,
        ),
      );
    },
  },
  {
    file: "protected-libreoffice.xlsx",
    what: 'sheet protection as LibreOffice writes it (sheet="true"), on the first initiative sheet',
    writes: true,
    build(p) {
      p.set(
        S2,
        insertBefore(
          text(p, S2),
          [
            "protectedRanges",
            "scenarios",
            "autoFilter",
            "sortState",
            "dataConsolidate",
            "customSheetViews",
            "mergeCells",
            "phoneticPr",
            "conditionalFormatting",
            "dataValidations",
            "hyperlinks",
            ...AFTER_HYPERLINKS,
          ],
          `<sheetProtection sheet="true" objects="true" scenarios="true"/>`,
        ),
      );
    },
  },
  {
    file: "x14-extlst.xlsx",
    what: "x14 extLst: sparklines and a list validation whose source is another sheet (Excel 2010+)",
    writes: true,
    build(p) {
      const ext =
        `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
        `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">` +
        `<x14:formula1><xm:f>'戦略(2)'!$B$5:$B$8</xm:f></x14:formula1><xm:sqref>P5:P9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
        `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
        `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>` +
        `<x14:sparklines><x14:sparkline><xm:f>'取組(1)'!A5:D5</xm:f><xm:sqref>Q5</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
      const s = text(p, S2);
      p.set(S2, s.replace("</worksheet>", `${ext}</worksheet>`));
    },
  },
  {
    file: "chart.xlsx",
    what: "a bar chart on the strategy sheet (drawing + chart part with literal data, as Excel writes them)",
    writes: true,
    build(p) {
      p.set(
        "xl/charts/chart1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>` +
          `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numLit><c:ptCount val="2"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>5</c:v></c:pt></c:numLit></c:val></c:ser>` +
          `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
          `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      );
      p.set(
        "xl/drawings/drawing1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
          `<xdr:twoCellAnchor><xdr:from><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
          `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
      );
      addRel(p, "xl/drawings/_rels/drawing1.xml.rels", "rId1", `${R}/chart`, "../charts/chart1.xml");
      addRel(p, "xl/worksheets/_rels/sheet1.xml.rels", "rIdD1", `${R}/drawing`, "../drawings/drawing1.xml");
      addOverride(
        p,
        "xl/charts/chart1.xml",
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      );
      addOverride(p, "xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
      p.set(
        S1,
        insertBefore(
          text(p, S1),
          [
            "legacyDrawing",
            "legacyDrawingHF",
            "picture",
            "oleObjects",
            "controls",
            "webPublishItems",
            "tableParts",
            "extLst",
          ],
          `<drawing r:id="rIdD1"/>`,
        ),
      );
    },
  },
  {
    file: "pivot.xlsx",
    what: "a pivot table and its cache over the strategy sheet (pivotCacheDefinition, records, pivotTable parts)",
    writes: true,
    build(p) {
      const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      p.set(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${main}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="0">` +
          `<cacheSource type="worksheet"><worksheetSource ref="B4:C6" sheet="戦略(1)"/></cacheSource>` +
          `<cacheFields count="2"><cacheField name="列1" numFmtId="0"><sharedItems/></cacheField><cacheField name="列2" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
      );
      p.set(
        "xl/pivotCache/pivotCacheRecords1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${main}" count="0"/>`,
      );
      p.set(
        "xl/pivotTables/pivotTable1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${main}" name="ピボット1" cacheId="1" dataCaption="値" updatedVersion="6" createdVersion="6">` +
          `<location ref="A1:B2" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="2"><pivotField showAll="0"/><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
      );
      addRel(
        p,
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        "rId1",
        `${R}/pivotCacheRecords`,
        "pivotCacheRecords1.xml",
      );
      addRel(
        p,
        "xl/pivotTables/_rels/pivotTable1.xml.rels",
        "rId1",
        `${R}/pivotCacheDefinition`,
        "../pivotCache/pivotCacheDefinition1.xml",
      );
      addRel(
        p,
        "xl/_rels/workbook.xml.rels",
        "rIdP1",
        `${R}/pivotCacheDefinition`,
        "pivotCache/pivotCacheDefinition1.xml",
      );
      // CT_Workbook order: pivotCaches after calcPr
      p.set(
        "xl/workbook.xml",
        text(p, "xl/workbook.xml").replace(
          "</workbook>",
          `<pivotCaches><pivotCache cacheId="1" r:id="rIdP1"/></pivotCaches></workbook>`,
        ),
      );
      // A pivot on its own sheet: add a fifth sheet holding it
      p.set(
        "xl/worksheets/sheet5.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>列1</t></is></c></row></sheetData></worksheet>`,
      );
      addRel(
        p,
        "xl/worksheets/_rels/sheet5.xml.rels",
        "rId1",
        `${R}/pivotTable`,
        "../pivotTables/pivotTable1.xml",
      );
      addRel(p, "xl/_rels/workbook.xml.rels", "rIdS5", `${R}/worksheet`, "worksheets/sheet5.xml");
      p.set(
        "xl/workbook.xml",
        text(p, "xl/workbook.xml").replace(
          "</sheets>",
          `<sheet name="集計" sheetId="5" r:id="rIdS5"/></sheets>`,
        ),
      );
      addOverride(
        p,
        "xl/worksheets/sheet5.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
      );
      addOverride(
        p,
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
      );
      addOverride(
        p,
        "xl/pivotCache/pivotCacheRecords1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
      );
      addOverride(
        p,
        "xl/pivotTables/pivotTable1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
      );
    },
  },
  {
    file: "macros.xlsm",
    what: "a macro-enabled workbook: vbaProject.bin (an OLE blob), the macroEnabled main content type",
    writes: true,
    build(p) {
      // Not a working VBA project: an OLE header and seeded filler. It must come back byte for byte.
      const bin = new Uint8Array(4096);
      bin.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      let seed = 15;
      for (let i = 8; i < bin.length; i++) bin[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      p.set("xl/vbaProject.bin", bin);
      addDefault(p, "bin", "application/vnd.ms-office.vbaProject");
      addRel(
        p,
        "xl/_rels/workbook.xml.rels",
        "rIdVba",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
      );
      p.set(
        "[Content_Types].xml",
        text(p, "[Content_Types].xml").replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ),
      );
    },
  },
  {
    file: "structure-locked.xlsx",
    what: "workbook structure protection (lockStructure): kusei cannot add its log sheet, so it writes nothing",
    writes: false,
    build(p) {
      // CT_Workbook order: workbookProtection before bookViews and sheets (the fixture has no bookViews)
      const wb = text(p, "xl/workbook.xml");
      const at = wb.includes("<bookViews") ? wb.indexOf("<bookViews") : wb.indexOf("<sheets>");
      p.set("xl/workbook.xml", `${wb.slice(0, at)}<workbookProtection lockStructure="1"/>${wb.slice(at)}`);
    },
  },
];

/** The dialect's bytes (built from the base fixture each time; deterministic). */
export function buildDialect(d: Dialect): Uint8Array {
  const raw = unzipSync(new Uint8Array(readFileSync(BASE)));
  const parts: Parts = new Map(Object.entries(raw));
  d.build(parts);
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of parts) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2017, 4, 31)) });
}
