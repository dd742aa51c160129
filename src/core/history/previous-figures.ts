/**
 * Last year's results for this year's records (issue 11: 「前年度以上」 takes last year's figure when the
 * workbook itself gives none). Pure: this year's records and last year's evaluation in, per this year's
 * record id the results last year's workbook states for the same record out. Only what is certain feeds a
 * mark: a record tied by its code, or by a label match of confidence 1; a result cell that is an error or
 * does not read cleanly gives nothing; last year's workbook must be for the year before this one.
 */
import type { Evaluation } from "../model/evaluation";
import type { SheetRecord } from "../model/records";
import type { ParseContext } from "../values/context";
import { parseResults, type PreviousFigure } from "../values";
import { matchKind } from "./match";
import { DEFAULT_HISTORY_OPTIONS } from "./types";

export type { PreviousFigure } from "../values";

/** This year's record id → last year's results for the same record (absent: none read with certainty). */
export type PreviousResults = ReadonlyMap<string, ReadonlyArray<PreviousFigure>>;

/** The result cells of a record read as last year's figures; null when a cell is an error or misreads. */
function resultsOf(record: SheetRecord, ctx: ParseContext): PreviousFigure[] | null {
  const column = record.kind === "initiative" ? "achievementResult" : "outcomeResult";
  const out: PreviousFigure[] = [];
  for (const cell of record.fields[column] ?? []) {
    if (cell.error !== null) return null;
    if (cell.text.trim() === "") continue;
    const parsed = parseResults(cell.text, ctx);
    if (parsed.failures.some((f) => f.code !== "empty")) return null;
    for (const r of parsed.items)
      out.push({ value: r.value, unit: r.unit, figure: r.figure ?? String(r.value) });
  }
  return out;
}

/**
 * Last year's results for this year's records, matched as compareYears matches them (default thresholds),
 * keeping only the certain matches. Empty when last year's workbook is not for `currentYear - 1`.
 */
export function previousResults(
  current: ReadonlyArray<SheetRecord>,
  currentYear: number,
  previous: Evaluation,
  defaultEra: ParseContext["defaultEra"],
): PreviousResults {
  const out = new Map<string, ReadonlyArray<PreviousFigure>>();
  if (previous.evaluationYear !== currentYear - 1) return out;
  const live = (rs: ReadonlyArray<SheetRecord>, kind: SheetRecord["kind"]) =>
    rs.filter((r) => r.kind === kind && r.duplicateOf === null);
  const prevById = new Map(previous.records.map((r) => [r.id, r] as const));
  const yearOf = new Map(previous.layouts.map((l) => [l.sheet, l.titleYear ?? previous.evaluationYear]));
  for (const kind of ["strategy", "initiative"] as const) {
    const { matches } = matchKind(live(current, kind), live(previous.records, kind), DEFAULT_HISTORY_OPTIONS);
    for (const m of matches) {
      // a label match below 1 is shown to the reviewer (history.matched-by-label), never used for a mark
      if (m.how !== "code" && m.confidence < 1) continue;
      const prev = prevById.get(m.previous);
      if (prev === undefined) continue;
      const ctx: ParseContext = {
        evaluationYear: yearOf.get(prev.sheet) ?? previous.evaluationYear,
        defaultEra,
      };
      const figures = resultsOf(prev, ctx);
      if (figures !== null && figures.length > 0) out.set(m.current, figures);
    }
  }
  return out;
}
