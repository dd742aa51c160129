import type { Evaluation, Finding, InitiativeDerivation, LocalizedText, Severity } from "../../core";
import { recordRows, recordTitle, type RecordAt } from "./rows";

/** Why an initiative drags the marks that depend on it. */
export type CauseKind = "withdrawal" | "missed" | "not-computable";

/** One initiative at the root of a cascade. */
export interface CauseInitiative {
  readonly sheet: string;
  /** first sheet row of the initiative (1-based) */
  readonly row: number;
  /** the achievement cell (to jump to), null when the sheet maps none */
  readonly cell: string | null;
  readonly title: string;
  readonly kind: CauseKind;
  /** the derivation in plain words (「12% < 15%未満 → ×」) */
  readonly reason: LocalizedText;
}

/**
 * Findings that follow from the same initiatives: the initiative's own findings (the withdrawal, its empty
 * 課題/改善策 …) and every strategy mark and narrative they turn (a → b, 算定できません). Shown as one
 * group under its cause instead of as many near-identical errors.
 */
export interface CauseGroup {
  readonly key: string;
  readonly causes: ReadonlyArray<CauseInitiative>;
  /** the most serious severity among the findings */
  readonly severity: Severity;
  /** the cause's own findings first, then the consequences, each by severity, sheet order, row */
  readonly findings: ReadonlyArray<Finding>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function causeKind(d: InitiativeDerivation): CauseKind | null {
  if (d.withdrawalFlag || d.achievement === "withdrawal") return "withdrawal";
  if (d.achievement === "missed") return "missed";
  if (d.achievement === null) return "not-computable";
  return null;
}

// Findings on a strategy row that the strategy's progress (a/b or none) decides.
function followsProgress(f: Finding): boolean {
  return (
    f.field === "strategyProgress" ||
    f.code === "narrative.missing-issue" ||
    f.code === "narrative.missing-plan"
  );
}

// Findings on an initiative row that its own achievement or withdrawal decides.
function followsAchievement(f: Finding): boolean {
  return (
    f.field === "achievement" ||
    f.field === "withdrawal" ||
    f.code === "narrative.missing-issue" ||
    f.code === "narrative.missing-plan" ||
    f.code === "consistency.effective-but-withdrawn"
  );
}

function describe(d: InitiativeDerivation, kind: CauseKind): CauseInitiative {
  const r = d.record;
  const fired = d.withdrawals.filter((w) => w.fired === true).map((w) => w.explanation);
  const reason =
    kind === "withdrawal" && fired.length > 0
      ? { ja: fired.map((e) => e.ja).join("、"), en: fired.map((e) => e.en).join(", ") }
      : d.reason;
  return {
    sheet: r.sheet,
    row: recordRows(r).first,
    cell: r.fields.achievement?.[0]?.address ?? null,
    title: recordTitle(r),
    kind,
    reason,
  };
}

/**
 * Splits the findings into cascades (a group per set of causing initiatives, kept only where it gathers
 * two findings or more) and the rest. Everything rests on the evaluation's own links: a strategy's
 * `initiatives` and each initiative's derivation; nothing is inferred from message text.
 */
export function groupByCause(
  evaluation: Evaluation,
  findings: ReadonlyArray<Finding>,
  recordAt: RecordAt,
): { groups: CauseGroup[]; rest: Finding[] } {
  const derivations = new Map(evaluation.initiatives.map((d) => [d.record.id, d]));
  const strategies = new Map(evaluation.strategies.map((s) => [s.record.id, s]));
  const sheetOrder = new Map(evaluation.layouts.map((l, i) => [l.sheet, i]));
  const members = new Map<string, { causes: CauseInitiative[]; findings: Finding[]; own: Set<Finding> }>();

  const causesOf = (f: Finding): { key: string; causes: InitiativeDerivation[]; own: boolean } | null => {
    const rec = recordAt(f.sheet, f.row);
    if (!rec) return null;
    if (rec.kind === "initiative") {
      const d = derivations.get(rec.id);
      if (!d || causeKind(d) === null || !followsAchievement(f)) return null;
      return { key: rec.id, causes: [d], own: true };
    }
    const s = strategies.get(rec.id);
    if (!s || !followsProgress(f)) return null;
    const wanted: ReadonlyArray<CauseKind> =
      s.progress === "b" ? ["withdrawal", "missed"] : ["not-computable"];
    if (s.progress === "a") return null;
    const causes = s.initiatives
      .map((id) => derivations.get(id))
      .filter((d): d is InitiativeDerivation => d !== undefined)
      .filter((d) => {
        const k = causeKind(d);
        return k !== null && wanted.includes(k);
      });
    if (causes.length === 0) return null;
    return { key: causes.map((d) => d.record.id).join("\u0000"), causes, own: false };
  };

  for (const f of findings) {
    const c = causesOf(f);
    if (!c) continue;
    let m = members.get(c.key);
    if (!m) {
      m = {
        causes: c.causes.map((d) => describe(d, causeKind(d) ?? "not-computable")),
        findings: [],
        own: new Set(),
      };
      members.set(c.key, m);
    }
    m.findings.push(f);
    if (c.own) m.own.add(f);
  }

  const groups: CauseGroup[] = [];
  for (const [key, m] of members) {
    if (m.findings.length < 2) continue;
    const sorted = [...m.findings].sort(
      (a, b) =>
        Number(m.own.has(b)) - Number(m.own.has(a)) ||
        RANK[a.severity] - RANK[b.severity] ||
        (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
        (a.row ?? 0) - (b.row ?? 0),
    );
    const severity = sorted.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), "info");
    groups.push({ key, causes: m.causes, severity, findings: sorted });
  }
  // Groups by severity, then by their first cause's place; the rest keeps the evaluation's order.
  groups.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (sheetOrder.get(a.causes[0]?.sheet ?? "") ?? 0) - (sheetOrder.get(b.causes[0]?.sheet ?? "") ?? 0) ||
      (a.causes[0]?.row ?? 0) - (b.causes[0]?.row ?? 0),
  );
  const grouped = new Set(groups.flatMap((g) => g.findings));
  return { groups, rest: findings.filter((f) => !grouped.has(f)) };
}
