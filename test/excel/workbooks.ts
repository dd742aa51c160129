import type { SheetSnapshot } from "../../src/core/model";
import { a1, FakeContext, WorkbookModel, type FakeApiLevel, type Scalar } from "./fake-excel";

/** A fake workbook holding these snapshots (values at their origin, formulas, errors, merges, flags). */
export function modelFromSnapshots(snapshots: ReadonlyArray<SheetSnapshot>): WorkbookModel {
  const model = new WorkbookModel();
  for (const snap of snapshots) {
    const sheet = model.addSheet(snap.name);
    sheet.visibility =
      snap.visibility === "hidden" ? "Hidden" : snap.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.protected = snap.protected;
    sheet.put(snap.origin.row, snap.origin.col, snap.values as ReadonlyArray<ReadonlyArray<Scalar | null>>);
    for (const e of snap.errors) {
      sheet.cells.set(`${snap.origin.row + e.row},${snap.origin.col + e.col}`, {
        value: e.code,
        formula: null,
      });
    }
    for (const f of snap.formulas) {
      const row = snap.origin.row + f.row;
      const col = snap.origin.col + f.col;
      const cached = sheet.cell(row, col)?.value ?? "";
      sheet.cells.set(`${row},${col}`, { value: cached, formula: `=N(${JSON.stringify(String(cached))})` });
    }
    for (const m of snap.merges) {
      sheet.merge(
        `${a1(snap.origin.row + m.top, snap.origin.col + m.left)}:${a1(snap.origin.row + m.bottom, snap.origin.col + m.right)}`,
      );
    }
  }
  return model;
}

/** A small initiative-like sheet: header, a merged title, marks in column F, a formula and an error. */
export function sampleSheet(model: WorkbookModel, name: string, rows = 6): void {
  const s = model.addSheet(name);
  s.put(0, 0, [["平成28年度 区政運営基本方針 自己評価"]]);
  s.merge("A1:F1");
  s.put(2, 0, [["項目", "取組内容", "業績目標", "撤退基準", "取組実績", "達成状況"]]);
  for (let i = 0; i < rows; i++) {
    s.put(3 + i, 0, [
      [
        `㋐ 項目${i + 1}`,
        `[1-${i + 1}] 取組`,
        "満足度 60%以上",
        "30%未満であれば再構築",
        `満足度 ${50 + i * 5}%`,
        null,
      ],
    ]);
  }
  s.formula("G4", "=1+1", 2);
  s.put(4, 6, [["#N/A"]]);
}

/** A fake context over a model, at an API level ("all" by default). */
export function fakeContext(model: WorkbookModel, level: FakeApiLevel = "all"): FakeContext {
  return new FakeContext(model, level);
}
