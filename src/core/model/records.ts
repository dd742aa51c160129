import type { CellValue, GridPos } from "./snapshot";

export type SheetKind = "strategy" | "initiative" | "other";

/** Every column the layout recogniser can map. */
export type ColumnField =
  // both kinds
  | "itemMark" // ㋐ … (first half of 項目)
  | "itemName" // item title (second half of 項目)
  | "indicator" // 成果指標 (text)
  | "indicatorTarget" // 目標値 (the second half of 成果指標と目標値)
  | "issue" // 課題
  | "plan" // 今後の対応方向 / 改善策
  | "department" // 担当課 (extra column some wards add)
  // strategy sheet
  | "state" // めざす状態
  | "outcomeIndicator" // アウトカム (indicator + target)
  | "strategy" // 戦略 (may carry the code [3])
  | "strategyEffectiveness" // 戦略のアウトカムに対する有効性 ア/イ
  | "outcomeResult" // アウトカムの達成状況 (result text)
  | "outcomePrevious" // 前年度
  | "outcome" // 個別 A/B
  | "outcomeOverall" // 全体 A/B
  | "strategyProgress" // 戦略の進捗状況 a/b
  // initiative sheet
  | "activity" // 取組内容 (carries the code [3-1])
  | "performanceTarget" // 業績目標
  | "withdrawalCriterion" // 撤退基準
  | "history" // 前年度までの実績
  | "done" // 取組実績
  | "achievementResult" // 業績目標の達成状況: the result text
  | "achievement" // 業績目標の達成状況: the mark cell (○(ⅰ), ①, …)
  | "execution" // (ⅰ)/(ⅱ) when the template gives it its own column
  | "initiativeEffectiveness"; // 戦略に対する取組の有効性 ○/×

/** How a column was recognised. confidence is 0..1; below the profile's threshold it is reported as weak. */
export interface ColumnMatch {
  readonly field: ColumnField;
  /** grid column */
  readonly col: number;
  /** the header text as found (joined over the header rows) */
  readonly label: string;
  readonly confidence: number;
  readonly how: "label" | "position" | "override";
}

/** Achievement notation: ○/× (withdrawal = × plus a flag) or ①②③. */
export type AchievementNotation = "circle" | "numbered";

export interface SheetLayout {
  readonly sheet: string;
  /**
   * the sheet position (0-based) of the grid's first cell: grid row r, column c is sheet row
   * origin.row + r + 1, column origin.col + c + 1 (1-based, as Finding, PlannedMark and CellWrite carry them)
   */
  readonly origin: GridPos;
  readonly kind: SheetKind;
  /** 0..1: how sure the kind is */
  readonly kindConfidence: number;
  /** grid rows of the (first) header block, inclusive; null when the sheet is "other" */
  readonly header: { readonly top: number; readonly bottom: number } | null;
  /** grid row of the legend inside the header, if any */
  readonly legendRow: number | null;
  /** further header blocks (continuation pages), grid rows inclusive */
  readonly repeatedHeaders: ReadonlyArray<{ readonly top: number; readonly bottom: number }>;
  readonly columns: ReadonlyArray<ColumnMatch>;
  readonly notation: AchievementNotation;
  readonly notationSource: "legend" | "profile";
  /** evaluation fiscal year from the title (平成28年度 → 2016), if found */
  readonly titleYear: number | null;
  /** ward name from the title (平野区), if found */
  readonly ward: string | null;
}

/** One cell of a record's field. */
export interface FieldCell {
  /** grid position */
  readonly row: number;
  readonly col: number;
  /** A1 address in the sheet (origin applied), e.g. "L12" */
  readonly address: string;
  readonly raw: CellValue;
  /** raw as text ("" for null; numbers as Excel would show them without format, 0.5 stays "0.5") */
  readonly text: string;
  readonly formula: boolean;
  /** error code (#N/A …) when the cell holds an error value */
  readonly error: string | null;
}

/** A heading row of the hierarchy: `1 「…」に向けて` (area) or `(1) …` (objective). */
export interface Heading {
  readonly number: string;
  readonly title: string;
  /** grid row */
  readonly row: number;
}

/**
 * One item row group. For each field: [0] is the anchor (the cell in the record's first row, or the
 * top-left of its merged area) and is present even when empty, so a mark can be written there; later
 * entries are the non-empty cells of the same column in the record's continuation rows, in row order.
 */
export type RecordFields = Partial<Record<ColumnField, ReadonlyArray<FieldCell>>>;

interface RecordBase {
  readonly sheet: string;
  /** stable id within the evaluation, e.g. "戦略!5" (sheet + first sheet row, 1-based) */
  readonly id: string;
  /** grid rows, inclusive */
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly area: Heading | null;
  readonly objective: Heading | null;
  /** ㋐ ㋑ … normalised to ア イ …; null when the row carries none (continuation) */
  readonly itemMark: string | null;
  readonly itemName: string;
  readonly fields: RecordFields;
  /** the same item and indicator already seen (continuation page): not counted, reported once */
  readonly duplicateOf: string | null;
}

export interface StrategyRecord extends RecordBase {
  readonly kind: "strategy";
  /** "3" from "[3]" anywhere in state/strategy/outcomeIndicator; null when none */
  readonly strategyCode: string | null;
}

export interface InitiativeRecord extends RecordBase {
  readonly kind: "initiative";
  /** "3-1" from "[3-1]" in the activity cell; null when none */
  readonly initiativeCode: string | null;
  /** "3" (the strategy part of the code); null when none */
  readonly strategyCode: string | null;
}

export type SheetRecord = StrategyRecord | InitiativeRecord;
