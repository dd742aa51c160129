import { eraFiscalYear, recognizeSheet, recognizeWorkbook } from "../../../src/core/layout";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { GridBuilder } from "./builder";
import { columnMap, matchOf } from "./helpers";
import { initiativeSample, strategySample, TITLE } from "./samples";

describe("凡例と表記 (legend → notation)", () => {
  const cases: ReadonlyArray<
    readonly [string, "circle" | "numbered" | "none", "circle" | "numbered", "legend" | "profile"]
  > = [
    ["○/× legend", "circle", "circle", "legend"],
    ["①②③ legend", "numbered", "numbered", "legend"],
    ["no legend: the profile's notation", "none", "circle", "profile"],
  ];
  test.each(cases)("%s", (_name, legend, notation, source) => {
    const { layout } = recognizeSheet(initiativeSample("s", { legend }).build(), DEFAULT_PROFILE);
    expect([layout.notation, layout.notationSource]).toEqual([notation, source]);
  });

  test("no legend with a ①②③ profile → numbered from the profile", () => {
    const { layout } = recognizeSheet(initiativeSample("s", { legend: "none" }).build(), {
      ...DEFAULT_PROFILE,
      notation: "numbered",
    });
    expect([layout.notation, layout.notationSource]).toEqual(["numbered", "profile"]);
  });

  const inline: ReadonlyArray<readonly [string, string, "circle" | "numbered", "legend" | "profile"]> = [
    [
      "marks lost in extraction (:目標達成)",
      ":目標達成 ()取組は予定どおり実施 :目標未達成",
      "circle",
      "profile",
    ],
    ["check boxes only", "☑目標達成 □目標未達成", "circle", "profile"],
    ["〇 (ideographic zero) and ✕", "〇:目標達成\n✕:目標未達成", "circle", "legend"],
    ["① in the legend", "① 目標達成 ② 目標未達成 ③ 撤退基準未達成", "numbered", "legend"],
  ];
  test.each(inline)("legend row: %s", (_name, text, notation, source) => {
    const b = new GridBuilder("l");
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
    b.row(1, [text, "○:有効 ×:有効でないため見直す"], 6);
    b.row(2, ["㋐", "名前", "指標", "[1-1] 取組"]);
    const { layout } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout.legendRow).toBe(1);
    expect(layout.header).toEqual({ top: 0, bottom: 1 });
    expect([layout.notation, layout.notationSource]).toEqual([notation, source]);
  });

  test("the symbol in its own cell left of the words", () => {
    const b = new GridBuilder("l");
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
    b.row(1, ["②", "目標未達成"], 6);
    b.row(2, ["㋐", "名前", "指標", "[1-1] 取組"]);
    expect(recognizeSheet(b.build(), DEFAULT_PROFILE).layout.notation).toBe("numbered");
  });
});

describe("表題 (title → ward, year)", () => {
  const cases: ReadonlyArray<readonly [string, string, string | null, number | null]> = [
    ["平成28年度", TITLE, "平野区", 2016],
    ["令和5年度", "区政運営基本方針の成果目標の達成に向けた取組状況について（東住吉区）", "東住吉区", 2023],
    ["令和元年度", "区政運営基本方針の成果目標の達成に向けた取組状況について(北区)", "北区", 2019],
    ["平成31年度", "区政運営基本方針の成果目標の達成に向けた取組状況について", null, 2019],
    ["", "区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)", "平野区", null],
  ];
  test.each(cases)("%s / %s", (year, title, ward, fy) => {
    const b = initiativeSample("t");
    b.set(0, 0, title).set(1, 2, year === "" ? "具体的取組" : `${year} 具体的取組`);
    const { layout } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect([layout.ward, layout.titleYear]).toEqual([ward, fy]);
  });

  test.each([
    ["平成", "28", 2016],
    ["平成", "元", 1989],
    ["令和", "3", 2021],
    ["令和", "元", 2019],
  ] as const)("%s%s年度 → FY%s", (era, n, fy) => {
    expect(eraFiscalYear(era, n)).toBe(fy);
  });
});

describe("シートの種類 (kind)", () => {
  test("strategy and initiative with full confidence", () => {
    expect(recognizeSheet(strategySample().build(), DEFAULT_PROFILE).layout).toMatchObject({
      kind: "strategy",
      kindConfidence: 1,
    });
    expect(recognizeSheet(initiativeSample().build(), DEFAULT_PROFILE).layout).toMatchObject({
      kind: "initiative",
      kindConfidence: 1,
    });
  });

  test("without the kind words the labels alone decide", () => {
    const b = strategySample("s");
    b.set(1, 2, "平成28年度");
    const { layout } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout.kind).toBe("strategy");
    expect(layout.kindConfidence).toBeCloseTo(0.7);
  });

  test("a sheet with the title but no readable table → structure.unknown-sheet (info)", () => {
    const b = new GridBuilder("表紙");
    b.set(0, 0, TITLE).set(2, 0, "平成28年度").set(4, 0, "別紙のとおり");
    const { layout, records, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout).toMatchObject({
      kind: "other",
      header: null,
      ward: "平野区",
      titleYear: 2016,
      columns: [],
    });
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        code: "structure.unknown-sheet",
        severity: "info",
        sheet: "表紙",
        gridRow: null,
        gridCol: null,
        field: null,
        column: null,
        input: null,
        params: { sheet: "表紙" },
      },
    ]);
  });

  test("a sheet without the title that is not a form is 'other' silently", () => {
    const b = new GridBuilder("集計");
    b.row(0, ["区", "件数", "割合"]).row(1, ["平野区", 12, 0.5]);
    const { layout, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(layout.kind).toBe("other");
    expect(issues).toEqual([]);
  });
});

describe("上書き (mapping overrides)", () => {
  test("a column override replaces the match (how override, confidence 1) and the records follow it", () => {
    const snap = initiativeSample("o").build();
    const { layout, records } = recognizeSheet(snap, DEFAULT_PROFILE, { columns: { issue: 13, plan: 12 } });
    expect(matchOf(layout, "issue")).toEqual({
      field: "issue",
      col: 13,
      label: "改善策",
      confidence: 1,
      how: "override",
    });
    expect(matchOf(layout, "plan")).toMatchObject({ col: 12, how: "override", confidence: 1 });
    expect(records[0]?.fields.issue?.[0]?.address).toBe("N8");
  });

  test("null unmaps a field (reported as missing when required)", () => {
    const { layout, issues } = recognizeSheet(initiativeSample("o").build(), DEFAULT_PROFILE, {
      columns: { plan: null },
    });
    expect(matchOf(layout, "plan")).toBeUndefined();
    expect(issues.map((i) => [i.code, i.column])).toEqual([["structure.missing-column", "plan"]]);
  });

  test("an overridden column is taken from the field that matched it", () => {
    const { layout } = recognizeSheet(initiativeSample("o").build(), DEFAULT_PROFILE, {
      columns: { done: 7 },
    });
    expect(columnMap(layout)).toMatchObject({ done: 7 });
    expect(matchOf(layout, "history")).toBeUndefined();
  });

  test("a weak match overridden is not reported as weak", () => {
    const snap = initiativeSample("o", { labels: { 業績目標: "業積目標" } }).build();
    expect(recognizeSheet(snap, DEFAULT_PROFILE).issues.map((i) => i.code)).toEqual([
      "structure.weak-header",
    ]);
    expect(recognizeSheet(snap, DEFAULT_PROFILE, { columns: { performanceTarget: 5 } }).issues).toEqual([]);
  });

  test("a kind override: 'other' drops a form; a form kind reads a sheet the labels alone cannot decide", () => {
    const snap = strategySample("k").build();
    const other = recognizeSheet(snap, DEFAULT_PROFILE, { kind: "other" });
    expect(other.layout).toMatchObject({ kind: "other", kindConfidence: 1 });
    expect(other.records).toEqual([]);
    expect(other.issues).toEqual([]);

    const b = new GridBuilder("手書き");
    b.row(0, [
      "記号",
      "名称",
      "指標",
      "取組の内容",
      "目標",
      "基準",
      "実績",
      "評価",
      "有効性",
      "課題",
      "改善策",
    ]);
    b.row(1, ["㋐", "名前", "指標", "[2-1] 取組", "30%以上", "15%未満", "40%", "○", "○", "-", "-"]);
    const forced = recognizeSheet(b.build(), DEFAULT_PROFILE, {
      kind: "initiative",
      columns: {
        itemMark: 0,
        itemName: 1,
        performanceTarget: 4,
        withdrawalCriterion: 5,
        achievementResult: 6,
        achievement: 7,
      },
    });
    expect(forced.layout).toMatchObject({ kind: "initiative", kindConfidence: 1 });
    expect(forced.records).toHaveLength(1);
    expect(forced.records[0]).toMatchObject({ itemMark: "ア", itemName: "名前", initiativeCode: "2-1" });
    expect(forced.records[0]?.fields.achievement?.[0]?.address).toBe("H2");
  });

  test("recognizeWorkbook applies overrides by sheet name (own keys only)", () => {
    const r = recognizeWorkbook(
      [strategySample("constructor").build(), initiativeSample("取組").build()],
      DEFAULT_PROFILE,
      { 取組: { kind: "other" } },
    );
    expect(r.layouts.map((l) => l.kind)).toEqual(["strategy", "other"]);
  });
});
