import type {
  ColumnField,
  ColumnMatch,
  FieldCell,
  Heading,
  InitiativeRecord,
  RecordFields,
  SheetRecord,
  StrategyRecord,
} from "../model/records";
import { normalizeText } from "../text/normalize";
import type { FormKind } from "./dictionary";
import type { Furniture } from "./furniture";
import type { Grid } from "./grid";
import { readHeading, readItemMark } from "./hierarchy";

export interface RowSpan {
  readonly top: number;
  readonly bottom: number;
}

interface Draft {
  readonly rowStart: number;
  readonly continuation: number[];
  lastContent: number;
  readonly area: Heading | null;
  readonly objective: Heading | null;
  readonly itemMark: string | null;
  readonly itemName: string;
}

// half- or full-width brackets and digits, matched on the raw text (normalising long cells is costly)
const STRATEGY_CODE = /[[［]\s*([0-9０-９]{1,3})\s*[\]］]/u;
const INITIATIVE_CODE = /[[［]\s*([0-9０-９]{1,3})\s*[-ー－‐‑–—−]\s*([0-9０-９]{1,3})\s*[\]］]/u;

/** "３" → "3", "03" → "3". */
function digits(s: string): string {
  return String(Number(s.normalize("NFKC")));
}
const NOTE = /^[※＊*注]/u;

/**
 * Reads the records of a table from `dataStart` down: headings set the area and objective, an item mark or
 * item name starts a record (on an initiative sheet also a non-empty 取組内容), other rows continue it.
 * Repeated title/header rows are skipped (returned as spans) and do not end the open record.
 */
export function buildRecords(
  grid: Grid,
  kind: FormKind,
  columns: readonly ColumnMatch[],
  dataStart: number,
  furniture: Furniture,
): { records: SheetRecord[]; repeated: RowSpan[] } {
  const colOf = new Map<ColumnField, number>();
  for (const m of columns) {
    if (Number.isInteger(m.col) && m.col >= 0 && m.col < grid.width) colOf.set(m.field, m.col);
  }
  const fieldCols = [...colOf.entries()];
  const markCol = colOf.get("itemMark");
  const nameCol = colOf.get("itemName");
  const activityCol = kind === "initiative" ? colOf.get("activity") : undefined;
  const mappedCols = fieldCols.map(([, c]) => c);
  const leftmost = mappedCols.length > 0 ? Math.min(...mappedCols) : 0;
  // headings sit in the item columns (or, without them, the first mapped columns)
  const headingMaxCol = Math.max(markCol ?? leftmost, nameCol ?? leftmost + 1, leftmost + 1);

  const records: SheetRecord[] = [];
  const repeated: RowSpan[] = [];
  let area: Heading | null = null;
  let objective: Heading | null = null;
  let item: { mark: string | null; name: string } | null = null;
  let draft: Draft | null = null;
  let runTop = -1;
  let runBottom = -1;

  const close = (cap: number): void => {
    if (draft === null) return;
    records.push(finish(grid, kind, draft, fieldCols, cap));
    draft = null;
  };
  const flushRun = (): void => {
    if (runTop >= 0) repeated.push({ top: runTop, bottom: runBottom });
    runTop = -1;
  };

  const filled: number[] = [];
  for (let r = Math.max(0, dataStart); r < grid.height; r++) {
    filled.length = 0;
    for (let c = 0; c < grid.width; c++) if (!grid.covered(r, c) && grid.filled(r, c)) filled.push(c);
    if (filled.length === 0) continue;
    if (furniture.isFurniture(r, filled)) {
      if (runTop < 0) runTop = r;
      runBottom = r;
      continue;
    }
    flushRun();
    const firstCol = filled[0] ?? 0;
    if (filled.length === 1 && NOTE.test(grid.text(r, firstCol).trim())) continue;

    const markText = markCol !== undefined ? grid.text(r, markCol) : "";
    const markOwn = markCol !== undefined && !grid.covered(r, markCol) && markText.trim() !== "";
    const mark = markOwn ? readItemMark(markText, true) : null;
    if (mark === null && firstCol <= headingMaxCol && filled.length <= 2) {
      const h = readHeading(
        filled.map((c) => grid.text(r, c)),
        r,
      );
      if (h !== null) {
        close(r - 1);
        if (h.level === "area") {
          area = h.heading;
          objective = null;
        } else objective = h.heading;
        item = null;
        continue;
      }
    }

    // the item: a mark, a name, or (one 項目 column) both in one cell
    let name = "";
    if (nameCol !== undefined && nameCol !== markCol && !grid.covered(r, nameCol))
      name = normalizeText(grid.text(r, nameCol));
    if (markCol !== undefined && markCol === nameCol && mark !== null) name = mark.rest;
    else if (markOwn && mark === null && name === "") name = normalizeText(markText);
    const itemStarts = mark !== null || name !== "";
    const activityStarts =
      activityCol !== undefined && !grid.covered(r, activityCol) && grid.filled(r, activityCol);

    if (!itemStarts && !activityStarts) {
      // content before any record (stray notes) is not read; otherwise the row continues the record
      if (draft === null) continue;
      draft.continuation.push(r);
      draft.lastContent = r;
      continue;
    }
    close(r - 1);
    if (itemStarts) item = { mark: mark?.mark ?? null, name };
    // a mark merged down over several initiative rows still belongs to each of them
    let rowMark: string | null = mark?.mark ?? null;
    if (rowMark === null && markCol !== undefined && grid.covered(r, markCol)) {
      rowMark = readItemMark(grid.resolvedText(r, markCol), true)?.mark ?? null;
    }
    draft = {
      rowStart: r,
      continuation: [],
      lastContent: r,
      area,
      objective,
      itemMark: rowMark,
      itemName: name !== "" ? name : (item?.name ?? ""),
    };
  }
  flushRun();
  close(grid.height - 1);
  return { records, repeated };
}

function finish(
  grid: Grid,
  kind: FormKind,
  d: Draft,
  fieldCols: ReadonlyArray<readonly [ColumnField, number]>,
  cap: number,
): SheetRecord {
  let rowEnd = d.lastContent;
  const fields: Record<string, FieldCell[]> = {};
  for (const [field, col] of fieldCols) {
    const a = grid.anchor(d.rowStart, col);
    const m = grid.merge(d.rowStart, col);
    if (m !== null && m.top === d.rowStart) rowEnd = Math.max(rowEnd, Math.min(m.bottom, cap));
    const cells: FieldCell[] = [grid.fieldCell(a.row, a.col)];
    for (const r of d.continuation) {
      if (!grid.covered(r, col) && grid.filled(r, col)) cells.push(grid.fieldCell(r, col));
    }
    fields[field] = cells;
  }
  const typed = fields as RecordFields;
  const base = {
    sheet: grid.name,
    id: `${grid.name}!${grid.sheetRow(d.rowStart)}`,
    rowStart: d.rowStart,
    rowEnd: Math.max(d.rowStart, rowEnd),
    area: d.area,
    objective: d.objective,
    itemMark: d.itemMark,
    itemName: d.itemName,
    fields: typed,
    duplicateOf: null,
  };
  if (kind === "strategy") {
    const record: StrategyRecord = { ...base, kind: "strategy", strategyCode: strategyCode(typed) };
    return record;
  }
  const code = initiativeCode(typed);
  const record: InitiativeRecord = {
    ...base,
    kind: "initiative",
    initiativeCode: code === null ? null : `${code[0]}-${code[1]}`,
    strategyCode: code === null ? null : code[0],
  };
  return record;
}

function strategyCode(fields: RecordFields): string | null {
  for (const f of ["strategy", "state", "outcomeIndicator"] as const) {
    for (const cell of fields[f] ?? []) {
      const m = STRATEGY_CODE.exec(cell.text);
      if (m?.[1] !== undefined) return digits(m[1]);
    }
  }
  return null;
}

function initiativeCode(fields: RecordFields): [string, string] | null {
  for (const cell of fields.activity ?? []) {
    const m = INITIATIVE_CODE.exec(cell.text);
    if (m?.[1] !== undefined && m[2] !== undefined) return [digits(m[1]), digits(m[2])];
  }
  return null;
}
