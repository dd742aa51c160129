/**
 * A new workbook of Excel tables, written as a stream (kusei summary's summary.xlsx): every sheet one table
 * with a header row, an autoFilter over the whole range and a table style, cells as inline strings or
 * numbers, a cell optionally a hyperlink. Rows come from an iterable read once per pass, never held: memory
 * stays flat however many rows there are (exceljs keeps every row of a table as objects, and its streaming
 * writer has no tables: exceljs/exceljs#1412).
 *
 * The parts are the minimal SpreadsheetML package (ECMA-376 Part 1: workbook, worksheets, table parts,
 * styles, core properties); fflate's streaming Zip (a dependency already, the browser page's deflate)
 * deflates each part as it is produced and the archive goes straight to the file.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { rename, rm } from "node:fs/promises";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { columnLetters } from "../core";

/** A cell: text, a number, nothing, or text that links to `link` (a hyperlink relationship's target). */
export type TableCell = string | number | null | { readonly text: string; readonly link: string };

export interface TableSheet {
  readonly name: string;
  /** the table's name (letters, digits, underscores; unique in the workbook) */
  readonly table: string;
  /** a built-in table style, e.g. TableStyleMedium2 */
  readonly style: string;
  /** the header row; also the table's column names (distinct) */
  readonly columns: ReadonlyArray<string>;
  readonly widths: ReadonlyArray<number>;
  /** the data rows; called once per pass (cells, then links), it must give the same rows each time */
  readonly rows: () => AsyncIterable<ReadonlyArray<TableCell>> | Iterable<ReadonlyArray<TableCell>>;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limits: a cell holds at most 32,767 characters; a sheet 1,048,576 rows. */
const MAX_CELL_CHARS = 32767;
export const MAX_ROWS = 1048576;
/** Text is pushed to the deflater in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * Text as SpreadsheetML holds it: XML-escaped; the characters XML 1.0 cannot hold (controls, lone
 * surrogates) as Excel's _xHHHH_ escapes, and a literal _xHHHH_ in the text escaped itself (_x005F_) so
 * that Excel does not decode it.
 */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot hold
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function cellXml(ref: string, cell: TableCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : "";
  const text = typeof cell === "string" ? cell : cell.text;
  const style = typeof cell === "string" ? "" : ' s="1"';
  const t = xmlText(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
}

function rowXml(r: number, cells: ReadonlyArray<TableCell>): string {
  return `<row r="${r}">${cells.map((c, i) => cellXml(`${columnLetters(i)}${r}`, c)).join("")}</row>`;
}

/** One part of the archive, deflated as it is written; back-pressure from the file is honoured. */
class PartWriter {
  private buffered = "";
  constructor(
    private readonly part: ZipDeflate,
    private readonly drain: () => Promise<void>,
  ) {}

  async write(text: string): Promise<void> {
    this.buffered += text;
    if (this.buffered.length >= CHUNK_CHARS) await this.flush(false);
  }

  async end(): Promise<void> {
    await this.flush(true);
  }

  private async flush(final: boolean): Promise<void> {
    const chunk = strToU8(this.buffered);
    this.buffered = "";
    this.part.push(chunk, final);
    await this.drain();
  }
}

/** The zip archive streamed into a file; `part` adds one entry and writes it to the end before the next. */
class ZipFile {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private waiting = false;
  private done: Promise<void>;

  private constructor(private readonly out: WriteStream) {
    // kept for the next write or close to throw (an unheard 'error' event would end the process)
    out.on("error", (e) => (this.failure ??= e));
    let finish: () => void = () => undefined;
    this.done = new Promise((resolve) => (finish = resolve));
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure = err;
        finish();
        return;
      }
      if (!this.out.write(chunk)) this.waiting = true;
      if (final) finish();
    });
  }

  static open(path: string): ZipFile {
    return new ZipFile(createWriteStream(path));
  }

  async part(name: string, write: (w: PartWriter) => Promise<void>): Promise<void> {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    const w = new PartWriter(entry, () => this.drain());
    await write(w);
    await w.end();
  }

  async close(): Promise<void> {
    this.zip.end();
    await this.done;
    this.check();
    this.out.end();
    await once(this.out, "finish");
  }

  destroy(): void {
    this.zip.terminate();
    this.out.destroy();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    this.check();
    if (this.waiting) {
      this.waiting = false;
      await once(this.out, "drain");
    }
  }
}

const widthsXml = (widths: ReadonlyArray<number>): string =>
  widths.length === 0
    ? ""
    : `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;

/** Pass 1: the worksheet's cells (header frozen), its links' refs (pass 2); returns the data rows' count. */
async function writeSheet(w: PartWriter, sheet: TableSheet): Promise<number> {
  await w.write(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/>${widthsXml(sheet.widths)}<sheetData>${rowXml(1, sheet.columns)}`,
  );
  let n = 0;
  for await (const cells of sheet.rows()) {
    if (n + 2 > MAX_ROWS) throw new Error(`${sheet.name}: more than ${MAX_ROWS - 1} rows`);
    n++;
    await w.write(rowXml(n + 1, cells.slice(0, sheet.columns.length)));
  }
  await w.write("</sheetData>");
  let links = 0;
  let r = 1;
  for await (const cells of sheet.rows()) {
    r++;
    for (const [i, c] of cells.slice(0, sheet.columns.length).entries()) {
      if (c === null || typeof c !== "object") continue;
      await w.write(
        `${links === 0 ? "<hyperlinks>" : ""}<hyperlink ref="${columnLetters(i)}${r}" r:id="rId${links + 2}"/>`,
      );
      links++;
    }
  }
  await w.write(
    `${links > 0 ? "</hyperlinks>" : ""}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
  );
  return n;
}

/** Pass 3: the worksheet's relationships, its table (rId1) then its links in the order of pass 2. */
async function writeSheetRels(w: PartWriter, sheet: TableSheet, tableIndex: number): Promise<void> {
  await w.write(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/table" Target="../tables/table${tableIndex}.xml"/>`,
  );
  let links = 0;
  for await (const cells of sheet.rows()) {
    for (const c of cells.slice(0, sheet.columns.length)) {
      if (c === null || typeof c !== "object") continue;
      links++;
      await w.write(
        `<Relationship Id="rId${links + 1}" Type="${REL}/hyperlink" Target="${xmlText(c.link)}" TargetMode="External"/>`,
      );
    }
  }
  await w.write("</Relationships>");
}

/** The table part: the header and every data row (an empty one when there is none: a table needs a row). */
export function tableXml(sheet: TableSheet, id: number, rows: number): string {
  const ref = `A1:${columnLetters(sheet.columns.length - 1)}${Math.max(rows, 1) + 1}`;
  const columns = sheet.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlText(c)}"/>`).join("");
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${sheet.table}" displayName="${sheet.table}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${sheet.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${sheet.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function contentTypes(sheets: number): string {
  const parts = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT}.table+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${parts}` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>"
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  "</Relationships>";

const CORE =
  `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kusei</dc:creator></cp:coreProperties>';

/** Two cell formats: 0 plain, 1 a hyperlink (blue, underlined, as Excel's Hyperlink style). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="2">` +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

function workbookXml(sheets: ReadonlyArray<TableSheet>): string {
  const list = sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets></workbook>`
  );
}

function workbookRels(sheets: number): string {
  const list = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${list}` +
    `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
}

const whole =
  (text: string) =>
  (w: PartWriter): Promise<void> =>
    w.write(text);

/**
 * Writes the workbook to `path` (through `path`.tmp, renamed when complete: a failed run leaves no
 * half-written file under the real name).
 */
export async function writeTableWorkbook(path: string, sheets: ReadonlyArray<TableSheet>): Promise<void> {
  const tmp = `${path}.tmp`;
  const zip = ZipFile.open(tmp);
  try {
    await zip.part("[Content_Types].xml", whole(contentTypes(sheets.length)));
    await zip.part("_rels/.rels", whole(ROOT_RELS));
    await zip.part("docProps/core.xml", whole(CORE));
    await zip.part("xl/workbook.xml", whole(workbookXml(sheets)));
    await zip.part("xl/_rels/workbook.xml.rels", whole(workbookRels(sheets.length)));
    await zip.part("xl/styles.xml", whole(STYLES));
    for (const [i, sheet] of sheets.entries()) {
      let rows = 0;
      await zip.part(`xl/worksheets/sheet${i + 1}.xml`, async (w) => {
        rows = await writeSheet(w, sheet);
      });
      await zip.part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, (w) => writeSheetRels(w, sheet, i + 1));
      await zip.part(`xl/tables/table${i + 1}.xml`, whole(tableXml(sheet, i + 1, rows)));
    }
    await zip.close();
    await rename(tmp, path);
  } catch (e) {
    zip.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
