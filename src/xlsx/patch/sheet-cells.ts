import { columnIndex, columnLetters } from "../../core";
import type { CellValue } from "../../core";
import { attribute, attributes, elementEnd, escapeXml, nextTag, textIn, type Tag } from "./scan";
import type { SharedStrings } from "./shared-strings";
import type { RowSpan } from "./sheet-index";

/** One <c> element of a row. */
export interface CellSpan {
  /** 0-based column (explicit r, or the one after the previous cell) */
  readonly col: number;
  readonly start: number;
  readonly end: number;
  readonly tag: Tag;
}

/** What a cell holds, as the write guard compares it with what the plan saw. */
export interface CellRead {
  readonly value: CellValue;
  readonly formula: boolean;
  readonly error: string | null;
}

const EMPTY: CellRead = { value: null, formula: false, error: null };
const PHONETIC: ReadonlySet<string> = new Set(["rPh"]);

function columnOfRef(ref: string): number {
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
  }
  return columnIndex(ref.slice(0, i));
}

/** The <c> elements of one row, in document order. */
export function cellsOfRow(xml: string, row: RowSpan, prefix: string): CellSpan[] {
  const out: CellSpan[] = [];
  if (row.empty) return out;
  let at = row.openEnd;
  let prev = -1;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || t.start >= row.end || t.kind === "close") return out;
    const end = elementEnd(xml, t);
    if (t.local === "c" && t.prefix === prefix) {
      const ref = attribute(xml, t, "r");
      const col = ref === undefined ? prev + 1 : columnOfRef(ref);
      if (col < 0 || col >= 16384) throw new Error(`bad cell reference ${ref ?? ""}`);
      out.push({ col, start: t.start, end, tag: t });
      prev = col;
    }
    at = end;
  }
}

/** The span of the one element `xml` holds (a cell element kept as text), or null when it holds none. */
export function spanOfElement(xml: string, col: number): CellSpan | null {
  const tag = nextTag(xml, 0);
  return tag ? { col, start: tag.start, end: elementEnd(xml, tag), tag } : null;
}

/** The first child element of `local` inside a cell, with where its content starts and ends. */
function child(
  xml: string,
  cell: CellSpan,
  prefix: string,
  local: string,
): { from: number; to: number } | null {
  if (cell.tag.kind === "empty") return null;
  let at = cell.tag.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || t.start >= cell.end || t.kind === "close") return null;
    const end = elementEnd(xml, t);
    if (t.local === local && t.prefix === prefix)
      return { from: t.end, to: t.kind === "empty" ? t.end : end };
    at = end;
  }
}

function isoDate(text: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
}

/**
 * Reads a <c> element: formula (any <f>), error (t="e"), booleans, numbers, shared strings (through the
 * table), inline strings (<is> rich or plain, or a bare <v> as some writers put it), formula strings
 * (t="str") and ISO dates (t="d", read as yyyy-mm-dd). An empty string reads as an empty cell.
 */
export function readCell(xml: string, cell: CellSpan | null, prefix: string, sst: SharedStrings): CellRead {
  if (cell === null) return EMPTY;
  const t = attribute(xml, cell.tag, "t") ?? "n";
  const formula = child(xml, cell, prefix, "f") !== null;
  const v = child(xml, cell, prefix, "v");
  const vText = v === null ? null : textIn(xml, v.from, v.to);
  let value: CellValue = null;
  let error: string | null = null;
  if (t === "e") error = vText ?? "#ERROR";
  else if (t === "b") value = vText === null ? null : vText.trim() === "1" || vText.trim() === "true";
  else if (t === "s") value = vText === null ? null : sst.text(Number(vText));
  else if (t === "inlineStr") {
    const is = child(xml, cell, prefix, "is");
    value = is !== null ? textIn(xml, is.from, is.to, { only: "t", skip: PHONETIC }) : vText;
  } else if (t === "str") value = vText;
  else if (t === "d") value = vText === null ? null : isoDate(vText);
  else if (vText !== null && vText.trim() !== "") {
    const n = Number(vText);
    value = Number.isFinite(n) ? n : vText;
  }
  return { value: value === "" ? null : value, formula, error };
}

/** The attributes a written cell keeps from the cell it replaces: all but its type and value metadata. */
const DROPPED_ON_WRITE: ReadonlySet<string> = new Set(["r", "t", "cm", "vm"]);

function keptAttributes(xml: string, cell: CellSpan | null): string {
  if (cell === null) return "";
  let out = "";
  for (const [name, value] of attributes(xml, cell.tag)) {
    if (!DROPPED_ON_WRITE.has(name)) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}

function numberText(n: number): string {
  // xsd:double lexical form; JS's shortest round-trip repr is one ("1e+21" included).
  return String(n);
}

/**
 * The <c> element holding `value` at (row, col): the replaced cell's attributes (its style index above all)
 * are kept; a new cell takes `style` (the row's or column's, as Excel gives a typed-in cell). Text is written
 * as an inline string so the shared strings part stays untouched.
 */
export function renderCell(
  xml: string,
  replaced: CellSpan | null,
  at: { readonly row: number; readonly col: number },
  value: CellValue,
  prefix: string,
  style: string | null,
): string {
  const r = `${columnLetters(at.col)}${at.row + 1}`;
  const kept =
    replaced === null ? (style === null ? "" : ` s="${escapeXml(style)}"`) : keptAttributes(xml, replaced);
  const c = `${prefix}c`;
  if (value === null || value === "") return `<${c} r="${r}"${kept}/>`;
  if (typeof value === "number")
    return `<${c} r="${r}"${kept}><${prefix}v>${numberText(value)}</${prefix}v></${c}>`;
  if (typeof value === "boolean")
    return `<${c} r="${r}"${kept} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  return (
    `<${c} r="${r}"${kept} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">` +
    `${escapeXml(value)}</${prefix}t></${prefix}is></${c}>`
  );
}
