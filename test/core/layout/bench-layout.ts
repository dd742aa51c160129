/**
 * Benchmark of the layout recogniser (prints figures, asserts nothing):
 *   npx ts-node --transpile-only test/core/layout/bench-layout.ts [rows]
 * Builds strategy and initiative sheets of `rows` rows (default 20,000) by repeating the sample items,
 * with every item a new one (no duplicates) plus a repeated header every 40 rows, and times recognizeSheet.
 */
import { recognizeSheet } from "../../../src/core/layout";
import type { CellValue, MergeArea, SheetSnapshot } from "../../../src/core/model/snapshot";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { initiativeSample, strategySample } from "./samples";

function grow(base: SheetSnapshot, rows: number): SheetSnapshot {
  const headerEnd = 5; // title, meta, three header rows
  const body = base.values.slice(headerEnd);
  const header = base.values.slice(0, headerEnd);
  const values: CellValue[][] = base.values.slice(0, headerEnd).map((r) => [...r]);
  const merges: MergeArea[] = base.merges.filter((m) => m.top < headerEnd).map((m) => ({ ...m }));
  let n = 0;
  let sinceHeader = 0;
  while (values.length < rows) {
    if (sinceHeader >= 40) {
      const top = values.length;
      for (const r of header) values.push([...r]);
      for (const m of base.merges)
        if (m.top < headerEnd) merges.push({ ...m, top: m.top + top, bottom: m.bottom + top });
      sinceHeader = 0;
    }
    for (const r of body) {
      n++;
      // a distinct item name and indicator per copy, so nothing is a duplicate
      values.push(
        r.map((v, c) => ((c === 1 || c === 2) && typeof v === "string" && v !== "" ? `${v} ${n}` : v)),
      );
      sinceHeader++;
    }
  }
  return { ...base, values: values.slice(0, rows), merges: merges.filter((m) => m.bottom < rows) };
}

const rows = Number(process.argv[2] ?? 20000);
for (const [name, base] of [
  ["strategy", strategySample("戦略").build()],
  ["initiative", initiativeSample("取組").build()],
] as const) {
  const sheet = grow(base, rows);
  recognizeSheet(sheet, DEFAULT_PROFILE); // warm-up (JIT, caches)
  const times: number[] = [];
  let result = recognizeSheet(sheet, DEFAULT_PROFILE);
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    result = recognizeSheet(sheet, DEFAULT_PROFILE);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: ${sheet.values.length} rows × ${sheet.values[0]?.length ?? 0} cols, ${sheet.merges.length} merges → ` +
      `${result.records.length} records, ${result.layout.repeatedHeaders.length} repeated headers; ` +
      `median ${times[2]?.toFixed(1)} ms (min ${times[0]?.toFixed(1)}, max ${times[4]?.toFixed(1)})`,
  );
}
