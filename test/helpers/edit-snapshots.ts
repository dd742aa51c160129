// Builds workbook variants (last year's workbook, other wards) from fixture snapshots by editing cells,
// as a ward officer would edit the sample in Excel: the layout stays, texts change.
import { fromA1 } from "../../src/core/address/a1";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";

/** The snapshots with cells replaced: keys are "sheet!A1" (sheet addresses; the grid origin is applied). */
export function editCells(
  snapshots: ReadonlyArray<SheetSnapshot>,
  edits: Readonly<Record<string, CellValue>>,
): SheetSnapshot[] {
  const bySheet = new Map<string, Array<[number, number, CellValue]>>();
  for (const [key, value] of Object.entries(edits)) {
    const at = key.lastIndexOf("!");
    const pos = fromA1(key.slice(at + 1));
    if (pos === null) throw new Error(`editCells: bad address ${key}`);
    const list = bySheet.get(key.slice(0, at)) ?? [];
    list.push([pos.row, pos.col, value]);
    bySheet.set(key.slice(0, at), list);
  }
  for (const sheet of bySheet.keys())
    if (!snapshots.some((s) => s.name === sheet)) throw new Error(`editCells: no sheet ${sheet}`);
  return snapshots.map((s) => {
    const list = bySheet.get(s.name);
    if (list === undefined) return s;
    const values = s.values.map((row) => [...row]);
    for (const [r, c, v] of list) {
      const row = values[r - s.origin.row];
      if (row === undefined || c - s.origin.col >= row.length)
        throw new Error(`editCells: ${s.name} ${r},${c} is outside the grid`);
      row[c - s.origin.col] = v;
    }
    return { ...s, values };
  });
}

/** Replaces every cell that is exactly `from` (e.g. the title's 「平成28年度」 or 「(平野区)」 parts) with `to`. */
export function replaceText(
  snapshots: ReadonlyArray<SheetSnapshot>,
  from: string,
  to: string,
): SheetSnapshot[] {
  return snapshots.map((s) => ({
    ...s,
    values: s.values.map((row) => row.map((v) => (typeof v === "string" ? v.split(from).join(to) : v))),
  }));
}

/** The snapshots with the title year cell (exactly 「平成28年度」 in the sample) set to another year. */
export function withYear(snapshots: ReadonlyArray<SheetSnapshot>, from: string, to: string): SheetSnapshot[] {
  return snapshots.map((s) => ({
    ...s,
    values: s.values.map((row) => row.map((v) => (v === from ? to : v))),
  }));
}
