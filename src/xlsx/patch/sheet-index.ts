import { fromA1 } from "../../core";
import { attributes, elementEnd, nextTag, type Tag } from "./scan";

/**
 * Where things are in a worksheet part's XML: the rows of <sheetData> (positions, not content), the
 * column styles, the merged areas and the sheet protection. One linear scan; cells are read only in the
 * rows a write touches (sheet-cells.ts).
 */

/** The SpreadsheetML main namespace, transitional and strict. */
export const MAIN_NS: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);

export interface RowSpan {
  /** 1-based row number (explicit r, or the one after the previous row) */
  readonly r: number;
  readonly start: number;
  readonly end: number;
  /** offset just after the row's start tag */
  readonly openEnd: number;
  /** <row …/> */
  readonly empty: boolean;
  /** the row's style index when it has customFormat (a new cell in the row takes it, as in Excel) */
  readonly style: string | null;
}

export interface AreaSpan {
  /** 0-based, inclusive */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetIndex {
  /** the prefix of the main namespace in this part ("" or e.g. "x:") */
  readonly prefix: string;
  /** <sheetData>: its tag and where its content ends (the offset of </sheetData>, or of <sheetData/>) */
  readonly sheetData: { readonly tag: Tag; readonly contentEnd: number };
  /** in document order */
  readonly rows: ReadonlyArray<RowSpan>;
  /** the first row of each number (what rows.find would give), so a write finds its row in O(1) */
  readonly rowAt: ReadonlyMap<number, RowSpan>;
  /** the rows are in strictly ascending order (a write needs that to place a new row or cell) */
  readonly ordered: boolean;
  /** <sheetProtection sheet="1"> (Excel) or sheet="true" (LibreOffice) */
  readonly protected: boolean;
  readonly merges: ReadonlyArray<AreaSpan>;
  /** the merged area holding the cell (0-based), if any: found by row, not by a scan of every area */
  mergeAt(row: number, col: number): AreaSpan | undefined;
  /** <col min max style>, 1-based inclusive */
  readonly cols: ReadonlyArray<{ readonly min: number; readonly max: number; readonly style: string | null }>;
}

/** Why a part cannot be patched. */
export class SheetXmlError extends Error {
  override readonly name = "SheetXmlError";
}

export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

function areaOf(ref: string): AreaSpan | null {
  const [a = "", b = a] = ref.split(":");
  const tl = fromA1(a);
  const br = fromA1(b);
  if (!tl || !br || tl.col < 0 || br.col < 0) return null;
  return {
    top: Math.min(tl.row, br.row),
    left: Math.min(tl.col, br.col),
    bottom: Math.max(tl.row, br.row),
    right: Math.max(tl.col, br.col),
  };
}

/** The root element and the prefix bound to the main namespace on it. */
function rootOf(xml: string): { root: Tag; prefix: string } {
  const root = nextTag(xml, 0);
  if (!root || root.kind === "close" || root.local !== "worksheet")
    throw new SheetXmlError("not a worksheet part");
  const attrs = attributes(xml, root);
  const decl = root.prefix === "" ? "xmlns" : `xmlns:${root.prefix.slice(0, -1)}`;
  if (!MAIN_NS.has(attrs.get(decl) ?? ""))
    throw new SheetXmlError("worksheet not in the SpreadsheetML namespace");
  return { root, prefix: root.prefix };
}

function scanRows(
  xml: string,
  sheetData: Tag,
  prefix: string,
): { rows: RowSpan[]; contentEnd: number; end: number } {
  const rows: RowSpan[] = [];
  if (sheetData.kind === "empty") return { rows, contentEnd: sheetData.start, end: sheetData.end };
  let at = sheetData.end;
  let prev = 0;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) throw new SheetXmlError("<sheetData> is not closed");
    if (t.kind === "close") return { rows, contentEnd: t.start, end: t.end };
    const end = elementEnd(xml, t);
    if (t.local === "row" && t.prefix === prefix) {
      const a = attributes(xml, t);
      const explicit = a.get("r");
      const r = explicit === undefined ? prev + 1 : Number(explicit);
      if (!Number.isInteger(r) || r < 1 || r > 1048576)
        throw new SheetXmlError(`bad row number ${explicit ?? ""}`);
      const style = isTrue(a.get("customFormat")) ? (a.get("s") ?? null) : null;
      rows.push({ r, start: t.start, end, openEnd: t.end, empty: t.kind === "empty", style });
      prev = r;
    }
    at = end;
  }
}

function scanChildren(
  xml: string,
  from: number,
  parent: string,
  prefix: string,
  name: string,
): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let at = from;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || (t.kind === "close" && t.qname === parent)) return out;
    if (t.kind !== "close" && t.local === name && t.prefix === prefix) out.push(attributes(xml, t));
    at = t.kind === "open" ? elementEnd(xml, t) : t.end;
  }
}

/** Areas taller than this are checked one by one (few sheets have any); the others are bucketed by row. */
const TALL_AREA_ROWS = 256;

/**
 * The first area (in document order, as a scan would find it) holding a cell. A template of thousands of
 * merged headings is written thousands of times: each write looks at its own row's areas only.
 */
function mergeLookup(merges: ReadonlyArray<AreaSpan>): (row: number, col: number) => AreaSpan | undefined {
  const byRow = new Map<number, Array<{ area: AreaSpan; order: number }>>();
  const tall: Array<{ area: AreaSpan; order: number }> = [];
  merges.forEach((area, order) => {
    if (area.bottom - area.top + 1 > TALL_AREA_ROWS) {
      tall.push({ area, order });
      return;
    }
    for (let r = area.top; r <= area.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push({ area, order });
      else byRow.set(r, [{ area, order }]);
    }
  });
  const holds = (a: AreaSpan, row: number, col: number): boolean =>
    row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
  return (row, col) => {
    let best: { area: AreaSpan; order: number } | undefined;
    for (const m of byRow.get(row) ?? [])
      if (holds(m.area, row, col)) {
        best = m;
        break;
      }
    for (const m of tall)
      if ((best === undefined || m.order < best.order) && holds(m.area, row, col)) {
        best = m;
        break;
      }
    return best?.area;
  };
}

/** Indexes a worksheet part. Throws SheetXmlError when it is not one that can be patched. */
export function indexSheet(xml: string): SheetIndex {
  const { root, prefix } = rootOf(xml);
  let sheetData: { tag: Tag; contentEnd: number } | null = null;
  let rows: RowSpan[] = [];
  let isProtected = false;
  const merges: AreaSpan[] = [];
  const cols: Array<{ min: number; max: number; style: string | null }> = [];
  if (root.kind === "open") {
    let at = root.end;
    for (;;) {
      const t = nextTag(xml, at);
      if (!t || t.kind === "close") break;
      if (t.prefix === prefix && t.local === "sheetData" && sheetData === null) {
        const scanned = scanRows(xml, t, prefix);
        rows = scanned.rows;
        sheetData = { tag: t, contentEnd: scanned.contentEnd };
        at = scanned.end;
        continue;
      }
      const end = elementEnd(xml, t);
      if (t.prefix === prefix) {
        if (t.local === "sheetProtection") {
          isProtected = isTrue(attributes(xml, t).get("sheet"));
        } else if (t.local === "mergeCells" && t.kind === "open") {
          for (const m of scanChildren(xml, t.end, t.qname, prefix, "mergeCell")) {
            const area = areaOf(m.get("ref") ?? "");
            if (area) merges.push(area);
          }
        } else if (t.local === "cols" && t.kind === "open") {
          for (const c of scanChildren(xml, t.end, t.qname, prefix, "col")) {
            const min = Number(c.get("min"));
            const max = Number(c.get("max"));
            if (Number.isInteger(min) && Number.isInteger(max))
              cols.push({ min, max, style: c.get("style") ?? null });
          }
        }
      }
      at = end;
    }
  }
  if (sheetData === null) throw new SheetXmlError("no <sheetData>");
  let ordered = true;
  for (let i = 1; i < rows.length; i++) if ((rows[i]?.r ?? 0) <= (rows[i - 1]?.r ?? 0)) ordered = false;
  const rowAt = new Map<number, RowSpan>();
  for (const row of rows) if (!rowAt.has(row.r)) rowAt.set(row.r, row);
  const mergeAt = mergeLookup(merges);
  return { prefix, sheetData, rows, rowAt, ordered, protected: isProtected, merges, mergeAt, cols };
}
