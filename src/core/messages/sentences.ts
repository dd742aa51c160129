/**
 * The sentence of every finding code, in Japanese and English, over display arguments (cell texts, counts,
 * and names already worded in both languages). catalogue.ts turns an issue's typed params into these.
 */
import type { FindingCode, LocalizedText } from "../model/findings";

type Text = LocalizedText;

/**
 * What each code's sentence interpolates, already as display text: plain strings (cell texts, counts)
 * and localized parts (column names, reasons). A missing optional part is left out of the sentence.
 */
export interface MessageArgs {
  readonly "structure.unknown-sheet": { readonly sheet: string };
  readonly "structure.missing-column": { readonly column: Text; readonly label?: string };
  readonly "structure.weak-header": {
    readonly column: Text;
    readonly label: string;
    readonly confidence: string;
  };
  readonly "structure.no-records": { readonly sheet: string };
  readonly "structure.rows-before-header": { readonly label: string };
  readonly "structure.protected-sheet": { readonly sheet: string };
  readonly "vocabulary.not-a-mark": {
    readonly found: string;
    readonly field: Text;
    readonly expected: string;
  };
  readonly "vocabulary.ambiguous-withdrawal-wording": { readonly text: string };
  readonly "parse.target": FailureArgs;
  readonly "parse.result": FailureArgs;
  readonly "parse.criterion": FailureArgs;
  readonly "parse.criterion-not-computable": { readonly text: string };
  readonly "parse.count-mismatch": {
    readonly left: string;
    readonly right: string;
    readonly leftName: Text;
    readonly rightName: Text;
  };
  readonly "parse.unit-mismatch": {
    readonly target: string;
    readonly result: string;
    readonly targetUnit: string;
    readonly resultUnit: string;
  };
  readonly "parse.cell-error": { readonly column: Text; readonly error: string };
  readonly "consistency.mark-differs": {
    readonly entered: string;
    readonly derived: string;
    readonly reason: Text;
  };
  readonly "consistency.effective-but-withdrawn": { readonly found: string };
  readonly "consistency.a-with-b-no-issue": Record<string, never>;
  readonly "consistency.unlinked-initiative": { readonly code?: string };
  readonly "consistency.formula-in-mark-cell": { readonly column: Text };
  readonly "consistency.not-evaluated": { readonly columns: Text; readonly placeholder: string };
  readonly "consistency.progress-rule-differs": {
    readonly entered: string;
    readonly derived: string;
    readonly rule: Text;
    readonly reason: Text;
  };
  readonly "derive.not-computable": { readonly field: Text; readonly why: Text };
  readonly "derive.withdrawal-fired": {
    readonly criterion: string;
    readonly comparison: Text;
    readonly action: Text;
  };
  readonly "narrative.missing-issue": { readonly because: Text };
  readonly "narrative.missing-plan": { readonly because: Text };
  readonly "values.percent-out-of-range": { readonly text: string; readonly value: string };
  readonly "values.negative-count": { readonly text: string; readonly value: string };
  readonly "values.bad-era-year": { readonly text: string; readonly suggestion?: string };
  readonly "duplicates.repeated-row": { readonly of?: string };
  readonly "history.not-previous-year": { readonly previous: string; readonly current: string };
  readonly "history.matched-by-label": {
    readonly kind: Text;
    readonly previousCell: string;
    readonly label: string;
    readonly confidence: string;
  };
  readonly "history.ambiguous-match": { readonly kind: Text; readonly candidates: string };
  readonly "history.item-added": { readonly kind: Text; readonly label: string };
  readonly "history.item-removed": {
    readonly kind: Text;
    readonly previousCell: string;
    readonly label: string;
  };
  readonly "history.indicator-changed": ChangeArgs & { readonly column: Text };
  readonly "history.target-changed": ChangeArgs & { readonly column: Text };
  readonly "history.criterion-changed": ChangeArgs;
  readonly "history.previous-mark-differs": PreviousArgs;
  readonly "history.previous-mark-unpaired": PreviousArgs;
  readonly "history.figure-differs": {
    readonly history: string;
    readonly previous: string;
    readonly previousCell: string;
  };
  readonly "history.withdrawal-continued": { readonly criterion: string; readonly previousCell: string };
}

interface FailureArgs {
  readonly text: string;
  readonly reason: Text;
  readonly detail?: string;
}

interface ChangeArgs {
  readonly previousCell: string;
  readonly before: string;
  readonly after: string;
}

interface PreviousArgs {
  readonly entered: string;
  readonly previous: string;
  readonly previousCell: string;
}

/** `pre + value + post` when the value is there and not empty, else "". */
const o = (value: string | undefined, pre: string, post: string): string =>
  value === undefined || value === "" ? "" : `${pre}${value}${post}`;

/** A field of the sheet that changed from last year (the indicator and target changes share it). */
const fieldChanged = (a: ChangeArgs & { readonly column: Text }): Text => ({
  ja: `${a.column.ja}が前年度(${a.previousCell})から変わっています: 「${a.before}」→「${a.after}」。`,
  en: `The ${a.column.en} changed from last year (${a.previousCell}): "${a.before}" → "${a.after}".`,
});

/** The sentences, ja and en, of every code: a code without one, or an argument it lacks, does not compile. */
const SENTENCES: { readonly [C in FindingCode]: (a: MessageArgs[C]) => Text } = {
  "structure.unknown-sheet": (a) => ({
    ja: `シート「${a.sheet}」は取組状況の様式(めざす成果および戦略/具体的取組)として認識できませんでした。このシートは読み飛ばします。`,
    en: `Sheet "${a.sheet}" was not recognised as a strategy or initiative sheet; it is skipped.`,
  }),
  "structure.missing-column": (a) => ({
    ja: `必要な列「${a.column.ja}」が見つかりません。${o(a.label, "(探した見出し: ", ")")}この列を使う判定はできません。`,
    en: `The required column "${a.column.en}" was not found.${o(a.label, " (looked for: ", ")")} Checks that need it are skipped.`,
  }),
  "structure.weak-header": (a) => ({
    ja: `列「${a.column.ja}」を見出し「${a.label}」に対応付けましたが、一致の度合いが低いです${o(a.confidence, "(", ")")}。正しいか確認してください。`,
    en: `Column "${a.column.en}" was matched to the header "${a.label}" only weakly${o(a.confidence, " (", ")")}; please check it.`,
  }),
  "structure.no-records": (a) => ({
    ja: `シート「${a.sheet}」に項目の行が見つかりません。`,
    en: `No item rows were found on sheet "${a.sheet}".`,
  }),
  "structure.rows-before-header": (a) => ({
    ja: `この行から見出し行までの項目は、上にある見出し「${a.label}」が読み取れないため検証していません。見出し行を直すか、「列の対応」で列を指定してください。`,
    en: `The item rows from here down to the header were not checked: the header above them ("${a.label}") could not be read. Repair that header row or set the column mapping.`,
  }),
  "structure.protected-sheet": (a) => ({
    ja: `シート「${a.sheet}」は保護されているため、ロックされたセルには記号を書き込みません (ロックを解除したセルには書き込みます)。`,
    en: `Sheet "${a.sheet}" is protected: no marks are written to its locked cells (unlocked cells are written).`,
  }),
  "vocabulary.not-a-mark": (a) => ({
    ja: `「${a.found}」は${a.field.ja}の記号ではありません(${a.expected} のいずれかを入力します)。`,
    en: `"${a.found}" is not a mark of ${a.field.en} (expected one of ${a.expected}).`,
  }),
  "vocabulary.ambiguous-withdrawal-wording": (a) => ({
    ja: `「${a.text}」の「撤退基準達成/該当」という書き方はどちらの意味にも読めます。担当者が確認してください。`,
    en: `"${a.text}": wording like 「撤退基準達成/該当」 can be read either way; a person must check it.`,
  }),
  "parse.target": (a) => ({
    ja: `目標「${a.text}」を読み取れません(${a.reason.ja})。${o(a.detail, "", "")}`,
    en: `Could not read the target "${a.text}" (${a.reason.en}).${o(a.detail, " ", "")}`,
  }),
  "parse.result": (a) => ({
    ja: `実績「${a.text}」を読み取れません(${a.reason.ja})。${o(a.detail, "", "")}`,
    en: `Could not read the result "${a.text}" (${a.reason.en}).${o(a.detail, " ", "")}`,
  }),
  "parse.criterion": (a) => ({
    ja: `撤退基準「${a.text}」を読み取れません(${a.reason.ja})。${o(a.detail, "", "")}`,
    en: `Could not read the withdrawal criterion "${a.text}" (${a.reason.en}).${o(a.detail, " ", "")}`,
  }),
  "parse.criterion-not-computable": (a) => ({
    ja: `撤退基準「${a.text}」には数値のしきい値と比較(未満・以下など)がないため、撤退基準に該当するか判定できません。`,
    en: `The withdrawal criterion "${a.text}" has no numeric threshold and comparison (未満, 以下 …), so whether it fired cannot be computed.`,
  }),
  "parse.count-mismatch": (a) => ({
    ja: `${a.leftName.ja}が${a.left}件、${a.rightName.ja}が${a.right}件で数が合わず、対応付けできません。推測せずに判定を保留します。`,
    en: `${a.leftName.en}: ${a.left}, ${a.rightName.en}: ${a.right}; the counts differ, so they cannot be paired. No guess is made.`,
  }),
  "parse.unit-mismatch": (a) => ({
    ja: `目標「${a.target}」と実績「${a.result}」の単位が違う(${a.targetUnit} と ${a.resultUnit})ため、比べられません。`,
    en: `The target "${a.target}" and the result "${a.result}" have different units (${a.targetUnit} vs ${a.resultUnit}); they cannot be compared.`,
  }),
  "parse.cell-error": (a) => ({
    ja: `${a.column.ja}のセルがエラー値「${a.error}」です。`,
    en: `The ${a.column.en} cell holds the error value ${a.error}.`,
  }),
  "consistency.mark-differs": (a) => ({
    ja: `入力されている「${a.entered}」は、算定結果「${a.derived}」と異なります。${o(a.reason.ja, "算定の根拠: ", "")}`,
    en: `The entered "${a.entered}" differs from the derived "${a.derived}".${o(a.reason.en, " Why: ", "")}`,
  }),
  "consistency.effective-but-withdrawn": (a) => ({
    ja: `撤退基準に該当する取組ですが、戦略に対する取組の有効性が「${a.found || "○"}」(有効)になっています。`,
    en: `The initiative met its withdrawal criterion, yet its effectiveness is "${a.found || "○"}" (effective).`,
  }),
  "consistency.a-with-b-no-issue": () => ({
    ja: `戦略の有効性が「ア」(有効)でアウトカムが「B」(順調でない)ですが、課題が記入されていません。`,
    en: `Strategy effectiveness is "ア" (effective) while the outcome is "B" (not on track), and no issue is written.`,
  }),
  "consistency.unlinked-initiative": (a) => ({
    ja: `取組${o(a.code, "[", "]")}に対応する戦略が見つかりません(戦略番号でも項目でも結び付けられません)。`,
    en: `No strategy was found for initiative${o(a.code, " [", "]")} (neither by code nor by item).`,
  }),
  "consistency.formula-in-mark-cell": (a) => ({
    ja: `${a.column.ja}のセルに数式があります。数式は上書きしないため、このセルには書き込みません。`,
    en: `The ${a.column.en} cell holds a formula; formulas are never overwritten, so nothing is written there.`,
  }),
  "consistency.not-evaluated": (a) => ({
    ja: `この行の${a.columns.ja}は「${a.placeholder}」(評価しない印)のため、算定結果を書き込まず、突き合わせもしません。`,
    en: `This row's ${a.columns.en} holds "${a.placeholder}" (not evaluated here): kusei writes nothing there and compares nothing.`,
  }),
  "consistency.progress-rule-differs": (a) => ({
    ja: `入力されている「${a.entered}」は、${a.rule.ja}による算定結果「${a.derived}」と異なります。算定の根拠: ${a.reason.ja}。a/b の付け方は区の規則によるため、規則が違う場合はプロファイルの strategyProgressRule を設定してください。`,
    en: `The entered "${a.entered}" differs from "${a.derived}" derived by ${a.rule.en}. Basis: ${a.reason.en}. How a/b is given is the ward's rule: if yours differs, set strategyProgressRule in the profile.`,
  }),
  "derive.not-computable": (a) => ({
    ja: `${a.field.ja}を算定できません${o(a.why.ja, ": ", "")}。`,
    en: `${a.field.en} cannot be derived${o(a.why.en, ": ", "")}.`,
  }),
  "derive.withdrawal-fired": (a) => ({
    ja: `撤退基準「${a.criterion}」に該当します${o(a.comparison.ja, "(", ")")}。${a.action.ja}必要があります。`,
    en: `The withdrawal criterion "${a.criterion}" fired${o(a.comparison.en, " (", ")")}: ${a.action.en}.`,
  }),
  "narrative.missing-issue": (a) => ({
    ja: `${a.because.ja}の行ですが、課題が空欄です。`,
    en: `The row has ${a.because.en} but its issues (課題) are empty.`,
  }),
  "narrative.missing-plan": (a) => ({
    ja: `${a.because.ja}の行ですが、今後の対応方向・改善策が空欄です。`,
    en: `The row has ${a.because.en} but its next steps / improvements are empty.`,
  }),
  "values.percent-out-of-range": (a) => ({
    ja: `割合「${a.text}」(${a.value}%)が 0〜100% の範囲外です。`,
    en: `The percentage "${a.text}" (${a.value}%) is outside 0–100%.`,
  }),
  "values.negative-count": (a) => ({
    ja: `「${a.text}」の数(${a.value})が負の値です。`,
    en: `"${a.text}" is a negative count (${a.value}).`,
  }),
  "values.bad-era-year": (a) => ({
    ja: `「${a.text}」は存在しない年号の年です${o(a.suggestion, "(", "のことですか)")}。`,
    en: `"${a.text}" is not an existing era year${o(a.suggestion, " (did you mean ", "?)")}.`,
  }),
  "duplicates.repeated-row": (a) => ({
    ja: `この行は${o(a.of, "", "と")}同じ項目・指標の繰り返し(続きのページ)です。1回だけ数えます。`,
    en: `This row repeats the same item and indicator${o(a.of, " as ", "")} (a continuation page); it is counted once.`,
  }),
  "history.not-previous-year": (a) => ({
    ja: `前年度のブックは${a.previous}年度のもので、このブック(${a.current}年度)の前年度ではありません。比較結果に注意してください。`,
    en: `The previous workbook is for FY${a.previous}, not the year before this one (FY${a.current}); read the comparison with care.`,
  }),
  "history.matched-by-label": (a) => ({
    ja: `この${a.kind.ja}は番号で対応付けられず、名称の類似度で前年度の${a.previousCell}「${a.label}」と対応付けました(確からしさ ${a.confidence})。`,
    en: `This ${a.kind.en} had no matching code; it was matched by label to last year's ${a.previousCell} "${a.label}" (confidence ${a.confidence}).`,
  }),
  "history.ambiguous-match": (a) => ({
    ja: `この${a.kind.ja}は前年度の複数の行(${a.candidates})と同じくらい似ているため、対応付けません。前年度との比較はこの行では行いません。`,
    en: `This ${a.kind.en} fits several of last year's rows equally well (${a.candidates}); it is not matched and not compared with last year.`,
  }),
  "history.item-added": (a) => ({
    ja: `この${a.kind.ja}「${a.label}」は前年度のブックにありません(今年度の新規)。`,
    en: `This ${a.kind.en} "${a.label}" is not in last year's workbook (new this year).`,
  }),
  "history.item-removed": (a) => ({
    ja: `前年度の${a.kind.ja}${a.previousCell}「${a.label}」が今年度のブックにありません(終了・統合したか確認してください)。`,
    en: `Last year's ${a.kind.en} ${a.previousCell} "${a.label}" is not in this year's workbook (check whether it ended or was merged).`,
  }),
  "history.indicator-changed": (a) => fieldChanged(a),
  "history.target-changed": (a) => fieldChanged(a),
  "history.criterion-changed": (a) => ({
    ja: `撤退基準が前年度(${a.previousCell})から変わっています: 「${a.before}」→「${a.after}」。`,
    en: `The withdrawal criterion changed from last year (${a.previousCell}): "${a.before}" → "${a.after}".`,
  }),
  "history.previous-mark-differs": (a) => ({
    ja: `前年度欄の「${a.entered}」は、前年度のブックの評価「${a.previous}」(${a.previousCell})と異なります。`,
    en: `The previous-year column says "${a.entered}", but last year's workbook says "${a.previous}" (${a.previousCell}).`,
  }),
  "history.previous-mark-unpaired": (a) => ({
    ja: `前年度欄の記号(${a.entered})と前年度のブックの評価(${a.previous}、${a.previousCell})は数が合わず、推測せずに比較を保留します。`,
    en: `The previous-year column's marks (${a.entered}) and last year's (${a.previous}, ${a.previousCell}) differ in number; no guess is made.`,
  }),
  "history.figure-differs": (a) => ({
    ja: `前年度までの実績の「${a.history}」は、前年度のブックの実績「${a.previous}」(${a.previousCell})と異なります。`,
    en: `The history says "${a.history}", but last year's workbook reports "${a.previous}" (${a.previousCell}).`,
  }),
  "history.withdrawal-continued": (a) => ({
    ja: `この取組は前年度に撤退基準「${a.criterion}」に該当しました(${a.previousCell})が、今年度も取組内容と業績目標が変わらないまま続いています。再構築・見直しの内容を確認してください。`,
    en: `Last year this initiative met its withdrawal criterion "${a.criterion}" (${a.previousCell}), yet it goes on this year with the same activity and targets; check how it was rebuilt or reviewed.`,
  }),
};

const both = (name: string): Text => ({ ja: `{${name}Ja}`, en: `{${name}En}` });
const one = (name: string): Text => ({ ja: `{${name}}`, en: `{${name}}` });

const CHANGE_PLACEHOLDERS = {
  column: both("column"),
  previousCell: "{previousCell}",
  before: "{before}",
  after: "{after}",
};
const PREVIOUS_PLACEHOLDERS = {
  entered: "{entered}",
  previous: "{previous}",
  previousCell: "{previousCell}",
};

/** A placeholder for every argument of every code: the templates shown in docs/findings.md. */
const PLACEHOLDERS: { readonly [C in FindingCode]: MessageArgs[C] } = {
  "structure.unknown-sheet": { sheet: "{sheet}" },
  "structure.missing-column": { column: both("column"), label: "{label}" },
  "structure.weak-header": { column: both("column"), label: "{label}", confidence: "{confidence}" },
  "structure.no-records": { sheet: "{sheet}" },
  "structure.rows-before-header": { label: "{label}" },
  "structure.protected-sheet": { sheet: "{sheet}" },
  "vocabulary.not-a-mark": { found: "{found}", field: both("field"), expected: "{expected}" },
  "vocabulary.ambiguous-withdrawal-wording": { text: "{text}" },
  "parse.target": { text: "{text}", reason: one("reason"), detail: "{detail}" },
  "parse.result": { text: "{text}", reason: one("reason"), detail: "{detail}" },
  "parse.criterion": { text: "{text}", reason: one("reason"), detail: "{detail}" },
  "parse.criterion-not-computable": { text: "{text}" },
  "parse.count-mismatch": {
    left: "{left}",
    right: "{right}",
    leftName: both("left"),
    rightName: both("right"),
  },
  "parse.unit-mismatch": {
    target: "{target}",
    result: "{result}",
    targetUnit: "{targetUnit}",
    resultUnit: "{resultUnit}",
  },
  "parse.cell-error": { column: both("column"), error: "{error}" },
  "consistency.mark-differs": { entered: "{entered}", derived: "{derived}", reason: both("reason") },
  "consistency.effective-but-withdrawn": { found: "{found}" },
  "consistency.a-with-b-no-issue": {},
  "consistency.unlinked-initiative": { code: "{code}" },
  "consistency.formula-in-mark-cell": { column: both("column") },
  "consistency.not-evaluated": { columns: both("columns"), placeholder: "{placeholder}" },
  "consistency.progress-rule-differs": {
    entered: "{entered}",
    derived: "{derived}",
    rule: both("rule"),
    reason: both("reason"),
  },
  "derive.not-computable": { field: both("field"), why: both("why") },
  "derive.withdrawal-fired": {
    criterion: "{criterion}",
    comparison: both("comparison"),
    action: one("actionText"),
  },
  "narrative.missing-issue": { because: both("because") },
  "narrative.missing-plan": { because: both("because") },
  "values.percent-out-of-range": { text: "{text}", value: "{value}" },
  "values.negative-count": { text: "{text}", value: "{value}" },
  "values.bad-era-year": { text: "{text}", suggestion: "{suggestion}" },
  "duplicates.repeated-row": { of: "{of}" },
  "history.not-previous-year": { previous: "{previous}", current: "{current}" },
  "history.matched-by-label": {
    kind: both("kind"),
    previousCell: "{previousCell}",
    label: "{label}",
    confidence: "{confidence}",
  },
  "history.ambiguous-match": { kind: both("kind"), candidates: "{candidates}" },
  "history.item-added": { kind: both("kind"), label: "{label}" },
  "history.item-removed": { kind: both("kind"), previousCell: "{previousCell}", label: "{label}" },
  "history.indicator-changed": CHANGE_PLACEHOLDERS,
  "history.target-changed": CHANGE_PLACEHOLDERS,
  "history.criterion-changed": { previousCell: "{previousCell}", before: "{before}", after: "{after}" },
  "history.previous-mark-differs": PREVIOUS_PLACEHOLDERS,
  "history.previous-mark-unpaired": PREVIOUS_PLACEHOLDERS,
  "history.figure-differs": { history: "{history}", previous: "{previous}", previousCell: "{previousCell}" },
  "history.withdrawal-continued": { criterion: "{criterion}", previousCell: "{previousCell}" },
};

/** The sentence of one code from its display arguments. */
export function sentence<C extends FindingCode>(code: C, args: MessageArgs[C]): Text {
  const text: (a: MessageArgs[C]) => Text = SENTENCES[code];
  return text(args);
}

/** The sentence of a code with `{param}` placeholders in place of values (for docs/findings.md). */
export function messageTemplate(code: FindingCode): Text {
  return sentence(code, PLACEHOLDERS[code]);
}
