import type {
  Finding,
  FindingCode,
  HistoryChangeParams,
  HistoryMarksParams,
  Issue,
  LocalizedText,
  MessageSubject,
  MessageSubjectOf,
  ParseFailureParams,
  Severity,
} from "../model/findings";
import type { GridPos } from "../model/snapshot";
import { gridToA1 } from "../address/a1";
import { assertNever } from "./assert-never";
import { columnLabel, reportFieldLabel } from "./fields";
import {
  countedNames,
  expectedMarksText,
  failureReason,
  markBasisText,
  narrativeCauseText,
  notComputableText,
  progressReasonText,
  progressRuleText,
  sheetKindText,
  withdrawalActionText,
} from "./reasons";
import { sentence, type MessageArgs } from "./sentences";

type Text = LocalizedText;

/** Default severity of a finding code (an Issue may override it). */
export function severityOf(code: FindingCode): Severity {
  switch (code) {
    case "structure.missing-column":
    case "vocabulary.not-a-mark":
    case "structure.rows-before-header":
    case "parse.cell-error":
    case "consistency.mark-differs":
    case "consistency.effective-but-withdrawn":
    case "values.bad-era-year":
      return "error";
    case "history.not-previous-year":
    case "history.ambiguous-match":
    case "history.previous-mark-differs":
    case "history.figure-differs":
    case "history.withdrawal-continued":
      return "warning";
    case "history.matched-by-label":
    case "history.item-added":
    case "history.item-removed":
    case "history.indicator-changed":
    case "history.target-changed":
    case "history.criterion-changed":
    case "history.previous-mark-unpaired":
      return "info";
    case "structure.weak-header":
    case "structure.no-records":
    case "vocabulary.ambiguous-withdrawal-wording":
    case "parse.target":
    case "parse.result":
    case "parse.criterion":
    case "parse.criterion-not-computable":
    case "parse.count-mismatch":
    case "parse.unit-mismatch":
    case "consistency.a-with-b-no-issue":
    case "consistency.unlinked-initiative":
    case "consistency.progress-rule-differs":
    case "consistency.formula-in-mark-cell":
    case "derive.not-computable":
    case "derive.withdrawal-fired":
    case "narrative.missing-issue":
    case "narrative.missing-plan":
    case "values.percent-out-of-range":
    case "values.negative-count":
      return "warning";
    case "structure.unknown-sheet":
    case "structure.protected-sheet":
    case "consistency.not-evaluated":
    case "duplicates.repeated-row":
      return "info";
    default:
      return assertNever(code);
  }
}

const NONE: Text = { ja: "", en: "" };
const HEADING_NUMBER: Text = { ja: "見出し番号", en: "heading number" };

/** The subject's column name: its column, else its report field; empty when it has neither. */
function columnOf(s: MessageSubject): Text {
  if (s.column !== null) return columnLabel(s.column);
  return s.field !== null ? reportFieldLabel(s.field) : NONE;
}

/** The subject's field name: its report field, else its column; empty when it has neither. */
function fieldOf(s: MessageSubject): Text {
  if (s.field !== null) return reportFieldLabel(s.field);
  return s.column !== null ? columnLabel(s.column) : NONE;
}

/** Names in both languages, joined: 「・」 in Japanese, ", " in English. */
function joined(names: ReadonlyArray<Text>): Text {
  return { ja: names.map((n) => n.ja).join("・"), en: names.map((n) => n.en).join(", ") };
}

/** A share 0..1 as a whole percentage: 「87%」. */
const percent = (x: number): string => `${Math.round(x * 100)}%`;
/** Marks as a list, the same in both languages: 「A・B」; 「—」 for none. */
const marks = (ms: ReadonlyArray<string>): string => ms.join("・") || "—";
/** A cell's text, 「—」 when it is empty. */
const orDash = (text: string): string => text || "—";

/** The display arguments of each code's sentence, from its subject (typed params, column, field, input). */
const ARGS: { readonly [C in FindingCode]: (s: MessageSubjectOf<C>) => MessageArgs[C] } = {
  "structure.unknown-sheet": (s) => ({ sheet: s.params.sheet }),
  "structure.missing-column": (s) => {
    const column = columnOf(s);
    return s.params.label === undefined ? { column } : { column, label: s.params.label };
  },
  "structure.weak-header": (s) => ({
    column: columnOf(s),
    label: s.params.label,
    confidence: String(s.params.confidence),
  }),
  "structure.no-records": (s) => ({ sheet: s.params.sheet }),
  "structure.rows-before-header": (s) => ({ label: s.params.label }),
  "structure.protected-sheet": (s) => ({ sheet: s.sheet }),
  "vocabulary.not-a-mark": (s) => ({
    found: s.params.found,
    field: fieldOf(s),
    expected: expectedMarksText(s.params.mark, s.params.notation),
  }),
  "vocabulary.ambiguous-withdrawal-wording": (s) => ({ text: s.params.text ?? s.input ?? "" }),
  "parse.target": (s) => failureArgs(s.params),
  "parse.result": (s) => failureArgs(s.params),
  "parse.criterion": (s) => failureArgs(s.params),
  "parse.criterion-not-computable": (s) => ({ text: s.params.text }),
  "parse.count-mismatch": (s) => {
    const names = countedNames(s.params.counted);
    return {
      left: String(s.params.left),
      right: String(s.params.right),
      leftName: names.left,
      rightName: names.right,
    };
  },
  "parse.unit-mismatch": (s) => {
    const { target, result, targetUnit, resultUnit } = s.params;
    return { target, result, targetUnit, resultUnit };
  },
  "parse.cell-error": (s) => ({
    column: s.params.heading === true ? HEADING_NUMBER : columnOf(s),
    error: s.params.error,
  }),
  "consistency.mark-differs": (s) => ({
    entered: s.params.entered,
    derived: s.params.derived,
    reason: markBasisText(s.params.because),
  }),
  "consistency.effective-but-withdrawn": (s) => ({ found: s.params.found }),
  "consistency.a-with-b-no-issue": () => ({}),
  "consistency.unlinked-initiative": (s) => (s.params.code === undefined ? {} : { code: s.params.code }),
  "consistency.formula-in-mark-cell": (s) => ({ column: columnOf(s) }),
  "consistency.not-evaluated": (s) => ({
    columns: joined(s.params.columns.map(columnLabel)),
    placeholder: s.params.placeholder,
  }),
  "consistency.progress-rule-differs": (s) => ({
    entered: s.params.entered,
    derived: s.params.derived,
    rule: progressRuleText(s.params.rule),
    reason: progressReasonText(s.params.because),
  }),
  "derive.not-computable": (s) => ({ field: fieldOf(s), why: notComputableText(s.params.why) }),
  "derive.withdrawal-fired": (s) => ({
    criterion: s.params.criterion,
    comparison: s.params.comparison,
    action: withdrawalActionText(s.params.action),
  }),
  "narrative.missing-issue": (s) => ({ because: narrativeCauseText(s.params.because) }),
  "narrative.missing-plan": (s) => ({ because: narrativeCauseText(s.params.because) }),
  "values.percent-out-of-range": (s) => ({ text: s.params.text, value: String(s.params.value) }),
  "values.negative-count": (s) => ({ text: s.params.text, value: String(s.params.value) }),
  "values.bad-era-year": (s) => {
    const { text, suggestion } = s.params;
    return suggestion === undefined || suggestion === "" ? { text } : { text, suggestion };
  },
  "duplicates.repeated-row": (s) => ("of" in s.params ? { of: s.params.of } : {}),
  "history.not-previous-year": (s) => ({
    previous: String(s.params.previous),
    current: String(s.params.current),
  }),
  "history.matched-by-label": (s) => ({
    kind: sheetKindText(s.params.kind),
    previousCell: s.params.previousCell,
    label: s.params.label,
    confidence: percent(s.params.confidence),
  }),
  "history.ambiguous-match": (s) => ({
    kind: sheetKindText(s.params.kind),
    // one list for both languages: the places are sheet names and cells
    candidates: s.params.candidates.map((c) => `${c.place} (${percent(c.confidence)})`).join("、"),
  }),
  "history.item-added": (s) => ({ kind: sheetKindText(s.params.kind), label: s.params.label }),
  "history.item-removed": (s) => ({
    kind: sheetKindText(s.params.kind),
    previousCell: s.params.previousCell,
    label: s.params.label,
  }),
  "history.indicator-changed": (s) => ({ column: columnOf(s), ...changeArgs(s.params) }),
  "history.target-changed": (s) => ({ column: columnOf(s), ...changeArgs(s.params) }),
  "history.criterion-changed": (s) => changeArgs(s.params),
  "history.previous-mark-differs": (s) => previousArgs(s.params),
  "history.previous-mark-unpaired": (s) => previousArgs(s.params),
  "history.figure-differs": (s) => ({
    history: s.params.history,
    previous: s.params.previous,
    previousCell: s.params.previousCell,
  }),
  "history.withdrawal-continued": (s) => ({
    criterion: s.params.criterion,
    previousCell: s.params.previousCell,
  }),
};

function failureArgs(p: ParseFailureParams): MessageArgs["parse.target"] {
  const args = { text: p.text, reason: failureReason(p.reason) };
  return p.detail === undefined ? args : { ...args, detail: p.detail };
}

function changeArgs(p: HistoryChangeParams): MessageArgs["history.criterion-changed"] {
  return { previousCell: p.previousCell, before: orDash(p.before), after: orDash(p.after) };
}

function previousArgs(p: HistoryMarksParams): MessageArgs["history.previous-mark-differs"] {
  return { entered: marks(p.entered), previous: marks(p.previous), previousCell: p.previousCell };
}

function messageOf<C extends FindingCode>(subject: MessageSubjectOf<C>): Text {
  const args: (s: MessageSubjectOf<C>) => MessageArgs[C] = ARGS[subject.code];
  return sentence(subject.code, args(subject));
}

/**
 * The message of an issue (or any subject with a code and its params) in Japanese and English. The tables
 * are mapped over every code, so a new code cannot ship without its sentence and arguments.
 */
export function message(subject: MessageSubject): Text {
  return messageOf(subject);
}

/** Origins of the snapshots by sheet name, as a Map or a plain object. */
export type OriginsByName = ReadonlyMap<string, GridPos> | Readonly<Record<string, GridPos>>;

const isMap = (o: OriginsByName): o is ReadonlyMap<string, GridPos> => o instanceof Map;

function originOf(origins: OriginsByName, sheet: string): GridPos {
  if (isMap(origins)) return origins.get(sheet) ?? { row: 0, col: 0 };
  return Object.prototype.hasOwnProperty.call(origins, sheet)
    ? (origins[sheet] ?? { row: 0, col: 0 })
    : { row: 0, col: 0 };
}

/** An Issue (grid position, params) → a Finding (A1 cell, 1-based row, severity, ja/en message). */
export function toFinding(issue: Issue, snapshotOriginByName: OriginsByName): Finding {
  const origin = originOf(snapshotOriginByName, issue.sheet);
  const cell =
    issue.gridRow !== null && issue.gridCol !== null ? gridToA1(origin, issue.gridRow, issue.gridCol) : null;
  const row = issue.gridRow !== null ? origin.row + issue.gridRow + 1 : null;
  const col = issue.gridRow !== null && issue.gridCol !== null ? origin.col + issue.gridCol + 1 : null;
  return {
    code: issue.code,
    severity: issue.severity ?? severityOf(issue.code),
    sheet: issue.sheet,
    cell,
    row,
    col,
    field: issue.field,
    column: issue.column,
    input: issue.input,
    message: message(issue),
  };
}
