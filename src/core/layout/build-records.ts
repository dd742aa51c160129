import type { Issue } from "../model/findings";
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
  /** Per continuation row, its filled columns that no merge covers (the row's `filled`, copied). */
  readonly continuationCols: number[][];
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
/** Only a number: digits with a sign, thousands separators, a decimal point or a percent sign. */
const BARE_NUMBER = /^[+\-−－]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?$/u;

/** True when the text is a bare number (or empty): no word, so it cannot name an item or an initiative. */
export function isBareNumber(text: string): boolean {
  return BARE_NUMBER.test(text.trim());
}

function wordy(text: string): boolean {
  return text.trim() !== "" && !isBareNumber(text);
}

/** A heading whose number cannot be read: `「…」に向けて` reads as an area, anything else as an objective. */
function untitledLevel(title: string): "area" | "objective" {
  return title.startsWith("「") || title.includes("向けて") ? "area" : "objective";
}

/**
 * Reads the records of a table from `dataStart` down: headings set the area and objective, an item mark or
 * item name starts a record (on an initiative sheet also a non-empty 取組内容), other rows continue it.
 * Repeated title/header rows are skipped (returned as spans) and do not end the open record.
 *
 * What is not part of the form (the rule, since a sheet may hold anything under or beside the table):
 * - A record starts only on an item mark, an item name or (initiative) a 取組内容 that holds words; a bare
 *   number (1, 2.5, 30%) names nothing, so it starts no record.
 * - A row whose content is only bare numbers is read into the open record only when it touches it (no
 *   wholly blank row in between) and lies within the mapped columns; otherwise it is outside the form (a
 *   row of figures under the table, a helper calculation) and skipped.
 * - A continuation row must have content in one of the record's own (mapped) columns; content only in
 *   columns outside the table does not extend a record.
 * - A row whose only content is a title in the item/heading cells, when its number cell holds an error
 *   value or the title is merged across the table, is a heading whose number cannot be read (number "");
 *   the error is reported once (parse.cell-error), since a heading is no record the rules would see.
 */
export function buildRecords(
  grid: Grid,
  kind: FormKind,
  columns: readonly ColumnMatch[],
  dataStart: number,
  furniture: Furniture,
): { records: SheetRecord[]; repeated: RowSpan[]; issues: Issue[] } {
  const colOf = new Map<ColumnField, number>();
  for (const m of columns) {
    if (Number.isInteger(m.col) && m.col >= 0 && m.col < grid.width) colOf.set(m.field, m.col);
  }
  const fieldCols = [...colOf.entries()];
  // column → indexes into fieldCols of the fields read from it (one 項目 column may hold two)
  const fieldsAt = new Map<number, number[]>();
  fieldCols.forEach(([, c], i) => {
    const at = fieldsAt.get(c);
    if (at === undefined) fieldsAt.set(c, [i]);
    else at.push(i);
  });
  const markCol = colOf.get("itemMark");
  const nameCol = colOf.get("itemName");
  const activityCol = kind === "initiative" ? colOf.get("activity") : undefined;
  const mappedCols = fieldCols.map(([, c]) => c);
  const mapped = new Set(mappedCols);
  const leftmost = mappedCols.length > 0 ? Math.min(...mappedCols) : 0;
  // headings sit in the item columns (or, without them, the first mapped columns)
  const headingMaxCol = Math.max(markCol ?? leftmost, nameCol ?? leftmost + 1, leftmost + 1);
  const numberCol = markCol ?? leftmost;

  const records: SheetRecord[] = [];
  const repeated: RowSpan[] = [];
  const issues: Issue[] = [];
  let area: Heading | null = null;
  let objective: Heading | null = null;
  let item: { mark: string | null; name: string } | null = null;
  let draft: Draft | null = null;
  let runTop = -1;
  let runBottom = -1;
  // a wholly blank row (nothing filled, no merge reaching in) since the open record's last content
  let gap = false;

  const close = (cap: number): void => {
    if (draft === null) return;
    records.push(finish(grid, kind, draft, fieldCols, fieldsAt, cap));
    draft = null;
  };
  const flushRun = (): void => {
    if (runTop >= 0) repeated.push({ top: runTop, bottom: runBottom });
    runTop = -1;
  };
  const setHeading = (level: "area" | "objective", heading: Heading): void => {
    if (level === "area") {
      area = heading;
      objective = null;
    } else objective = heading;
    item = null;
  };
  const headingError = (r: number, c: number, code: string): void => {
    issues.push({
      code: "parse.cell-error",
      sheet: grid.name,
      gridRow: r,
      gridCol: c,
      field: null,
      column: null,
      input: code,
      params: { error: code, heading: true },
    });
  };
  /** The heading-cell error of a row whose heading cells hold nothing but it, merged across the table. */
  const bannerError = (r: number): { col: number; code: string } | null => {
    for (let c = 0; c <= Math.min(headingMaxCol, grid.width - 1); c++) {
      const code = grid.errorAt(r, c);
      if (code === null) continue;
      const m = grid.merge(r, c);
      return m !== null && m.right > headingMaxCol ? { col: c, code } : null;
    }
    return null;
  };

  const filled: number[] = [];
  for (let r = Math.max(0, dataStart); r < grid.height; r++) {
    filled.length = 0;
    for (let c = 0; c < grid.width; c++) if (!grid.covered(r, c) && grid.filled(r, c)) filled.push(c);
    if (filled.length === 0) {
      const err = bannerError(r);
      if (err !== null) {
        // a heading banner holding only an error value: a heading of unknown level, number and title
        close(r - 1);
        headingError(r, err.col, err.code);
        setHeading("objective", { number: "", title: "", row: r });
        gap = false;
      } else if (!grid.rowHasMerge(r)) gap = true;
      continue;
    }
    if (furniture.isFurniture(r, filled)) {
      if (runTop < 0) runTop = r;
      runBottom = r;
      // the table goes on over a page break: the blank margin above the repeated header is no gap
      gap = false;
      continue;
    }
    flushRun();
    const firstCol = filled[0] ?? 0;
    if (filled.length === 1 && NOTE.test(grid.text(r, firstCol).trim())) continue;

    if (filled.every((c) => isBareNumber(grid.text(r, c)))) {
      // figures only: part of the open record when they touch it and stay inside the table, else not the form's
      if (draft !== null && !gap && filled.every((c) => mapped.has(c))) {
        draft.continuation.push(r);
        draft.continuationCols.push(filled.slice());
        draft.lastContent = r;
      }
      continue;
    }

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
        setHeading(h.level, h.heading);
        gap = false;
        continue;
      }
      if (filled.length === 1 && firstCol > numberCol && firstCol <= headingMaxCol) {
        // a title alone in the heading cells: its number is an error value, or it spans the table
        const title = normalizeText(grid.text(r, firstCol));
        const numberError = grid.errorAt(r, numberCol);
        const m = grid.merge(r, firstCol);
        if (wordy(title) && (numberError !== null || (m !== null && m.right > headingMaxCol))) {
          close(r - 1);
          if (numberError !== null) headingError(r, numberCol, numberError);
          setHeading(untitledLevel(title), { number: "", title, row: r });
          gap = false;
          continue;
        }
      }
    }

    // the item: a mark, a name, or (one 項目 column) both in one cell
    let name = "";
    if (nameCol !== undefined && nameCol !== markCol && !grid.covered(r, nameCol))
      name = normalizeText(grid.text(r, nameCol));
    if (markCol !== undefined && markCol === nameCol && mark !== null) name = mark.rest;
    else if (markOwn && mark === null && name === "") name = normalizeText(markText);
    if (!wordy(name)) name = "";
    const itemStarts = mark !== null || name !== "";
    const activityStarts =
      activityCol !== undefined && !grid.covered(r, activityCol) && wordy(grid.text(r, activityCol));

    if (!itemStarts && !activityStarts) {
      // content before any record (stray notes) is not read; a row continues the open record only with
      // content in the record's own columns
      if (draft === null || !filled.some((c) => mapped.has(c))) continue;
      draft.continuation.push(r);
      draft.continuationCols.push(filled.slice());
      draft.lastContent = r;
      gap = false;
      continue;
    }
    close(r - 1);
    gap = false;
    if (itemStarts) item = { mark: mark?.mark ?? null, name };
    // a mark merged down over several initiative rows still belongs to each of them
    let rowMark: string | null = mark?.mark ?? null;
    if (rowMark === null && markCol !== undefined && grid.covered(r, markCol)) {
      rowMark = readItemMark(grid.resolvedText(r, markCol), true)?.mark ?? null;
    }
    draft = {
      rowStart: r,
      continuation: [],
      continuationCols: [],
      lastContent: r,
      area,
      objective,
      itemMark: rowMark,
      itemName: name !== "" ? name : (item?.name ?? ""),
    };
  }
  flushRun();
  close(grid.height - 1);
  return { records, repeated, issues };
}

/**
 * A strategy whose indicators each have their own row may give each its own 個別 cell: the outcome cells of
 * the continuation rows that no merge from above covers are the record's too, empty ones included (a plan
 * writes each indicator's mark into its own row's cell; a cell merged over several indicators stays one).
 */
function ownOutcomeCells(
  grid: Grid,
  d: Draft,
  fieldCols: ReadonlyArray<readonly [ColumnField, number]>,
  cellsOf: FieldCell[][],
): void {
  const k = fieldCols.findIndex(([field]) => field === "outcome");
  const col = fieldCols[k]?.[1];
  const cells = cellsOf[k];
  if (col === undefined || cells === undefined) return;
  const rows = new Set(cells.map((c) => c.row));
  let added = false;
  for (const r of d.continuation) {
    if (rows.has(r) || grid.covered(r, col)) continue;
    cells.push(grid.fieldCell(r, col));
    rows.add(r);
    added = true;
  }
  if (added) cells.sort((a, b) => a.row - b.row);
}

function finish(
  grid: Grid,
  kind: FormKind,
  d: Draft,
  fieldCols: ReadonlyArray<readonly [ColumnField, number]>,
  fieldsAt: ReadonlyMap<number, readonly number[]>,
  cap: number,
): SheetRecord {
  let rowEnd = d.lastContent;
  const cellsOf: FieldCell[][] = [];
  for (const [, col] of fieldCols) {
    // the merge found once serves as both the anchor and the record's reach (grid.anchor looks it up again)
    const m = grid.merge(d.rowStart, col);
    if (m !== null && m.top === d.rowStart) rowEnd = Math.max(rowEnd, Math.min(m.bottom, cap));
    cellsOf.push([m === null ? grid.fieldCell(d.rowStart, col) : grid.fieldCell(m.top, m.left)]);
  }
  // continuation cells: a field's own filled cells, row by row (each field its own FieldCell object)
  d.continuation.forEach((r, i) => {
    for (const c of d.continuationCols[i] ?? []) {
      for (const k of fieldsAt.get(c) ?? []) cellsOf[k]?.push(grid.fieldCell(r, c));
    }
  });
  if (kind === "strategy") ownOutcomeCells(grid, d, fieldCols, cellsOf);
  const fields: Record<string, FieldCell[]> = {};
  fieldCols.forEach(([field], k) => {
    fields[field] = cellsOf[k] ?? [];
  });
  const typed = fields as RecordFields;
  // object literals rather than spreads of a shared base; the key order (so the JSON) stays the same
  const id = `${grid.name}!${grid.sheetRow(d.rowStart)}`;
  const end = Math.max(d.rowStart, rowEnd);
  if (kind === "strategy") {
    const record: StrategyRecord = {
      sheet: grid.name,
      id,
      rowStart: d.rowStart,
      rowEnd: end,
      area: d.area,
      objective: d.objective,
      itemMark: d.itemMark,
      itemName: d.itemName,
      fields: typed,
      duplicateOf: null,
      kind: "strategy",
      strategyCode: strategyCode(typed),
    };
    return record;
  }
  const code = initiativeCode(typed);
  const record: InitiativeRecord = {
    sheet: grid.name,
    id,
    rowStart: d.rowStart,
    rowEnd: end,
    area: d.area,
    objective: d.objective,
    itemMark: d.itemMark,
    itemName: d.itemName,
    fields: typed,
    duplicateOf: null,
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
