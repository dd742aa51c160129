/**
 * Excel adapter benchmark (npm run bench:excel): one read–derive–apply round (recalculate) per case, on the
 * fake Excel of every supported host profile (test/excel/fake/profiles.ts: its requirement sets, the members
 * of the office.js file that host loads, the 5 MB payload limit on the web). Cases:
 *   hirano-1 / hirano-10 / hirano-100: 1, 10, 100 sheets × 200 rows tiled from the Hirano FY2016 fixture
 *     (data rows repeated, item names numbered so they are not duplicates), merges included;
 *   template-1000: one 取組 sheet of 1,000 rows tiled the same way (about 2.5 merged areas a row: well over
 *     the 512 one getMergedAreasOrNullObject may return);
 *   text-heavy: one sheet of 1,700 rows × 20 columns of 125-character Japanese text (18 MB if read at once).
 * Prints per profile and case
 *   bench excel profile=<p> case=<c> sheets=<n> syncs=<n> requests_bytes_max=<n> read_bytes=<n>
 * where syncs counts every context.sync() of the round, requests_bytes_max is the largest request or response
 * of any one sync (UTF-8 JSON of what would cross the wire) and read_bytes all response bytes of the round.
 * A "#" line follows with the detail. Exits 1 when a request or response passes 5,000,000 bytes, or the syncs
 * pass 4 + the blocks the byte budget needs (ceil(read_bytes / 4,000,000), the adapter's default budget).
 */
import type { SheetSnapshot } from "../src/core/model";
import { evaluateWorkbook } from "../src/core";
import { recalc } from "../src/app";
import { excelPort } from "../src/app/excel-port";
import { asExcel, PROFILE_NAMES, WorkbookModel } from "../test/excel/fake";
import { fakeHost } from "../test/excel/fake/host";
import { modelFromSnapshots } from "../test/excel/workbooks";
import { fixtureSnapshots } from "../test/helpers/fixtures";
import { eagerSettingsParser } from "../src/excel/settings-parse";

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

function workbook(sheets: number, rows = ROWS, kind?: string): SheetSnapshot[] {
  const all = fixtureSnapshots("hirano-fy2016");
  const layouts = evaluateWorkbook(all).layouts;
  const bases = kind ? all.filter((b) => layouts.find((l) => l.sheet === b.name)?.kind === kind) : all;
  return Array.from({ length: sheets }, (_, i) => {
    const base = bases[i % bases.length];
    const layout = layouts.find((l) => l.sheet === base?.name);
    if (!base || !layout?.header) throw new Error("the fixture's sheets must be recognised");
    const dataStart = Math.max(layout.header.bottom, layout.legendRow ?? -1) + 1;
    const itemCol = layout.columns.find((c) => c.field === "itemName")?.col ?? null;
    return tiled(base, `${base.name}-${i + 1}`, dataStart, itemCol, rows);
  });
}

/** One sheet of text only: 1,700 rows × 20 columns of 125 characters of Japanese. */
function textHeavy(): WorkbookModel {
  const m = new WorkbookModel();
  const s = m.addSheet("取組");
  const text = "区政運営基本方針に基づく取組の実績と課題".repeat(7).slice(0, 125);
  for (let r = 0; r < 1700; r++)
    s.put(r, 0, [new Array<string>(20).fill(`${r}${text}`).map((t) => t.slice(0, 125))]);
  return m;
}

const CASES: ReadonlyArray<{ name: string; sheets: number; model: () => WorkbookModel }> = [
  { name: "hirano-1", sheets: 1, model: () => modelFromSnapshots(workbook(1)) },
  { name: "hirano-10", sheets: 10, model: () => modelFromSnapshots(workbook(10)) },
  { name: "hirano-100", sheets: 100, model: () => modelFromSnapshots(workbook(100)) },
  { name: "template-1000", sheets: 1, model: () => modelFromSnapshots(workbook(1, 1000, "initiative")) },
  { name: "text-heavy", sheets: 1, model: textHeavy },
];

const LIMIT = 5_000_000;
const BUDGET = 4_000_000;

async function main(): Promise<void> {
  const only = process.argv[2];
  let failed = 0;
  for (const c of CASES) {
    if (only && !c.name.startsWith(only)) continue;
    for (const profile of PROFILE_NAMES) {
      const model = c.model();
      const ctx = fakeHost(model, profile);
      const started = process.hrtime.bigint();
      const { evaluation, outcome } = await recalc(
        excelPort(asExcel(ctx), { supports: ctx.supports, settings: eagerSettingsParser }),
        {
          now: () => new Date(),
        },
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (outcome.failure) throw new Error(`${profile} ${c.name}: ${outcome.failure.message.en}`);
      const max = ctx.maxPayloadBytes();
      const readBytes = ctx.stats.reduce((n, st) => n + st.responseBytes, 0);
      const allowed = 4 + Math.ceil(readBytes / BUDGET);
      console.log(
        `bench excel profile=${profile} case=${c.name} sheets=${c.sheets} syncs=${ctx.syncCount}` +
          ` requests_bytes_max=${max} read_bytes=${readBytes}`,
      );
      const perSync = ctx.stats.map((st) => `${st.requestBytes}/${st.responseBytes}`).join(" ");
      console.log(
        `#   records=${evaluation.records.length} writes=${outcome.applied.length} conflicts=${outcome.conflicts.length}` +
          ` syncs_allowed=${allowed} time_ms=${ms.toFixed(0)}` +
          (ctx.syncCount <= 12 ? ` bytes(req/resp per sync)=${perSync}` : ""),
      );
      const problems = [
        ...(max > LIMIT ? [`a request or response of ${max} bytes passes ${LIMIT}`] : []),
        ...(ctx.syncCount > allowed ? [`${ctx.syncCount} syncs, more than ${allowed}`] : []),
      ];
      for (const p of problems) console.log(`#   FAIL ${p}`);
      if (problems.length > 0) failed++;
    }
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
