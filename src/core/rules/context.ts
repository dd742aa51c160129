import type { Issue } from "../model/findings";
import type { ColumnField, FieldCell, SheetLayout, SheetRecord } from "../model/records";
import type { SheetSnapshot } from "../model/snapshot";
import type { ParseFailure, Parsed, ResultValue, Target, WithdrawalCriterion } from "../model/values";
import type { Profile } from "../profile/profile";
import type { ParseContext } from "../values/context";
import { TextMemo } from "../text/memo";
import {
  parseCriteria,
  parseResults,
  parseTargets,
  resolveWithHistory,
  resolveWithPrevious,
  type PreviousFigure,
} from "../values";
import { deriveAll } from "./derive";
import { isBlank } from "./issue";
import type { IndicatorTargets, Located, LocatedFailure, ParsedRecord, RuleContext } from "./types";

/** What the context is built from: the recogniser's output and the options. */
export interface ContextInput {
  readonly profile: Profile;
  readonly snapshots: ReadonlyArray<SheetSnapshot>;
  readonly layouts: ReadonlyArray<SheetLayout>;
  readonly records: ReadonlyArray<SheetRecord>;
  readonly layoutIssues: ReadonlyArray<Issue>;
  /** the evaluation's text memo (a fresh one when not given) */
  readonly text?: TextMemo;
  /** record id → last year's results for it from last year's workbook (core/history/previous-figures.ts) */
  readonly previousResults?: ReadonlyMap<string, ReadonlyArray<PreviousFigure>>;
}

/** The workbook's evaluation year: the first title year found, else the profile's. */
export function workbookYear(layouts: ReadonlyArray<SheetLayout>, profile: Profile): number {
  for (const l of layouts) if (l.kind !== "other" && l.titleYear !== null) return l.titleYear;
  for (const l of layouts) if (l.titleYear !== null) return l.titleYear;
  return profile.evaluationYear;
}

function readCells<T>(
  cells: ReadonlyArray<FieldCell>,
  column: ColumnField,
  what: LocatedFailure["what"],
  parse: (text: string) => Parsed<T>,
): { items: Located<T>[]; failures: LocatedFailure[] } {
  const items: Located<T>[] = [];
  const failures: LocatedFailure[] = [];
  for (const cell of cells) {
    // error values are reported by the parse rule (cell-error); blanks and "-" hold nothing to read
    if (cell.error !== null || isBlank(cell.text)) continue;
    const parsed = parse(cell.text);
    for (const value of parsed.items) items.push({ value, cell, column });
    for (const failure of parsed.failures) {
      if (failure.code !== "empty") failures.push({ what, failure: failure as ParseFailure, cell, column });
    }
  }
  return { items, failures };
}

/** Parsers of the three kinds of value cells, given the sheet's parse context. */
export interface CellParsers {
  readonly targets: (text: string, pctx: ParseContext) => Parsed<Target>;
  readonly results: (text: string, pctx: ParseContext) => Parsed<ResultValue>;
  readonly criteria: (text: string, pctx: ParseContext) => Parsed<WithdrawalCriterion>;
}

const DIRECT_PARSERS: CellParsers = { targets: parseTargets, results: parseResults, criteria: parseCriteria };

/**
 * Parsers that parse each distinct (text, context) once: sheets repeat the same texts in many cells. The
 * memo belongs to the caller (buildContext makes one per evaluation) and needs no size cap: it holds at most
 * the distinct texts of the workbook. The parsed values are shared by every cell with the same text, so
 * nobody may change them, and nothing tells values apart by identity (pairing works by index).
 */
export function memoizedParsers(): CellParsers {
  // parser and context → cell text → parsed (texts looked up as they are: no key string per cell)
  const caches = new Map<string, Map<string, Parsed<unknown>>>();
  const memo =
    <T extends object>(what: string, parse: (text: string, pctx: ParseContext) => Parsed<T>) =>
    (text: string, pctx: ParseContext): Parsed<T> => {
      const ctxKey = `${what}\u0000${pctx.evaluationYear}\u0000${pctx.defaultEra}\u0000${pctx.maxLength ?? ""}`;
      let cache = caches.get(ctxKey);
      if (cache === undefined) {
        cache = new Map();
        caches.set(ctxKey, cache);
      }
      const hit = cache.get(text);
      if (hit !== undefined) return hit as Parsed<T>;
      const parsed = parse(text, pctx);
      cache.set(text, parsed);
      return parsed;
    };
  return {
    targets: memo("t", parseTargets),
    results: memo("r", parseResults),
    criteria: memo("c", parseCriteria),
  };
}

/**
 * Parse a record's target, result and criterion cells (every cell of each field, in row order). `previous`:
 * last year's results for this record from last year's workbook, for a relative target the sheet itself
 * gives no baseline for.
 */
export function parseRecord(
  record: SheetRecord,
  pctx: ParseContext,
  parsers: CellParsers = DIRECT_PARSERS,
  previous: ReadonlyArray<PreviousFigure> = [],
): ParsedRecord {
  const targetsCol: ColumnField = record.kind === "initiative" ? "performanceTarget" : "outcomeIndicator";
  const resultsCol: ColumnField = record.kind === "initiative" ? "achievementResult" : "outcomeResult";
  const criteriaCol: ColumnField | null = record.kind === "initiative" ? "withdrawalCriterion" : null;
  const t = readCells(record.fields[targetsCol] ?? [], targetsCol, "target", (s) => parsers.targets(s, pctx));
  const r = readCells(record.fields[resultsCol] ?? [], resultsCol, "result", (s) => parsers.results(s, pctx));
  const c =
    criteriaCol === null
      ? { items: [], failures: [] }
      : readCells(record.fields[criteriaCol] ?? [], criteriaCol, "criterion", (s) =>
          parsers.criteria(s, pctx),
        );
  // a relative target (前年度以上) takes last year's figure from 前年度までの実績 when it names one, else
  // last year's result from last year's workbook — only for a record with that one target (with several,
  // which of last year's results belongs to which target is not known)
  const history = (record.fields.history ?? []).map((c) => c.text).join("\n");
  const lastYear = t.items.length === 1 ? previous : [];
  const resolved = new Set<string>();
  const targets =
    history.trim() === "" && lastYear.length === 0
      ? t.items
      : t.items.map((item) => {
          const fromSheet =
            history.trim() === "" ? item.value : resolveWithHistory(item.value, history, pctx);
          const value = fromSheet === item.value ? resolveWithPrevious(item.value, lastYear) : fromSheet;
          if (value === item.value) return item;
          resolved.add(item.value.raw);
          return { ...item, value };
        });
  const targetFailures =
    resolved.size === 0
      ? t.failures
      : t.failures.filter(
          (f) => !(f.failure.code === "relative-needs-previous" && resolved.has(f.failure.raw)),
        );
  return {
    targets,
    results: r.items,
    criteria: c.items,
    failures: [...targetFailures, ...r.failures, ...c.failures],
    columns: { targets: targetsCol, results: resultsCol, criteria: criteriaCol },
  };
}

/** The 成果指標と目標値 cells of a record parsed as targets (blank and error cells skipped). */
function parseIndicatorTargets(
  record: SheetRecord,
  pctx: ParseContext,
  parsers: CellParsers,
): IndicatorTargets {
  const items: { value: Target; cell: FieldCell }[] = [];
  const failures: { failure: ParseFailure; cell: FieldCell }[] = [];
  for (const cell of record.fields.indicatorTarget ?? []) {
    if (cell.error !== null || cell.text.trim() === "") continue;
    const parsed = parsers.targets(cell.text, pctx);
    for (const value of parsed.items) items.push({ value, cell });
    for (const failure of parsed.failures) failures.push({ failure, cell });
  }
  return { items, failures };
}

/** Build the rules' context: years, maps, memoised parsing, then the derivations. */
export function buildContext(input: ContextInput): RuleContext {
  const { profile } = input;
  const evaluationYear = workbookYear(input.layouts, profile);
  const layouts = new Map(input.layouts.map((l) => [l.sheet, l] as const));
  const yearOf = (sheet: string): number => layouts.get(sheet)?.titleYear ?? evaluationYear;
  // sheet → record id → parsed (nested maps: no key string built per lookup)
  const memo = new Map<string, Map<string, ParsedRecord>>();
  const parsers = memoizedParsers();
  // the same record object is asked for by most rules: look it up by identity before the sheet/id maps
  const byRecord = new WeakMap<SheetRecord, ParsedRecord>();
  const parsed = (record: SheetRecord): ParsedRecord => {
    const known = byRecord.get(record);
    if (known !== undefined) return known;
    const p = parsedById(record);
    byRecord.set(record, p);
    return p;
  };
  const pctxOf = (record: SheetRecord): ParseContext => ({
    evaluationYear: yearOf(record.sheet),
    defaultEra: profile.defaultEra,
    maxLength: profile.maxCellLength,
  });
  const indicators = new WeakMap<SheetRecord, IndicatorTargets>();
  const indicatorTargets = (record: SheetRecord): IndicatorTargets => {
    let known = indicators.get(record);
    if (known === undefined) {
      known = parseIndicatorTargets(record, pctxOf(record), parsers);
      indicators.set(record, known);
    }
    return known;
  };
  const parsedById = (record: SheetRecord): ParsedRecord => {
    let bySheet = memo.get(record.sheet);
    if (bySheet === undefined) {
      bySheet = new Map();
      memo.set(record.sheet, bySheet);
    }
    const hit = bySheet.get(record.id);
    if (hit !== undefined) return hit;
    const p = parseRecord(record, pctxOf(record), parsers, input.previousResults?.get(record.id));
    bySheet.set(record.id, p);
    return p;
  };
  const base = {
    profile,
    evaluationYear,
    yearOf,
    snapshots: new Map(input.snapshots.map((s) => [s.name, s] as const)),
    layouts,
    records: input.records,
    layoutIssues: input.layoutIssues,
    parsed,
    indicatorTargets,
    text: input.text ?? new TextMemo(),
  };
  return { ...base, derived: deriveAll(base) };
}
