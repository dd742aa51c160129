// Stands in for office.js in the Excel-mode browser test: an Office global that reports the Excel host and
// an Excel.run over the fake Excel of the adapter tests (test/excel/fake), under the Microsoft 365 host
// profile (or the one window.__kuseiProfile names), filled with the snapshots the test injects. The task pane bundle under test is the real one.
// (The served office.js's member list is read from the package in Node; the page gets it in
// window.__kuseiServed when the test provides it, else every modelled member is served.)
import type { SheetSnapshot } from "../../../src/core/model";
import type { ExcelContext } from "../../../src/excel/office";
import { asExcel, FakeContext, PROFILES } from "../../excel/fake";
import type { ProfileName } from "../../excel/fake/profiles";
import { modelFromSnapshots } from "../../excel/workbooks";

interface FakeWindow {
  __kuseiSnapshots: SheetSnapshot[];
  /** the host profile to stand in for (Microsoft 365 when unset) */
  __kuseiProfile?: ProfileName;
  __kuseiServed?: string[];
  __kuseiModel: unknown;
  Office: unknown;
  Excel: unknown;
}

const w = window as unknown as FakeWindow;
const model = modelFromSnapshots(w.__kuseiSnapshots);
w.__kuseiModel = model;
const profile = PROFILES[w.__kuseiProfile ?? "m365"];
const served = w.__kuseiServed ? new Set(w.__kuseiServed) : "all";
const host = (delayForCellEdit = false): FakeContext =>
  new FakeContext(model, { profile, served, delayForCellEdit });
w.Office = {
  onReady: async () => ({ host: "Excel", platform: "PC" }),
  HostType: { Excel: "Excel" },
  context: {
    displayLanguage: "ja-JP",
    requirements: { isSetSupported: (name: string, v?: string) => host().isSetSupported(name, v) },
  },
};
w.Excel = {
  run: async <T>(
    a: { delayForCellEdit?: boolean } | ((c: ExcelContext) => Promise<T>),
    b?: (c: ExcelContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw new Error("Excel.run needs a batch");
    return batch(asExcel(host(typeof a === "function" ? false : a.delayForCellEdit === true)));
  },
};
