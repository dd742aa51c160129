import { rectLocal, type Rect } from "./address";
import type { XFormatProtection, XWorksheet } from "./office";

/**
 * The unlocked cells of protected sheets. Excel protects only locked cells: on a protected sheet a cell whose
 * format has `locked = false` stays writable, by people and by add-ins ("Excel.FormatProtection",
 * https://learn.microsoft.com/javascript/api/excel/excel.formatprotection: `locked` "Specifies if Excel locks
 * the cells in the object. A null value indicates that the entire range doesn't have a uniform lock
 * setting"). So one load answers for a whole rectangle when it is uniform; a mixed one (null) is halved and
 * asked again, all pending rectangles of a round in one sync. Column strips come first: templates lock
 * headings and unlock input columns, so most strips split only where the data rows start.
 */

export interface LockSheet {
  readonly ws: XWorksheet;
  /** the sheet cells to look at (0-based, inclusive) */
  readonly bounds: Rect;
}

/** Rounds (syncs) at most: 2^MAX_ROUNDS cells per strip resolved; anything still mixed counts as locked. */
const MAX_ROUNDS = 16;

function halves(r: Rect): Rect[] {
  if (r.bottom > r.top) {
    const mid = Math.floor((r.top + r.bottom) / 2);
    return [
      { ...r, bottom: mid },
      { ...r, top: mid + 1 },
    ];
  }
  if (r.right > r.left) {
    const mid = Math.floor((r.left + r.right) / 2);
    return [
      { ...r, right: mid },
      { ...r, left: mid + 1 },
    ];
  }
  return [];
}

/** Per sheet (same order), the unlocked rectangles in sheet coordinates. Never throws on its own. */
export async function unlockedAreas(
  sheets: ReadonlyArray<LockSheet>,
  sync: () => Promise<void>,
): Promise<Rect[][]> {
  const out: Rect[][] = sheets.map(() => []);
  let pending: { sheet: number; rect: Rect }[] = sheets.flatMap((s, sheet) => {
    const strips: { sheet: number; rect: Rect }[] = [];
    for (let c = s.bounds.left; c <= s.bounds.right; c++)
      strips.push({ sheet, rect: { top: s.bounds.top, bottom: s.bounds.bottom, left: c, right: c } });
    return strips;
  });
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const asked = pending.map((p) => ({
      ...p,
      lock: sheets[p.sheet]?.ws.getRange(rectLocal(p.rect)).format.protection.load("locked") as
        XFormatProtection | undefined,
    }));
    await sync();
    pending = [];
    for (const a of asked) {
      const locked = a.lock?.locked as boolean | null | undefined;
      if (locked === false) out[a.sheet]?.push(a.rect);
      else if (locked === null) pending.push(...halves(a.rect).map((rect) => ({ sheet: a.sheet, rect })));
    }
  }
  return out;
}
