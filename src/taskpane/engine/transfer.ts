import type { WorkbookRead } from "../../app";
import type { Evaluation, SheetSnapshot } from "../../core";

// A structured clone is deserialized in one go on the thread that receives it: a 20,000-row evaluation
// (~60 MB cloned, mostly the records' cells) would freeze the page for about a second on arrival. So a
// big value crosses between the page and the worker as many small messages, each its own task, and the
// page paints between them.

/** The array fields of an Evaluation, in the order they are sent. */
const LISTS = ["layouts", "records", "initiatives", "strategies", "plan", "findings"] as const;
type ListKey = (typeof LISTS)[number];

// Every array field of Evaluation must be listed above: a new one fails to compile here.
type ArrayKeys = {
  [K in keyof Evaluation]-?: Evaluation[K] extends ReadonlyArray<unknown> ? K : never;
}[keyof Evaluation];
const everyListSent: Record<ArrayKeys, true> = {
  layouts: true,
  records: true,
  initiatives: true,
  strategies: true,
  plan: true,
  findings: true,
} satisfies Record<ListKey, true>;
void everyListSent;

/** A property of the part's item `item` (its index in the list) that is item `index` of `list`. */
type Ref = readonly [item: number, prop: string, list: ListKey, index: number];

/** One message's worth of an evaluation. */
export type EvaluationPart =
  | { readonly head: Omit<Evaluation, ListKey> }
  | {
      readonly list: ListKey;
      /** the index of the first item in the list */
      readonly start: number;
      readonly items: ReadonlyArray<unknown>;
      /** properties of these items that stand for another item: cloned once, relinked on arrival */
      readonly refs: ReadonlyArray<Ref>;
    };

/** Items per message: a record is ~4 KB cloned, so a message stays around 2 MB (~40 ms to deserialize here). */
export const ITEMS_PER_PART = 500;

/**
 * Splits an evaluation into parts. An item that another item holds as a property (an initiative's
 * `record`, which is also in `records`) is sent once and relinked by joinEvaluation, so the page gets the
 * same sharing as the worker had, not a copy per holder.
 */
export function splitEvaluation(e: Evaluation, perPart: number = ITEMS_PER_PART): EvaluationPart[] {
  const place = new Map<unknown, readonly [ListKey, number]>();
  for (const list of LISTS) e[list].forEach((item, i) => place.set(item, [list, i]));
  const head: Record<string, unknown> = { ...e };
  for (const list of LISTS) delete head[list];
  const parts: EvaluationPart[] = [{ head: head as Omit<Evaluation, ListKey> }];
  for (const list of LISTS) {
    const all: ReadonlyArray<unknown> = e[list];
    for (let start = 0; start < all.length; start += perPart) {
      const refs: Ref[] = [];
      const items = all.slice(start, start + perPart).map((item, k) => {
        if (typeof item !== "object" || item === null) return item;
        let copy: Record<string, unknown> | null = null;
        for (const [prop, value] of Object.entries(item)) {
          const at = typeof value === "object" && value !== null ? place.get(value) : undefined;
          if (!at) continue;
          copy ??= { ...(item as Record<string, unknown>) };
          copy[prop] = null;
          refs.push([start + k, prop, at[0], at[1]]);
        }
        return copy ?? item;
      });
      parts.push({ list, start, items, refs });
    }
  }
  return parts;
}

/** Puts the parts of splitEvaluation back together (list parts in any order; the head is required). */
export function joinEvaluation(parts: ReadonlyArray<EvaluationPart>): Evaluation {
  let head: Omit<Evaluation, ListKey> | null = null;
  const lists = Object.fromEntries(LISTS.map((l) => [l, [] as unknown[]])) as Record<ListKey, unknown[]>;
  for (const p of parts) {
    if ("head" in p) head = p.head;
    else p.items.forEach((item, k) => (lists[p.list][p.start + k] = item));
  }
  if (!head) throw new Error("kusei: an evaluation arrived without its head");
  for (const p of parts) {
    if ("head" in p) continue;
    for (const [item, prop, list, index] of p.refs)
      (lists[p.list][item] as Record<string, unknown>)[prop] = lists[list][index];
  }
  return { ...head, ...lists } as unknown as Evaluation;
}

/** One message's worth of a workbook read (Excel's snapshots on their way to the worker). */
export type ReadPart =
  | { readonly settings: WorkbookRead["settings"] }
  | {
      readonly sheet: number;
      /** the sheet's snapshot without its values: in the sheet's first part only */
      readonly snapshot?: Omit<SheetSnapshot, "values">;
      /** the index of the first row in `values` */
      readonly start: number;
      readonly rows: SheetSnapshot["values"];
    };

/** Cells per message (a few MB cloned). */
export const CELLS_PER_PART = 50_000;

/** Splits a read into parts of about `cells` cells each; every sheet gets at least one part. */
export function splitRead(read: WorkbookRead, cells: number = CELLS_PER_PART): ReadPart[] {
  const parts: ReadPart[] = [{ settings: read.settings }];
  read.snapshots.forEach((snap, sheet) => {
    const { values, ...snapshot } = snap;
    const width = Math.max(1, values[0]?.length ?? 1);
    const perPart = Math.max(1, Math.floor(cells / width));
    for (let start = 0; start === 0 || start < values.length; start += perPart)
      parts.push({
        sheet,
        ...(start === 0 ? { snapshot } : {}),
        start,
        rows: values.slice(start, start + perPart),
      });
  });
  return parts;
}

/** Puts the parts of splitRead back together. */
export function joinRead(parts: ReadonlyArray<ReadPart>): WorkbookRead {
  let settings: WorkbookRead["settings"] = null;
  const heads: Array<Omit<SheetSnapshot, "values">> = [];
  const values: Array<Array<SheetSnapshot["values"][number]>> = [];
  for (const p of parts) {
    if ("settings" in p) {
      settings = p.settings;
      continue;
    }
    if (p.snapshot) heads[p.sheet] = p.snapshot;
    const rows = (values[p.sheet] ??= []);
    p.rows.forEach((row, k) => (rows[p.start + k] = row));
  }
  const snapshots = heads.map((h, i): SheetSnapshot => ({ ...h, values: values[i] ?? [] }));
  return { snapshots, settings };
}
