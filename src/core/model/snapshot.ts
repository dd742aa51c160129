/**
 * The contract between hosts (Excel, xlsx files, browser) and the pure core.
 * A host reads a worksheet into a SheetSnapshot; the core never learns where it came from.
 */

/** A plain cell value. Dates arrive as ISO strings (yyyy-mm-dd) or Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** A 0-based position inside a snapshot's grid (not the sheet). */
export interface GridPos {
  readonly row: number;
  readonly col: number;
}

/** A merged area, grid-relative and inclusive. Only its top-left cell carries the value. */
export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell whose value is an Excel error (#N/A, #DIV/0!, #REF! …). Its grid value is null. */
export interface CellErrorAt extends GridPos {
  readonly code: string;
}

/**
 * A number cell as a person reads it: the adapter's rendering of the stored number with the cell's number
 * format (Excel stores 「87.3%」 as 0.873 with a percent format, a date as a serial). Listed only for number
 * cells whose format is not General; the grid keeps the bare number. Both adapters must render the same text
 * for the same cell (the Excel adapter loads Range.text / numberFormat; the xlsx adapter formats with numfmt).
 */
export interface CellDisplay extends GridPos {
  /** the text Excel shows, e.g. "87.3%", "12,400", "平成28年4月1日" */
  readonly text: string;
  /** the cell's number format code, e.g. "0.0%", "#,##0", "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"" */
  readonly format: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** One worksheet as plain data. */
export interface SheetSnapshot {
  readonly name: string;
  /** 0-based sheet row/column of values[0][0]; A1 is {row: 0, col: 0}. */
  readonly origin: GridPos;
  /**
   * Dense grid: every row has the same length. Rich text is flattened to a string; a formula cell
   * holds its cached result; an error cell holds null (see `errors`).
   */
  readonly values: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Cells that hold a formula (grid positions). */
  readonly formulas: ReadonlyArray<GridPos>;
  /** Cells that hold an error value. */
  readonly errors: ReadonlyArray<CellErrorAt>;
  /** Merged areas that intersect the grid; the value sits only at the top-left cell in both adapters. */
  readonly merges: ReadonlyArray<MergeArea>;
  /** Number cells whose number format changes how they read (sparse; absent = every number reads as itself). */
  readonly displays?: ReadonlyArray<CellDisplay>;
  readonly visibility: SheetVisibility;
  /**
   * The sheet is protected: the core plans no writes into it (it reports them as skip), except into the
   * cells listed in `unlocked`.
   */
  readonly protected: boolean;
  /**
   * Cells of a protected sheet that stay writable (Excel protects locked cells only), as areas in grid
   * positions; absent where the adapter does not know (every cell then counts as locked).
   */
  readonly unlocked?: ReadonlyArray<MergeArea>;
}
