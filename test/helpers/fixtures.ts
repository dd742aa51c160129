/**
 * Test access to the fixture workbooks: their files, and their SheetSnapshots built straight from the
 * generator's in-memory model (no .xlsx is read), so core tests run without an adapter and adapter tests
 * can compare their reading of the file with the model.
 */
import { join, resolve } from "node:path";
import type {
  CellErrorAt,
  CellValue,
  GridPos,
  MergeArea,
  SheetSnapshot,
} from "../../src/core/model/snapshot";
import type { BuiltFixture } from "../fixtures/assemble";
import type { Rendered } from "../fixtures/layout";
import { cellKey, errorCode, isFormula, plainValue, usedExtent, type SheetModel } from "../fixtures/model";
import type { Field } from "../fixtures/spec";
import { DEFINITIONS } from "../fixtures/workbooks";

export interface FixtureInfo {
  /** file name under test/fixtures/ */
  readonly file: string;
  readonly description: string;
  /** sheet names in workbook order */
  readonly sheets: ReadonlyArray<string>;
}

/** The folder holding the generated .xlsx files. */
export const FIXTURES_DIR = resolve(__dirname, "../fixtures");

const built = new Map<string, BuiltFixture>();

/** The in-memory model of a fixture (built once per test file, then cached). */
export function fixtureModel(name: string): BuiltFixture {
  const cached = built.get(name);
  if (cached !== undefined) return cached;
  const def = DEFINITIONS.find((d) => d.name === name);
  if (def === undefined)
    throw new Error(`unknown fixture: ${name} (known: ${DEFINITIONS.map((d) => d.name).join(", ")})`);
  const model = def.build();
  built.set(name, model);
  return model;
}

/** Every fixture by name: file, description and sheet names. */
export const FIXTURES: Readonly<Record<string, FixtureInfo>> = Object.fromEntries(
  DEFINITIONS.map((d) => [
    d.name,
    {
      file: d.file,
      description: d.description,
      get sheets(): ReadonlyArray<string> {
        return fixtureModel(d.name).workbook.sheets.map((s) => s.name);
      },
    },
  ]),
);

/** The absolute path of a fixture's .xlsx file. */
export function fixturePath(name: string): string {
  const info = FIXTURES[name];
  if (info === undefined) throw new Error(`unknown fixture: ${name}`);
  return join(FIXTURES_DIR, info.file);
}

/**
 * A model sheet as the contract's SheetSnapshot: origin A1, a dense grid up to the last cell holding a
 * value or covered by a merge (empty styled cells do not extend it), values only at merge top-lefts,
 * formulas as their cached results, error results as null plus an `errors` entry.
 */
export function sheetSnapshot(sheet: SheetModel): SheetSnapshot {
  const { rows, cols } = usedExtent(sheet);
  const values: CellValue[][] = [];
  const formulas: GridPos[] = [];
  const errors: CellErrorAt[] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      if (cell === undefined) {
        row.push(null);
        continue;
      }
      row.push(plainValue(cell.value));
      if (isFormula(cell.value)) formulas.push({ row: r, col: c });
      const code = errorCode(cell.value);
      if (code !== null) errors.push({ row: r, col: c, code });
    }
    values.push(row);
  }
  const merges: MergeArea[] = sheet.merges.map((m) => ({
    top: m.top,
    left: m.left,
    bottom: m.bottom,
    right: m.right,
  }));
  return {
    name: sheet.name,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    errors,
    merges,
    visibility: sheet.visibility,
    protected: sheet.protected,
  };
}

/** The SheetSnapshots of a fixture, in workbook order, built from the model without reading the .xlsx. */
export function fixtureSnapshots(name: string): SheetSnapshot[] {
  return fixtureModel(name).workbook.sheets.map(sheetSnapshot);
}

/** Where a form sheet's fields and rows sit (0-based), for assertions on cells. */
export function fixtureLayout(name: string, sheet: string): Rendered {
  const form = fixtureModel(name).forms.get(sheet);
  if (form === undefined) throw new Error(`fixture ${name} has no form sheet ${sheet}`);
  return form;
}

/** The 0-based column of a field in a form sheet of a fixture. */
export function fieldColumn(name: string, sheet: string, field: Field): number {
  const col = fixtureLayout(name, sheet).columns.get(field);
  if (col === undefined) throw new Error(`fixture ${name} sheet ${sheet} has no column for ${field}`);
  return col;
}

/**
 * The 0-based first rows of the item rows whose item name is `itemName` in a form sheet (several when a
 * continuation page repeats the item), in sheet order.
 */
export function itemRows(name: string, sheet: string, itemName: string): number[] {
  return fixtureLayout(name, sheet)
    .rows.filter((r) => r.spec.kind === "item" && r.spec.name === itemName)
    .map((r) => r.row);
}
