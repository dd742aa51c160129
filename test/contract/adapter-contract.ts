/**
 * The adapter contract, one suite for every host adapter (xlsx via exceljs here; the Excel adapter under
 * office-addin-mock runs it too). Architecture: one rule for merged cells, one guard for writes.
 *
 * An adapter under test implements ContractAdapter:
 * - open(fixture): load the fixture workbook `test/fixtures/<fixture>.xlsx` (fixturePath) into a fresh workbook;
 * - read(): one batched read of every worksheet into SheetSnapshots (workbook order);
 * - apply(writes): perform the writes with the adapter's own guard (only where the cell still holds
 *   `expected`, never over a formula, merged cells at their top-left) and say which were applied;
 * - reread(): read every worksheet again as persisted (xlsx: written to bytes and read back; Excel: after sync).
 *
 * Cells are compared by sheet address, not grid position, so adapters may differ in the origin of the
 * used range (Excel counts formatted empty cells, exceljs does not) without failing the contract.
 */
import { toA1 } from "../../src/core/address/a1";
import type { CellWrite } from "../../src/core/model/plan";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { at } from "../helpers/cell-write";

export interface ContractApplyResult {
  readonly applied: ReadonlyArray<{ readonly sheet: string; readonly cell: string }>;
  readonly conflicts: ReadonlyArray<{ readonly write: CellWrite }>;
}

export interface ContractAdapter {
  open(fixture: string): Promise<void>;
  read(): Promise<SheetSnapshot[]>;
  apply(writes: ReadonlyArray<CellWrite>): Promise<ContractApplyResult>;
  reread(): Promise<SheetSnapshot[]>;
}

export interface ContractOptions {
  /** fixture names (without .xlsx) to read */
  readonly fixtures: ReadonlyArray<string>;
  /** the expected snapshots of a fixture (test/helpers/fixtures.ts fixtureSnapshots) */
  readonly expected: (fixture: string) => SheetSnapshot[] | Promise<SheetSnapshot[]>;
  /** sheets a host adds itself and the expected model does not know (e.g. none) */
  readonly ignoreSheets?: ReadonlyArray<string>;
}

/** Every non-empty cell of a snapshot by sheet address ("B3" → value); empty strings count as empty. */
export function cellsByAddress(s: SheetSnapshot): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") out.set(toA1(s.origin.row + r, s.origin.col + c), v);
    }),
  );
  return out;
}

/** Formula cells by sheet address. */
export function formulaAddresses(s: SheetSnapshot): string[] {
  return s.formulas.map((f) => toA1(s.origin.row + f.row, s.origin.col + f.col)).sort();
}

/** Error cells by sheet address with their codes. */
export function errorAddresses(s: SheetSnapshot): string[] {
  return s.errors.map((e) => `${toA1(s.origin.row + e.row, s.origin.col + e.col)}=${e.code}`).sort();
}

/** Merged areas as sheet ranges ("A1:C2"). */
export function mergeRanges(s: SheetSnapshot): string[] {
  return s.merges
    .map(
      (m) =>
        `${toA1(s.origin.row + m.top, s.origin.col + m.left)}:${toA1(s.origin.row + m.bottom, s.origin.col + m.right)}`,
    )
    .sort();
}

/** The value at a sheet address (null outside the grid). */
export function valueAt(s: SheetSnapshot, row: number, col: number): CellValue {
  return s.values[row - s.origin.row]?.[col - s.origin.col] ?? null;
}

function bySheet(
  snaps: ReadonlyArray<SheetSnapshot>,
  ignore: ReadonlyArray<string>,
): Map<string, SheetSnapshot> {
  return new Map(snaps.filter((s) => !ignore.includes(s.name)).map((s) => [s.name, s]));
}

/** A small write plan over a snapshot: an empty cell, a text cell, a formula cell, and one with a stale expected. */
function chooseWrites(snaps: ReadonlyArray<SheetSnapshot>): {
  good: CellWrite[];
  formula: CellWrite | null;
  stale: CellWrite | null;
} {
  const good: CellWrite[] = [];
  let formula: CellWrite | null = null;
  let stale: CellWrite | null = null;
  for (const s of snaps) {
    const isFormula = new Set(s.formulas.map((f) => `${f.row},${f.col}`));
    const isError = new Set(s.errors.map((f) => `${f.row},${f.col}`));
    const inMerge = (r: number, c: number): boolean =>
      s.merges.some(
        (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
      );
    let emptyDone = false;
    let textDone = false;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = toA1(s.origin.row + r, s.origin.col + c);
        const key = `${r},${c}`;
        if (s.protected || inMerge(r, c) || isError.has(key)) return;
        if (isFormula.has(key)) {
          formula ??= { sheet: s.name, ...at(cell), expected: v, value: "○", reason: "contract: formula" };
          return;
        }
        if (v === null && !emptyDone) {
          good.push({ sheet: s.name, ...at(cell), expected: null, value: "○", reason: "contract: empty" });
          emptyDone = true;
        } else if (typeof v === "string" && !textDone) {
          good.push({ sheet: s.name, ...at(cell), expected: v, value: `${v}★`, reason: "contract: text" });
          textDone = true;
        } else if (typeof v === "string" && stale === null) {
          stale = {
            sheet: s.name,
            ...at(cell),
            expected: `${v}(古い)`,
            value: "×",
            reason: "contract: stale",
          };
        }
      }),
    );
  }
  return { good, formula, stale };
}

/** Registers the shared adapter contract for one adapter. */
export function describeAdapterContract(
  name: string,
  adapterFactory: () => ContractAdapter | Promise<ContractAdapter>,
  options: ContractOptions,
): void {
  const ignore = options.ignoreSheets ?? [];
  describe(`adapter contract: ${name}`, () => {
    describe.each(options.fixtures.map((f) => [f]))("%s", (fixture) => {
      test("読み取り結果はモデルとセルごとに一致する (snapshots equal the model cell by cell)", async () => {
        const adapter = await adapterFactory();
        await adapter.open(fixture);
        const got = bySheet(await adapter.read(), ignore);
        const want = bySheet(await options.expected(fixture), ignore);
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [sheet, w] of want) {
          const g = got.get(sheet);
          expect(g).toBeDefined();
          if (!g) continue;
          expect({ sheet, cells: Object.fromEntries(cellsByAddress(g)) }).toEqual({
            sheet,
            cells: Object.fromEntries(cellsByAddress(w)),
          });
          expect({ sheet, formulas: formulaAddresses(g) }).toEqual({ sheet, formulas: formulaAddresses(w) });
          expect({ sheet, errors: errorAddresses(g) }).toEqual({ sheet, errors: errorAddresses(w) });
          expect({ sheet, merges: mergeRanges(g) }).toEqual({ sheet, merges: mergeRanges(w) });
          expect({ sheet, visibility: g.visibility, protected: g.protected }).toEqual({
            sheet,
            visibility: w.visibility,
            protected: w.protected,
          });
          // Every row of the grid has the same length (dense).
          const widths = new Set(g.values.map((r) => r.length));
          expect(widths.size).toBeLessThanOrEqual(1);
          // Inside a merged area only the top-left holds a value.
          for (const m of g.merges) {
            for (let r = m.top; r <= m.bottom; r++)
              for (let c = m.left; c <= m.right; c++)
                if (r !== m.top || c !== m.left)
                  expect({ sheet, r, c, v: g.values[r]?.[c] ?? null }).toEqual({ sheet, r, c, v: null });
          }
        }
      });

      test("書き込みは計画したセルだけを変え、数式と変更済みのセルには書かない (only planned cells change)", async () => {
        const adapter = await adapterFactory();
        await adapter.open(fixture);
        const before = await adapter.read();
        const { good, formula, stale } = chooseWrites(before);
        expect(good.length).toBeGreaterThan(0);
        const writes = [...good, ...(formula ? [formula] : []), ...(stale ? [stale] : [])];
        const result = await adapter.apply(writes);
        const key = (w: { sheet: string; cell: string }): string => `${w.sheet}!${w.cell}`;
        expect(result.applied.map(key).sort()).toEqual(good.map(key).sort());
        expect(result.conflicts.map((c) => key(c.write)).sort()).toEqual(
          [...(formula ? [formula] : []), ...(stale ? [stale] : [])].map(key).sort(),
        );
        const after = bySheet(await adapter.reread(), ignore);
        for (const s of before) {
          if (ignore.includes(s.name)) continue;
          const a = after.get(s.name);
          expect(a).toBeDefined();
          if (!a) continue;
          const expected = cellsByAddress(s);
          for (const w of good.filter((g) => g.sheet === s.name)) expected.set(w.cell, w.value);
          expect({ sheet: s.name, cells: Object.fromEntries(cellsByAddress(a)) }).toEqual({
            sheet: s.name,
            cells: Object.fromEntries(expected),
          });
          expect({ sheet: s.name, formulas: formulaAddresses(a) }).toEqual({
            sheet: s.name,
            formulas: formulaAddresses(s),
          });
          expect({ sheet: s.name, merges: mergeRanges(a) }).toEqual({
            sheet: s.name,
            merges: mergeRanges(s),
          });
        }
      });
    });
  });
}
