/**
 * Last year's workbook against this year's (issue 11): which record is which across the years, what changed,
 * and whether this year's 前年度 / 前年度までの実績 columns agree with what last year's workbook says.
 * Pure: two evaluations in, a comparison with history.* findings out.
 */
import type { Evaluation, InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { Finding, MessageSubjectOf } from "../model/findings";
import type { SheetRecord } from "../model/records";
import type { GridPos } from "../model/snapshot";
import { message, severityOf } from "../messages/catalogue";
import {
  changes,
  excerpt,
  previousFigures,
  previousMarks,
  withdrawalContinued,
  type HistoryIssue,
} from "./checks";
import { identityText } from "./identity";
import { matchKind } from "./match";
import {
  DEFAULT_HISTORY_OPTIONS,
  type HistoryComparison,
  type HistoryOptions,
  type YearMatch,
} from "./types";

export type { AmbiguousMatch, HistoryComparison, HistoryOptions, MatchHow, YearMatch } from "./types";
export { DEFAULT_HISTORY_OPTIONS } from "./types";

export interface CompareOptions extends Partial<HistoryOptions> {
  /** era of era-less years (「5年度」); default: 令和 from FY2019, else 平成 */
  readonly defaultEra?: "heisei" | "reiwa";
}

/** An issue on this year's record as a finding: its cell's sheet row and column from the layout's origin. */
function finding(issue: HistoryIssue, origins: ReadonlyMap<string, GridPos>): Finding {
  const origin = origins.get(issue.record.sheet) ?? { row: 0, col: 0 };
  const at = issue.cell;
  const input = at?.text ?? null;
  return {
    code: issue.code,
    severity: severityOf(issue.code),
    sheet: issue.record.sheet,
    cell: at?.address ?? null,
    row: origin.row + (at === null ? issue.record.rowStart : at.row) + 1,
    col: at === null ? null : origin.col + at.col + 1,
    field: issue.field,
    column: issue.column,
    input,
    message: message({ ...issue, sheet: issue.record.sheet, input }),
  };
}

const label = (r: SheetRecord): string => excerpt(identityText(r), 40);

/** A record of last year with no counterpart this year: reported under its sheet's name, without a cell. */
function removedAt(r: SheetRecord, current: Evaluation): Finding {
  // a sheet this year's workbook lacks still gets its own group in every report
  void current;
  const subject: MessageSubjectOf<"history.item-removed"> = {
    code: "history.item-removed",
    sheet: r.sheet,
    field: null,
    column: null,
    input: null,
    params: {
      kind: r.kind,
      label: label(r),
      previousCell: `${r.sheet}!${r.fields.itemName?.[0]?.address ?? r.id}`,
    },
  };
  return sheetFinding(subject);
}

/** A finding on a sheet as a whole (no cell, row or column), worded from its subject. */
function sheetFinding(
  subject: MessageSubjectOf<"history.item-removed"> | MessageSubjectOf<"history.not-previous-year">,
): Finding {
  return {
    code: subject.code,
    severity: severityOf(subject.code),
    sheet: subject.sheet,
    cell: null,
    row: null,
    col: null,
    field: null,
    column: null,
    input: null,
    message: message(subject),
  };
}

/**
 * Compares this year's evaluation with last year's. Records are matched per kind by code, then by label
 * similarity (see match.ts); the findings say what a reviewer should look at, on this year's cells.
 */
export function compareYears(
  current: Evaluation,
  previous: Evaluation,
  options: CompareOptions = {},
): HistoryComparison {
  const o: HistoryOptions = {
    minSimilarity: options.minSimilarity ?? DEFAULT_HISTORY_OPTIONS.minSimilarity,
    margin: options.margin ?? DEFAULT_HISTORY_OPTIONS.margin,
  };
  const era = (y: number) => options.defaultEra ?? (y >= 2019 ? "reiwa" : "heisei");
  const ctx = {
    current: { evaluationYear: current.evaluationYear, defaultEra: era(current.evaluationYear) },
    previous: { evaluationYear: previous.evaluationYear, defaultEra: era(previous.evaluationYear) },
    options: o,
  };
  const live = (ev: Evaluation, kind: SheetRecord["kind"]) =>
    ev.records.filter((r) => r.kind === kind && r.duplicateOf === null);
  const kinds = (["strategy", "initiative"] as const).map((k) =>
    matchKind(live(current, k), live(previous, k), o),
  );
  const matches: YearMatch[] = kinds.flatMap((k) => k.matches);
  const curById = new Map(current.records.map((r) => [r.id, r] as const));
  const prevById = new Map(previous.records.map((r) => [r.id, r] as const));
  const prevInitiative = new Map<string, InitiativeDerivation>(
    previous.initiatives.map((d) => [d.record.id, d]),
  );
  const prevStrategy = new Map<string, OutcomeDerivation>(previous.strategies.map((d) => [d.record.id, d]));

  const issues: HistoryIssue[] = [];
  for (const m of matches) {
    const cur = curById.get(m.current);
    const prev = prevById.get(m.previous);
    if (cur === undefined || prev === undefined) continue;
    // identical labels need no word; a label match that is less than certain is shown with how sure it is
    if (m.how === "label" && m.confidence < 1)
      issues.push({
        code: "history.matched-by-label",
        record: cur,
        cell: cur.fields.itemName?.[0] ?? null,
        column: "itemName",
        field: null,
        params: {
          kind: cur.kind,
          label: label(prev),
          previousCell: `${prev.sheet}!${prev.fields.itemName?.[0]?.address ?? prev.id}`,
          confidence: m.confidence,
        },
      });
    issues.push(...changes(cur, prev, ctx));
    if (cur.kind === "strategy" && prev.kind === "strategy")
      issues.push(...previousMarks(cur, prev, prevStrategy.get(prev.id)));
    if (cur.kind === "initiative" && prev.kind === "initiative") {
      issues.push(...previousFigures(cur, prev, ctx));
      issues.push(...withdrawalContinued(cur, prev, prevInitiative.get(prev.id)));
    }
  }
  for (const k of kinds) {
    for (const a of k.ambiguous) {
      const cur = curById.get(a.current);
      if (cur === undefined) continue;
      issues.push({
        code: "history.ambiguous-match",
        record: cur,
        cell: cur.fields.itemName?.[0] ?? null,
        column: "itemName",
        field: null,
        params: {
          kind: cur.kind,
          candidates: a.candidates.map((c) => {
            const p = prevById.get(c.previous);
            const place = p ? `${p.sheet}!${p.fields.itemName?.[0]?.address ?? p.id}` : c.previous;
            return { place, confidence: c.confidence };
          }),
        },
      });
    }
    for (const r of k.added)
      issues.push({
        code: "history.item-added",
        record: r,
        cell:
          (r.kind === "initiative" ? r.fields.activity?.[0] : r.fields.strategy?.[0]) ??
          r.fields.itemName?.[0] ??
          null,
        column: r.kind === "initiative" ? "activity" : "strategy",
        field: null,
        params: { kind: r.kind, label: label(r) },
      });
  }
  const origins = new Map(current.layouts.map((l) => [l.sheet, l.origin] as const));
  const findings: Finding[] = issues.map((i) => finding(i, origins));
  for (const k of kinds) for (const r of k.removed) findings.push(removedAt(r, current));
  if (previous.evaluationYear !== current.evaluationYear - 1) {
    const first = current.layouts.find((l) => l.kind !== "other") ?? current.layouts[0];
    if (first !== undefined) {
      const subject: MessageSubjectOf<"history.not-previous-year"> = {
        code: "history.not-previous-year",
        sheet: first.sheet,
        field: null,
        column: null,
        input: null,
        params: { current: current.evaluationYear, previous: previous.evaluationYear },
      };
      findings.unshift(sheetFinding(subject));
    }
  }
  return {
    currentYear: current.evaluationYear,
    previousYear: previous.evaluationYear,
    matches,
    added: kinds.flatMap((k) => k.added.map((r) => r.id)),
    removed: kinds.flatMap((k) => k.removed.map((r) => r.id)),
    ambiguous: kinds.flatMap((k) => k.ambiguous),
    findings,
  };
}
