/**
 * Proof of no data loss through the Excel adapter (issue 6 §3), over helper E's strict fake Excel
 * (test/excel/fake-excel.ts): for every fixture and every readable hostile workbook, the recalc use case over
 * the Excel port changes only planned mark cells and the change-log sheet; the revert use case gives every cell
 * back; a second recalc writes nothing. The fake models values, formulas,
 * merges, conditional formats, notes, visibility, protection and settings (no styles: Office.js writes of
 * `values` leave formats alone by definition, and the fake cannot show otherwise).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recalc as recalcUseCase, revert } from "../../src/app";
import { excelPort } from "../../src/app/excel-port";
import { CHANGE_LOG_SHEET } from "../../src/core";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { readWorkbook } from "../../src/xlsx";
import { asExcel, FakeContext, type WorkbookModel } from "../excel/fake-excel";
import { modelFromSnapshots } from "../excel/workbooks";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { FIXTURES, fixtureSnapshots } from "../helpers/fixtures";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

const NOW = (): Date => new Date("2026-01-05T10:00:00.000Z");
const LATER = (): Date => new Date("2026-01-05T10:05:00.000Z");

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
  "excel-only-parts.xlsx",
  "custom-properties.xlsx",
];

type Source = () => Promise<SheetSnapshot[]>;
const CASES: ReadonlyArray<readonly [string, Source]> = [
  ...Object.keys(FIXTURES).map((name) => [name, () => Promise.resolve(fixtureSnapshots(name))] as const),
  ...READABLE_HOSTILE.map(
    (file) =>
      [
        `hostile/${file}`,
        async () => (await readWorkbook(new Uint8Array(readFileSync(join(HOSTILE_DIR, file))))).snapshots,
      ] as const,
  ),
];

/** Everything the fake holds, per "sheet!aspect" key (cells as "sheet!R,C"). */
function stateOf(model: WorkbookModel, ignore: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  out.set("#sheets", JSON.stringify(model.sheets.map((s) => s.name).filter((n) => !ignore.has(n))));
  for (const s of model.sheets) {
    if (ignore.has(s.name)) continue;
    out.set(`${s.name}#flags`, JSON.stringify({ visibility: s.visibility, protected: s.protected }));
    out.set(
      `${s.name}#merges`,
      JSON.stringify([...s.merges].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort()),
    );
    out.set(`${s.name}#cfs`, JSON.stringify(s.cfs));
    for (const [key, cell] of s.cells) out.set(`${s.name}!${key}`, JSON.stringify(cell));
  }
  for (const [key, note] of model.notes)
    if (!ignore.has(key.split("!")[0] ?? "")) out.set(`note:${key}`, note);
  return out;
}

/** Keys whose content differs between two states. */
function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** "sheet!A1" → the fake's "sheet!R,C" cell key. */
function cellKey(sheet: string, a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.replace(/\$/g, ""));
  if (m === null) return `${sheet}!${a1}`;
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return `${sheet}!${Number(m[2]) - 1},${col - 1}`;
}

const portOf = (ctx: FakeContext) =>
  excelPort(asExcel(ctx), { supports: ctx.supports, settings: eagerSettingsParser });

async function recalc(ctx: FakeContext, now: () => Date) {
  return recalcUseCase(portOf(ctx), { now });
}

describe.each(CASES)("no data loss in Excel (fake): %s", (name, source) => {
  test("recalc changes only planned mark cells, revert restores every cell, a second recalc writes nothing", async () => {
    const model = modelFromSnapshots(await source());
    const ignoreLog = new Set([CHANGE_LOG_SHEET]);
    const hadLog = model.sheet(CHANGE_LOG_SHEET) !== undefined;
    const before = stateOf(model, ignoreLog);
    const ctx = new FakeContext(model);

    const first = await recalc(ctx, NOW);
    expect(first.outcome.failure).toBeNull();
    const planned = new Set(
      first.evaluation.plan
        .filter((m) => m.action === "write" || m.action === "conflict")
        .map((m) => cellKey(m.sheet, m.cell)),
    );
    const written = new Set(first.outcome.applied.map((w) => cellKey(w.sheet, w.cell)));
    // the main fixture has marks to write: the comparison below is not vacuous
    if (name === "hirano-fy2016") expect(written.size).toBeGreaterThan(10);
    // every write the plan asked for is done or reported, never silently dropped
    expect(
      first.outcome.applied.length + first.outcome.conflicts.length + first.outcome.notWritten.length,
    ).toBe(first.writes.length);
    const afterRecalc = stateOf(model, ignoreLog);
    const changed = changedKeys(before, afterRecalc);
    for (const k of changed) expect(planned).toContain(k);
    expect(new Set(changed)).toEqual(written);
    if (written.size > 0) expect(model.sheet(CHANGE_LOG_SHEET)).toBeDefined();
    else expect(model.sheet(CHANGE_LOG_SHEET) !== undefined).toBe(hadLog);

    // a second recalc over the result writes nothing
    const second = await recalc(ctx, LATER);
    expect(second.writes).toEqual([]);
    expect(changedKeys(afterRecalc, stateOf(model, ignoreLog))).toEqual([]);

    if (written.size === 0) return;
    const undone = await revert(portOf(ctx), { now: LATER });
    expect(undone.outcome.failure).toBeNull();
    expect(undone.plan.conflicts).toEqual([]);
    expect(undone.outcome.conflicts).toEqual([]);
    expect(undone.outcome.applied).toHaveLength(written.size);
    expect(changedKeys(before, stateOf(model, ignoreLog))).toEqual([]);
  });
});
