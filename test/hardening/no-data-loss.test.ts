/**
 * Proof of no data loss through the xlsx adapter (issue 6 §3): for every fixture workbook and every readable
 * hostile one, recalc changes only planned mark cells (and adds the change-log sheet), revert gives back a
 * workbook equal to the original everywhere but the log, and a second recalc writes nothing.
 */
import JSZip from "jszip";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { recalc, revert } from "../../src/app";
import { openXlsxPort } from "../../src/app/xlsx-port";
import { CHANGE_LOG_SHEET, readChangeLog } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { describeDifferences, diffWorkbooks, openWorkbook } from "./workbook-diff";

const RECALC_TIME = "2026-01-05T10:00:00.000Z";
const REVERT_TIME = "2026-01-05T10:05:00.000Z";

/**
 * Readable hostile files (the unreadable ones are refused before any write; corpus.test.ts proves it). Left
 * out: excel-only-parts.xlsx (the adapter refuses to save it: corpus.test.ts).
 */
const READABLE_HOSTILE = [
  "empty-workbook.xlsx",
  "no-form-sheets.xlsx",
  "wide-300-columns.xlsx",
  "error-values.xlsx",
  "rich-dates-links-formulas.xlsx",
  "header-merges.xlsx",
  "hidden-rows-columns-sheets.xlsx",
  "protected-sheet.xlsx",
  "with-change-log.xlsx",
  "script-text.xlsx",
  "custom-properties.xlsx",
];

const CASES: ReadonlyArray<readonly [string, string]> = [
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => [f, join(FIXTURES_DIR, f)] as const),
  ...READABLE_HOSTILE.map((f) => [`hostile/${f}`, join(HOSTILE_DIR, f)] as const),
];

const key = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** The recalc use case over the xlsx port; the bytes are saved when something was written, as the CLI does. */
async function recalcBytes(input: Uint8Array, time: string, overwriteConflicts = false) {
  const port = await openXlsxPort(input);
  const r = await recalc(port, { choice: { overwriteConflicts }, now: () => new Date(time) });
  return { ...r, bytes: r.outcome.applied.length > 0 ? await port.save() : input };
}

/** The revert use case over the xlsx port, and the workbook it leaves. */
async function revertBytes(input: Uint8Array, time: string) {
  const port = await openXlsxPort(input);
  const { plan, outcome } = await revert(port, { now: () => new Date(time) });
  return {
    applyId: plan.applyId,
    restored: outcome.applied.length,
    conflicts: plan.conflicts.length + outcome.conflicts.length,
    bytes: await port.save(),
  };
}

describe.each(CASES)("no data loss: %s", (_name, path) => {
  const original = new Uint8Array(readFileSync(path));

  test.each([false, true])(
    "recalc (overwrite conflicts: %s) changes only planned mark cells; revert restores every cell",
    async (overwrite) => {
      const recalc = await recalcBytes(original, RECALC_TIME, overwrite);
      const planned = new Set(
        recalc.evaluation.plan
          .filter((m) => m.action === "write" || m.action === "conflict")
          .map((m) => key(m.sheet, m.cell)),
      );
      const applied = new Set(recalc.outcome.applied.map((w) => key(w.sheet, w.cell)));
      // every performed write is a planned mark cell
      for (const a of applied) expect(planned).toContain(a);
      if (!overwrite) {
        // conflicts are only written when the user asks
        for (const w of recalc.outcome.applied) {
          const m = recalc.evaluation.plan.find((p) => key(p.sheet, p.cell) === key(w.sheet, w.cell));
          expect(m?.action).toBe("write");
        }
      }

      // no part of the package is lost (exceljs only sees what it models: this catches what it silently drops)
      expect(await droppedParts(original, recalc.bytes)).toEqual([]);

      const before = await openWorkbook(original);
      const after = await openWorkbook(recalc.bytes);
      const ignoreLog = new Set([CHANGE_LOG_SHEET]);
      const hadLog = before.getWorksheet(CHANGE_LOG_SHEET) !== undefined;
      const diffs = diffWorkbooks(before, after, { valueMayChange: applied, ignoreSheets: ignoreLog });
      expect(describeDifferences(diffs)).toBe("");
      // the cells that did change are exactly the applied ones, each now holding the written value
      const changed = diffWorkbooks(before, after, { ignoreSheets: ignoreLog }).filter(
        (d) => d.aspect === "value",
      );
      expect(new Set(changed.map((d) => key(d.sheet, d.where)))).toEqual(applied);

      // the change log records exactly the applied writes (appended after any earlier log)
      const reread = await readWorkbook(recalc.bytes);
      const logSheet = reread.snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
      if (applied.size === 0) {
        expect(logSheet === undefined).toBe(!hadLog);
      } else {
        const entries = readChangeLog(logSheet ?? fail("no change log"));
        const mine = entries.filter((e) => e.time === RECALC_TIME);
        expect(mine.map((e) => key(e.sheet, e.cell)).sort()).toEqual([...applied].sort());
        expect(mine.every((e) => e.op === "apply")).toBe(true);
      }
      // a log sheet that was already there keeps its earlier rows untouched
      if (hadLog) {
        const b = before.getWorksheet(CHANGE_LOG_SHEET);
        const a = after.getWorksheet(CHANGE_LOG_SHEET);
        for (let r = 1; r <= (b?.rowCount ?? 0); r++) {
          expect(a?.getRow(r).values).toEqual(b?.getRow(r).values);
        }
      }

      if (applied.size === 0) return;
      // revert: everything but the change-log sheet equals the original again
      const revert = await revertBytes(recalc.bytes, REVERT_TIME);
      expect(revert.conflicts).toBe(0);
      expect(revert.restored).toBe(applied.size);
      const restored = await openWorkbook(revert.bytes);
      expect(describeDifferences(diffWorkbooks(before, restored, { ignoreSheets: ignoreLog }))).toBe("");
      // and the log now says this apply was undone: a second revert moves on to an earlier apply, if any
      const again = await revertBytes(revert.bytes, REVERT_TIME);
      expect(again.applyId).not.toBe(revert.applyId);
      if (!hadLog) expect(again).toMatchObject({ applyId: null, restored: 0 });
    },
  );

  test("a second recalc writes nothing", async () => {
    const first = await recalcBytes(original, RECALC_TIME);
    const second = await recalcBytes(first.bytes, REVERT_TIME);
    expect(second.writes).toEqual([]);
    expect(second.outcome.applied).toEqual([]);
  });
});

/** Zip parts of `before` that `after` lacks (directories aside). */
async function droppedParts(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const names = async (b: Uint8Array): Promise<string[]> =>
    Object.values((await JSZip.loadAsync(b)).files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  const kept = new Set(await names(after));
  return (await names(before)).filter((n) => !kept.has(n));
}

function fail(message: string): never {
  throw new Error(message);
}
