import type { ComputedMarkField, LocalizedText } from "../model/findings";
import type { AchievementClass, InitiativeDerivation, OutcomeDerivation } from "../model/evaluation";
import type { PlanAction, PlannedMark } from "../model/plan";
import type { AchievementNotation, FieldCell, SheetLayout, SheetRecord } from "../model/records";
import type { SheetSnapshot } from "../model/snapshot";
import { formatAchievementCell, formatMark, readMark, readMarks } from "../text/marks";
import type { MarkKind } from "../text/marks";
import { columnLabel } from "../messages/fields";
import { outcomeCellAgrees } from "./outcome-cell";

/** Everything the planner looks at; derivations are keyed by record id. */
export interface PlanInput {
  readonly snapshots: ReadonlyMap<string, SheetSnapshot>;
  readonly layouts: ReadonlyMap<string, SheetLayout>;
  readonly records: ReadonlyArray<SheetRecord>;
  readonly initiatives: ReadonlyMap<string, InitiativeDerivation>;
  readonly strategies: ReadonlyMap<string, OutcomeDerivation>;
}

const ja = (ja: string, en: string): LocalizedText => ({ ja, en });

/** Symbol of an achievement class in a notation (withdrawal in circle notation is × plus the row's flag). */
export function achievementSymbol(cls: AchievementClass, notation: AchievementNotation): string {
  return formatMark("achievement", cls, notation);
}

/** The separator a multi-mark cell already uses ("A\nA", "A A", "A、A"); newline by default. */
export function markSeparator(text: string): string {
  if (/\r?\n/.test(text)) return "\n";
  if (text.includes("、")) return "、";
  if (text.includes("\u3000")) return "\u3000";
  if (/\S [^\s]/.test(text.trim())) return " ";
  return "\n";
}

/** An unlocked cell of a protected sheet stays writable (Excel protects locked cells only). */
function isUnlocked(s: SheetSnapshot, cell: FieldCell): boolean {
  return (s.unlocked ?? []).some(
    (a) => cell.row >= a.top && cell.row <= a.bottom && cell.col >= a.left && cell.col <= a.right,
  );
}

interface Wanted {
  /** what to write: one symbol, or several for 個別 */
  readonly marks: ReadonlyArray<string> | null;
  /** the comparisons behind the marks (or why there are none) */
  readonly why: LocalizedText;
}

/**
 * Decide one mark cell: skip (protected sheet, duplicate record, formula, error value, not computable),
 * keep (already the derived mark, read tolerantly), write (empty or qualifier only) or conflict.
 */
function decide(
  kind: MarkKind,
  field: ComputedMarkField,
  cell: FieldCell,
  record: SheetRecord,
  snapshot: SheetSnapshot | undefined,
  notation: AchievementNotation,
  wanted: Wanted,
): PlannedMark {
  const origin = snapshot?.origin ?? { row: 0, col: 0 };
  const mark = wanted.marks === null ? null : wanted.marks.join("");
  // one literal (same keys, same order as always): cheaper than spreading a shared base per entry
  const out = (
    action: PlanAction,
    value: string | null,
    reason: LocalizedText,
    m: string | null = mark,
  ): PlannedMark => ({
    id: `${record.sheet}!${cell.address}`,
    sheet: record.sheet,
    cell: cell.address,
    row: origin.row + cell.row + 1,
    col: origin.col + cell.col + 1,
    field,
    recordId: record.id,
    current: cell.raw,
    mark: m,
    value,
    action,
    reason,
  });
  if (snapshot?.protected === true && !isUnlocked(snapshot, cell))
    return out(
      "skip",
      null,
      ja(
        `シートが保護されているため書き込みません(${wanted.why.ja})`,
        `the sheet is protected (${wanted.why.en})`,
      ),
    );
  if (record.duplicateOf !== null)
    return out(
      "skip",
      null,
      ja(
        `${record.duplicateOf} の繰り返し(続きのページ)のため書き込みません`,
        `repeats ${record.duplicateOf} (continuation page): not written`,
      ),
    );
  if (cell.formula) {
    const label = columnLabel(field);
    return out(
      "skip",
      null,
      ja(
        `${label.ja}のセルは数式のため上書きしません(${wanted.why.ja})`,
        `the ${label.en} cell holds a formula: never overwritten (${wanted.why.en})`,
      ),
    );
  }
  if (cell.error !== null)
    return out(
      "skip",
      null,
      ja(
        `セルがエラー値 ${cell.error} のため書き込みません`,
        `the cell holds the error value ${cell.error}: not written`,
      ),
    );
  if (wanted.marks === null) return out("skip", null, wanted.why, null);

  const arrow = (symbolText: string): LocalizedText =>
    ja(`${wanted.why.ja} → ${symbolText}`, `${wanted.why.en} → ${symbolText}`);
  const text = cell.text;
  // 「-」「なし」: the ward's "not evaluated here" — left alone, not a conflict (an info finding says so)
  const placeholder = placeholderOf(kind, text);
  if (placeholder !== null)
    return out(
      "skip",
      null,
      ja(
        `セルの「${placeholder}」は評価しない印のため書き込みません(${arrow(wanted.marks.join(" ")).ja})`,
        `the cell's "${placeholder}" marks it as not evaluated: not written (${arrow(wanted.marks.join(" ")).en})`,
      ),
    );

  if (wanted.marks.length !== 1) {
    // several 個別 marks share one cell
    const sep = markSeparator(text);
    const value = wanted.marks.join(sep);
    const shown = wanted.marks.join(" ");
    const readings = readMarks(kind, text);
    if (readings.length === 0 && text.trim() === "") return out("write", value, arrow(shown), value);
    const entered = readings.map((r) => (r.status === "mark" ? formatMark(kind, r.value, notation) : ""));
    const same = outcomeCellAgrees(entered, wanted.marks);
    if (same)
      return out(
        "keep",
        null,
        ja(`${arrow(shown).ja}(入力済み)`, `${arrow(shown).en} (already entered)`),
        value,
      );
    return out(
      "conflict",
      value,
      ja(`${arrow(shown).ja}(セルには「${text}」)`, `${arrow(shown).en} (the cell holds "${text}")`),
      value,
    );
  }

  const symbol = wanted.marks[0] ?? "";
  const reading = readMark(kind, text);
  switch (reading.status) {
    case "empty":
      return out("write", symbol, arrow(symbol));
    case "qualifier-only": {
      const value = formatAchievementCell(symbol, text);
      return out("write", value, arrow(symbol));
    }
    case "mark": {
      const entered = formatMark(kind, reading.value, notation);
      if (entered === symbol)
        return out(
          "keep",
          null,
          ja(`${arrow(symbol).ja}(入力済み)`, `${arrow(symbol).en} (already entered)`),
        );
      const value = kind === "achievement" ? formatAchievementCell(symbol, text) : symbol;
      return out(
        "conflict",
        value,
        ja(`${arrow(symbol).ja}(入力は「${entered}」)`, `${arrow(symbol).en} (entered: "${entered}")`),
      );
    }
    case "invalid":
      return out(
        "conflict",
        symbol,
        ja(`${arrow(symbol).ja}(セルには「${text}」)`, `${arrow(symbol).en} (the cell holds "${text}")`),
      );
  }
}

function placeholderOf(kind: MarkKind, text: string): string | null {
  const r = readMark(kind, text);
  return r.status === "empty" && r.placeholder !== undefined ? r.placeholder : null;
}

const anchor = (record: SheetRecord, field: ComputedMarkField): FieldCell | undefined =>
  record.fields[field]?.[0];

type Outcome = OutcomeDerivation["outcomes"][number];

/**
 * Which 個別 cell gets which indicators' marks (issue: outcome rows). An indicator read from row r goes to
 * the record's 個別 cell of that row, else to the nearest one above it (a cell merged down over several
 * indicators keeps them all, joined). Two exceptions keep every mark in the first cell: the record has one
 * 個別 cell, or the first cell already holds several marks (the ward writes them all there). A row's own
 * cell with no indicator of its own is left out (it is no mark cell of this record).
 */
function outcomeCells(
  record: SheetRecord,
  d: OutcomeDerivation | undefined,
): Array<{ cell: FieldCell; outcomes: Outcome[] }> {
  const cells = record.fields.outcome ?? [];
  const first = cells[0];
  if (first === undefined) return [];
  const all = d?.outcomes ?? [];
  if (cells.length === 1 || readMarks("outcome", first.text).length > 1)
    return [{ cell: first, outcomes: [...all] }];
  const groups = cells.map((cell) => ({ cell, outcomes: [] as Outcome[] }));
  for (const o of all) {
    let at = 0;
    if (o.row !== undefined)
      for (let i = 0; i < cells.length; i++) if ((cells[i]?.row ?? Infinity) <= o.row) at = i;
    groups[at]?.outcomes.push(o);
  }
  // a row's own cell with no indicator of its own is not a mark cell of this record
  return groups.filter((g, i) => i === 0 || g.outcomes.length > 0);
}

/**
 * The write plan (domain.md §6): one PlannedMark per computed mark cell that exists — achievement per
 * initiative; outcome, outcomeOverall and strategyProgress per strategy record. A record whose mark column
 * is missing gets no entry (there is no cell to name; the structure.missing-column finding says so).
 */
export function buildPlan(input: PlanInput): PlannedMark[] {
  const plan: PlannedMark[] = [];
  for (const record of input.records) {
    const snapshot = input.snapshots.get(record.sheet);
    const notation = input.layouts.get(record.sheet)?.notation ?? "circle";
    if (record.kind === "initiative") {
      const cell = anchor(record, "achievement");
      if (cell === undefined) continue;
      const d = input.initiatives.get(record.id);
      const wanted: Wanted =
        d === undefined
          ? { marks: null, why: ja("算定対象外", "not derived") }
          : d.achievement === null
            ? { marks: null, why: d.reason }
            : { marks: [achievementSymbol(d.achievement, notation)], why: explain(d) };
      plan.push(decide("achievement", "achievement", cell, record, snapshot, notation, wanted));
      continue;
    }
    const d = input.strategies.get(record.id);
    for (const { cell, outcomes } of outcomeCells(record, d)) {
      const marks = outcomes.map((o) => o.mark);
      const computable = d !== undefined && marks.length > 0 && marks.every((m) => m !== null);
      const why =
        d === undefined
          ? ja("算定対象外", "not derived")
          : outcomes.length === 0
            ? ja("この行にアウトカム指標がありません", "no outcome indicator on this row")
            : joinExplanations(outcomes.map((o) => o.explanation));
      plan.push(
        decide("outcome", "outcome", cell, record, snapshot, notation, {
          marks: computable ? (marks as string[]) : null,
          why: computable ? why : notComputable("アウトカム(個別)", "outcome", why),
        }),
      );
    }
    const overallCell = anchor(record, "outcomeOverall");
    if (overallCell !== undefined) {
      const why = d === undefined ? ja("算定対象外", "not derived") : overallWhy(d);
      plan.push(
        decide("outcomeOverall", "outcomeOverall", overallCell, record, snapshot, notation, {
          marks: d?.overall == null ? null : [d.overall],
          why: d?.overall == null ? notComputable("アウトカム(全体)", "overall outcome", why) : why,
        }),
      );
    }
    const progressCell = anchor(record, "strategyProgress");
    if (progressCell !== undefined) {
      const why = d === undefined ? ja("算定対象外", "not derived") : d.reason;
      plan.push(
        decide("strategyProgress", "strategyProgress", progressCell, record, snapshot, notation, {
          marks: d?.progress == null ? null : [d.progress],
          why,
        }),
      );
    }
  }
  return plan;
}

function notComputable(whatJa: string, whatEn: string, why: LocalizedText): LocalizedText {
  return ja(`${whatJa}を算定できません: ${why.ja}`, `${whatEn} cannot be derived: ${why.en}`);
}

function joinExplanations(parts: ReadonlyArray<LocalizedText>): LocalizedText {
  return ja(parts.map((p) => p.ja).join("、"), parts.map((p) => p.en).join("; "));
}

/** The comparisons of an initiative, or its withdrawal trigger when one fired. */
function explain(d: InitiativeDerivation): LocalizedText {
  if (d.withdrawalFlag) {
    const fired = d.withdrawals.filter((w) => w.fired === true).map((w) => w.explanation);
    return ja(
      `${joinExplanations(fired).ja}(撤退基準に該当)`,
      `${joinExplanations(fired).en} (withdrawal criterion met)`,
    );
  }
  if (d.achievement === "missed")
    return joinExplanations(d.targets.filter((t) => t.met === false).map((t) => t.explanation));
  return joinExplanations(d.targets.map((t) => t.explanation));
}

function overallWhy(d: OutcomeDerivation): LocalizedText {
  const unknown = d.outcomes.filter((o) => o.mark === null).length;
  // In plain words when a 個別 mark is missing (not 「個別 ? ?」).
  if (unknown > 0)
    return ja(
      `個別 ${d.outcomes.length} 件のうち ${unknown} 件を算定できません`,
      `${unknown} of ${d.outcomes.length} individual outcomes cannot be derived`,
    );
  const marks = d.outcomes.map((o) => o.mark ?? "").join(" ");
  return ja(`個別 ${marks}`, `each: ${marks}`);
}
