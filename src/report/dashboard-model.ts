/**
 * The city view's data (issue 11): one small row per ward workbook, built from its evaluation and then kept
 * while the evaluation itself is dropped, so hundreds of wards fit in bounded memory.
 */
import type { Evaluation, Finding, Severity } from "../core";
import { labelSimilarity } from "../core";

/** How one ward's initiatives came out, and how many findings of each severity its workbook has. */
export interface WardCounts {
  readonly achieved: number;
  readonly missed: number;
  readonly withdrawal: number;
  readonly notComputable: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** One indicator of a ward as the common-indicator table shows it. */
export interface WardIndicator {
  /** "outcome" = アウトカム (A/B), "initiative" = 業績目標 (○/×) */
  readonly kind: "outcome" | "initiative";
  readonly label: string;
  readonly target: string;
  readonly result: string;
  /** A / B, ○ / ×, or null (not computable) */
  readonly mark: string | null;
  readonly sheet: string;
  readonly cell: string | null;
}

/** One workbook of the city view. */
export interface WardSummary {
  /** the file as given on the command line */
  readonly file: string;
  /** the ward named in the sheet titles (平野区), else the file name */
  readonly ward: string;
  readonly year: number | null;
  /** why the file could not be read, or null */
  readonly error: string | null;
  /** href of the ward's detailed report, relative to the dashboard; null when none was written */
  readonly report: string | null;
  readonly counts: WardCounts;
  readonly indicators: ReadonlyArray<WardIndicator>;
}

export const EMPTY_COUNTS: WardCounts = {
  achieved: 0,
  missed: 0,
  withdrawal: 0,
  notComputable: 0,
  errors: 0,
  warnings: 0,
  infos: 0,
};

/** Findings per severity. */
export function severityCounts(findings: ReadonlyArray<{ readonly severity: Severity }>): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

function oneLine(s: string, max = 120): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The indicators of an evaluation: its outcome indicators, then its initiatives' targets, once per label. */
export function indicatorsOf(ev: Evaluation): WardIndicator[] {
  const out: WardIndicator[] = [];
  const seen = new Set<string>();
  const push = (i: WardIndicator): void => {
    const key = `${i.kind}\u0001${i.label}`;
    if (i.label === "" || seen.has(key)) return;
    seen.add(key);
    out.push(i);
  };
  for (const s of ev.strategies) {
    if (s.record.duplicateOf !== null) continue;
    const cell = s.record.fields.outcome?.[0]?.address ?? null;
    for (const o of s.outcomes) {
      if (o.target === null) continue;
      push({
        kind: "outcome",
        label: oneLine(o.target.label ?? o.target.raw),
        target: oneLine(o.target.raw),
        result: oneLine(o.results.map((r) => r.raw).join(" / ")),
        mark: o.mark,
        sheet: s.record.sheet,
        cell,
      });
    }
  }
  for (const d of ev.initiatives) {
    if (d.record.duplicateOf !== null) continue;
    const cell = d.record.fields.achievement?.[0]?.address ?? null;
    for (const t of d.targets) {
      if (t.target.label === null) continue; // an unlabelled target cannot be told from another ward's
      push({
        kind: "initiative",
        label: oneLine(t.target.label),
        target: oneLine(t.target.raw),
        result: oneLine(t.results.map((r) => r.raw).join(" / ")),
        mark: t.met === null ? null : t.met ? "○" : "×",
        sheet: d.record.sheet,
        cell,
      });
    }
  }
  return out;
}

/** Initiative outcomes of an evaluation (duplicates of continuation pages counted once). */
export function achievementCounts(
  ev: Evaluation,
): Pick<WardCounts, "achieved" | "missed" | "withdrawal" | "notComputable"> {
  let achieved = 0;
  let missed = 0;
  let withdrawal = 0;
  let notComputable = 0;
  for (const d of ev.initiatives) {
    if (d.record.duplicateOf !== null) continue;
    if (d.achievement === "achieved") achieved++;
    else if (d.achievement === "missed") missed++;
    else if (d.achievement === "withdrawal") withdrawal++;
    else notComputable++;
  }
  return { achieved, missed, withdrawal, notComputable };
}

/** The ward a workbook is about: the first sheet title naming one, else the file's name without extension. */
export function wardOf(ev: Evaluation, file: string): string {
  for (const l of ev.layouts) if (l.ward !== null && l.ward !== "") return l.ward;
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm)$/i, "");
}

/** The summary row of one evaluated workbook. */
export function wardSummary(
  file: string,
  ev: Evaluation,
  findings: ReadonlyArray<Finding>,
  report: string | null,
): WardSummary {
  return {
    file,
    ward: wardOf(ev, file),
    year: ev.evaluationYear,
    error: null,
    report,
    counts: { ...achievementCounts(ev), ...severityCounts(findings) },
    indicators: indicatorsOf(ev),
  };
}

/** The summary row of a workbook that could not be read. */
export function failedWard(file: string, error: string): WardSummary {
  const base = file.split(/[\\/]/).pop() ?? file;
  return {
    file,
    ward: base.replace(/\.(xlsx|xlsm)$/i, ""),
    year: null,
    error,
    report: null,
    counts: EMPTY_COUNTS,
    indicators: [],
  };
}

/** One indicator found in several wards, with each ward's entry (wards in the dashboard's order). */
export interface CommonIndicator {
  readonly kind: WardIndicator["kind"];
  readonly label: string;
  readonly entries: ReadonlyArray<{
    readonly ward: string;
    readonly file: string;
    readonly indicator: WardIndicator;
  }>;
}

/**
 * The indicators several wards share, matched by label similarity (the 基本方針's common indicators carry the
 * same name in every ward, give or take wording). Each label joins the first group it is close enough to; a
 * ward appears once per group (its closest label). Groups found in fewer than `minWards` wards are dropped.
 */
export function commonIndicators(
  wards: ReadonlyArray<WardSummary>,
  o: { readonly minWards?: number; readonly minSimilarity?: number } = {},
): CommonIndicator[] {
  const minWards = o.minWards ?? 2;
  const min = o.minSimilarity ?? 0.8;
  const groups: Array<{
    kind: WardIndicator["kind"];
    label: string;
    entries: Map<string, { ward: string; file: string; indicator: WardIndicator; score: number }>;
  }> = [];
  for (const w of wards) {
    for (const ind of w.indicators) {
      let best: (typeof groups)[number] | null = null;
      let bestScore = min;
      for (const g of groups) {
        if (g.kind !== ind.kind) continue;
        const s = labelSimilarity(g.label, ind.label);
        if (s >= bestScore) {
          best = g;
          bestScore = s;
        }
      }
      if (best === null) {
        best = { kind: ind.kind, label: ind.label, entries: new Map() };
        groups.push(best);
        bestScore = 1;
      }
      const had = best.entries.get(w.file);
      if (had === undefined || had.score < bestScore)
        best.entries.set(w.file, { ward: w.ward, file: w.file, indicator: ind, score: bestScore });
    }
  }
  return groups
    .filter((g) => g.entries.size >= minWards)
    .sort(
      (a, b) => b.entries.size - a.entries.size || (a.kind === b.kind ? 0 : a.kind === "outcome" ? -1 : 1),
    )
    .map((g) => ({
      kind: g.kind,
      label: g.label,
      entries: [...g.entries.values()].map(({ ward, file, indicator }) => ({ ward, file, indicator })),
    }));
}
