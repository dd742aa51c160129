// Stands in for office.js in the Excel-mode browser test: an Office global that reports the Excel host and
// an Excel.run over the strict in-memory Excel of the adapter tests (test/excel/fake-excel.ts), filled with
// the snapshots the test injects. The task pane bundle under test is the real one.
import type { SheetSnapshot } from "../../../src/core/model";
import { asExcel, FakeContext } from "../../excel/fake-excel";
import { modelFromSnapshots } from "../../excel/workbooks";

interface FakeWindow {
  __kuseiSnapshots: SheetSnapshot[];
  __kuseiModel: unknown;
  Office: unknown;
  Excel: unknown;
  Buffer?: unknown;
}

const w = window as unknown as FakeWindow;
// The fake counts request bytes with Buffer.byteLength (Node); the browser has TextEncoder.
if (w.Buffer === undefined) {
  w.Buffer = { byteLength: (s: string) => new TextEncoder().encode(s).length };
}
const model = modelFromSnapshots(w.__kuseiSnapshots);
w.__kuseiModel = model;
w.Office = {
  onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
  HostType: { Excel: "Excel" },
  context: { displayLanguage: "ja-JP", requirements: { isSetSupported: () => true } },
};
w.Excel = {
  run: async <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(asExcel(new FakeContext(model))),
};
