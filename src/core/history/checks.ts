import type { InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { FindingCode, IssueParams, ReportField } from "../model/findings";
import type { ColumnField, FieldCell, InitiativeRecord, SheetRecord, StrategyRecord } from "../model/records";
import type { ResultValue } from "../model/values";
import { enteredMark, enteredMarks } from "../rules/entered";
import { normalizeText } from "../text/normalize";
import { readMarks } from "../text/marks";
import type { ParseContext } from "../values/context";
import { findYears } from "../values/era";
import { parseCriteria, parseResults, parseTargets } from "../values";
import { labelSimilarity } from "../values/similarity";
import { comparable, fieldText } from "./identity";
import type { HistoryOptions } from "./types";

type HistoryCode = Extract<FindingCode, `history.${string}`>;

/** Where a history problem is: this year's record, the cell the finding points at (null: the row). */
export interface HistoryPlace {
  readonly record: SheetRecord;
  readonly cell: FieldCell | null;
  readonly column: ColumnField | null;
  readonly field: ReportField | null;
}

/** A history problem of one code. */
export type HistoryIssueOf<C extends HistoryCode> = HistoryPlace & {
  readonly code: C;
  readonly params: IssueParams[C];
};

/** A history problem before it has text: where it is, its code and that code's params. */
export type HistoryIssue = { [C in HistoryCode]: HistoryIssueOf<C> }[HistoryCode];

/** Both years' parse contexts and the thresholds. */
export interface CheckContext {
  readonly current: ParseContext;
  readonly previous: ParseContext;
  readonly options: HistoryOptions;
}

/** A record's place, as a message names it: 「取組(1)!E8」. */
export function placeOf(record: SheetRecord, field: ColumnField): string {
  const cell = record.fields[field]?.[0];
  return `${record.sheet}!${cell?.address ?? record.id.split("!")[1] ?? ""}`;
}

const anchor = (r: SheetRecord, f: ColumnField): FieldCell | null => r.fields[f]?.[0] ?? null;

/** A text shortened for a message (cells can hold paragraphs). */
export function excerpt(text: string, max = 60): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

type Keys = (text: string, ctx: ParseContext) => string[] | null;

function targetKeys(text: string, ctx: ParseContext): string[] | null {
  const p = parseTargets(text, ctx);
  if (p.items.length === 0 || p.failures.length > 0) return null;
  return p.items.map(
    (t) =>
      `${t.value}${t.unit ?? ""}${t.comparator}${t.deadline ? `@${t.deadline.to}` : ""}${t.cumulative ? "Σ" : ""}`,
  );
}

function criterionKeys(text: string, ctx: ParseContext): string[] | null {
  const p = parseCriteria(text, ctx);
  if (p.items.length === 0 || p.failures.length > 0) return null;
  return p.items.map((c) => `${c.threshold}${c.unit ?? ""}${c.comparator}${c.action}`);
}

/** What each year's field is compared by: its read values when both read cleanly, else its folded text. */
type ChangeCode = "history.indicator-changed" | "history.target-changed" | "history.criterion-changed";
const COMPARED: Record<SheetRecord["kind"], ReadonlyArray<[ColumnField, ChangeCode, Keys | null]>> = {
  strategy: [
    ["indicator", "history.indicator-changed", null],
    ["indicatorTarget", "history.target-changed", targetKeys],
    ["outcomeIndicator", "history.indicator-changed", null],
  ],
  initiative: [
    ["indicator", "history.indicator-changed", null],
    ["indicatorTarget", "history.target-changed", targetKeys],
    ["performanceTarget", "history.target-changed", targetKeys],
    ["withdrawalCriterion", "history.criterion-changed", criterionKeys],
  ],
};

/**
 * Indicator, target and withdrawal-criterion changes of a matched pair (info: a reviewer reads them).
 * Wording-only edits (width, spaces, 「以上」 written the same) are no change: read values are compared
 * value by value (number, unit, comparator, deadline, action) when both years' texts read cleanly.
 */
export function changes(cur: SheetRecord, prev: SheetRecord, ctx: CheckContext): HistoryIssue[] {
  const out: HistoryIssue[] = [];
  for (const [field, code, keys] of COMPARED[cur.kind]) {
    const a = fieldText(cur, field);
    const b = fieldText(prev, field);
    if (a.trim() === "" && b.trim() === "") continue;
    const ka = keys?.(a, ctx.current) ?? null;
    const kb = keys?.(b, ctx.previous) ?? null;
    const same =
      ka !== null && kb !== null
        ? ka.join("|") === kb.join("|")
        : comparable(cur, field) === comparable(prev, field);
    if (same) continue;
    out.push({
      code,
      record: cur,
      cell: anchor(cur, field),
      column: field,
      field: null,
      params: { before: excerpt(b), after: excerpt(a), previousCell: placeOf(prev, field) },
    });
  }
  return out;
}

/**
 * The 前年度 column against last year's 個別 marks (one per indicator), or its 全体 mark when the column holds
 * one mark for an item of several indicators. Last year's entered marks count (they are what was
 * published); its derived ones only where none was entered. Counts that fit neither are reported unpaired.
 */
export function previousMarks(
  cur: StrategyRecord,
  prev: StrategyRecord,
  prevDerived: OutcomeDerivation | undefined,
): HistoryIssue[] {
  const cell = anchor(cur, "outcomePrevious");
  if (cell === null || cell.error !== null) return [];
  const said = readMarks("outcome", fieldText(cur, "outcomePrevious")).flatMap((r) =>
    r.status === "mark" ? [r.value] : [],
  );
  if (said.length === 0) return [];
  const enteredIndividual = enteredMarks(prev, "outcome");
  const derivedIndividual = prevDerived?.outcomes.map((o) => o.mark) ?? [];
  const individual: ReadonlyArray<string> =
    enteredIndividual.length > 0
      ? enteredIndividual
      : derivedIndividual.every((m): m is "A" | "B" => m !== null)
        ? derivedIndividual
        : [];
  const overall = enteredMark(prev, "outcomeOverall") ?? prevDerived?.overall ?? null;
  const base = {
    record: cur,
    cell,
    column: "outcomePrevious" as const,
    field: null,
  };
  const where = placeOf(prev, "outcome");
  if (individual.length > 0 && said.length === individual.length) {
    if (said.every((m, i) => m === individual[i])) return [];
    return [
      {
        ...base,
        code: "history.previous-mark-differs",
        params: { entered: said, previous: individual, previousCell: where },
      },
    ];
  }
  if (said.length === 1 && overall !== null) {
    if (said[0] === overall) return [];
    return [
      {
        ...base,
        code: "history.previous-mark-differs",
        params: { entered: said, previous: [overall], previousCell: placeOf(prev, "outcomeOverall") },
      },
    ];
  }
  return [
    {
      ...base,
      code: "history.previous-mark-unpaired",
      params: { entered: said, previous: individual, previousCell: where },
    },
  ];
}

/** The lines of a 前年度までの実績 text that speak of `year`: under a heading naming it, or naming it themselves. */
export function linesOfYear(text: string, year: number, ctx: ParseContext): string {
  const picked: string[] = [];
  let heading: number | null = null;
  for (const line of text.split("\n")) {
    const years = findYears(normalizeText(line), ctx);
    const first = years[0];
    if (first !== undefined) heading = first.span.to;
    if (heading === year) picked.push(line);
  }
  return picked.join("\n");
}

/** The one figure of `pool` that stands for `want`: same unit and similar label, clearly ahead of the rest. */
function counterpart(
  want: ResultValue,
  pool: ReadonlyArray<ResultValue>,
  o: HistoryOptions,
): ResultValue | null {
  const sameUnit = pool.filter((h) => h.unit === want.unit);
  if (sameUnit.length === 0) return null;
  if (want.label === null || sameUnit.some((h) => h.label === null))
    return sameUnit.length === 1 ? (sameUnit[0] ?? null) : null;
  const ranked = sameUnit
    .map((h) => ({ h, s: labelSimilarity(want.label, h.label) }))
    .filter((x) => x.s >= o.minSimilarity)
    .sort((a, b) => b.s - a.s);
  const [best, second] = ranked;
  if (best === undefined || (second !== undefined && best.s - second.s < o.margin)) return null;
  return best.h;
}

/**
 * 前年度までの実績 against last year's results: a figure the history names for last year (under its
 * year's heading) that differs from last year's result for the same indicator (same unit, similar label).
 * Figures that cannot be paired with certainty are left alone.
 */
export function previousFigures(
  cur: InitiativeRecord,
  prev: InitiativeRecord,
  ctx: CheckContext,
): HistoryIssue[] {
  const cell = anchor(cur, "history");
  if (cell === null || cell.error !== null) return [];
  const text = linesOfYear(fieldText(cur, "history"), ctx.previous.evaluationYear, ctx.current);
  if (text.trim() === "") return [];
  const named = parseResults(text, ctx.current).items;
  const last = parseResults(fieldText(prev, "achievementResult"), ctx.previous).items;
  const out: HistoryIssue[] = [];
  for (const want of last) {
    const h = counterpart(want, named, ctx.options);
    if (h === null || Math.abs(h.value - want.value) < 1e-9) continue;
    out.push({
      code: "history.figure-differs",
      record: cur,
      cell,
      column: "history",
      field: null,
      params: {
        history: excerpt(h.raw),
        previous: excerpt(want.raw),
        previousCell: placeOf(prev, "achievementResult"),
      },
    });
  }
  return out;
}

/**
 * Last year this initiative fired its withdrawal criterion (derived, or entered as 撤退基準未達成), and this year
 * it goes on with the same activity and targets: a reviewer expects it rebuilt, reconsidered or ended.
 */
export function withdrawalContinued(
  cur: InitiativeRecord,
  prev: InitiativeRecord,
  prevDerived: InitiativeDerivation | undefined,
): HistoryIssue[] {
  const fired = prevDerived?.withdrawalFlag === true || enteredMark(prev, "achievement") === "withdrawal";
  if (!fired) return [];
  const same = (f: ColumnField): boolean => comparable(cur, f) === comparable(prev, f);
  if (!same("activity") || !same("performanceTarget")) return [];
  const criterion =
    prevDerived?.withdrawals.find((w) => w.fired === true)?.criterion.raw ??
    fieldText(prev, "withdrawalCriterion");
  return [
    {
      code: "history.withdrawal-continued",
      record: cur,
      cell: anchor(cur, "activity"),
      column: "activity",
      field: "withdrawal",
      params: { criterion: excerpt(criterion), previousCell: placeOf(prev, "achievement") },
    },
  ];
}
