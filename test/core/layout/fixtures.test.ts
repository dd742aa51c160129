import { recognizeWorkbook } from "../../../src/core/layout";
import type { ColumnField, SheetLayout } from "../../../src/core/model/records";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { FIXTURES, fixtureLayout, fixtureModel, fixtureSnapshots } from "../../helpers/fixtures";
import { columnMap } from "./helpers";

const FORM_FIXTURES = Object.keys(FIXTURES);

function recognized(name: string): ReturnType<typeof recognizeWorkbook> {
  return recognizeWorkbook(fixtureSnapshots(name), DEFAULT_PROFILE);
}

function layoutOf(r: ReturnType<typeof recognizeWorkbook>, sheet: string): SheetLayout {
  const l = r.layouts.find((x) => x.sheet === sheet);
  if (l === undefined) throw new Error(`no layout for ${sheet}`);
  return l;
}

/** The main fixture's field set per kind: every variant must map the same fields (plus 担当課 where added). */
function mainFields(kind: "strategy" | "initiative"): ColumnField[] {
  const r = recognized("hirano-fy2016");
  const l = r.layouts.find((x) => x.kind === kind);
  return (l?.columns ?? []).map((c) => c.field).sort();
}

describe("フィクスチャ (fixture workbooks built from the seed)", () => {
  const cases = FORM_FIXTURES.flatMap((name) =>
    [...fixtureModel(name).forms.keys()].map((sheet) => [name, sheet] as const),
  );

  test.each(cases)(
    "%s / %s: the column map is the generator's, the same fields as the main fixture",
    (name, sheet) => {
      const r = recognized(name);
      const layout = layoutOf(r, sheet);
      const expected = Object.fromEntries(fixtureLayout(name, sheet).columns);
      expect(columnMap(layout)).toEqual(expected);
      const fields = Object.keys(expected)
        .filter((f) => f !== "department")
        .sort();
      expect(fields).toEqual(mainFields(layout.kind === "strategy" ? "strategy" : "initiative"));
      expect(layout.columns.every((c) => c.confidence >= DEFAULT_PROFILE.header.weakConfidence)).toBe(true);
    },
  );

  test.each(cases)(
    "%s / %s: one record per item row, at the item's rows; repeated page rows are duplicates",
    (name, sheet) => {
      const r = recognized(name);
      const rendered = fixtureLayout(name, sheet);
      const items = rendered.rows.filter((x) => x.spec.kind === "item");
      const records = r.records.filter((x) => x.sheet === sheet);
      expect(records.map((x) => [x.rowStart, x.rowEnd])).toEqual(
        items.map((x) => [x.row, x.row + x.height - 1]),
      );
      expect(records.map((x) => x.itemName)).toEqual(
        items.map((x) => (x.spec.kind === "item" ? x.spec.name : "")),
      );
      // the generator repeats an item after a page break when the same item appeared before the page
      const seen = new Set<string>();
      const expectedDuplicates = items.filter((x) => {
        if (x.spec.kind !== "item") return false;
        const key = `${x.spec.name}|${JSON.stringify(x.spec.lines[0]?.indicator ?? null)}`;
        if (seen.has(key)) return true;
        seen.add(key);
        return false;
      }).length;
      expect(records.filter((x) => x.duplicateOf !== null)).toHaveLength(expectedDuplicates);
      const dupIssues = r.issues.filter((i) => i.code === "duplicates.repeated-row" && i.sheet === sheet);
      expect(dupIssues).toHaveLength(expectedDuplicates);
    },
  );

  test.each(cases)("%s / %s: header block, repeated headers, title year and ward", (name, sheet) => {
    const layout = layoutOf(recognized(name), sheet);
    const blocks = fixtureLayout(name, sheet).headerBlocks;
    const first = blocks[0];
    expect(layout.header).toEqual({ top: first?.headerTop, bottom: first?.headerBottom });
    expect(layout.repeatedHeaders).toEqual(
      blocks.slice(1).map((b) => ({ top: b.titleRow, bottom: b.headerBottom })),
    );
    expect(layout.titleYear).toBe(2016);
    expect(layout.ward).toBe("平野区");
  });

  test("the main fixture: 4 form sheets, 28 records, 2 of them duplicates of a continuation page", () => {
    const r = recognized("hirano-fy2016");
    expect(r.layouts.map((l) => [l.sheet, l.kind])).toEqual([
      ["戦略(1)", "strategy"],
      ["取組(1)", "initiative"],
      ["戦略(2)", "strategy"],
      ["取組(2)", "initiative"],
    ]);
    expect(r.records).toHaveLength(28);
    expect(r.records.filter((x) => x.duplicateOf !== null).map((x) => [x.id, x.duplicateOf])).toEqual([
      ["戦略(2)!24", "戦略(2)!15"],
      ["取組(2)!22", "取組(2)!14"],
    ]);
    expect(r.issues.filter((i) => i.code !== "duplicates.repeated-row")).toEqual([]);
  });

  test("codes: strategies carry [3]/[5]…, initiatives [3-1]…, and every initiative's strategy code exists", () => {
    const r = recognized("hirano-fy2016");
    const strategyCodes = new Set(
      r.records.flatMap((x) => (x.kind === "strategy" && x.strategyCode !== null ? [x.strategyCode] : [])),
    );
    const initiatives = r.records.filter((x) => x.kind === "initiative");
    expect(strategyCodes.size).toBeGreaterThan(0);
    for (const i of initiatives) {
      if (i.kind !== "initiative" || i.initiativeCode === null) continue;
      expect(i.initiativeCode.startsWith(`${i.strategyCode}-`)).toBe(true);
      expect(strategyCodes.has(i.strategyCode ?? "")).toBe(true);
    }
    expect(initiatives.some((i) => i.kind === "initiative" && i.initiativeCode === "3-1")).toBe(true);
  });

  test("notation: ①②③ legend → numbered, ○× legend → circle (from the legend)", () => {
    const numbered = recognized("variant-numbered").layouts.find((l) => l.kind === "initiative");
    const circle = recognized("hirano-fy2016").layouts.find((l) => l.kind === "initiative");
    expect([numbered?.notation, numbered?.notationSource]).toEqual(["numbered", "legend"]);
    expect([circle?.notation, circle?.notationSource]).toEqual(["circle", "legend"]);
  });

  test("other-sheets: メモ and the hidden 作業用 are 'other' without findings; the forms are read", () => {
    const r = recognized("other-sheets");
    expect(r.layouts.map((l) => [l.sheet, l.kind])).toEqual([
      ["メモ", "other"],
      ["取組(2)", "initiative"],
      ["戦略(2)", "strategy"],
      ["作業用", "other"],
    ]);
    expect(r.issues.filter((i) => i.code.startsWith("structure."))).toEqual([]);
  });

  test("formulas and error values arrive in FieldCells", () => {
    const r = recognized("variant-formulas");
    const cells = r.records.flatMap((x) => Object.values(x.fields).flatMap((c) => c ?? []));
    const snaps = fixtureSnapshots("variant-formulas");
    const formulaCount = snaps.reduce((n, s) => n + s.formulas.length, 0);
    expect(formulaCount).toBeGreaterThan(0);
    expect(cells.some((c) => c.formula)).toBe(true);
    const errors = cells.filter((x) => x.error !== null);
    expect(errors.map((c) => [c.address, c.error, c.raw, c.formula])).toEqual([
      ["J8", "#DIV/0!", null, true],
    ]);
  });
});
