import type { ColumnField, SheetRecord } from "../model/records";
import { foldLabel } from "../text/normalize";

/** The text of a record's field: its cells joined by newlines ("" when the column is missing). */
export function fieldText(record: SheetRecord, field: ColumnField): string {
  const cells = record.fields[field];
  if (cells === undefined) return "";
  return cells
    .map((c) => c.text)
    .filter((t) => t.trim() !== "")
    .join("\n");
}

/** A code such as [3-1] or [3] written in a text, removed (it is matched on its own, not as label text). */
const CODE = /[[［]\s*\d+(?:\s*[-‐－ー−]\s*\d+)?\s*[\]］]/g;

/** The code the record is known by across years: the initiative's [3-1], the strategy's [3]. */
export function codeOf(record: SheetRecord): string | null {
  return record.kind === "initiative" ? record.initiativeCode : record.strategyCode;
}

/**
 * What a record is called, for label similarity across years, in parts: the item, its indicator, and the
 * first line of the activity (initiatives) or strategy, without codes. Item names rarely change between
 * years; indicators get reworded; the activity tells two initiatives of one item apart.
 */
export function identityParts(record: SheetRecord): string[] {
  const lead = record.kind === "initiative" ? "activity" : "strategy";
  return [
    record.itemName,
    fieldText(record, "indicator"),
    firstLine(fieldText(record, lead).replace(CODE, "")),
  ];
}

/** The parts joined, as a message names the record. */
export function identityText(record: SheetRecord): string {
  return identityParts(record)
    .filter((p) => p.trim() !== "")
    .join(" ");
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? ""
  );
}

/** A field's text as compared across years: folded (width, spaces, variants) and without codes. */
export function comparable(record: SheetRecord, field: ColumnField): string {
  return foldLabel(fieldText(record, field).replace(CODE, ""));
}
