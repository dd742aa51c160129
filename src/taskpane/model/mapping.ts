import { columnIndex, columnLetters } from "../../core";
import type { ColumnField, GridPos, MappingOverrides, SheetKind, SheetLayout } from "../../core";

/** The editable state of one sheet's mapping: the kind and each field's column letters ("" = unmapped). */
export interface SheetDraft {
  readonly kind: SheetKind;
  readonly columns: Readonly<Partial<Record<ColumnField, string>>>;
}

export type MappingDraft = Readonly<Record<string, SheetDraft>>;

const ORIGIN_A1: GridPos = { row: 0, col: 0 };

/** The draft as the layouts stand (column letters are sheet columns). */
export function draftFromLayouts(
  layouts: ReadonlyArray<SheetLayout>,
  origins: Readonly<Record<string, GridPos>>,
): MappingDraft {
  const draft: Record<string, SheetDraft> = {};
  for (const layout of layouts) {
    const origin = origins[layout.sheet] ?? ORIGIN_A1;
    const columns: Partial<Record<ColumnField, string>> = {};
    for (const c of layout.columns) columns[c.field] = columnLetters(origin.col + c.col);
    draft[layout.sheet] = { kind: layout.kind, columns };
  }
  return draft;
}

/** Letters typed for a column that are not a column of the grid. */
export class InvalidColumnError extends Error {
  constructor(readonly value: string) {
    super(`invalid column: ${value}`);
    this.name = "InvalidColumnError";
  }
}

/** Whether letters are a column the grid can hold (A … XFD). */
export function isColumnLetters(value: string): boolean {
  const idx = columnIndex(value.trim());
  return value.trim() === "" || (idx >= 0 && idx < 16384);
}

/**
 * The overrides after the user's edits: the previous overrides, plus every kind or column that now differs
 * from what the layout recognised. Throws InvalidColumnError for letters that are not a column of the grid.
 */
export function overridesFromDraft(
  previous: MappingOverrides,
  layouts: ReadonlyArray<SheetLayout>,
  origins: Readonly<Record<string, GridPos>>,
  draft: MappingDraft,
): MappingOverrides {
  const base = draftFromLayouts(layouts, origins);
  const out: Record<string, { kind?: SheetKind; columns?: Partial<Record<ColumnField, number | null>> }> = {};
  for (const [sheet, entry] of Object.entries(previous)) {
    out[sheet] = { ...entry, ...(entry.columns ? { columns: { ...entry.columns } } : {}) };
  }
  for (const [sheet, edited] of Object.entries(draft)) {
    const before = base[sheet];
    const origin = origins[sheet] ?? ORIGIN_A1;
    const entry = { ...(out[sheet] ?? {}) };
    if (!before || edited.kind !== before.kind) entry.kind = edited.kind;
    const fields = new Set<ColumnField>([
      ...(Object.keys(edited.columns) as ColumnField[]),
      ...(Object.keys(before?.columns ?? {}) as ColumnField[]),
    ]);
    for (const field of fields) {
      const now = (edited.columns[field] ?? "").trim().toUpperCase();
      const was = before?.columns[field] ?? "";
      if (now === was) continue;
      if (!isColumnLetters(now)) throw new InvalidColumnError(now);
      const gridCol = now === "" ? null : columnIndex(now) - origin.col;
      if (gridCol !== null && gridCol < 0) throw new InvalidColumnError(now);
      entry.columns = { ...(entry.columns ?? {}), [field]: gridCol };
    }
    if (entry.kind !== undefined || entry.columns !== undefined) out[sheet] = entry;
  }
  return out;
}
