/**
 * Excel adapter benchmark (npm run bench:excel): one read–derive–apply round (recalculate) over a strict
 * fake Excel workbook of 1, 10 and 100 sheets × 200 rows, built from the Hirano FY2016 fixture (its sheets'
 * data rows repeated, item names numbered so they are not duplicates). Prints per case
 *   bench excel sheets=<n> syncs=<n> requests_bytes_max=<n>
 * where syncs counts every context.sync() of the round and requests_bytes_max is the largest request or
 * response of any one sync (UTF-8 JSON of what would cross the wire), to compare with Excel on the web's
 * 5 MB limit. A "#" line follows with the detail (writes, per-phase syncs, time).
 */
import type { SheetSnapshot } from "../src/core/model";
import { evaluateWorkbook } from "../src/core";
import { recalc } from "../src/app";
import { excelPort } from "../src/app/excel-port";
import { asExcel, FakeContext } from "../test/excel/fake-excel";
import { modelFromSnapshots } from "../test/excel/workbooks";
import { fixtureSnapshots } from "../test/helpers/fixtures";

const ROWS = 200;

/** A sheet of `rows` rows: the base sheet's header, then its data rows repeated (item names numbered). */
function tiled(
  base: SheetSnapshot,
  name: string,
  dataStart: number,
  itemCol: number | null,
  rows: number,
): SheetSnapshot {
  const header = base.values.slice(0, dataStart);
  const data = base.values.slice(dataStart);
  const dataMerges = base.merges.filter((m) => m.top >= dataStart);
  const values = [...header.map((r) => [...r])];
  const merges = base.merges.filter((m) => m.bottom < dataStart).map((m) => ({ ...m }));
  for (let k = 0; values.length < rows; k++) {
    const offset = values.length - dataStart;
    if (values.length + data.length > rows && k > 0) break;
    for (const row of data) {
      values.push(
        row.map((v, c) =>
          k > 0 && c === itemCol && typeof v === "string" && v !== "" ? `${v} ${k + 1}` : v,
        ),
      );
    }
    for (const m of dataMerges) merges.push({ ...m, top: m.top + offset, bottom: m.bottom + offset });
  }
  while (values.length < rows) values.push(new Array<null>(base.values[0]?.length ?? 0).fill(null));
  return { ...base, name, values, merges, formulas: [], errors: [] };
}

function workbook(sheets: number): SheetSnapshot[] {
  const bases = fixtureSnapshots("hirano-fy2016");
  const layouts = evaluateWorkbook(bases).layouts;
  return Array.from({ length: sheets }, (_, i) => {
    const base = bases[i % bases.length];
    const layout = layouts.find((l) => l.sheet === base?.name);
    if (!base || !layout?.header) throw new Error("the fixture's sheets must be recognised");
    const dataStart = Math.max(layout.header.bottom, layout.legendRow ?? -1) + 1;
    const itemCol = layout.columns.find((c) => c.field === "itemName")?.col ?? null;
    return tiled(base, `${base.name}-${i + 1}`, dataStart, itemCol, ROWS);
  });
}

async function main(): Promise<void> {
  for (const n of [1, 10, 100]) {
    const ctx = new FakeContext(modelFromSnapshots(workbook(n)));
    const started = process.hrtime.bigint();
    const { evaluation, outcome } = await recalc(excelPort(asExcel(ctx), { supports: ctx.supports }), {
      now: () => new Date(),
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (outcome.failure) throw new Error(outcome.failure.message.en);
    console.log(`bench excel sheets=${n} syncs=${ctx.syncCount} requests_bytes_max=${ctx.maxPayloadBytes()}`);
    const perSync = ctx.stats.map((s) => `${s.requestBytes}/${s.responseBytes}`).join(" ");
    console.log(
      `#   rows=${ROWS} records=${evaluation.records.length} writes=${outcome.applied.length}` +
        ` conflicts=${outcome.conflicts.length} bytes(req/resp per sync)=${perSync} time_ms=${ms.toFixed(0)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
