/**
 * A protected template whose mark cells are unlocked (the usual way government templates are handed out),
 * end to end through the fake Excel of every host: the file is protected with exceljs, seeded into the fake
 * by its own reading (protection and per-cell locks included), and recalculated through src/app over the
 * Excel port. Excel protects locked cells only ("Excel.FormatProtection",
 * https://learn.microsoft.com/javascript/api/excel/excel.formatprotection), so kusei writes the unlocked
 * mark cells, leaves the one mark cell that stays locked (a skip that says why), and touches nothing else.
 */
import ExcelJS from "exceljs";
import { check, recalc } from "../../src/app";
import { excelPort } from "../../src/app/excel-port";
import { CHANGE_LOG_SHEET } from "../../src/core";
import { fixturePath } from "../helpers/fixtures";
import { HOSTS, fakeHost } from "./fake/host";
import { modelFromFile } from "./fake/seed";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

const NOW = () => new Date("2026-06-01T00:00:00Z");

/** The fixture's planned writes on its first sheet that gets any (unprotected run). */
async function plannedOn(file: string): Promise<{ sheet: string; cells: string[] }> {
  const model = await modelFromFile(file);
  const ctx = fakeHost(model, "ltsc2021");
  const { evaluation } = await check(
    excelPort(ctx, { supports: ctx.supports, settings: eagerSettingsParser }),
  );
  const writes = evaluation.plan.filter((m) => m.action === "write");
  const sheet = writes[0]?.sheet ?? "";
  return { sheet, cells: writes.filter((m) => m.sheet === sheet).map((m) => m.cell) };
}

async function protectedFile(file: string, sheet: string, unlock: ReadonlyArray<string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  // a fresh style per cell: exceljs shares a loaded style object between the cells that use it
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = { ...cell.style, protection: { locked: !unlock.includes(cell.address) } };
    }),
  );
  for (const a of unlock) {
    const cell = ws.getCell(a);
    // exceljs, not Office.js: there is no context to sync (office-addins/call-sync-before-read misreads getCell)
    // eslint-disable-next-line office-addins/call-sync-before-read
    cell.style = { ...cell.style, protection: { locked: false } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const file = fixturePath("hirano-fy2016");

describe.each(HOSTS)("protected sheet with unlocked mark cells on %s", (profile) => {
  test("the unlocked mark cells are written, the locked one is skipped with its reason, nothing else changes", async () => {
    const { sheet, cells } = await plannedOn(file);
    expect(cells.length).toBeGreaterThan(2);
    const [kept, ...open] = cells;
    const model = await modelFromFile(await protectedFile(file, sheet, open));
    const seeded = model.sheet(sheet);
    expect(seeded?.protected).toBe(true);
    expect(seeded?.unlockedEmpty.size ?? 0).toBeGreaterThan(0);
    const ctx = fakeHost(model, profile);
    const { evaluation, outcome } = await recalc(
      excelPort(ctx, { supports: ctx.supports, settings: eagerSettingsParser }),
      { now: NOW },
    );
    expect(outcome.failure).toBeNull();
    const onSheet = model.changes.filter((c) => c.sheet === sheet).map((c) => c.cell);
    expect(onSheet.sort()).toEqual([...open].sort());
    const lockedMark = evaluation.plan.find((m) => m.sheet === sheet && m.cell === kept);
    expect(lockedMark?.action).toBe("skip");
    expect(lockedMark?.reason.en).toMatch(/protected/);
    // every change outside the protected sheet is on the other sheets' plan or the change log
    for (const c of model.changes.filter((x) => x.sheet !== sheet && x.sheet !== CHANGE_LOG_SHEET))
      expect(
        evaluation.plan.some((m) => m.sheet === c.sheet && m.cell === c.cell && m.action === "write"),
      ).toBe(true);
  });
});
