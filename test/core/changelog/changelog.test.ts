import {
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeLogRows,
  entriesForApply,
  lastOpenApply,
  nextApplyId,
  planRevert,
  readChangeLog,
  withChangeLogOverride,
  writeValueOf,
} from "../../../src/core/changelog";
import type { CellWrite, ChangeLogEntry } from "../../../src/core/model/plan";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";

function snap(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    formulas: [],
    errors: [],
    merges: [],
    visibility: "visible",
    protected: false,
    ...extra,
  };
}

function logSnapshot(entries: ChangeLogEntry[]): SheetSnapshot {
  return snap(CHANGE_LOG_SHEET, [[...CHANGE_LOG_HEADER], ...changeLogRows(entries)]);
}

const T = "2026-11-27T10:00:00.000Z";

describe("変更履歴 (change log)", () => {
  test("見出しは日本語 (英語キー) の8列", () => {
    expect(CHANGE_LOG_HEADER).toEqual([
      "適用ID (applyId)",
      "日時 (time)",
      "シート (sheet)",
      "セル (cell)",
      "変更前 (old)",
      "変更後 (new)",
      "理由 (reason)",
      "操作 (op)",
    ]);
  });

  test("entriesForApply は実際に書いたセルだけを記録する", () => {
    const writes: CellWrite[] = [
      { sheet: "取組", cell: "L12", expected: null, value: "○", reason: "55.9% ≥ 30%" },
      { sheet: "取組", cell: "L13", expected: "×", value: "○", reason: "r2" },
    ];
    const entries = entriesForApply(writes, [{ sheet: "取組", cell: "L12" }], "id#1", T);
    expect(entries).toEqual([
      {
        applyId: "id#1",
        time: T,
        sheet: "取組",
        cell: "L12",
        old: null,
        new: "○",
        reason: "55.9% ≥ 30%",
        op: "apply",
      },
    ]);
  });

  test("行に書いて読み戻すと同じ記録になる (数値・空・文字列)", () => {
    const entries: ChangeLogEntry[] = [
      { applyId: "a#1", time: T, sheet: "戦略", cell: "P7", old: null, new: "A", reason: "x", op: "apply" },
      { applyId: "a#1", time: T, sheet: "戦略", cell: "Q7", old: 1, new: "①", reason: "y", op: "apply" },
      {
        applyId: "a#1",
        time: T,
        sheet: "戦略",
        cell: "Q7",
        old: "①",
        new: 1,
        reason: "revert a#1",
        op: "revert",
      },
    ];
    expect(readChangeLog(logSnapshot(entries))).toEqual(entries);
  });

  test("見出しの前の行や壊れた行は無視する", () => {
    const s = snap(CHANGE_LOG_SHEET, [
      ["メモ"],
      [...CHANGE_LOG_HEADER],
      ["a#1", T, "取組", "L5", null, "○", "r", "apply"],
      ["a#1", T, "取組", "not a cell", null, "○", "r", "apply"],
      ["", T, "取組", "L6", null, "○", "r", "apply"],
      ["a#1", T, "取組", "L7", null, "○", "r", "delete"],
    ]);
    expect(readChangeLog(s).map((e) => e.cell)).toEqual(["L5"]);
    expect(readChangeLog(snap(CHANGE_LOG_SHEET, [["no header"]]))).toEqual([]);
  });

  test("nextApplyId は適用の数を数える", () => {
    expect(nextApplyId([], T)).toBe(`${T}#1`);
    const e: ChangeLogEntry = {
      applyId: "x",
      time: T,
      sheet: "s",
      cell: "A1",
      old: null,
      new: "○",
      reason: "",
      op: "apply",
    };
    expect(nextApplyId([e, { ...e, cell: "A2" }, { ...e, applyId: "y" }], T)).toBe(`${T}#3`);
  });

  test("writeValueOf: restore があればそれ、空文字は空セル", () => {
    expect(writeValueOf({ sheet: "s", cell: "A1", expected: null, value: "○", reason: "" })).toBe("○");
    expect(writeValueOf({ sheet: "s", cell: "A1", expected: null, value: "", reason: "" })).toBeNull();
    expect(
      writeValueOf({
        sheet: "s",
        cell: "A1",
        expected: "○",
        value: "1",
        reason: "",
        restore: 1,
      } as CellWrite),
    ).toBe(1);
  });
});

test("withChangeLogOverride は変更履歴シートを other にし、利用者の上書きを保つ", () => {
  expect(withChangeLogOverride()).toEqual({ [CHANGE_LOG_SHEET]: { kind: "other" } });
  expect(
    withChangeLogOverride({ 取組: { kind: "initiative" }, [CHANGE_LOG_SHEET]: { kind: "strategy" } }),
  ).toEqual({
    取組: { kind: "initiative" },
    [CHANGE_LOG_SHEET]: { kind: "other" },
  });
});

describe("planRevert: 最後の適用をちょうど元に戻す", () => {
  const apply1: ChangeLogEntry[] = [
    { applyId: "a#1", time: T, sheet: "取組", cell: "B2", old: null, new: "○", reason: "", op: "apply" },
  ];
  const apply2: ChangeLogEntry[] = [
    { applyId: "a#2", time: T, sheet: "取組", cell: "B3", old: null, new: "×", reason: "", op: "apply" },
    { applyId: "a#2", time: T, sheet: "取組", cell: "C3", old: 2, new: "②", reason: "", op: "apply" },
    { applyId: "a#2", time: T, sheet: "取組", cell: "B4", old: "(ⅰ)", new: "○(ⅰ)", reason: "", op: "apply" },
  ];
  const current = [
    snap("取組", [
      [null, null, null],
      [null, "○", null],
      [null, "×", "②"],
      [null, "○(ⅰ)", null],
    ]),
  ];

  test("値が書いたままのセルは元に戻す (順序は逆)", () => {
    const plan = planRevert([...apply1, ...apply2], current);
    expect(plan.applyId).toBe("a#2");
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes.map((w) => [w.cell, w.expected, w.restore])).toEqual([
      ["B4", "○(ⅰ)", "(ⅰ)"],
      ["C3", "②", 2],
      ["B3", "×", null],
    ]);
  });

  test("取り消し済みの適用は飛ばして、その前の適用を戻す", () => {
    const reverted = entriesForApply(
      apply2.map(
        (e) =>
          ({
            sheet: e.sheet,
            cell: e.cell,
            expected: e.new,
            value: String(e.old ?? ""),
            restore: e.old,
            reason: "revert",
          }) as CellWrite,
      ),
      apply2,
      "a#2",
      T,
      "revert",
    );
    expect(lastOpenApply([...apply1, ...apply2, ...reverted])).toBe("a#1");
    const plan = planRevert([...apply1, ...apply2, ...reverted], current);
    expect(plan.applyId).toBe("a#1");
    expect(plan.writes.map((w) => w.cell)).toEqual(["B2"]);
    const all = [
      ...apply1,
      ...apply2,
      ...reverted,
      ...entriesForApply(plan.writes, plan.writes, "a#1", T, "revert"),
    ];
    expect(planRevert(all, current)).toEqual({ applyId: null, writes: [], conflicts: [] });
  });

  test("書いた後に変わったセル・数式・消えたシートは衝突として残す", () => {
    const changed = [
      snap(
        "取組",
        [
          [null, null, null],
          [null, "○", null],
          [null, "△", "②"],
          [null, "○(ⅰ)", null],
        ],
        { formulas: [{ row: 2, col: 2 }] },
      ),
    ];
    const plan = planRevert([...apply2, { ...apply2[0]!, sheet: "消えた" }], changed);
    expect(plan.conflicts.map((c) => [c.entry.sheet, c.entry.cell, c.why, c.current])).toEqual([
      ["消えた", "B3", "missing-sheet", null],
      ["取組", "C3", "formula", "②"],
      ["取組", "B3", "changed", "△"],
    ]);
    expect(plan.writes.map((w) => w.cell)).toEqual(["B4"]);
  });

  test("原点がずれたスナップショットでも番地で照合する", () => {
    const shifted = snap("取組", [["×"]], { origin: { row: 2, col: 1 } });
    const plan = planRevert([apply2[0]!], [shifted]);
    expect(plan.writes.map((w) => w.cell)).toEqual(["B3"]);
  });

  test("空の記録では何もしない", () => {
    expect(planRevert([], current)).toEqual({ applyId: null, writes: [], conflicts: [] });
  });
});
