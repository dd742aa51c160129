import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUDGET_CASES } from "../fixtures/hostile/budget-cases";
import { HOSTILE_DIR } from "../fixtures/hostile/build-hostile";
import { buildDialect, DIALECTS } from "../world/dialects";

const FIXTURES = join(__dirname, "../fixtures");

function files(dir: string): Array<[string, Uint8Array]> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]);
}

/**
 * Every workbook a reader change must be checked on, by name: the fixtures, the hostile files, the budget
 * cases (the cheap ones) and the world dialects (other writers' XML).
 */
export function readerCorpus(): Array<[string, Uint8Array]> {
  return [
    ...files(FIXTURES),
    ...files(HOSTILE_DIR).map(([f, b]) => [`hostile/${f}`, b] as [string, Uint8Array]),
    ...BUDGET_CASES.filter((c) => c.expensive !== true).map(
      (c) => [`budget/${c.file}`, c.build()] as [string, Uint8Array],
    ),
    ...DIALECTS.map((d) => [`dialect/${d.file}`, buildDialect(d)] as [string, Uint8Array]),
  ];
}
