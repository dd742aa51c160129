import type {
  CellErrorAt,
  CellValue,
  GridPos,
  MergeArea,
  SheetSnapshot,
} from "../../../src/core/model/snapshot";

/** A tiny mutable grid for layout tests: set cells, merge areas, then freeze into a SheetSnapshot. */
export class GridBuilder {
  private readonly cells = new Map<string, CellValue>();
  private readonly mergeList: MergeArea[] = [];
  private readonly formulaList: GridPos[] = [];
  private readonly errorList: CellErrorAt[] = [];
  private rows = 0;
  private cols = 0;

  constructor(readonly name: string) {}

  /** Sets one cell. */
  set(row: number, col: number, value: CellValue): this {
    this.cells.set(`${row},${col}`, value);
    this.rows = Math.max(this.rows, row + 1);
    this.cols = Math.max(this.cols, col + 1);
    return this;
  }

  /** Sets a row of values from `col` on (undefined skips a cell). */
  row(row: number, values: ReadonlyArray<CellValue | undefined>, col = 0): this {
    values.forEach((v, i) => {
      if (v !== undefined) this.set(row, col + i, v);
    });
    return this;
  }

  /** Merges an area and puts the value at its top-left. */
  merge(top: number, left: number, bottom: number, right: number, value?: CellValue): this {
    if (value !== undefined) this.set(top, left, value);
    this.mergeList.push({ top, left, bottom, right });
    this.rows = Math.max(this.rows, bottom + 1);
    this.cols = Math.max(this.cols, right + 1);
    return this;
  }

  formula(row: number, col: number, cached: CellValue): this {
    this.formulaList.push({ row, col });
    return this.set(row, col, cached);
  }

  error(row: number, col: number, code: string): this {
    this.errorList.push({ row, col, code });
    return this.set(row, col, null);
  }

  /** The number of rows used so far. */
  get height(): number {
    return this.rows;
  }

  build(origin: GridPos = { row: 0, col: 0 }): SheetSnapshot {
    const values: CellValue[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < this.cols; c++) row.push(this.cells.get(`${r},${c}`) ?? null);
      values.push(row);
    }
    return {
      name: this.name,
      origin,
      values,
      formulas: [...this.formulaList],
      errors: [...this.errorList],
      merges: [...this.mergeList],
      visibility: "visible",
      protected: false,
    };
  }
}
