import type { Evaluation, GridPos, InitiativeDerivation, WithdrawalAction } from "../core";

export interface Counts {
  readonly achieved: number;
  readonly missed: number;
  readonly withdrawal: number;
  /** no mark could be derived */
  readonly none: number;
}

export interface StrategySummary {
  /** "3" from [3], null when the initiatives carry no code */
  readonly strategyCode: string | null;
  /** what the row is called: 「[3]」, else the strategy's item (「㋐ 区における…」), else null (no strategy) */
  readonly label: string | null;
  readonly counts: Counts;
  /** the derived 戦略の進捗状況 of the strategy with that code, when the strategy sheet has it */
  readonly progress: "a" | "b" | null;
}

export interface AreaSummary {
  /** "1" of 「1 「…」に向けて」, null when no area heading was seen */
  readonly areaNumber: string | null;
  readonly areaTitle: string | null;
  readonly counts: Counts;
  readonly strategies: ReadonlyArray<StrategySummary>;
}

export interface WithdrawalRow {
  readonly sheet: string;
  /** the address of the record's achievement cell, else of its activity cell, else null (for display) */
  readonly cell: string | null;
  /** that cell's 1-based sheet row, null with it */
  readonly row: number | null;
  readonly item: string;
  readonly criterion: string;
  readonly results: string;
  readonly action: WithdrawalAction;
  readonly actionText: string;
}

export interface Summary {
  readonly areas: ReadonlyArray<AreaSummary>;
  readonly total: Counts;
  readonly withdrawals: ReadonlyArray<WithdrawalRow>;
}

const ZERO: Counts = { achieved: 0, missed: 0, withdrawal: 0, none: 0 };

function add(counts: Counts, d: InitiativeDerivation): Counts {
  switch (d.achievement) {
    case "achieved":
      return { ...counts, achieved: counts.achieved + 1 };
    case "missed":
      return { ...counts, missed: counts.missed + 1 };
    case "withdrawal":
      return { ...counts, withdrawal: counts.withdrawal + 1 };
    case null:
      return { ...counts, none: counts.none + 1 };
  }
}

function withdrawalRows(d: InitiativeDerivation, origin: GridPos): WithdrawalRow[] {
  if (d.achievement !== "withdrawal" && !d.withdrawalFlag) return [];
  const r = d.record;
  const anchor = r.fields.achievement?.[0] ?? r.fields.activity?.[0] ?? null;
  const item = [r.itemMark, r.itemName].filter((s) => s !== null && s !== "").join(" ");
  return d.withdrawals
    .filter((w) => w.fired === true)
    .map((w) => ({
      sheet: r.sheet,
      cell: anchor?.address ?? null,
      row: anchor === null ? null : origin.row + anchor.row + 1,
      item: r.fields.activity?.[0]?.text || item,
      criterion: w.criterion.raw,
      results: w.results.map((v) => v.raw).join(" / "),
      action: w.criterion.action,
      actionText: w.criterion.actionText,
    }));
}

const itemOf = (r: { itemMark: string | null; itemName: string }): string =>
  [r.itemMark, r.itemName].filter((x) => x !== null && x !== "").join(" ");

interface StrategyKey {
  readonly key: string;
  readonly code: string | null;
  readonly label: string | null;
  readonly progress: "a" | "b" | null;
}

/**
 * Where each initiative belongs: the strategy the core linked it to (by code 「[3]」 ← 「[3-1]」, else by
 * item), keyed by code so that the strategy rows repeated under each item of a code count once; an
 * initiative no strategy took falls back to its own code, else to "no strategy".
 */
function strategyKeys(evaluation: Evaluation): Map<string, StrategyKey> {
  const byInitiative = new Map<string, StrategyKey>();
  for (const s of evaluation.strategies) {
    if (s.record.duplicateOf !== null) continue;
    const code = s.record.strategyCode;
    const key: StrategyKey =
      code !== null
        ? { key: `code:${code}`, code, label: `[${code}]`, progress: s.progress }
        : { key: `record:${s.record.id}`, code: null, label: itemOf(s.record) || null, progress: s.progress };
    for (const id of s.initiatives) if (!byInitiative.has(id)) byInitiative.set(id, key);
  }
  return byInitiative;
}

/**
 * Counts initiatives by achievement class per area and, inside, per strategy (first-seen order),
 * and lists the withdrawal rows with the criterion that fired. Duplicate records are not counted.
 */
export function summarize(evaluation: Evaluation): Summary {
  const linked = strategyKeys(evaluation);
  const origins = new Map(evaluation.layouts.map((l) => [l.sheet, l.origin] as const));
  const areas = new Map<
    string,
    {
      number: string | null;
      title: string | null;
      strategies: Map<string, { key: StrategyKey; counts: Counts }>;
    }
  >();
  let total = ZERO;
  const withdrawals: WithdrawalRow[] = [];
  for (const d of evaluation.initiatives) {
    if (d.record.duplicateOf !== null) continue;
    const area = d.record.area;
    const areaKey = area ? `${area.number}\u0000${area.title}` : "";
    let entry = areas.get(areaKey);
    if (!entry) {
      entry = { number: area?.number ?? null, title: area?.title ?? null, strategies: new Map() };
      areas.set(areaKey, entry);
    }
    const code = d.record.strategyCode;
    const key: StrategyKey =
      linked.get(d.record.id) ??
      (code !== null
        ? { key: `code:${code}`, code, label: `[${code}]`, progress: null }
        : { key: "", code: null, label: null, progress: null });
    const slot = entry.strategies.get(key.key);
    entry.strategies.set(key.key, { key: slot?.key ?? key, counts: add(slot?.counts ?? ZERO, d) });
    total = add(total, d);
    withdrawals.push(...withdrawalRows(d, origins.get(d.record.sheet) ?? { row: 0, col: 0 }));
  }
  return {
    areas: [...areas.values()].map((a) => {
      const strategies = [...a.strategies.values()].map(({ key, counts }) => ({
        strategyCode: key.code,
        label: key.label,
        counts,
        progress: key.progress,
      }));
      const counts = strategies.reduce<Counts>(
        (acc, s) => ({
          achieved: acc.achieved + s.counts.achieved,
          missed: acc.missed + s.counts.missed,
          withdrawal: acc.withdrawal + s.counts.withdrawal,
          none: acc.none + s.counts.none,
        }),
        ZERO,
      );
      return { areaNumber: a.number, areaTitle: a.title, counts, strategies };
    }),
    total,
    withdrawals,
  };
}
