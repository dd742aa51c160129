/**
 * Concurrency (issue 6 §4): a co-author edits some planned mark cells between kusei's read and its write.
 * Both adapters write only the cells that still hold what the plan saw and report the others as conflicts;
 * the co-author's text survives. Every fixture, a fixed pseudo-random half of its planned cells edited.
 */
import { readFileSync } from "node:fs";
import { evaluateWorkbook, fromA1, writesFromPlan } from "../../src/core";
import type { CellWrite } from "../../src/core/model/plan";
import { recalc, type WorkbookPort } from "../../src/app";
import { excelPort } from "../../src/app/excel-port";
import { applyWrites as xlsxApply, readWorkbook, writeWorkbook } from "../../src/xlsx";
import { asExcel, FakeContext } from "../excel/fake-excel";
import { modelFromSnapshots } from "../excel/workbooks";
import { FIXTURES, fixturePath, fixtureSnapshots } from "../helpers/fixtures";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

const NOW = (): Date => new Date("2026-01-05T10:00:00.000Z");
const EDIT = "共同編集者の入力";

/** Every other planned write, starting at a fixture-dependent offset: the cells a co-author edits. */
function edited(writes: ReadonlyArray<CellWrite>, salt: number): Set<string> {
  return new Set(writes.filter((_w, i) => (i + salt) % 2 === 0).map((w) => `${w.sheet}!${w.cell}`));
}

const NAMES = Object.keys(FIXTURES);

describe.each(NAMES.map((n, i) => [n, i] as const))(
  "a co-author's edit is never overwritten: %s",
  (name, salt) => {
    test("Excel (strict fake), the recalc use case: edited cells are conflicts and keep the edit, the rest are written", async () => {
      const model = modelFromSnapshots(fixtureSnapshots(name));
      const ctx = new FakeContext(model);
      const port = excelPort(asExcel(ctx), { supports: ctx.supports, settings: eagerSettingsParser });
      let coAuthor = new Set<string>();
      // The co-author types between kusei's read and its write: just before the port applies.
      const editing: WorkbookPort = {
        ...port,
        apply: (writes, stamp) => {
          coAuthor = edited(writes, salt);
          for (const key of coAuthor) {
            const [sheet, cell] = key.split("!") as [string, string];
            const p = fromA1(cell);
            if (p !== null) model.sheet(sheet)?.put(p.row, p.col, [[EDIT]]);
          }
          return port.apply(writes, stamp);
        },
      };
      const { writes, outcome } = await recalc(editing, { now: NOW });
      expect(outcome.failure).toBeNull();
      expect(
        new Set(
          outcome.conflicts.filter((c) => c.why === "changed").map((c) => `${c.write.sheet}!${c.write.cell}`),
        ),
      ).toEqual(coAuthor);
      expect(outcome.applied.map((w) => `${w.sheet}!${w.cell}`).sort()).toEqual(
        writes
          .map((w) => `${w.sheet}!${w.cell}`)
          .filter((k) => !coAuthor.has(k))
          .sort(),
      );
      for (const key of coAuthor) {
        const [sheet, cell] = key.split("!") as [string, string];
        const p = fromA1(cell);
        expect(p === null ? null : model.sheet(sheet)?.valueAt(p.row, p.col)).toBe(EDIT);
      }
    });

    test("xlsx adapter: the same, and the saved file holds the edits", async () => {
      const { snapshots, workbook } = await readWorkbook(new Uint8Array(readFileSync(fixturePath(name))));
      const writes = writesFromPlan(evaluateWorkbook(snapshots).plan, {
        overwriteConflicts: false,
      });
      const coAuthor = edited(writes, salt);
      // A co-author's edit lands in the workbook between kusei's read and its write: made through the handle
      // itself (a write that expects what the cell holds), so kusei's guard sees a changed cell.
      const coEdits = writes
        .filter((w) => coAuthor.has(`${w.sheet}!${w.cell}`))
        .map((w) => ({ ...w, value: EDIT, reason: "co-author" }));
      expect(xlsxApply(workbook, coEdits).applied).toHaveLength(coAuthor.size);
      const r = xlsxApply(workbook, writes);
      expect(
        new Set(
          r.conflicts.filter((c) => c.why === "changed").map((c) => `${c.write.sheet}!${c.write.cell}`),
        ),
      ).toEqual(coAuthor);
      expect(r.applied).toHaveLength(writes.length - coAuthor.size);
      const reread = await readWorkbook(await writeWorkbook(workbook));
      for (const key of coAuthor) {
        const [sheet, cell] = key.split("!") as [string, string];
        const s = reread.snapshots.find((x) => x.name === sheet);
        const p = fromA1(cell);
        expect(s && p ? s.values[p.row - s.origin.row]?.[p.col - s.origin.col] : undefined).toBe(EDIT);
      }
    });
  },
);
