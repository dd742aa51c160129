import { columnLabel } from "../../core";
import type { ColumnField, Evaluation, SheetRecord } from "../../core";

/** The sheet rows a record covers (1-based, inclusive): its id carries the first (`戦略(1)!9`). */
export function recordRows(record: SheetRecord): { readonly first: number; readonly last: number } {
  const first = Number(record.id.slice(record.id.lastIndexOf("!") + 1));
  return { first, last: first + (record.rowEnd - record.rowStart) };
}

/** Finds the record a sheet row belongs to. */
export type RecordAt = (sheet: string, row: number | null) => SheetRecord | null;

/** An index of the records by sheet row, so every finding and mark can name its row's title. */
export function recordIndex(records: ReadonlyArray<SheetRecord>): RecordAt {
  const bySheet = new Map<string, Map<number, SheetRecord>>();
  for (const r of records) {
    let rows = bySheet.get(r.sheet);
    if (!rows) bySheet.set(r.sheet, (rows = new Map()));
    const { first, last } = recordRows(r);
    for (let row = first; row <= last; row += 1) if (!rows.has(row)) rows.set(row, r);
  }
  return (sheet, row) => (row === null ? null : (bySheet.get(sheet)?.get(row) ?? null));
}

/** The row's title as a person reads it on the sheet: item mark and item name (「ア 人と人との…」). */
export function recordTitle(record: SheetRecord): string {
  const name = record.itemName.replace(/\s+/g, " ").trim();
  return [record.itemMark ?? "", name].filter((s) => s !== "").join(" ");
}

/** One cell of a row, labelled by its column, to show the row outside Excel. */
export interface RowCell {
  readonly field: ColumnField;
  readonly label: string;
  readonly address: string;
  readonly text: string;
}

// The order a person reads a row in, left to right on the templates.
const FIELD_ORDER: ReadonlyArray<ColumnField> = [
  "itemMark",
  "itemName",
  "state",
  "outcomeIndicator",
  "strategy",
  "activity",
  "indicator",
  "indicatorTarget",
  "performanceTarget",
  "withdrawalCriterion",
  "history",
  "done",
  "outcomePrevious",
  "outcomeResult",
  "achievementResult",
  "strategyEffectiveness",
  "outcome",
  "outcomeOverall",
  "strategyProgress",
  "achievement",
  "execution",
  "initiativeEffectiveness",
  "issue",
  "plan",
  "department",
];

/** The row's cells (every mapped column, continuation rows joined), for the row view in the browser. */
export function rowCells(record: SheetRecord, lang: "ja" | "en"): RowCell[] {
  const out: RowCell[] = [];
  for (const field of FIELD_ORDER) {
    const cells = record.fields[field];
    const anchor = cells?.[0];
    if (!cells || !anchor) continue;
    const text = cells
      .map((c) => c.text)
      .filter((s) => s !== "")
      .join("\n");
    out.push({ field, label: columnLabel(field)[lang], address: anchor.address, text });
  }
  return out;
}

/** The record index of an evaluation (empty when there is none yet). */
export function indexOf(evaluation: Evaluation | null): RecordAt {
  return recordIndex(evaluation ? evaluation.records : []);
}
