import { attributes, elementEnd, escapeXml, nextTag, type Tag } from "./scan";
import { isTrue, MAIN_NS } from "./sheet-index";

/**
 * The three package parts a new worksheet needs besides its own (the workbook's <sheet> entry, the
 * workbook relationship, the content-type override), each edited by inserting one element before the
 * closing tag of its container — every other byte of those parts stays as it was.
 */

const REL_NS: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function root(xml: string): Tag {
  const t = nextTag(xml, 0);
  if (!t || t.kind === "close") throw new Error("package part without a root element");
  return t;
}

/** Inserts `text` just before the closing tag of the element `open` (opening an empty element up). */
function insertInto(xml: string, open: Tag, text: string): string {
  if (open.kind === "empty") {
    const head = xml.slice(open.start, open.end - 2).trimEnd();
    return `${xml.slice(0, open.start)}${head}>${text}</${open.qname}>${xml.slice(open.end)}`;
  }
  const end = elementEnd(xml, open);
  const close = xml.lastIndexOf("</", end - 1);
  return xml.slice(0, close) + text + xml.slice(close);
}

/** The first child of `parent` with this local name and prefix. */
function childOf(xml: string, parent: Tag, local: string, prefix: string): Tag | null {
  if (parent.kind === "empty") return null;
  let at = parent.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || t.kind === "close") return null;
    if (t.local === local && t.prefix === prefix) return t;
    at = elementEnd(xml, t);
  }
}

function tagsIn(xml: string, parent: Tag, local: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = [];
  if (parent.kind === "empty") return out;
  let at = parent.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || t.kind === "close") return out;
    if (t.local === local) out.push(attributes(xml, t));
    at = elementEnd(xml, t);
  }
}

export interface WorkbookFacts {
  /** the main namespace the workbook is written in (transitional or strict) */
  readonly mainNs: string;
  readonly structureLocked: boolean;
  readonly sheetIds: ReadonlyArray<number>;
  /** relationship ids the <sheet> entries use */
  readonly sheetRelIds: ReadonlyArray<string>;
}

export function workbookFacts(xml: string): WorkbookFacts {
  const r = root(xml);
  const attrs = attributes(xml, r);
  const mainNs = attrs.get(r.prefix === "" ? "xmlns" : `xmlns:${r.prefix.slice(0, -1)}`) ?? "";
  if (!MAIN_NS.has(mainNs)) throw new Error("workbook not in the SpreadsheetML namespace");
  const protection = childOf(xml, r, "workbookProtection", r.prefix);
  const sheets = childOf(xml, r, "sheets", r.prefix);
  const list = sheets ? tagsIn(xml, sheets, "sheet") : [];
  const relId = (a: Map<string, string>): string =>
    [...a].find(([k]) => k.endsWith(":id") && REL_NS.has(attrs.get(`xmlns:${k.slice(0, -3)}`) ?? ""))?.[1] ??
    "";
  return {
    mainNs,
    structureLocked: protection !== null && isTrue(attributes(xml, protection).get("lockStructure")),
    sheetIds: list.map((a) => Number(a.get("sheetId"))).filter((n) => Number.isInteger(n)),
    sheetRelIds: list.map(relId),
  };
}

/** The workbook part with one more <sheet> entry, last in <sheets>. */
export function addSheetEntry(xml: string, entry: { name: string; sheetId: number; relId: string }): string {
  const r = root(xml);
  const attrs = attributes(xml, r);
  const sheets = childOf(xml, r, "sheets", r.prefix);
  if (!sheets) throw new Error("workbook without <sheets>");
  // Use the prefix the workbook root binds to the relationships namespace; declare one when it has none.
  const bound = [...attrs].find(([k, v]) => k.startsWith("xmlns:") && REL_NS.has(v));
  const rel = bound ? bound[0].slice(6) : "r";
  const decl = bound ? "" : ` xmlns:r="${TRANSITIONAL_REL}"`;
  const tag =
    `<${r.prefix}sheet name="${escapeXml(entry.name)}" sheetId="${entry.sheetId}"${decl} ` +
    `${rel}:id="${escapeXml(entry.relId)}"/>`;
  return insertInto(xml, sheets, tag);
}

/** Relationship ids in use and the type of the relationship with `id`. */
export function relationshipFacts(xml: string): { ids: Set<string>; typeOf: (id: string) => string | null } {
  const r = root(xml);
  const rels = tagsIn(xml, r, "Relationship");
  return {
    ids: new Set(rels.map((a) => a.get("Id") ?? "")),
    typeOf: (id) => rels.find((a) => a.get("Id") === id)?.get("Type") ?? null,
  };
}

/** An id no relationship uses: rId + one more than the highest rIdN in use. */
export function unusedId(ids: ReadonlySet<string>): string {
  let n = 0;
  for (const id of ids) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  while (ids.has(`rId${n + 1}`)) n++;
  return `rId${n + 1}`;
}

/** The relationships part with one more relationship (same prefix as its root). */
export function addRelationship(xml: string, rel: { id: string; type: string; target: string }): string {
  const r = root(xml);
  const tag =
    `<${r.prefix}Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" ` +
    `Target="${escapeXml(rel.target)}"/>`;
  return insertInto(xml, r, tag);
}

/** [Content_Types].xml with one more Override. */
export function addOverride(xml: string, partName: string, contentType: string): string {
  const r = root(xml);
  const tag = `<${r.prefix}Override PartName="/${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
  return insertInto(xml, r, tag);
}
