/**
 * A protected sheet whose mark cells the template leaves unlocked (Excel protects locked cells only): the
 * xlsx adapter reads which cells are unlocked (the cell's format, else its row's or column's, marked
 * `<protection locked="0"/>`), the plan writes there, and the surgical save writes exactly those cells —
 * never a locked one of the same sheet.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { evaluateWorkbook, fromA1, toA1, writesFromPlan, type CellWrite } from "../../src/core";
import { budgetOf, BudgetMeter } from "../../src/xlsx/budget";
import { buildSnapshot } from "../../src/xlsx/snapshot-build";
import { applyWrites, readWorkbook, writeWorkbook } from "../../src/xlsx";
import { installFastMerges } from "../../src/xlsx/fast-merges";
import { fixturePath } from "../helpers/fixtures";

installFastMerges(ExcelJS);

const BASE = new Uint8Array(readFileSync(fixturePath("hirano-fy2016")));

async function baseWrites(): Promise<CellWrite[]> {
  const { snapshots } = await readWorkbook(BASE);
  return writesFromPlan(evaluateWorkbook(snapshots).plan, { overwriteConflicts: false });
}

/**
 * The base fixture with every sheet that gets marks protected and its mark cells unlocked, except `keep`
 * (left locked). exceljs writes the lock as Excel does: an xf with applyProtection="1" and
 * <protection locked="0"/>, and <sheetProtection sheet="1" …/>.
 */
async function protectedWithUnlocked(writes: ReadonlyArray<CellWrite>, keep: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(BASE) as unknown as ExcelJS.Buffer);
  const sheets = new Set(writes.map((w) => w.sheet));
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    for (const w of writes) {
      if (w.sheet !== name) continue;
      // a style object of its own per cell: exceljs shares one between cells of the same style
      const cell = ws.getCell(w.cell);
      // an exceljs cell, not an Office.js proxy: there is no context to sync
      // eslint-disable-next-line office-addins/call-sync-before-read
      cell.style = { ...cell.style, protection: { locked: `${w.sheet}!${w.cell}` === keep } };
    }
    await ws.protect("", {});
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a protected sheet with unlocked mark cells", () => {
  it("is read with its unlocked cells, planned and written there only", async () => {
    const writes = await baseWrites();
    expect(writes.length).toBeGreaterThan(3);
    const first = writes[0] as CellWrite;
    const keep = `${first.sheet}!${first.cell}`;
    const bytes = await protectedWithUnlocked(writes, keep);

    const { snapshots, workbook } = await readWorkbook(bytes);
    const sheet = snapshots.find((s) => s.name === first.sheet);
    expect(sheet?.protected).toBe(true);
    const unlockedCell = (name: string, cell: string): boolean => {
      const s = snapshots.find((x) => x.name === name);
      const at = fromA1(cell);
      if (!s || !at) return false;
      const row = at.row - s.origin.row;
      const col = at.col - s.origin.col;
      return (s.unlocked ?? []).some(
        (a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right,
      );
    };
    for (const w of writes) expect(unlockedCell(w.sheet, w.cell)).toBe(`${w.sheet}!${w.cell}` !== keep);

    const planned = writesFromPlan(evaluateWorkbook(snapshots).plan, { overwriteConflicts: false });
    const key = (w: CellWrite): string => `${w.sheet}!${w.cell}=${String(w.value)}`;
    expect(planned.map(key).sort()).toEqual(
      writes
        .filter((w) => `${w.sheet}!${w.cell}` !== keep)
        .map(key)
        .sort(),
    );

    // the writer checks the lock itself: the locked cell is refused even when asked for
    const result = applyWrites(workbook, [...planned, first]);
    expect(result.applied.map(key).sort()).toEqual(planned.map(key).sort());
    expect(result.conflicts.map((c) => [`${c.write.sheet}!${c.write.cell}`, c.why])).toEqual([
      [keep, "protected"],
    ]);

    const saved = await readWorkbook(await writeWorkbook(workbook));
    const valueAt = (name: string, cell: string): unknown => {
      const s = saved.snapshots.find((x) => x.name === name);
      const at = fromA1(cell);
      if (!s || !at) return undefined;
      return s.values[at.row - s.origin.row]?.[at.col - s.origin.col];
    };
    for (const w of planned) expect(valueAt(w.sheet, w.cell)).toBe(w.value);
    expect(valueAt(first.sheet, first.cell)).toBe(first.expected);
  });

  it('counts a format that takes its protection from its named style (applyProtection="0") as locked', async () => {
    const writes = await baseWrites();
    const bytes = await protectedWithUnlocked(writes, "");
    // the same workbook with every unlocked format saying applyProtection="0"
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("xl/styles.xml")?.async("string");
    if (styles === undefined) throw new Error("no styles part");
    expect(styles).toContain('locked="0"');
    zip.file("xl/styles.xml", styles.replaceAll('applyProtection="1"', 'applyProtection="0"'));
    const edited = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    const { snapshots } = await readWorkbook(edited);
    expect(snapshots.every((s) => s.unlocked === undefined)).toBe(true);
    expect(writesFromPlan(evaluateWorkbook(snapshots).plan, { overwriteConflicts: false })).toEqual([]);
  });
});

describe("which empty cells are unlocked", () => {
  it("takes a cell's own format, else its row's (customFormat), else its column's", () => {
    const meter = new BudgetMeter(budgetOf());
    const cell = (ref: string, style: number, text: string | null = "x") => {
      const at = fromA1(ref);
      if (!at) throw new Error(ref);
      return { row: at.row, col: at.col, kind: "inlineStr" as const, style, formula: false, text };
    };
    // format 1 is unlocked; column B takes it, row 4 takes it, C1 has it on an empty <c>, B2 overrides it
    const snapshot = buildSnapshot(
      { name: "S", part: "xl/worksheets/s.xml", visibility: "visible" },
      {
        cells: [cell("A1", 0), cell("B2", 0), cell("D5", 0)],
        merges: [],
        protected: true,
        validationCells: 0,
        styles: {
          cols: [{ min: 1, max: 1, style: 1 }],
          rows: new Map([[3, 1]]),
          empty: [0, 2, 1],
        },
      },
      { sharedStrings: [], formats: ["General", "General"], unlocked: new Set([1]), date1904: false },
      meter,
    );
    const unlocked = new Set<string>();
    for (const a of snapshot.unlocked ?? [])
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++)
          unlocked.add(toA1(r + snapshot.origin.row, c + snapshot.origin.col));
    expect([...unlocked].sort()).toEqual(["A4", "B1", "B3", "B4", "B5", "C1", "C4", "D4"].sort());
  });
});
