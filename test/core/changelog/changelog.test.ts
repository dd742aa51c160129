import {
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeLogRows,
  entriesForApply,
  lastOpenApply,
  nextApplyId,
  findChangeLog,
  MAX_OLD_CONTENT,
  OLD_CONTENT_TOO_LONG,
  oldContentTag,
  planRevert,
  readChangeLog,
  readChangeLogRows,
  rejectedRowsText,
  sameSheetName,
  sheetNameProblem,
  withChangeLogOverride,
  writeValueOf,
} from "../../../src/core/changelog";
import type { CellWrite, ChangeLogEntry } from "../../../src/core/model/plan";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { at } from "../../helpers/cell-write";

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
  test("見出しは日本語 (英語キー) の9列", () => {
    expect(CHANGE_LOG_HEADER).toEqual([
      "適用ID (applyId)",
      "日時 (time)",
      "シート (sheet)",
      "セル (cell)",
      "変更前 (old)",
      "変更後 (new)",
      "理由 (reason)",
      "操作 (op)",
      "変更前の内容 (oldContent)",
    ]);
  });

  test("entriesForApply は実際に書いたセルだけを記録する", () => {
    const writes: CellWrite[] = [
      { sheet: "取組", ...at("L12"), expected: null, value: "○", reason: "55.9% ≥ 30%" },
      { sheet: "取組", ...at("L13"), expected: "×", value: "○", reason: "r2" },
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
    // …and the rows that are not entries are reported (sheet rows, 1-based), blank rows are not
    const withBlank = snap(CHANGE_LOG_SHEET, [
      ...s.values.map((row) => [...row]),
      [null, null],
      ["手書き", "", "取組", "A1"],
    ]);
    expect(readChangeLogRows(withBlank).rejected).toEqual([
      { row: 4, why: "bad-cell" },
      { row: 5, why: "bad-apply-id" },
      { row: 6, why: "bad-op" },
      { row: 8, why: "bad-apply-id" },
    ]);
    expect(rejectedRowsText(readChangeLogRows(withBlank).rejected)?.ja).toContain(
      "4 行は kusei の記録ではない",
    );
  });

  test("oldContent は書いて読み戻せる; 長すぎる記録は戻せない印になる", () => {
    const w = (oldContent: string) =>
      entriesForApply(
        [{ sheet: "取組", ...at("L5"), expected: null, value: "○", reason: "", oldContent }],
        [{ sheet: "取組", cell: "L5" }],
        "a#1",
        T,
      );
    const entries = w('exceljs:{"richText":[{"text":"(ⅰ)"}]}');
    expect(entries[0]?.oldContent).toBe('exceljs:{"richText":[{"text":"(ⅰ)"}]}');
    expect(readChangeLog(logSnapshot(entries))).toEqual(entries);
    expect(w("x".repeat(MAX_OLD_CONTENT + 1))[0]?.oldContent).toBe(OLD_CONTENT_TOO_LONG);
    expect(oldContentTag(OLD_CONTENT_TOO_LONG)).toBe("none");
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
    expect(writeValueOf({ sheet: "s", ...at("A1"), expected: null, value: "○", reason: "" })).toBe("○");
    expect(writeValueOf({ sheet: "s", ...at("A1"), expected: null, value: "", reason: "" })).toBeNull();
    expect(
      writeValueOf({
        sheet: "s",
        ...at("A1"),
        expected: "○",
        value: "1",
        reason: "",
        restore: 1,
      } as CellWrite),
    ).toBe(1);
  });
});

test("withChangeLogOverride: Excel が同じ名前とみなすシートも other にする", () => {
  expect(withChangeLogOverride({}, CHANGE_LOG_SHEET, ["取組", "KUSEI_変更履歴"])).toEqual({
    [CHANGE_LOG_SHEET]: { kind: "other" },
    KUSEI_変更履歴: { kind: "other" },
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
  // the mark cells of the current evaluation (B2:C4 here)
  const MARKS = ["B2", "B3", "C3", "B4"].map((cell) => ({ sheet: "取組", cell }));

  test("値が書いたままのセルは元に戻す (順序は逆)", () => {
    const plan = planRevert([...apply1, ...apply2], current, MARKS);
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
            ...at(e.cell),
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
    const plan = planRevert([...apply1, ...apply2, ...reverted], current, MARKS);
    expect(plan.applyId).toBe("a#1");
    expect(plan.writes.map((w) => w.cell)).toEqual(["B2"]);
    const all = [
      ...apply1,
      ...apply2,
      ...reverted,
      ...entriesForApply(plan.writes, plan.writes, "a#1", T, "revert"),
    ];
    expect(planRevert(all, current, MARKS)).toEqual({ applyId: null, writes: [], conflicts: [] });
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
    const plan = planRevert([...apply2, { ...apply2[0]!, sheet: "消えた" }], changed, MARKS);
    expect(plan.conflicts.map((c) => [c.entry.sheet, c.entry.cell, c.why, c.current])).toEqual([
      ["消えた", "B3", "missing-sheet", null],
      ["取組", "C3", "formula", "②"],
      ["取組", "B3", "changed", "△"],
    ]);
    expect(plan.writes.map((w) => w.cell)).toEqual(["B4"]);
  });

  test("原点がずれたスナップショットでも番地で照合する", () => {
    const shifted = snap("取組", [["×"]], { origin: { row: 2, col: 1 } });
    const plan = planRevert([apply2[0]!], [shifted], MARKS);
    expect(plan.writes.map((w) => w.cell)).toEqual(["B3"]);
  });

  test("空の記録では何もしない", () => {
    expect(planRevert([], current, MARKS)).toEqual({ applyId: null, writes: [], conflicts: [] });
  });

  test("マークのセルでないセルの記録は戻さない (手書きの行で名前のセルを書き換えさせない)", () => {
    const forged: ChangeLogEntry = {
      applyId: "a#3",
      time: T,
      sheet: "取組",
      cell: "A2",
      old: "乗っ取られた取組名",
      new: null,
      reason: "",
      op: "apply",
    };
    const plan = planRevert([...apply2, forged], current, MARKS);
    expect(plan.applyId).toBe("a#3");
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts.map((c) => [c.entry.cell, c.why])).toEqual([["A2", "not-a-mark-cell"]]);
  });

  test("シート名は Excel と同じく大文字小文字・全角半角を区別せずに照合し、いまの名前と番地で書く", () => {
    const latin = planRevert(
      [{ ...apply2[0]!, sheet: "ｓｈｅｅｔ１", cell: "$b$3" }],
      [{ ...current[0]!, name: "Sheet1" }],
      [{ sheet: "Sheet1", cell: "B3" }],
    );
    expect(latin.writes.map((w) => [w.sheet, w.cell])).toEqual([["Sheet1", "B3"]]);
  });

  test("保護・エラー値のセルは戻さない; oldContent は restoreContent として渡す", () => {
    const prot = planRevert(apply2, [{ ...current[0]!, protected: true }], MARKS);
    expect(prot.conflicts.map((c) => c.why)).toEqual(["protected", "protected", "protected"]);
    const err = planRevert(apply2, [{ ...current[0]!, errors: [{ row: 2, col: 1, code: "#N/A" }] }], MARKS);
    expect(err.conflicts.map((c) => [c.entry.cell, c.why])).toEqual([["B3", "error-value"]]);
    const rich = planRevert([{ ...apply2[0]!, oldContent: 'xlsx-c:<c r="B3"/>' }], current, MARKS);
    expect(rich.writes[0]?.restoreContent).toBe('xlsx-c:<c r="B3"/>');
    expect(planRevert(apply2, current, MARKS).writes[0]?.restoreContent).toBeNull();
  });
});

describe("シート名の照合 (Excel と同じ)", () => {
  test.each([
    ["kusei_変更履歴", "KUSEI_変更履歴", true],
    ["kusei_変更履歴", "ＫＵＳＥＩ＿変更履歴", true],
    ["ｶﾞｲﾖｳ", "ガイヨウ", true],
    ["Sheet 1", "Sheet\u30001", true],
    ["①", "1", false],
    ["取組(1)", "取組(2)", false],
  ])("%s = %s: %s", (a, b, same) => {
    expect(sameSheetName(a, b)).toBe(same);
  });

  test("Excel が受け付けないシート名", () => {
    expect(sheetNameProblem("kusei_変更履歴_2")).toBeNull();
    for (const bad of ["", "  ", "a".repeat(32), "a/b", "a:b", "a[1]", "'a", "a'", "ａ／ｂ", "a\u0000"])
      expect(sheetNameProblem(bad)).not.toBeNull();
  });

  test("findChangeLog: なし / kusei の変更履歴 (名前の表記違いも) / 同名の別シート (衝突)", () => {
    expect(findChangeLog([]).status).toBe("absent");
    const log = snap("KUSEI_変更履歴", [[...CHANGE_LOG_HEADER]]);
    expect(findChangeLog([log])).toMatchObject({ status: "found", name: "KUSEI_変更履歴" });
    expect(findChangeLog([snap("Kusei_変更履歴", [[null]])]).status).toBe("found");
    const clash = findChangeLog([snap("KUSEI_変更履歴", [["利用者のメモ"]])]);
    expect(clash.status).toBe("clash");
    if (clash.status === "clash") {
      expect(clash.message.ja).toContain("--log-sheet");
      expect(clash.message.en).toContain("--log-sheet");
    }
    expect(findChangeLog([snap("KUSEI_変更履歴", [["メモ"]])], "別の履歴").status).toBe("absent");
  });
});
