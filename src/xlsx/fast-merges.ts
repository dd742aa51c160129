import type * as ExcelJS from "exceljs";

/** exceljs's Enums.ValueType.Merge */
const MERGE = 1;

interface RangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface WorksheetInternals {
  _merges: Record<string, RangeLike>;
  _mergeCellsInternal: (dimensions: RangeLike, ignoreStyle?: boolean) => void;
  findCell(r: number, c: number): ExcelJS.Cell | undefined;
  getCell(r: number, c: number): ExcelJS.Cell & { merge(master: ExcelJS.Cell, ignoreStyle?: boolean): void };
}

let installed = false;

/**
 * exceljs 4.4 checks every new merged area against every existing one while loading (quadratic: a
 * 20,000-row sheet with ~40,000 merges takes a minute). This replaces that check with one over the new
 * area's own cells: a cell already inside a merge, or the master of one, still throws exceljs's
 * "Cannot merge already merged cells". Same results, linear time. Installed on first read; skipped when
 * exceljs's internals do not look as expected (another version), which leaves exceljs as it is.
 */
export function installFastMerges(exceljs: typeof ExcelJS): void {
  if (installed) return;
  installed = true;
  const probe = new exceljs.Workbook().addWorksheet("probe");
  const proto = Object.getPrototypeOf(probe) as Partial<WorksheetInternals> & object;
  if (
    typeof proto._mergeCellsInternal !== "function" ||
    typeof proto.findCell !== "function" ||
    typeof proto.getCell !== "function"
  )
    return;
  if (typeof (probe as unknown as { _merges?: unknown })._merges !== "object") return;
  proto._mergeCellsInternal = function fastMergeCellsInternal(
    this: WorksheetInternals,
    d: RangeLike,
    ignoreStyle?: boolean,
  ): void {
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        const cell = this.findCell(i, j);
        if (cell && (cell.type === MERGE || this._merges[cell.address] !== undefined)) {
          throw new Error("Cannot merge already merged cells");
        }
      }
    }
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (i > d.top || j > d.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = d;
  };
}
