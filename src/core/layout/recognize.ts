import type { MappingOverrides } from "../model/evaluation";
import type { FindingCode, Issue, IssueBase, IssueOf, IssueParams, ReportField } from "../model/findings";
import type { ColumnField, ColumnMatch, SheetKind, SheetLayout, SheetRecord } from "../model/records";
import type { SheetSnapshot } from "../model/snapshot";
import type { Profile } from "../profile/profile";
import { buildRecords, isBareNumber } from "./build-records";
import { type MatchedColumn, matchColumns } from "./columns";
import { markDuplicates } from "./dedup";
import { KIND_KEYWORDS, REQUIRED, type FormKind } from "./dictionary";
import { Furniture } from "./furniture";
import { Grid } from "./grid";
import { type HeaderBlock, findHeader, labelHits, laterHeaders } from "./header";
import { stripLegend } from "./labels";
import { LayoutMemo } from "./memo";
import { readItemMark } from "./hierarchy";
import { detectNotation } from "./notation";
import { readTitle } from "./title";

/** One sheet's override (MappingOverrides[sheet]). */
export type SheetOverride = MappingOverrides[string];

/** What the recogniser returns for one sheet or a workbook. */
export interface Recognition {
  readonly layouts: SheetLayout[];
  readonly records: SheetRecord[];
  readonly issues: Issue[];
}

const FORM_KINDS: readonly FormKind[] = ["strategy", "initiative"];
const COMMON: ReadonlySet<ColumnField> = new Set([
  "itemMark",
  "itemName",
  "indicator",
  "indicatorTarget",
  "issue",
  "plan",
  "department",
]);
const REPORT_FIELDS: ReadonlySet<string> = new Set([
  "achievement",
  "outcome",
  "outcomeOverall",
  "strategyProgress",
  "execution",
  "initiativeEffectiveness",
  "strategyEffectiveness",
]);
const MIN_KIND_SCORE = 0.5;
const KEYWORD_COLS = 64;

function reportField(column: ColumnField): ReportField | null {
  return REPORT_FIELDS.has(column) ? (column as ReportField) : null;
}

function round(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
}

function kindKeywords(grid: Grid, lastRow: number, memo: LayoutMemo): Set<FormKind> {
  const found = new Set<FormKind>();
  const words = FORM_KINDS.map((k) => ({ kind: k, folded: KIND_KEYWORDS[k].map((w) => memo.fold(w)) }));
  for (let r = 0; r <= Math.min(lastRow, grid.height - 1); r++) {
    for (let c = 0; c < Math.min(grid.width, KEYWORD_COLS); c++) {
      const t = grid.text(r, c);
      if (t.trim() === "" || t.length > 200) continue;
      const f = memo.fold(stripLegend(t));
      for (const w of words) {
        if (w.folded.some((k) => f.includes(k) && !f.includes(`${k}内容`))) found.add(w.kind);
      }
    }
  }
  return found;
}

/** The share of a kind's own required fields that the header maps. */
function coverage(kind: FormKind, columns: readonly ColumnMatch[]): number {
  const own = REQUIRED[kind].filter((f) => !COMMON.has(f));
  const mapped = new Set(columns.map((c) => c.field));
  return own.filter((f) => mapped.has(f)).length / Math.max(1, own.length);
}

function applyOverride(
  grid: Grid,
  columns: readonly MatchedColumn[],
  block: HeaderBlock | null,
  override: SheetOverride | undefined,
): MatchedColumn[] {
  const map = override?.columns;
  if (map === undefined) return [...columns];
  const entries = Object.entries(map) as Array<[ColumnField, number | null | undefined]>;
  const overridden = new Set(entries.map(([f]) => f));
  const forcedCols = new Set(entries.flatMap(([, c]) => (typeof c === "number" ? [c] : [])));
  const kept = columns.filter((m) => !overridden.has(m.field) && !forcedCols.has(m.col));
  for (const [field, col] of entries) {
    if (typeof col !== "number" || !Number.isInteger(col) || col < 0 || col >= Math.max(grid.width, 1))
      continue;
    const labelRow = block?.labelRow ?? 0;
    const label = block === null ? "" : stripLegend(grid.resolvedText(labelRow, col));
    kept.push({ field, col, label, confidence: 1, how: "override", labelRow });
  }
  return kept.sort((a, b) => a.col - b.col);
}

/** The fields a mapping override sets or unmaps. */
function overriddenFields(override: SheetOverride | undefined): ColumnField[] {
  return Object.keys(override?.columns ?? {}) as ColumnField[];
}

/** The columns a mapping override assigns to a field. */
function forcedColumns(override: SheetOverride | undefined): number[] {
  return Object.values(override?.columns ?? {}).filter((c): c is number => typeof c === "number");
}

// a column found only in a repeated header is less certain than one labelled in the chosen header
const REPEAT_DISCOUNT = 0.9;

/**
 * Fields the chosen header does not map (a label emptied, an error value, merged away) taken from a later
 * page's repeated header, a copy of the same form whose columns are the sheet's columns: added to `columns`
 * found by position, each reported as a weak header at the chosen header's cell where its label should be.
 * Returns the fields added. Later headers are only searched when the chosen one lacks a required field.
 */
function fillFromRepeats(
  grid: Grid,
  block: HeaderBlock,
  kind: FormKind,
  profile: Profile,
  memo: LayoutMemo,
  columns: MatchedColumn[],
  override: SheetOverride | undefined,
  issues: Issue[],
): Set<ColumnField> {
  const added = new Set<ColumnField>();
  // a field the user's override places (or unmaps) is never taken from a repeat
  const have = new Set([...columns.map((c) => c.field), ...overriddenFields(override)]);
  if (REQUIRED[kind].every((f) => have.has(f))) return added;
  const used = new Set([...columns.map((c) => c.col), ...forcedColumns(override)]);
  for (const later of laterHeaders(grid, block, memo)) {
    for (const m of matchColumns(grid, later, kind, profile, memo)) {
      if (have.has(m.field) || used.has(m.col)) continue;
      have.add(m.field);
      used.add(m.col);
      added.add(m.field);
      const confidence = round(m.confidence * REPEAT_DISCOUNT);
      columns.push({ ...m, how: "position", confidence, labelRow: block.labelRow });
      const own = grid.errorAt(block.labelRow, m.col) ?? grid.resolvedText(block.labelRow, m.col).trim();
      issues.push(
        sheetIssue(
          grid,
          "structure.weak-header",
          { label: m.label, field: m.field, confidence },
          {
            gridRow: block.labelRow,
            gridCol: m.col,
            column: m.field,
            field: reportField(m.field),
            input: own === "" ? null : own,
          },
        ),
      );
    }
    if (REQUIRED[kind].every((f) => have.has(f))) break;
  }
  columns.sort((a, b) => a.col - b.col);
  return added;
}

/**
 * The first row above the chosen header that looks like an item row (an item mark in the item-mark column
 * and words in another mapped column), reported as structure.rows-before-header (an error): an earlier header block
 * too damaged to be chosen sits above it, and its rows are not read, since no column map is known for them.
 * The label is that damaged header row's text. Null when there is none.
 */
function itemRowAbove(
  grid: Grid,
  columns: readonly MatchedColumn[],
  block: HeaderBlock,
  memo: LayoutMemo,
): Issue | null {
  const top = block.top;
  const markCol = columns.find((c) => c.field === "itemMark")?.col;
  if (markCol === undefined) return null;
  const others = columns.filter((c) => c.col !== markCol).map((c) => c.col);
  for (let r = 0; r < Math.min(top, grid.height); r++) {
    if (grid.covered(r, markCol)) continue;
    const markText = grid.text(r, markCol);
    const mark = readItemMark(markText, true);
    if (mark === null) continue;
    if (!others.some((c) => !grid.covered(r, c) && grid.filled(r, c) && !isBareNumber(grid.text(r, c))))
      continue;
    // the damaged header: the row above the item row that holds most labels
    let headerRow = -1;
    let hits = 0;
    for (let h = 0; h < r; h++) {
      const n = labelHits(grid, h, memo);
      if (n > hits) {
        hits = n;
        headerRow = h;
      }
    }
    const label =
      headerRow < 0
        ? ""
        : Array.from({ length: Math.min(grid.width, 256) }, (_, c) => grid.text(headerRow, c).trim())
            .filter((t) => t !== "" && t.length <= 80)
            .join(" ");
    return sheetIssue(
      grid,
      "structure.rows-before-header",
      { label, confidence: round(hits / Math.max(1, labelHits(grid, block.labelRow, memo))) },
      {
        gridRow: r,
        gridCol: markCol,
        column: "itemMark",
        input: markText,
      },
    );
  }
  return null;
}

interface SheetResult {
  readonly layout: SheetLayout;
  readonly records: SheetRecord[];
  readonly issues: Issue[];
}

function sheetIssue<C extends FindingCode>(
  grid: Grid,
  code: C,
  params: IssueParams[C],
  extra: Partial<Omit<IssueBase, "sheet">> = {},
): IssueOf<C> {
  return {
    code,
    sheet: grid.name,
    gridRow: null,
    gridCol: null,
    field: null,
    column: null,
    input: null,
    params,
    ...extra,
  };
}

/** Recognition of one sheet without duplicate marking (the workbook marks duplicates across sheets). */
function recognizeOne(
  snapshot: SheetSnapshot,
  profile: Profile,
  override: SheetOverride | undefined,
  memo: LayoutMemo,
): SheetResult {
  const grid = new Grid(snapshot);
  const block = findHeader(grid, profile, memo);
  const topRows = block !== null ? block.bottom : Math.min(grid.height, profile.header.searchRows) - 1;
  const title = readTitle(grid, topRows);

  let kind: SheetKind = "other";
  let kindConfidence = 0;
  let columns: MatchedColumn[] = [];
  if (override?.kind !== undefined) {
    kind = override.kind;
    kindConfidence = 1;
    if (kind !== "other" && block !== null) columns = matchColumns(grid, block, kind, profile, memo);
  } else if (block !== null) {
    const keywords = kindKeywords(grid, block.bottom, memo);
    let best = { kind: "other" as SheetKind, score: 0, columns: [] as MatchedColumn[] };
    for (const k of FORM_KINDS) {
      const cols = matchColumns(grid, block, k, profile, memo);
      const score = 0.7 * coverage(k, cols) + 0.3 * (keywords.has(k) ? 1 : 0);
      if (score > best.score) best = { kind: k, score, columns: cols };
    }
    if (best.score >= MIN_KIND_SCORE) {
      kind = best.kind;
      kindConfidence = round(best.score);
      columns = best.columns;
    } else {
      kindConfidence = round(1 - best.score);
    }
  } else {
    kindConfidence = title.hasTitle ? 0.5 : 1;
  }

  const { notation, notationSource } = detectNotation(grid, kind === "other" ? null : block, profile);
  const base = {
    sheet: grid.name,
    origin: snapshot.origin,
    titleYear: title.titleYear,
    ward: title.ward,
    notation,
    notationSource,
  };
  if (kind === "other") {
    const issues =
      title.hasTitle && override?.kind !== "other"
        ? [sheetIssue(grid, "structure.unknown-sheet", { sheet: grid.name }, { severity: "info" })]
        : [];
    const layout: SheetLayout = {
      ...base,
      kind,
      kindConfidence,
      header: null,
      legendRow: null,
      repeatedHeaders: [],
      columns: [],
    };
    return { layout, records: [], issues };
  }

  const issues: Issue[] = [];
  const fromRepeats =
    block === null
      ? new Set<ColumnField>()
      : fillFromRepeats(grid, block, kind, profile, memo, columns, override, issues);
  columns = applyOverride(grid, columns, block, override);
  const mapped = new Set(columns.map((c) => c.field));
  for (const field of REQUIRED[kind]) {
    if (mapped.has(field)) continue;
    issues.push(
      sheetIssue(
        grid,
        "structure.missing-column",
        { field, kind },
        { gridRow: block?.labelRow ?? null, column: field, field: reportField(field) },
      ),
    );
  }
  for (const m of columns) {
    if (m.how === "override" || m.confidence >= profile.header.weakConfidence || fromRepeats.has(m.field))
      continue;
    issues.push(
      sheetIssue(
        grid,
        "structure.weak-header",
        { label: m.label, field: m.field, confidence: m.confidence },
        { gridRow: m.labelRow, gridCol: m.col, column: m.field, field: reportField(m.field), input: m.label },
      ),
    );
  }

  const furniture = new Furniture(grid, block?.bottom ?? -1);
  const built = buildRecords(grid, kind, columns, block === null ? 0 : block.bottom + 1, furniture);
  for (const i of built.issues) issues.push(i);
  if (block !== null) {
    const above = itemRowAbove(grid, columns, block, memo);
    if (above !== null) issues.push(above);
  }
  if (built.records.length === 0) issues.push(sheetIssue(grid, "structure.no-records", { sheet: grid.name }));
  const layout: SheetLayout = {
    ...base,
    kind,
    kindConfidence,
    header: block === null ? null : { top: block.top, bottom: block.bottom },
    legendRow: block?.legendRow ?? null,
    repeatedHeaders: built.repeated,
    columns: columns.map(({ field, col, label, confidence, how }) => ({
      field,
      col,
      label,
      confidence,
      how,
    })),
  };
  return { layout, records: built.records, issues };
}

function overrideFor(overrides: MappingOverrides | undefined, sheet: string): SheetOverride | undefined {
  if (overrides === undefined || overrides === null) return undefined;
  return Object.prototype.hasOwnProperty.call(overrides, sheet) ? overrides[sheet] : undefined;
}

/**
 * Recognises one sheet: kind, header, column map, legend notation, title year and ward, and its records
 * (duplicates within the sheet marked). Never throws.
 */
export function recognizeSheet(
  snapshot: SheetSnapshot,
  profile: Profile,
  override?: SheetOverride,
): { layout: SheetLayout; records: SheetRecord[]; issues: Issue[] } {
  const one = recognizeOne(snapshot, profile, override, new LayoutMemo());
  const dedup = markDuplicates(one.records);
  return { layout: one.layout, records: dedup.records, issues: [...one.issues, ...dedup.issues] };
}

/**
 * Recognises every sheet of a workbook (overrides by sheet name); records of all sheets, in sheet order,
 * with duplicates marked across continuation pages and sheets. `memo` is this recognition's (one workbook:
 * its sheets share header texts); evaluateWorkbook passes the one its evaluation owns.
 */
export function recognizeWorkbook(
  snapshots: readonly SheetSnapshot[],
  profile: Profile,
  overrides?: MappingOverrides,
  memo: LayoutMemo = new LayoutMemo(),
): Recognition {
  const layouts: SheetLayout[] = [];
  const records: SheetRecord[] = [];
  const issues: Issue[] = [];
  for (const s of snapshots) {
    const one = recognizeOne(
      s,
      profile,
      overrideFor(overrides, typeof s.name === "string" ? s.name : String(s.name)),
      memo,
    );
    layouts.push(one.layout);
    // no spread: a sheet may hold more records than a call may take arguments
    for (const r of one.records) records.push(r);
    for (const i of one.issues) issues.push(i);
  }
  const dedup = markDuplicates(records);
  return { layouts, records: dedup.records, issues: [...issues, ...dedup.issues] };
}
