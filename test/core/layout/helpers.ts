import type { ColumnField, SheetLayout } from "../../../src/core/model/records";

/** field → column of a layout. */
export function columnMap(layout: SheetLayout): Partial<Record<ColumnField, number>> {
  const out: Partial<Record<ColumnField, number>> = {};
  for (const c of layout.columns) out[c.field] = c.col;
  return out;
}

/** The match of one field. */
export function matchOf(layout: SheetLayout, field: ColumnField): SheetLayout["columns"][number] | undefined {
  return layout.columns.find((c) => c.field === field);
}
