// Issue 9 item 5: each outcome indicator gets its 個別 mark in its own cell when the template gives it one;
// only a cell merged over several indicators gets the joined marks.
import { DEFAULT_PROFILE, evaluateWorkbook, type CellValue, type SheetSnapshot } from "../../../src/core";
import { strategySample } from "../layout/samples";

/** The sample's item over two rows (S_ITEM_2 + its continuation), each row with its own indicator. */
function twoIndicatorRows(mergeOutcome: boolean): {
  snap: SheetSnapshot;
  rows: [number, number];
  col: number;
} {
  const base = strategySample("戦略").build();
  const values = base.values.map((r) => [...r]) as CellValue[][];
  const find = (text: string): [number, number] => {
    for (let r = 0; r < values.length; r++) {
      // header cells carry their legend after the label ("個別\nA:順調…")
      const c = (values[r] ?? []).findIndex((v) => typeof v === "string" && v.split("\n")[0] === text);
      if (c >= 0) return [r, c];
    }
    throw new Error(`not in the sample: ${text}`);
  };
  const [row, outcomeTargetCol] = find("窓口サービス満足度:70%以上(平成29年度)");
  const [, resultCol] = find("93%");
  const [, col] = find("個別");
  const [, overallCol] = find("全体");
  const next = row + 1;
  const set = (r: number, c: number, v: CellValue) => ((values[r] as CellValue[])[c] = v);
  set(row, outcomeTargetCol, "窓口サービス満足度:70%以上");
  set(next, outcomeTargetCol, "来庁者アンケートの満足度:80%以上");
  set(row, resultCol, "窓口サービス満足度 93%");
  set(next, resultCol, "来庁者アンケートの満足度 75%");
  set(row, col, null);
  set(next, col, null);
  set(row, overallCol, null);
  const merges = mergeOutcome
    ? [...base.merges, { top: row, left: col, bottom: next, right: col }]
    : [...base.merges];
  return { snap: { ...base, values, merges }, rows: [row, next], col };
}

function outcomeWrites(snap: SheetSnapshot) {
  const ev = evaluateWorkbook([snap], { profile: DEFAULT_PROFILE });
  return ev.plan.filter((p) => p.field === "outcome" && p.action === "write").map((p) => [p.row, p.value]);
}

describe("個別 marks, one per indicator row", () => {
  test("two indicator rows with their own 個別 cells: A in the first row's cell, B in the second's", () => {
    const { snap, rows } = twoIndicatorRows(false);
    expect(outcomeWrites(snap)).toEqual([
      [rows[0] + 1, "A"],
      [rows[1] + 1, "B"],
    ]);
  });

  test("a 個別 cell merged over both rows gets both marks, joined, and the second row nothing", () => {
    const { snap, rows } = twoIndicatorRows(true);
    expect(outcomeWrites(snap)).toEqual([[rows[0] + 1, "A\nB"]]);
  });

  test("the first cell already holding both marks (the ward's way) keeps them there", () => {
    const { snap, rows, col } = twoIndicatorRows(false);
    const values = snap.values.map((r) => [...r]);
    (values[rows[0]] as CellValue[])[col] = "A\nB";
    const ev = evaluateWorkbook([{ ...snap, values }], { profile: DEFAULT_PROFILE });
    const mine = new Set([rows[0] + 1, rows[1] + 1]);
    const marks = ev.plan
      .filter((p) => p.field === "outcome" && mine.has(p.row))
      .map((p) => [p.row, p.action]);
    expect(marks).toEqual([[rows[0] + 1, "keep"]]);
  });
});
