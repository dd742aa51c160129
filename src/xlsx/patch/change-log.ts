import { strToU8 } from "fflate";
import type { CellValue } from "../../core";
import { WorkbookReadError } from "../errors";
import type { XlsxDocument } from "./document";
import {
  addOverride,
  addRelationship,
  addSheetEntry,
  relationshipFacts,
  unusedId,
  workbookFacts,
  WORKSHEET_CONTENT_TYPE,
} from "./package-edits";
import { escapeXml, nextTag } from "./scan";
import { renderCell } from "./sheet-cells";
import { SheetXmlError, type SheetIndex } from "./sheet-index";

/**
 * The change-log sheet in a surgical save. A workbook without one gets its own new worksheet part, added
 * once with the three entries it needs (workbook <sheet>, relationship, content type); a workbook that has
 * one gets rows appended after its last row holding anything, through the same cell patcher as the marks.
 * No style is added (that would change styles.xml): the log's header is plain text.
 */

/** Column widths of the log (characters), in CHANGE_LOG_COLUMNS order. */
const WIDTHS: ReadonlyArray<number> = [30, 26, 24, 8, 16, 16, 60, 8];
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

function rowXml(r: number, values: ReadonlyArray<CellValue>, prefix: string): string {
  let cells = "";
  values.forEach((v, c) => {
    if (v !== null && v !== "") cells += renderCell("", null, { row: r - 1, col: c }, v, prefix, null);
  });
  return `<${prefix}row r="${r}">${cells}</${prefix}row>`;
}

/** A whole new change-log worksheet part. */
function logSheetXml(mainNs: string, rows: ReadonlyArray<ReadonlyArray<CellValue>>): string {
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join(
    "",
  );
  const body = rows.map((row, i) => rowXml(i + 1, row, "")).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${escapeXml(mainNs)}"><cols>${cols}</cols><sheetData>${body}</sheetData></worksheet>`
  );
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** An unused part name next to the workbook's worksheets: <dir>worksheets/sheetN.xml. */
function newPartName(doc: XlsxDocument): string {
  const taken = new Set(doc.archive.entries.map((e) => e.name.toLowerCase()));
  const base = `${dirOf(doc.parts.workbookPath)}worksheets/sheet`;
  let n = doc.parts.sheets.length + 1;
  while (taken.has(`${base}${n}.xml`.toLowerCase())) n++;
  return `${base}${n}.xml`;
}

function required(doc: XlsxDocument, name: string): string {
  const text = doc.text(name);
  if (text === null) throw new WorkbookReadError("corrupt", { detail: `no part ${name}` });
  return text;
}

/** Adds the log sheet's part and its three package entries (once). */
function createLogSheet(doc: XlsxDocument, sheetName: string): void {
  const workbookXml = required(doc, doc.parts.workbookPath);
  const facts = workbookFacts(workbookXml);
  // Adding a sheet to a workbook whose structure is locked would get round the lock Excel enforces.
  if (facts.structureLocked) throw new WorkbookReadError("structure-locked");
  const relsXml = required(doc, doc.parts.workbookRelsPath);
  const rels = relationshipFacts(relsXml);
  const relId = unusedId(rels.ids);
  const type =
    facts.sheetRelIds.map(rels.typeOf).find((t) => t !== null && t.endsWith("/worksheet")) ?? WORKSHEET_REL;
  const part = newPartName(doc);
  const sheetId = Math.max(0, ...facts.sheetIds) + 1;
  const wbEntry = doc.entry(doc.parts.workbookPath)?.name ?? doc.parts.workbookPath;
  const relsEntry = doc.entry(doc.parts.workbookRelsPath)?.name ?? doc.parts.workbookRelsPath;
  const typesEntry = doc.entry("[Content_Types].xml")?.name ?? "[Content_Types].xml";
  doc.replaced.set(wbEntry, strToU8(addSheetEntry(workbookXml, { name: sheetName, sheetId, relId })));
  doc.replaced.set(
    relsEntry,
    strToU8(
      addRelationship(relsXml, { id: relId, type, target: part.slice(dirOf(doc.parts.workbookPath).length) }),
    ),
  );
  doc.replaced.set(typesEntry, strToU8(addOverride(required(doc, typesEntry), part, WORKSHEET_CONTENT_TYPE)));
  doc.added.set(part, new Uint8Array(0));
}

/** The last row (1-based) holding a value or a formula; 0 when none does. */
function lastUsedRow(xml: string, index: SheetIndex): number {
  for (let i = index.rows.length - 1; i >= 0; i--) {
    const row = index.rows[i];
    if (!row || row.empty) continue;
    let at = row.openEnd;
    for (;;) {
      const t = nextTag(xml, at);
      if (!t || t.start >= row.end) break;
      if (t.kind !== "close" && (t.local === "v" || t.local === "is" || t.local === "f")) return row.r;
      at = t.end;
    }
  }
  return 0;
}

/**
 * Appends rows (the header first when the sheet has none) to the change-log sheet `sheetName`, creating it
 * when the workbook has none. Throws WorkbookReadError when the log cannot be written safely (the existing
 * log sheet is protected or unreadable, the workbook structure is locked): kusei never writes unlogged.
 */
export function appendLogRows(
  doc: XlsxDocument,
  sheetName: string,
  header: ReadonlyArray<CellValue>,
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
): void {
  if (rows.length === 0) return;
  const state = doc.sheet(sheetName);
  if (state === null) {
    if (doc.newLogRows.length === 0) {
      createLogSheet(doc, sheetName);
      doc.newLogRows.push([...header]);
    }
    doc.newLogRows.push(...rows.map((r) => [...r]));
    const part = [...doc.added.keys()][0] ?? "";
    const mainNs = workbookFacts(required(doc, doc.parts.workbookPath)).mainNs;
    doc.added.set(part, strToU8(logSheetXml(mainNs, doc.newLogRows)));
    return;
  }
  if (state instanceof SheetXmlError || state.index.protected || !state.index.ordered)
    throw new WorkbookReadError("cannot-log", { sheet: sheetName });
  let last = Math.max(
    lastUsedRow(state.xml, state.index),
    ...[...state.pending.values()].filter((p) => p.xml !== "").map((p) => p.row + 1),
  );
  const all = last === 0 ? [header, ...rows] : rows;
  for (const row of all) {
    last++;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const now = doc.cellNow(state, last - 1, c);
      const xml = renderCell(now.text, now.span, { row: last - 1, col: c }, v, state.index.prefix, null);
      doc.stage(state, last - 1, c, xml, now);
    });
  }
}
