/**
 * Regressions for the layout recogniser bugs the hardening run found (docs/hostile.md, bugs 1–3), plus
 * structure.no-records. Each case failed before the fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateWorkbook, severityOf } from "../../src/core";
import { recognizeSheet, recognizeWorkbook } from "../../src/core/layout";
import type { Evaluation } from "../../src/core/model/evaluation";
import type { Issue } from "../../src/core/model/findings";
import type { CellErrorAt, CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { DEFAULT_PROFILE } from "../../src/core/profile/profile";
import { readWorkbook } from "../../src/xlsx";
import { fixturePath, fixtureSnapshots } from "../helpers/fixtures";

const HOSTILE_DIR = join(__dirname, "../fixtures/hostile");
const SHEET = "取組(1)";

async function read(path: string): Promise<SheetSnapshot[]> {
  const { snapshots } = await readWorkbook(readFileSync(path));
  return snapshots;
}

/** The fixture's snapshots with some cells of one sheet replaced (and error values added). */
function patched(
  sheet: string,
  cells: ReadonlyArray<readonly [number, number, CellValue]>,
  errors: readonly CellErrorAt[] = [],
): SheetSnapshot[] {
  return fixtureSnapshots("hirano-fy2016").map((s) => {
    if (s.name !== sheet) return s;
    const values = s.values.map((row) => [...row]);
    for (const [r, c, v] of cells) {
      const row = values[r];
      if (row !== undefined) row[c] = v;
    }
    for (const e of errors) {
      const row = values[e.row];
      if (row !== undefined) row[e.col] = null;
    }
    return { ...s, values, errors: [...(s.errors ?? []), ...errors] };
  });
}

function idsOf(records: Evaluation["records"], sheet: string): string[] {
  return records.filter((r) => r.sheet === sheet).map((r) => r.id);
}

/** The planned writes and conflicts: sheet!cell:action:value. */
function writesOf(e: Evaluation): string[] {
  return e.plan
    .filter((m) => m.action === "write" || m.action === "conflict")
    .map((m) => `${m.sheet}!${m.cell}:${m.action}:${m.value ?? ""}`);
}

function issuesOn(issues: readonly Issue[], sheet: string): Issue[] {
  return issues.filter((i) => i.sheet === sheet);
}

const base = recognizeWorkbook(fixtureSnapshots("hirano-fy2016"), DEFAULT_PROFILE);
const baseLayout = base.layouts.find((l) => l.sheet === SHEET);

describe("bug 1: the first header block that is good enough is the header", () => {
  test("取組(1)!N4 emptied: header rows 3–5 kept, the page-2 header is a repeat, every record, 改善策 from the repeat (weak-header)", () => {
    const got = recognizeWorkbook(patched(SHEET, [[3, 13, null]]), DEFAULT_PROFILE);
    const layout = got.layouts.find((l) => l.sheet === SHEET);
    expect(layout?.header).toEqual({ top: 2, bottom: 4 });
    expect(layout?.repeatedHeaders).toEqual(baseLayout?.repeatedHeaders);
    expect(layout?.repeatedHeaders).toContainEqual({ top: 12, bottom: 16 });
    expect(idsOf(got.records, SHEET)).toEqual(idsOf(base.records, SHEET));
    // the column is taken from the page-2 copy of the header, and said to be uncertain at N4
    expect(layout?.columns.find((c) => c.field === "plan")).toMatchObject({ col: 13, how: "position" });
    expect(issuesOn(got.issues, SHEET).filter((i) => i.code.startsWith("structure."))).toEqual([
      expect.objectContaining({ code: "structure.weak-header", column: "plan", gridRow: 3, gridCol: 13 }),
    ]);
    const before = evaluateWorkbook(fixtureSnapshots("hirano-fy2016"));
    const after = evaluateWorkbook(patched(SHEET, [[3, 13, null]]));
    expect(writesOf(after)).toEqual(writesOf(before));
  });

  test("取組(1)!N4 = #N/A (error-values.xlsx): the first page's records are read", async () => {
    const main = recognizeWorkbook(await read(fixturePath("hirano-fy2016")), DEFAULT_PROFILE);
    const got = recognizeWorkbook(await read(join(HOSTILE_DIR, "error-values.xlsx")), DEFAULT_PROFILE);
    expect(got.layouts.find((l) => l.sheet === SHEET)?.header).toEqual({ top: 2, bottom: 4 });
    expect(idsOf(got.records, SHEET)).toEqual(idsOf(main.records, SHEET));
  });

  test("header-merges.xlsx: 戦略(1) and 取組(1) keep their first-page records; the lost labels are reported", async () => {
    const main = evaluateWorkbook(await read(fixturePath("hirano-fy2016")));
    const got = evaluateWorkbook(await read(join(HOSTILE_DIR, "header-merges.xlsx")));
    for (const sheet of ["戦略(1)", "取組(1)"]) {
      expect(got.layouts.find((l) => l.sheet === sheet)?.header?.top).toBe(2);
      expect(idsOf(got.records, sheet)).toEqual(idsOf(main.records, sheet));
    }
    expect(got.records.length).toBe(main.records.length);
    // the merged-away labels (アウトカム, 戦略 / 業績目標, 撤退基準) are found in page 2's header, said at row 4
    expect(
      got.findings.filter((f) => f.code.startsWith("structure.")).map((f) => [f.code, f.sheet, f.cell]),
    ).toEqual([
      ["structure.weak-header", "戦略(1)", "F4"],
      ["structure.weak-header", "戦略(1)", "G4"],
      ["structure.weak-header", "取組(1)", "F4"],
      ["structure.weak-header", "取組(1)", "G4"],
    ]);
    expect(writesOf(got)).toEqual(writesOf(main));
  });

  test("a first header too damaged to be chosen: the item rows above the chosen header are reported, not dropped silently", () => {
    // page 1's label row keeps 2 of its 11 labels: the page-2 header is taken, rows 8–11 lie above it
    const blanked = [2, 4, 5, 6, 7, 8, 9, 11, 12].map((c): [number, number, CellValue] => [3, c, null]);
    const got = recognizeWorkbook(patched(SHEET, blanked), DEFAULT_PROFILE);
    const layout = got.layouts.find((l) => l.sheet === SHEET);
    expect(layout?.header?.top).toBeGreaterThan(10);
    const above = issuesOn(got.issues, SHEET).filter((i) => i.gridRow !== null && i.gridRow < 11);
    expect(above).toEqual([
      expect.objectContaining({
        code: "structure.rows-before-header",
        gridRow: 7,
        gridCol: 0,
        column: "itemMark",
      }),
    ]);
    expect(severityOf("structure.rows-before-header")).toBe("error");
  });
});

describe("bug 2: a row of bare numbers outside the form is not a record", () => {
  test("wide-300-columns.xlsx: row 28 of 取組(1) is no record, gets no finding and no planned write", async () => {
    const evaluation = evaluateWorkbook(await read(join(HOSTILE_DIR, "wide-300-columns.xlsx")));
    const main = evaluateWorkbook(await read(fixturePath("hirano-fy2016")));
    expect(idsOf(evaluation.records, SHEET)).toEqual(idsOf(main.records, SHEET));
    expect(evaluation.findings.filter((f) => f.sheet === SHEET && f.row === 28)).toEqual([]);
    expect(evaluation.plan.filter((m) => m.sheet === SHEET && /^[A-Z]+28$/.test(m.cell))).toEqual([]);
    expect(evaluation.findings.length).toBe(main.findings.length);
  });

  test.each([
    ["after a blank row", 25],
    ["right under the last record, reaching past the table", 24],
  ])("numbers %s are not read into any record", (_what, row) => {
    const numbers = Array.from({ length: 20 }, (_, c): [number, number, CellValue] => [row, c, c + 1]);
    const snapshots = fixtureSnapshots("hirano-fy2016").map((s) => {
      if (s.name !== SHEET) return s;
      const values = s.values.map((r) => [...r, ...Array<CellValue>(6).fill(null)]);
      while (values.length <= row) values.push(Array<CellValue>(20).fill(null));
      for (const [r, c, v] of numbers) {
        const target = values[r];
        if (target !== undefined) target[c] = v;
      }
      return { ...s, values };
    });
    const got = recognizeWorkbook(snapshots, DEFAULT_PROFILE);
    const records = got.records.filter((r) => r.sheet === SHEET);
    expect(records.map((r) => r.id)).toEqual(idsOf(base.records, SHEET));
    const cells = records.flatMap((r) => Object.values(r.fields).flatMap((cs) => cs ?? []));
    expect(cells.filter((c) => c.row === row)).toEqual([]);
  });

  test("a bare number in the item-name column starts no record", () => {
    const got = recognizeWorkbook(
      patched(SHEET, [
        [9, 0, null],
        [9, 1, 2],
      ]),
      DEFAULT_PROFILE,
    );
    // row 10 (㋐ replaced by nothing, name by 2): its 取組内容 still starts an initiative of the open item
    const row10 = got.records.find((r) => r.id === `${SHEET}!10`);
    expect(row10?.itemName).not.toBe("2");
  });
});

describe("bug 3: an error value where a heading number sits keeps the row a heading", () => {
  const errorAtA7 = (): SheetSnapshot[] => patched(SHEET, [], [{ row: 6, col: 0, code: "#N/A" }]);

  test("取組(1)!A7 = #N/A: no record on row 7, the item below keeps the objective's title", () => {
    const got = recognizeWorkbook(errorAtA7(), DEFAULT_PROFILE);
    expect(idsOf(got.records, SHEET)).toEqual(idsOf(base.records, SHEET));
    const first = got.records.find((r) => r.id === `${SHEET}!8`);
    expect(first?.objective).toEqual({ number: "", title: "豊かなコミュニティの実現", row: 6 });
  });

  test("取組(1)!A7 = #N/A: exactly one finding on row 7, parse.cell-error at A7", () => {
    const evaluation = evaluateWorkbook(errorAtA7());
    expect(evaluation.findings.filter((f) => f.sheet === SHEET && f.row === 7)).toEqual([
      expect.objectContaining({ code: "parse.cell-error", cell: "A7", input: "#N/A" }),
    ]);
  });

  test("error-values.xlsx: at most one finding on 取組(1) row 7", async () => {
    const evaluation = evaluateWorkbook(await read(join(HOSTILE_DIR, "error-values.xlsx")));
    const row7 = evaluation.findings.filter((f) => f.sheet === SHEET && f.row === 7);
    expect(row7.map((f) => [f.code, f.cell])).toEqual([["parse.cell-error", "A7"]]);
  });

  test("a heading title merged across the table with its number cell emptied stays a heading", () => {
    const got = recognizeWorkbook(patched(SHEET, [[6, 0, null]]), DEFAULT_PROFILE);
    expect(idsOf(got.records, SHEET)).toEqual(idsOf(base.records, SHEET));
    expect(got.records.find((r) => r.id === `${SHEET}!8`)?.objective?.title).toBe("豊かなコミュニティの実現");
  });
});

describe("structure.no-records", () => {
  test("a form sheet whose table has no item rows → structure.no-records (warning), once", () => {
    const page = fixtureSnapshots("hirano-fy2016").find((s) => s.name === SHEET);
    if (page === undefined) throw new Error(`no ${SHEET}`);
    const headerOnly: SheetSnapshot = {
      ...page,
      values: page.values.slice(0, 5),
      merges: page.merges.filter((m) => m.bottom < 5),
    };
    const { layout, records, issues } = recognizeSheet(headerOnly, DEFAULT_PROFILE);
    expect(layout.kind).toBe("initiative");
    expect(records).toEqual([]);
    expect(issues.filter((i) => i.code === "structure.no-records")).toEqual([
      expect.objectContaining({ sheet: SHEET, gridRow: null, params: { sheet: SHEET } }),
    ]);
    const evaluation = evaluateWorkbook([headerOnly]);
    expect(evaluation.findings.filter((f) => f.code === "structure.no-records")).toEqual([
      expect.objectContaining({ severity: "warning", sheet: SHEET }),
    ]);
  });

  test("a sheet with records, and an 'other' sheet, get none", () => {
    const got = recognizeWorkbook(fixtureSnapshots("hirano-fy2016"), DEFAULT_PROFILE);
    expect(got.issues.filter((i) => i.code === "structure.no-records")).toEqual([]);
    const other = recognizeSheet(
      {
        name: "メモ",
        origin: { row: 0, col: 0 },
        values: [["メモ"]],
        formulas: [],
        errors: [],
        merges: [],
        visibility: "visible",
        protected: false,
      },
      DEFAULT_PROFILE,
    );
    expect(other.issues).toEqual([]);
  });
});
