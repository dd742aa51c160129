import type { Rect } from "./address";

/**
 * Sizing Office.js requests by bytes. Excel on the web limits every request and every response to 5 MB
 * ("Excel JavaScript API performance optimization", https://learn.microsoft.com/office/dev/add-ins/excel/performance;
 * the error codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded are listed in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling). Desktop
 * Excel documents no such limit, but kusei keeps every host under the same budget.
 */
export const cellBytes = {
  /**
   * The first estimate per cell before any block is seen: a 120-character Japanese sentence (3 bytes a
   * character in UTF-8 JSON) in `values` and again in `text`, plus its number format.
   */
  worstCase: 2 * (120 * 3 + 3) + 12,
  /** the least a cell costs (`""`, `""`, `"General"` and separators) */
  least: 16,
  /** A close estimate of the UTF-8 JSON size of a 2-D array without serialising it. */
  ofRows(rows: ReadonlyArray<ReadonlyArray<unknown>> | null | undefined): number {
    if (!rows) return 2;
    let n = 2;
    for (const row of rows) {
      n += 2;
      for (const v of row) n += typeof v === "string" ? utf8Length(v) + 3 : 8;
    }
    return n;
  },
};

/** UTF-8 length, counting every non-ASCII character as 3 bytes (a surrogate pair as 6: an upper bound). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** A rectangle of one sheet to read. */
export interface Block {
  readonly sheet: number;
  readonly rect: Rect;
}

function cells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * The next group of blocks whose estimated bytes fit the budget, the rest after it. Blocks are cut by rows
 * where one does not fit; a single row always goes (it cannot be cut further).
 */
export function splitByBytes(
  pending: ReadonlyArray<Block>,
  perCell: number,
  budget: number,
): { group: Block[]; rest: Block[] } {
  const group: Block[] = [];
  let used = 0;
  for (let i = 0; i < pending.length; i++) {
    const b = pending[i];
    if (!b) continue;
    const width = b.rect.right - b.rect.left + 1;
    const room = Math.floor((budget - used) / (perCell * width));
    if (cells(b.rect) * perCell + used <= budget) {
      group.push(b);
      used += cells(b.rect) * perCell;
      continue;
    }
    if (room >= 1 || group.length === 0) {
      const rows = Math.max(1, room);
      group.push({ sheet: b.sheet, rect: { ...b.rect, bottom: b.rect.top + rows - 1 } });
      const rest = [{ sheet: b.sheet, rect: { ...b.rect, top: b.rect.top + rows } }, ...pending.slice(i + 1)];
      return { group, rest };
    }
    return { group, rest: pending.slice(i) };
  }
  return { group, rest: [] };
}

/** Merged areas Excel returns per getMergedAreasOrNullObject call, at most (the call fails above 512). */
export const MERGED_AREAS_PER_REQUEST = 512;

/**
 * Row bands of a block, each of which cannot hold more than 512 merged areas: merged areas do not overlap
 * and each covers at least two cells, so a band of r rows × w columns holds at most r·w/2 areas whose
 * top-left lies in it — and Excel returns only those (OfficeDev/office-js#3611), so the bands together find
 * every area whose top-left lies in the block.
 */
export function mergeBands(rect: Rect, limit = MERGED_AREAS_PER_REQUEST): Rect[] {
  const maxCells = (limit - 1) * 2;
  // A sheet wider than the cell bound is cut into column strips too.
  const width = Math.min(rect.right - rect.left + 1, maxCells);
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: Rect[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rows)
    for (let left = rect.left; left <= rect.right; left += width)
      out.push({
        top,
        bottom: Math.min(rect.bottom, top + rows - 1),
        left,
        right: Math.min(rect.right, left + width - 1),
      });
  return out;
}

/** Excel on the web refused a request or response as too large. */
export function isPayloadError(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : null;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
