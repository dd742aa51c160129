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
  readonly visibility: SheetVisibility;
  /** The sheet is protected: the core plans no writes into it (it reports them as skip). */
  readonly protected: boolean;
}
