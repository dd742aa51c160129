import { readFile } from "node:fs/promises";
import type { CellWrite } from "../../src/core/model/plan";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { applyWrites, readWorkbook, writeWorkbook, type XlsxWorkbookHandle } from "../../src/xlsx";
import { describeAdapterContract, type ContractAdapter } from "../contract/adapter-contract";
import { FIXTURES, fixturePath, fixtureSnapshots } from "../helpers/fixtures";

/** The exceljs adapter behind the contract interface: reread goes through bytes, as the CLI saves. */
function xlsxAdapter(): ContractAdapter {
  let handle: XlsxWorkbookHandle | null = null;
  let first: SheetSnapshot[] = [];
  const need = (): XlsxWorkbookHandle => {
    if (!handle) throw new Error("open() first");
    return handle;
  };
  return {
    async open(fixture: string) {
      const read = await readWorkbook(await readFile(fixturePath(fixture)));
      handle = read.workbook;
      first = read.snapshots;
    },
    async read() {
      return first;
    },
    async apply(writes: ReadonlyArray<CellWrite>) {
      return applyWrites(need(), writes);
    },
    async reread() {
      return (await readWorkbook(await writeWorkbook(need()))).snapshots;
    },
  };
}

describeAdapterContract("xlsx (exceljs)", xlsxAdapter, {
  fixtures: Object.keys(FIXTURES),
  expected: fixtureSnapshots,
});
