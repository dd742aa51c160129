import { cellsOfRow } from "./sheet-cells";
import type { RowSpan, SheetIndex } from "./sheet-index";

/** A cell's new element at (row, col), 0-based; "" removes the cell (it was absent before kusei wrote it). */
export interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly xml: string;
}

interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** The row with number r (1-based) in ascending rows, or the index where it would go. */
function findRow(rows: ReadonlyArray<RowSpan>, r: number): { at: number; found: boolean } {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid]?.r ?? 0) < r) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, found: rows[lo]?.r === r };
}

function byPosition(a: CellEdit, b: CellEdit): number {
  return a.row - b.row || a.col - b.col;
}

/** The last edit per cell wins (edits arrive in the order they were made). */
function lastPerCell(edits: ReadonlyArray<CellEdit>): CellEdit[] {
  const m = new Map<string, CellEdit>();
  for (const e of edits) m.set(`${e.row},${e.col}`, e);
  return [...m.values()].sort(byPosition);
}

/** The offset of the row's closing tag. */
function closeTagStart(xml: string, row: RowSpan): number {
  return xml.lastIndexOf("</", row.end - 1);
}

/** Splices for the edits of one existing row. */
function editRow(xml: string, row: RowSpan, edits: ReadonlyArray<CellEdit>, prefix: string): Splice[] {
  const cells = cellsOfRow(xml, row, prefix);
  const out: Splice[] = [];
  const inserts = new Map<number, string>();
  let removed = 0;
  for (const e of edits) {
    const same = cells.find((c) => c.col === e.col);
    if (same) {
      out.push({ from: same.start, to: same.end, text: e.xml });
      if (e.xml === "") removed++;
      continue;
    }
    if (e.xml === "") continue;
    const after = cells.find((c) => c.col > e.col);
    const at = after ? after.start : row.empty ? -1 : closeTagStart(xml, row);
    inserts.set(at, (inserts.get(at) ?? "") + e.xml);
  }
  const open = xml.slice(row.start, row.openEnd);
  // A row kusei added (bare <row r="n">) that a revert leaves without cells goes away with them.
  if (removed > 0 && removed === cells.length && inserts.size === 0 && open === `<${prefix}row r="${row.r}">`)
    return [{ from: row.start, to: row.end, text: "" }];
  for (const [at, text] of inserts) {
    if (at >= 0) out.push({ from: at, to: at, text });
    else {
      // <row …/> becomes <row …>cells</row>
      const head = xml.slice(row.start, row.end - 2).trimEnd();
      out.push({ from: row.start, to: row.end, text: `${head}>${text}</${prefix}row>` });
    }
  }
  return out;
}

function applySplices(xml: string, splices: Splice[]): string {
  splices.sort((a, b) => a.from - b.from || a.to - b.to);
  let out = "";
  let at = 0;
  for (const s of splices) {
    if (s.from < at) throw new Error("sheet patch: overlapping edits");
    out += xml.slice(at, s.from) + s.text;
    at = s.to;
  }
  return out + xml.slice(at);
}

/**
 * The worksheet XML with the edits made and every other byte as it was: a cell replaced in place, a cell
 * absent from its row inserted in column order, a row absent from <sheetData> inserted in row order.
 * Cells placed this way never shift a neighbour whose position is implicit (no r attribute): the cell after
 * an inserted one always has a column beyond it, so it cannot be the implicit successor of the one before.
 */
export function patchSheet(xml: string, index: SheetIndex, edits: ReadonlyArray<CellEdit>): string {
  if (edits.length === 0) return xml;
  if (!index.ordered) throw new Error("sheet patch: rows out of order");
  const p = index.prefix;
  const splices: Splice[] = [];
  const newRows = new Map<number, string>();
  const sorted = lastPerCell(edits);
  for (let i = 0; i < sorted.length;) {
    const r = (sorted[i]?.row ?? 0) + 1;
    const group: CellEdit[] = [];
    while (i < sorted.length && (sorted[i]?.row ?? 0) + 1 === r) group.push(sorted[i++] as CellEdit);
    const found = findRow(index.rows, r);
    const row = index.rows[found.at];
    if (found.found && row) {
      splices.push(...editRow(xml, row, group, p));
      continue;
    }
    const cells = group.map((e) => e.xml).join("");
    if (cells === "") continue;
    const text = `<${p}row r="${r}">${cells}</${p}row>`;
    const at = row ? row.start : index.sheetData.contentEnd;
    newRows.set(at, (newRows.get(at) ?? "") + text);
  }
  const sd = index.sheetData.tag;
  for (const [at, text] of newRows) {
    if (sd.kind === "empty" && at === sd.start) {
      const head = xml.slice(sd.start, sd.end - 2).trimEnd();
      splices.push({ from: sd.start, to: sd.end, text: `${head}>${text}</${sd.qname}>` });
    } else splices.push({ from: at, to: at, text });
  }
  return applySplices(xml, splices);
}
