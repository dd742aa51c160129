import type { Issue } from "../model/findings";
import type { SheetRecord } from "../model/records";
import { squeezeSpace } from "../text/squeeze";

// Whitespace-free texts: a repeated row is a copy, so nothing more needs folding (and it stays cheap).
function fieldText(record: SheetRecord, field: "indicator" | "activity"): string {
  // the cells' squeezed texts joined with "|", built without an intermediate array
  const cells = record.fields[field] ?? [];
  let out = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += "|";
    out += squeezeSpace(cells[i]?.text ?? "");
  }
  return out;
}

/**
 * The identity of a record for duplicate detection: kind, area, objective, item (mark and name) and its
 * indicators; an initiative adds its 取組内容, since several initiatives share one item and indicator.
 * Null for a record with nothing to identify it.
 */
export function recordKey(record: SheetRecord): string | null {
  const indicator = fieldText(record, "indicator");
  const activity = record.kind === "initiative" ? fieldText(record, "activity") : "";
  const name = squeezeSpace(record.itemName);
  if (
    record.itemMark === null &&
    name === "" &&
    indicator.replace(/\|/g, "") === "" &&
    activity.replace(/\|/g, "") === ""
  ) {
    return null;
  }
  return [
    record.kind,
    record.area?.number ?? "",
    record.objective?.number ?? "",
    record.itemMark ?? "",
    name,
    indicator,
    activity,
  ].join("\u0001");
}

/**
 * Marks every record whose key was already seen (continuation pages repeat rows): duplicateOf = the first
 * record's id, plus one info issue per duplicate. Records keep their order.
 */
export function markDuplicates(records: readonly SheetRecord[]): { records: SheetRecord[]; issues: Issue[] } {
  const first = new Map<string, SheetRecord>();
  const issues: Issue[] = [];
  const out = records.map((r): SheetRecord => {
    const key = recordKey(r);
    if (key === null) return r.duplicateOf === null ? r : { ...r, duplicateOf: null };
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, r);
      return r.duplicateOf === null ? r : { ...r, duplicateOf: null };
    }
    const anchor = r.fields.itemName?.[0] ?? r.fields.itemMark?.[0] ?? r.fields.indicator?.[0];
    issues.push({
      code: "duplicates.repeated-row",
      severity: "info",
      sheet: r.sheet,
      gridRow: r.rowStart,
      gridCol: anchor?.col ?? null,
      field: null,
      column: null,
      input: r.itemName === "" ? null : r.itemName,
      params: { first: seen.id, duplicate: r.id, item: r.itemName },
    });
    return { ...r, duplicateOf: seen.id };
  });
  return { records: out, issues };
}
