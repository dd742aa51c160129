import type { FindingCode, Finding, Issue, LocalizedText, Severity } from "../model/findings";
import type { GridPos } from "../model/snapshot";
import type { ParseFailureCode, WithdrawalAction } from "../model/values";
import { gridToA1 } from "../address/a1";
import { assertNever } from "./assert-never";
import { columnLabel, reportFieldLabel } from "./fields";

/** Values a message interpolates. Missing ones are left out of the sentence, never printed as "undefined". */
export type MessageParams = Readonly<Record<string, string | number>>;

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

/** Why a text could not be read, as a phrase (ja, en). */
export function failureReason(code: ParseFailureCode): LocalizedText {
  switch (code) {
    case "empty":
      return { ja: "空欄です", en: "it is empty" };
    case "no-number":
      return { ja: "数値がありません", en: "it holds no number" };
    case "no-comparator":
      return {
        ja: "以上・未満などの比較の言葉がありません",
        en: "it has no comparison word such as 以上 or 未満",
      };
    case "not-computable":
      return { ja: "数値で判定できる基準ではありません", en: "it is not a numeric criterion" };
    case "relative-needs-previous":
      return {
        ja: "増加・減少・維持など前年度との比較で、前年度の値がありません",
        en: "it is relative to the previous year (増加/減少/維持) and no previous value is given",
      };
    case "ambiguous-wording":
      return {
        ja: "「撤退基準達成/該当」はどちらの意味にも読めます",
        en: "「撤退基準達成/該当」 can be read either way",
      };
    case "bad-era-year":
      return { ja: "存在しない年号の年です", en: "the era year does not exist" };
    case "too-long":
      return { ja: "セルが長すぎるため読み取りません", en: "the cell is too long to read" };
    case "partial":
      return {
        ja: "数値を完全には読み取れません(推測で判定しません)",
        en: "a number in it could not be read completely (kusei does not guess)",
      };
    case "range":
      return {
        ja: "幅のある値(~)で、比べる数値が一つに決まりません",
        en: "it is a range (~), not one figure to compare",
      };
    default:
      return assertNever(code);
  }
}

/** The action of a withdrawal criterion as a phrase (ja, en). */
export function withdrawalActionText(action: WithdrawalAction): LocalizedText {
  switch (action) {
    case "restructure":
      return { ja: "事業を再構築する", en: "restructure the programme" };
    case "reconsider":
      return { ja: "手法を再検討する", en: "reconsider the method" };
    case "abolish":
      return { ja: "事業を廃止する", en: "abolish the programme" };
    case "other":
      return { ja: "基準に定めた対応をとる", en: "take the action the criterion names" };
    default:
      return assertNever(action);
  }
}

const FAILURE_CODES: ReadonlySet<string> = new Set<ParseFailureCode>([
  "empty",
  "no-number",
  "no-comparator",
  "not-computable",
  "relative-needs-previous",
  "ambiguous-wording",
  "bad-era-year",
  "too-long",
  "partial",
  "range",
]);
const ACTIONS: ReadonlySet<string> = new Set<WithdrawalAction>([
  "restructure",
  "reconsider",
  "abolish",
  "other",
]);

/** The finding's text in Japanese and English. Exhaustive over FindingCode: a new code cannot ship without text. */
export function message(code: FindingCode, params: MessageParams): LocalizedText {
  const has = (k: string): boolean => params[k] !== undefined && params[k] !== "";
  const v = (k: string): string => (has(k) ? String(params[k]) : "");
  /** an optional fragment: `pre + value + post` when the param is there, else "" */
  const o = (k: string, pre: string, post: string): string => (has(k) ? `${pre}${v(k)}${post}` : "");
  const reason = (): LocalizedText => {
    const r = v("reason");
    return FAILURE_CODES.has(r) ? failureReason(r as ParseFailureCode) : { ja: r, en: r };
  };
  const action = (): LocalizedText => {
    const a = v("action");
    if (ACTIONS.has(a)) return withdrawalActionText(a as WithdrawalAction);
    return { ja: v("actionText"), en: v("actionText") };
  };
  switch (code) {
    case "structure.unknown-sheet":
      return {
        ja: `シート「${v("sheet")}」は取組状況の様式(めざす成果および戦略/具体的取組)として認識できませんでした。このシートは読み飛ばします。`,
        en: `Sheet "${v("sheet")}" was not recognised as a strategy or initiative sheet; it is skipped.`,
      };
    case "structure.missing-column":
      return {
        ja: `必要な列「${v("columnJa")}」が見つかりません。${o("label", "(探した見出し: ", ")")}この列を使う判定はできません。`,
        en: `The required column "${v("columnEn")}" was not found.${o("label", " (looked for: ", ")")} Checks that need it are skipped.`,
      };
    case "structure.weak-header":
      return {
        ja: `列「${v("columnJa")}」を見出し「${v("label")}」に対応付けましたが、一致の度合いが低いです${o("confidence", "(", ")")}。正しいか確認してください。`,
        en: `Column "${v("columnEn")}" was matched to the header "${v("label")}" only weakly${o("confidence", " (", ")")}; please check it.`,
      };
    case "structure.no-records":
      return {
        ja: `シート「${v("sheet")}」に項目の行が見つかりません。`,
        en: `No item rows were found on sheet "${v("sheet")}".`,
      };
    case "structure.rows-before-header":
      return {
        ja: `この行から見出し行までの項目は、上にある見出し「${v("label")}」が読み取れないため検証していません。見出し行を直すか、「列の対応」で列を指定してください。`,
        en: `The item rows from here down to the header were not checked: the header above them ("${v("label")}") could not be read. Repair that header row or set the column mapping.`,
      };
    case "structure.protected-sheet":
      return {
        ja: `シート「${v("sheet")}」は保護されているため、ロックされたセルには記号を書き込みません (ロックを解除したセルには書き込みます)。`,
        en: `Sheet "${v("sheet")}" is protected: no marks are written to its locked cells (unlocked cells are written).`,
      };
    case "vocabulary.not-a-mark":
      return {
        ja: `「${v("found")}」は${v("fieldJa")}の記号ではありません(${v("expected")} のいずれかを入力します)。`,
        en: `"${v("found")}" is not a mark of ${v("fieldEn")} (expected one of ${v("expected")}).`,
      };
    case "vocabulary.ambiguous-withdrawal-wording":
      return {
        ja: `「${v("text")}」の「撤退基準達成/該当」という書き方はどちらの意味にも読めます。担当者が確認してください。`,
        en: `"${v("text")}": wording like 「撤退基準達成/該当」 can be read either way; a person must check it.`,
      };
    case "parse.target":
      return {
        ja: `目標「${v("text")}」を読み取れません(${reason().ja})。${o("detail", "", "")}`,
        en: `Could not read the target "${v("text")}" (${reason().en}).${o("detail", " ", "")}`,
      };
    case "parse.result":
      return {
        ja: `実績「${v("text")}」を読み取れません(${reason().ja})。${o("detail", "", "")}`,
        en: `Could not read the result "${v("text")}" (${reason().en}).${o("detail", " ", "")}`,
      };
    case "parse.criterion":
      return {
        ja: `撤退基準「${v("text")}」を読み取れません(${reason().ja})。${o("detail", "", "")}`,
        en: `Could not read the withdrawal criterion "${v("text")}" (${reason().en}).${o("detail", " ", "")}`,
      };
    case "parse.criterion-not-computable":
      return {
        ja: `撤退基準「${v("text")}」には数値のしきい値と比較(未満・以下など)がないため、撤退基準に該当するか判定できません。`,
        en: `The withdrawal criterion "${v("text")}" has no numeric threshold and comparison (未満, 以下 …), so whether it fired cannot be computed.`,
      };
    case "parse.count-mismatch":
      return {
        ja: `${v("leftJa")}が${v("left")}件、${v("rightJa")}が${v("right")}件で数が合わず、対応付けできません。推測せずに判定を保留します。`,
        en: `${v("leftEn")}: ${v("left")}, ${v("rightEn")}: ${v("right")}; the counts differ, so they cannot be paired. No guess is made.`,
      };
    case "parse.unit-mismatch":
      return {
        ja: `目標「${v("target")}」と実績「${v("result")}」の単位が違う(${v("targetUnit")} と ${v("resultUnit")})ため、比べられません。`,
        en: `The target "${v("target")}" and the result "${v("result")}" have different units (${v("targetUnit")} vs ${v("resultUnit")}); they cannot be compared.`,
      };
    case "parse.cell-error":
      return {
        ja: `${v("columnJa")}のセルがエラー値「${v("error")}」です。`,
        en: `The ${v("columnEn")} cell holds the error value ${v("error")}.`,
      };
    case "consistency.mark-differs":
      return {
        ja: `入力されている「${v("entered")}」は、算定結果「${v("derived")}」と異なります。${o("reasonJa", "算定の根拠: ", "")}`,
        en: `The entered "${v("entered")}" differs from the derived "${v("derived")}".${o("reasonEn", " Why: ", "")}`,
      };
    case "consistency.effective-but-withdrawn":
      return {
        ja: `撤退基準に該当する取組ですが、戦略に対する取組の有効性が「${v("found") || "○"}」(有効)になっています。`,
        en: `The initiative met its withdrawal criterion, yet its effectiveness is "${v("found") || "○"}" (effective).`,
      };
    case "consistency.a-with-b-no-issue":
      return {
        ja: `戦略の有効性が「ア」(有効)でアウトカムが「B」(順調でない)ですが、課題が記入されていません。`,
        en: `Strategy effectiveness is "ア" (effective) while the outcome is "B" (not on track), and no issue is written.`,
      };
    case "consistency.unlinked-initiative":
      return {
        ja: `取組${o("code", "[", "]")}に対応する戦略が見つかりません(戦略番号でも項目でも結び付けられません)。`,
        en: `No strategy was found for initiative${o("code", " [", "]")} (neither by code nor by item).`,
      };
    case "consistency.progress-rule-differs":
      return {
        ja: `入力されている「${v("entered")}」は、${v("ruleJa")}による算定結果「${v("derived")}」と異なります。算定の根拠: ${v("reasonJa")}。a/b の付け方は区の規則によるため、規則が違う場合はプロファイルの strategyProgressRule を設定してください。`,
        en: `The entered "${v("entered")}" differs from "${v("derived")}" derived by ${v("ruleEn")}. Basis: ${v("reasonEn")}. How a/b is given is the ward's rule: if yours differs, set strategyProgressRule in the profile.`,
      };
    case "consistency.not-evaluated":
      return {
        ja: `この行の${v("columnsJa")}は「${v("placeholder")}」(評価しない印)のため、算定結果を書き込まず、突き合わせもしません。`,
        en: `This row's ${v("columnsEn")} holds "${v("placeholder")}" (not evaluated here): kusei writes nothing there and compares nothing.`,
      };
    case "consistency.formula-in-mark-cell":
      return {
        ja: `${v("columnJa")}のセルに数式があります。数式は上書きしないため、このセルには書き込みません。`,
        en: `The ${v("columnEn")} cell holds a formula; formulas are never overwritten, so nothing is written there.`,
      };
    case "derive.not-computable":
      return {
        ja: `${v("fieldJa")}を算定できません${o("whyJa", ": ", "")}。`,
        en: `${v("fieldEn")} cannot be derived${o("whyEn", ": ", "")}.`,
      };
    case "derive.withdrawal-fired":
      return {
        ja: `撤退基準「${v("criterion")}」に該当します${o("comparisonJa", "(", ")")}。${action().ja}必要があります。`,
        en: `The withdrawal criterion "${v("criterion")}" fired${o("comparisonEn", " (", ")")}: ${action().en}.`,
      };
    case "narrative.missing-issue":
      return {
        ja: `${v("becauseJa")}の行ですが、課題が空欄です。`,
        en: `The row has ${v("becauseEn")} but its issues (課題) are empty.`,
      };
    case "narrative.missing-plan":
      return {
        ja: `${v("becauseJa")}の行ですが、今後の対応方向・改善策が空欄です。`,
        en: `The row has ${v("becauseEn")} but its next steps / improvements are empty.`,
      };
    case "values.percent-out-of-range":
      return {
        ja: `割合「${v("text")}」(${v("value")}%)が 0〜100% の範囲外です。`,
        en: `The percentage "${v("text")}" (${v("value")}%) is outside 0–100%.`,
      };
    case "values.negative-count":
      return {
        ja: `「${v("text")}」の数(${v("value")})が負の値です。`,
        en: `"${v("text")}" is a negative count (${v("value")}).`,
      };
    case "values.bad-era-year":
      return {
        ja: `「${v("text")}」は存在しない年号の年です${o("suggestion", "(", "のことですか)")}。`,
        en: `"${v("text")}" is not an existing era year${o("suggestion", " (did you mean ", "?)")}.`,
      };
    case "duplicates.repeated-row":
      return {
        ja: `この行は${o("of", "", "と")}同じ項目・指標の繰り返し(続きのページ)です。1回だけ数えます。`,
        en: `This row repeats the same item and indicator${o("of", " as ", "")} (a continuation page); it is counted once.`,
      };
    case "history.not-previous-year":
      return {
        ja: `前年度のブックは${v("previous")}年度のもので、このブック(${v("current")}年度)の前年度ではありません。比較結果に注意してください。`,
        en: `The previous workbook is for FY${v("previous")}, not the year before this one (FY${v("current")}); read the comparison with care.`,
      };
    case "history.matched-by-label":
      return {
        ja: `この${v("kindJa")}は番号で対応付けられず、名称の類似度で前年度の${v("previousCell")}「${v("label")}」と対応付けました(確からしさ ${v("confidence")})。`,
        en: `This ${v("kindEn")} had no matching code; it was matched by label to last year's ${v("previousCell")} "${v("label")}" (confidence ${v("confidence")}).`,
      };
    case "history.ambiguous-match":
      return {
        ja: `この${v("kindJa")}は前年度の複数の行(${v("candidates")})と同じくらい似ているため、対応付けません。前年度との比較はこの行では行いません。`,
        en: `This ${v("kindEn")} fits several of last year's rows equally well (${v("candidates")}); it is not matched and not compared with last year.`,
      };
    case "history.item-added":
      return {
        ja: `この${v("kindJa")}「${v("label")}」は前年度のブックにありません(今年度の新規)。`,
        en: `This ${v("kindEn")} "${v("label")}" is not in last year's workbook (new this year).`,
      };
    case "history.item-removed":
      return {
        ja: `前年度の${v("kindJa")}${v("previousCell")}「${v("label")}」が今年度のブックにありません(終了・統合したか確認してください)。`,
        en: `Last year's ${v("kindEn")} ${v("previousCell")} "${v("label")}" is not in this year's workbook (check whether it ended or was merged).`,
      };
    case "history.indicator-changed":
      return {
        ja: `${v("columnJa")}が前年度(${v("previousCell")})から変わっています: 「${v("before")}」→「${v("after")}」。`,
        en: `The ${v("columnEn")} changed from last year (${v("previousCell")}): "${v("before")}" → "${v("after")}".`,
      };
    case "history.target-changed":
      return {
        ja: `${v("columnJa")}が前年度(${v("previousCell")})から変わっています: 「${v("before")}」→「${v("after")}」。`,
        en: `The ${v("columnEn")} changed from last year (${v("previousCell")}): "${v("before")}" → "${v("after")}".`,
      };
    case "history.criterion-changed":
      return {
        ja: `撤退基準が前年度(${v("previousCell")})から変わっています: 「${v("before")}」→「${v("after")}」。`,
        en: `The withdrawal criterion changed from last year (${v("previousCell")}): "${v("before")}" → "${v("after")}".`,
      };
    case "history.previous-mark-differs":
      return {
        ja: `前年度欄の「${v("entered")}」は、前年度のブックの評価「${v("previous")}」(${v("previousCell")})と異なります。`,
        en: `The previous-year column says "${v("entered")}", but last year's workbook says "${v("previous")}" (${v("previousCell")}).`,
      };
    case "history.previous-mark-unpaired":
      return {
        ja: `前年度欄の記号(${v("entered")})と前年度のブックの評価(${v("previous")}、${v("previousCell")})は数が合わず、推測せずに比較を保留します。`,
        en: `The previous-year column's marks (${v("entered")}) and last year's (${v("previous")}, ${v("previousCell")}) differ in number; no guess is made.`,
      };
    case "history.figure-differs":
      return {
        ja: `前年度までの実績の「${v("history")}」は、前年度のブックの実績「${v("previous")}」(${v("previousCell")})と異なります。`,
        en: `The history says "${v("history")}", but last year's workbook reports "${v("previous")}" (${v("previousCell")}).`,
      };
    case "history.withdrawal-continued":
      return {
        ja: `この取組は前年度に撤退基準「${v("criterion")}」に該当しました(${v("previousCell")})が、今年度も取組内容と業績目標が変わらないまま続いています。再構築・見直しの内容を確認してください。`,
        en: `Last year this initiative met its withdrawal criterion "${v("criterion")}" (${v("previousCell")}), yet it goes on this year with the same activity and targets; check how it was rebuilt or reviewed.`,
      };
    default:
      return assertNever(code);
  }
}

/** Origins of the snapshots by sheet name, as a Map or a plain object. */
export type OriginsByName = ReadonlyMap<string, GridPos> | Readonly<Record<string, GridPos>>;

function originOf(origins: OriginsByName, sheet: string): GridPos {
  if (origins instanceof Map)
    return (origins as ReadonlyMap<string, GridPos>).get(sheet) ?? { row: 0, col: 0 };
  const rec = origins as Readonly<Record<string, GridPos>>;
  return Object.prototype.hasOwnProperty.call(rec, sheet)
    ? (rec[sheet] ?? { row: 0, col: 0 })
    : { row: 0, col: 0 };
}

/** An Issue (grid position, params) → a Finding (A1 cell, 1-based row, severity, ja/en message). */
export function toFinding(issue: Issue, snapshotOriginByName: OriginsByName): Finding {
  const origin = originOf(snapshotOriginByName, issue.sheet);
  const cell =
    issue.gridRow !== null && issue.gridCol !== null ? gridToA1(origin, issue.gridRow, issue.gridCol) : null;
  const row = issue.gridRow !== null ? origin.row + issue.gridRow + 1 : null;
  const enriched: Record<string, string | number> = { sheet: issue.sheet };
  if (cell !== null) enriched["cell"] = cell;
  if (issue.input !== null) {
    enriched["input"] = issue.input;
    enriched["text"] = issue.input;
    enriched["found"] = issue.input;
  }
  if (issue.column !== null) {
    const c = columnLabel(issue.column);
    enriched["columnJa"] = c.ja;
    enriched["columnEn"] = c.en;
    enriched["fieldJa"] = c.ja;
    enriched["fieldEn"] = c.en;
  }
  if (issue.field !== null) {
    const f = reportFieldLabel(issue.field);
    enriched["fieldJa"] = f.ja;
    enriched["fieldEn"] = f.en;
    if (issue.column === null) {
      enriched["columnJa"] = f.ja;
      enriched["columnEn"] = f.en;
    }
  }
  const params = { ...enriched, ...issue.params };
  return {
    code: issue.code,
    severity: issue.severity ?? severityOf(issue.code),
    sheet: issue.sheet,
    cell,
    row,
    field: issue.field,
    column: issue.column,
    input: issue.input,
    message: message(issue.code, params),
  };
}
