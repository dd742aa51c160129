import type { Issue } from "../model/findings";
import type { ColumnField, FieldCell, SheetLayout, SheetRecord } from "../model/records";
import type { SheetSnapshot } from "../model/snapshot";
import type { ParseFailure, Parsed } from "../model/values";
import type { Profile } from "../profile/profile";
import type { ParseContext } from "../values/context";
import { parseCriteria, parseResults, parseTargets } from "../values";
import { deriveAll } from "./derive";
import { isBlank } from "./issue";
import type { Located, LocatedFailure, ParsedRecord, RuleContext } from "./types";

/** What the context is built from: the recogniser's output and the options. */
export interface ContextInput {
  readonly profile: Profile;
  readonly snapshots: ReadonlyArray<SheetSnapshot>;
  readonly layouts: ReadonlyArray<SheetLayout>;
  readonly records: ReadonlyArray<SheetRecord>;
  readonly layoutIssues: ReadonlyArray<Issue>;
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

/** Parse a record's target, result and criterion cells (every cell of each field, in row order). */
export function parseRecord(record: SheetRecord, pctx: ParseContext): ParsedRecord {
  const targetsCol: ColumnField = record.kind === "initiative" ? "performanceTarget" : "outcomeIndicator";
  const resultsCol: ColumnField = record.kind === "initiative" ? "achievementResult" : "outcomeResult";
  const criteriaCol: ColumnField | null = record.kind === "initiative" ? "withdrawalCriterion" : null;
  const t = readCells(record.fields[targetsCol] ?? [], targetsCol, "target", (s) => parseTargets(s, pctx));
  const r = readCells(record.fields[resultsCol] ?? [], resultsCol, "result", (s) => parseResults(s, pctx));
  const c =
    criteriaCol === null
      ? { items: [], failures: [] }
      : readCells(record.fields[criteriaCol] ?? [], criteriaCol, "criterion", (s) => parseCriteria(s, pctx));
  return {
    targets: t.items,
    results: r.items,
    criteria: c.items,
    failures: [...t.failures, ...r.failures, ...c.failures],
    columns: { targets: targetsCol, results: resultsCol, criteria: criteriaCol },
  };
}

/** Build the rules' context: years, maps, memoised parsing, then the derivations. */
export function buildContext(input: ContextInput): RuleContext {
  const { profile } = input;
  const evaluationYear = workbookYear(input.layouts, profile);
  const layouts = new Map(input.layouts.map((l) => [l.sheet, l] as const));
  const yearOf = (sheet: string): number => layouts.get(sheet)?.titleYear ?? evaluationYear;
  const memo = new Map<string, ParsedRecord>();
  const parsed = (record: SheetRecord): ParsedRecord => {
    const key = `${record.sheet}\u0000${record.id}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const p = parseRecord(record, {
      evaluationYear: yearOf(record.sheet),
      defaultEra: profile.defaultEra,
      maxLength: profile.maxCellLength,
    });
    memo.set(key, p);
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
  };
  return { ...base, derived: deriveAll(base) };
}
