import { recognizeSheet, recognizeWorkbook } from "../../../src/core/layout";
import type { InitiativeRecord, SheetRecord, StrategyRecord } from "../../../src/core/model/records";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { GridBuilder } from "./builder";
import { initiativeSample, strategySample } from "./samples";

function addresses(r: SheetRecord, field: keyof SheetRecord["fields"]): string[] {
  return (r.fields[field] ?? []).map((c) => c.address);
}

/** A small initiative table: header in row 0, records below. */
function initiativeTable(): GridBuilder {
  const b = new GridBuilder("表");
  b.row(0, [
    "項目",
    null,
    "成果指標",
    "取組内容",
    "業績目標",
    "撤退基準",
    "業績目標の達成状況",
    null,
    "戦略に対する取組の有効性",
    "課題",
    "改善策",
  ]);
  b.merge(0, 0, 0, 1).merge(0, 6, 0, 7);
  return b;
}

describe("レコード (records)", () => {
  test("戦略: hierarchy, one record per item, continuation rows add further indicators", () => {
    const { records } = recognizeSheet(strategySample().build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.id, r.area?.number, r.objective?.number, r.itemMark, r.itemName])).toEqual([
      ["戦略!8", "1", "1", "ア", "人と人とのつながりづくりの促進"],
      ["戦略!11", "2", "1", "ア", "多様な区民の意見やニーズの的確な把握と区政情報の発信"],
      ["戦略!13", "2", "1", "イ", "区民の参画と協働による区政運営"],
    ]);
    const second = records[1] as StrategyRecord;
    expect([second.rowStart, second.rowEnd]).toEqual([10, 11]);
    expect(addresses(second, "indicator")).toEqual(["C11", "C12"]);
    expect(addresses(second, "indicatorTarget")).toEqual(["D11", "D12"]);
    // anchors are present even when empty, continuation rows only when filled
    expect(addresses(second, "issue")).toEqual(["N11"]);
    expect(second.fields.issue?.[0]?.text).toBe("");
    expect(second.area).toEqual({ number: "2", title: "「自律した自治体型の区政運営」に向けて", row: 8 });
    expect(records.map((r) => (r as StrategyRecord).strategyCode)).toEqual(["3", "5", "5"]);
  });

  test("取組: a row with a non-empty 取組内容 starts an initiative; rows without continue it", () => {
    const { records } = recognizeSheet(initiativeSample().build(), DEFAULT_PROFILE);
    const init = records as InitiativeRecord[];
    expect(
      init.map((r) => [r.id, r.itemMark, r.itemName, r.initiativeCode, r.strategyCode, r.rowStart, r.rowEnd]),
    ).toEqual([
      ["取組!8", "ア", "人と人とのつながりづくりの促進", "3-1", "3", 7, 7],
      ["取組!11", "ア", "区における市政の総合窓口機能の充実", "5-1", "5", 10, 10],
      ["取組!12", null, "区における市政の総合窓口機能の充実", "5-2", "5", 11, 12],
    ]);
    expect(addresses(init[2] as SheetRecord, "performanceTarget")).toEqual(["F12", "F13"]);
    expect(addresses(init[2] as SheetRecord, "achievement")).toEqual(["K12"]);
  });

  test("merged item cells: anchors resolve to the merged area's top-left; a merged mark belongs to every initiative", () => {
    const b = initiativeTable();
    b.row(1, ["(1)", "豊かなコミュニティの実現"]);
    b.merge(2, 0, 4, 0, "㋐")
      .merge(2, 1, 4, 1, "人と人とのつながりづくりの促進")
      .merge(2, 2, 4, 2, "区民の割合");
    b.row(2, ["[3-1] 広報", "30%以上", "15%未満", "55.9%", "○", "○"], 3);
    b.row(3, ["[3-2] 取材", "60%以上", "30%以下", "85%", null, "○"], 3);
    b.row(4, [null, "2回", null, "2回"], 3);
    b.merge(2, 9, 4, 9, "課題なし");
    const { records, layout } = recognizeSheet(b.build(), { ...DEFAULT_PROFILE });
    expect(layout.kind).toBe("initiative");
    const init = records as InitiativeRecord[];
    expect(init.map((r) => [r.rowStart, r.rowEnd, r.itemMark, r.itemName, r.initiativeCode])).toEqual([
      [2, 2, "ア", "人と人とのつながりづくりの促進", "3-1"],
      [3, 4, "ア", "人と人とのつながりづくりの促進", "3-2"],
    ]);
    const second = init[1] as SheetRecord;
    expect(addresses(second, "itemMark")).toEqual(["A3"]);
    expect(addresses(second, "indicator")).toEqual(["C3"]);
    expect(addresses(second, "issue")).toEqual(["J3"]);
    expect(second.fields.issue?.[0]?.text).toBe("課題なし");
    expect(addresses(second, "performanceTarget")).toEqual(["E4", "E5"]);
    expect(addresses(second, "achievement")).toEqual(["H4"]);
    expect(init[0]?.duplicateOf).toBeNull();
    expect(init[1]?.duplicateOf).toBeNull();
  });

  test("a strategy item merged down over its rows ends where its merge ends", () => {
    const b = new GridBuilder("s");
    b.row(0, [
      "項目",
      null,
      "成果指標",
      "めざす状態",
      "アウトカム",
      "戦略",
      "戦略のアウトカムに対する有効性",
      "アウトカムの達成状況",
      null,
      null,
      "戦略の進捗状況",
      "課題",
      "改善策",
    ]);
    b.row(1, [null, null, null, null, null, null, null, null, "個別", "全体"]);
    b.merge(0, 0, 0, 1).merge(0, 7, 0, 9);
    b.merge(2, 0, 4, 0, "㋐").merge(2, 1, 4, 1, "名前").set(2, 2, "指標1").set(3, 2, "指標2");
    b.merge(2, 10, 4, 10, "a");
    b.set(6, 0, "㋑").set(6, 1, "次");
    const { records, layout } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout.kind).toBe("strategy");
    expect(records.map((r) => [r.rowStart, r.rowEnd, r.itemMark])).toEqual([
      [2, 4, "ア"],
      [6, 6, "イ"],
    ]);
    expect(addresses(records[0] as SheetRecord, "indicator")).toEqual(["C3", "C4"]);
    expect(addresses(records[0] as SheetRecord, "strategyProgress")).toEqual(["K3"]);
  });

  test("FieldCell: address with the origin, numbers/booleans as text, formula flag, error code", () => {
    const b = initiativeTable();
    b.row(1, ["㋐", "名前", "指標", "[1-1] 取組", 0.5, true, null, null, null, "-", "-"]);
    b.formula(1, 7, "○");
    b.error(1, 6, "#N/A");
    const { records } = recognizeSheet(b.build({ row: 4, col: 2 }), DEFAULT_PROFILE);
    const r = records[0] as SheetRecord;
    expect(r.id).toBe("表!6");
    expect(r.fields.performanceTarget?.[0]).toEqual({
      row: 1,
      col: 4,
      address: "G6",
      raw: 0.5,
      text: "0.5",
      formula: false,
      error: null,
    });
    expect(r.fields.withdrawalCriterion?.[0]).toMatchObject({ raw: true, text: "TRUE" });
    expect(r.fields.achievement?.[0]).toMatchObject({ address: "J6", text: "○", formula: true, error: null });
    expect(r.fields.achievementResult?.[0]).toMatchObject({
      address: "I6",
      raw: null,
      text: "",
      error: "#N/A",
    });
  });

  test("continuation page: repeated title/header rows are skipped, the repeated item is a duplicate (counted once)", () => {
    const { layout, records, issues } = recognizeSheet(
      strategySample("s", { continuation: true }).build(),
      DEFAULT_PROFILE,
    );
    expect(layout.repeatedHeaders).toEqual([{ top: 13, bottom: 17 }]);
    expect(records.map((r) => [r.id, r.duplicateOf])).toEqual([
      ["s!8", null],
      ["s!11", null],
      ["s!13", null],
      ["s!19", "s!13"],
      ["s!21", null],
    ]);
    expect(records.filter((r) => r.duplicateOf === null)).toHaveLength(4);
    expect(issues).toEqual([
      {
        code: "duplicates.repeated-row",
        severity: "info",
        sheet: "s",
        gridRow: 18,
        gridCol: 1,
        field: null,
        column: null,
        input: "区民の参画と協働による区政運営",
        params: { first: "s!13", duplicate: "s!19", item: "区民の参画と協働による区政運営" },
      },
    ]);
    // header rows never become record content
    for (const r of records) {
      for (const cells of Object.values(r.fields)) {
        for (const c of cells ?? []) expect(c.row < 13 || c.row > 17).toBe(true);
      }
    }
  });

  test("a second initiative on the same item and indicator is not a duplicate; the same one repeated is", () => {
    const { records } = recognizeSheet(
      initiativeSample("i", { continuation: true }).build(),
      DEFAULT_PROFILE,
    );
    expect(records.map((r) => r.duplicateOf)).toEqual([null, null, null, "i!12"]);
  });

  test("workbook: the same item on two sheets of one kind is reported once, on the later sheet", () => {
    const a = strategySample("A").build();
    const b = strategySample("B").build();
    const r = recognizeWorkbook([a, b], DEFAULT_PROFILE);
    expect(r.records).toHaveLength(6);
    expect(r.records.filter((x) => x.duplicateOf !== null).map((x) => [x.id, x.duplicateOf])).toEqual([
      ["B!8", "A!8"],
      ["B!11", "A!11"],
      ["B!13", "A!13"],
    ]);
    expect(r.issues.filter((i) => i.code === "duplicates.repeated-row")).toHaveLength(3);
    // the same item on a strategy sheet and an initiative sheet is not a duplicate
    const mixed = recognizeWorkbook(
      [strategySample("S").build(), initiativeSample("I").build()],
      DEFAULT_PROFILE,
    );
    expect(mixed.records.every((x) => x.duplicateOf === null)).toBe(true);
  });

  test("notes below the table (※…) and stray text before the first item are not records", () => {
    const b = initiativeTable();
    b.set(1, 9, "記入上の注意: 前年度の数値を記入");
    b.row(2, ["㋐", "名前", "指標", "[1-1] 取組"]);
    b.set(3, 0, "※ 数値は速報値");
    const { records } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(records.map((r) => [r.rowStart, r.rowEnd, r.itemName])).toEqual([[2, 2, "名前"]]);
    expect(records[0]?.fields.itemMark).toHaveLength(1);
  });
});
