import { recognizeSheet } from "../../../src/core/layout";
import type { ColumnField } from "../../../src/core/model/records";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { columnMap, matchOf } from "./helpers";
import { GridBuilder } from "./builder";
import { initiativeSample, strategySample } from "./samples";

const STRATEGY_MAP: Partial<Record<ColumnField, number>> = {
  itemMark: 0,
  itemName: 1,
  indicator: 2,
  indicatorTarget: 3,
  state: 4,
  outcomeIndicator: 5,
  strategy: 6,
  strategyEffectiveness: 7,
  outcomeResult: 8,
  outcomePrevious: 9,
  outcome: 10,
  outcomeOverall: 11,
  strategyProgress: 12,
  issue: 13,
  plan: 14,
};

const INITIATIVE_MAP: Partial<Record<ColumnField, number>> = {
  itemMark: 0,
  itemName: 1,
  indicator: 2,
  indicatorTarget: 3,
  activity: 4,
  performanceTarget: 5,
  withdrawalCriterion: 6,
  history: 7,
  done: 8,
  achievementResult: 9,
  achievement: 10,
  initiativeEffectiveness: 11,
  issue: 12,
  plan: 13,
};

describe("見出し行の列認識 (column map)", () => {
  test("戦略シート: every field by label or by position under its merged parent", () => {
    const { layout, issues } = recognizeSheet(strategySample().build(), DEFAULT_PROFILE);
    expect(layout.kind).toBe("strategy");
    expect(columnMap(layout)).toEqual(STRATEGY_MAP);
    expect(matchOf(layout, "itemMark")?.how).toBe("position");
    expect(matchOf(layout, "outcomeResult")?.how).toBe("position");
    expect(matchOf(layout, "outcome")?.how).toBe("label");
    expect(matchOf(layout, "outcome")?.label).toBe("アウトカムの達成状況 個別");
    expect(layout.header).toEqual({ top: 2, bottom: 4 });
    expect(issues).toEqual([]);
  });

  test("取組シート: every field", () => {
    const { layout, issues } = recognizeSheet(initiativeSample().build(), DEFAULT_PROFILE);
    expect(layout.kind).toBe("initiative");
    expect(columnMap(layout)).toEqual(INITIATIVE_MAP);
    expect(matchOf(layout, "achievement")?.how).toBe("position");
    expect(issues).toEqual([]);
  });

  // [sheet, canonical label, label as written, field]
  const variants: ReadonlyArray<readonly ["strategy" | "initiative", string, string, ColumnField]> = [
    ["strategy", "今後の対応方向\n改善策", "今後の対応方向・改善策", "plan"],
    ["strategy", "今後の対応方向\n改善策", "今後の対応方向\u3000改善策", "plan"],
    ["strategy", "今後の対応方向\n改善策", "今後の対応方向", "plan"],
    ["strategy", "今後の対応方向\n改善策", "改善策", "plan"],
    ["strategy", "めざす状態", "目指す状態", "state"],
    ["strategy", "めざす状態", "めざす\n状態", "state"],
    ["strategy", "戦略の進捗状況", "戦略の\n進捗状況", "strategyProgress"],
    [
      "strategy",
      "戦略のアウトカムに対する有効性",
      "戦略のアウトカムに\r\n対する有効性",
      "strategyEffectiveness",
    ],
    ["strategy", "アウトカム", "アウトカム指標", "outcomeIndicator"],
    ["strategy", "アウトカム", "ア ウ ト カ ム", "outcomeIndicator"],
    ["strategy", "個別", "個別評価", "outcome"],
    ["strategy", "全体", "全 体", "outcomeOverall"],
    ["strategy", "成果指標と目標値", "成果指数と目標値", "indicatorTarget"],
    ["strategy", "成果指標と目標値", "成果指標及び目標値", "indicator"],
    ["initiative", "撤退基準", "撤退・再構築基準", "withdrawalCriterion"],
    ["initiative", "撤退基準", "撤\u3000退\u3000基\u3000準", "withdrawalCriterion"],
    ["initiative", "撤退基準", "撤退基準\n（再構築基準）", "withdrawalCriterion"],
    ["initiative", "取組内容", "取り組み内容", "activity"],
    ["initiative", "取組内容", "取組\n内容", "activity"],
    ["initiative", "取組実績", "取り組み実績", "done"],
    ["initiative", "前年度までの実績", "前年度までの\n実績", "history"],
    ["initiative", "戦略に対する取組の有効性", "戦略に対する\n取組の有効性", "initiativeEffectiveness"],
    ["initiative", "改善策", "今後の対応方向・改善策", "plan"],
    ["initiative", "業績目標の達成状況", "業績目標の\n達成状況", "achievement"],
    ["initiative", "成果指標と目標値", "成果指数と目標値", "indicator"],
    ["initiative", "項目", "項\u3000目", "itemName"],
  ];

  test.each(variants)(
    "%s: 「%s」 written 「%s」 → %s, same column, strong",
    (kind, canonical, written, field) => {
      const b =
        kind === "strategy"
          ? strategySample("s", { labels: { [canonical]: written } })
          : initiativeSample("s", { labels: { [canonical]: written } });
      const { layout, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
      expect(layout.kind).toBe(kind);
      expect(columnMap(layout)).toEqual(kind === "strategy" ? STRATEGY_MAP : INITIATIVE_MAP);
      expect(matchOf(layout, field)?.confidence).toBeGreaterThanOrEqual(
        DEFAULT_PROFILE.header.weakConfidence,
      );
      expect(issues.filter((i) => i.code.startsWith("structure."))).toEqual([]);
    },
  );

  // typos that still map, but only weakly: reported with the label, the field and the confidence
  const weak: ReadonlyArray<readonly ["strategy" | "initiative", string, string, ColumnField]> = [
    ["initiative", "業績目標", "業積目標", "performanceTarget"],
    ["initiative", "取組実績", "取組実積", "done"],
    ["strategy", "課題", "課題・問題点", "issue"],
  ];

  test.each(weak)("%s: 「%s」 written 「%s」 → %s, reported as weak", (kind, canonical, written, field) => {
    const b =
      kind === "strategy"
        ? strategySample("s", { labels: { [canonical]: written } })
        : initiativeSample("s", { labels: { [canonical]: written } });
    const { layout, issues } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    const m = matchOf(layout, field);
    expect(m?.col).toBe((kind === "strategy" ? STRATEGY_MAP : INITIATIVE_MAP)[field]);
    expect(m?.confidence).toBeLessThan(DEFAULT_PROFILE.header.weakConfidence);
    const issue = issues.find((i) => i.code === "structure.weak-header");
    expect(issue).toMatchObject({
      column: field,
      gridCol: m?.col,
      params: { label: written.replace(/\s+/g, " "), field, confidence: m?.confidence },
    });
  });

  test("担当課 (extra column) → department; the other fields shift by one", () => {
    const { layout, issues } = recognizeSheet(
      initiativeSample("s", { departmentAt: 4 }).build(),
      DEFAULT_PROFILE,
    );
    const expected = Object.fromEntries(
      Object.entries(INITIATIVE_MAP).map(([f, c]) => [f, c !== undefined && c >= 4 ? c + 1 : c]),
    );
    expect(columnMap(layout)).toEqual({ ...expected, department: 4 });
    expect(issues).toEqual([]);
  });

  test("other column order (改善策 before 課題)", () => {
    const { layout } = recognizeSheet(initiativeSample("s", { swapLast: true }).build(), DEFAULT_PROFILE);
    expect(columnMap(layout)).toEqual({ ...INITIATIVE_MAP, issue: 13, plan: 12 });
  });

  test("header lower down (starts at row 9)", () => {
    const { layout, records } = recognizeSheet(strategySample("s", { offset: 7 }).build(), DEFAULT_PROFILE);
    expect(layout.header).toEqual({ top: 9, bottom: 11 });
    expect(columnMap(layout)).toEqual(STRATEGY_MAP);
    expect(records).toHaveLength(3);
  });

  test("a header below profile.header.searchRows is not searched", () => {
    const profile = { ...DEFAULT_PROFILE, header: { ...DEFAULT_PROFILE.header, searchRows: 9 } };
    const { layout, issues } = recognizeSheet(strategySample("s", { offset: 7 }).build(), profile);
    expect(layout.kind).toBe("other");
    expect(issues.map((i) => i.code)).toEqual(["structure.unknown-sheet"]);
  });

  test("a required column that is not there → structure.missing-column", () => {
    const { layout, issues } = recognizeSheet(
      initiativeSample("s", { labels: { 撤退基準: "備考" } }).build(),
      DEFAULT_PROFILE,
    );
    expect(layout.kind).toBe("initiative");
    expect(matchOf(layout, "withdrawalCriterion")).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "structure.missing-column",
        column: "withdrawalCriterion",
        params: { field: "withdrawalCriterion", kind: "initiative" },
      }),
    ]);
  });

  test("unmerged parent labels (text exported without merges) cover the unlabelled columns after them", () => {
    const b = new GridBuilder("flat");
    b.row(0, [
      "項目",
      null,
      "成果指標と目標値",
      null,
      "取組内容",
      "業績目標",
      "撤退基準",
      "業績目標の達成状況",
      null,
      "戦略に対する取組の有効性",
      "課題",
      "改善策",
    ]);
    b.row(1, [
      "㋐",
      "名前",
      "指標",
      "50%以上",
      "[1-1] 取組",
      "30%以上",
      "15%未満",
      "40%",
      "○",
      "○",
      "-",
      "-",
    ]);
    const { layout } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(columnMap(layout)).toEqual({
      itemMark: 0,
      itemName: 1,
      indicator: 2,
      indicatorTarget: 3,
      activity: 4,
      performanceTarget: 5,
      withdrawalCriterion: 6,
      achievementResult: 7,
      achievement: 8,
      initiativeEffectiveness: 9,
      issue: 10,
      plan: 11,
    });
  });

  test("one 項目 column holds mark and name; sub-labels under 業績目標の達成状況 map by label", () => {
    const b = new GridBuilder("one");
    b.row(0, [
      "項目",
      "成果指標",
      "取組内容",
      "業績目標",
      "撤退基準",
      "業績目標の達成状況",
      null,
      null,
      "戦略に対する取組の有効性",
      "課題",
      "改善策",
    ]);
    b.merge(0, 5, 0, 7);
    b.row(1, [null, null, null, null, null, "実施状況", "実績", "評価"]);
    b.row(2, ["㋑ 区民の参画", "指標", "[2-1] 取組", "30%以上", "15%未満", "(ⅰ)", "40%", "○"]);
    const { layout, records } = recognizeSheet(b.build(), DEFAULT_PROFILE);
    expect(columnMap(layout)).toMatchObject({
      itemMark: 0,
      itemName: 0,
      execution: 5,
      achievementResult: 6,
      achievement: 7,
    });
    expect(matchOf(layout, "execution")?.how).toBe("label");
    expect(records[0]).toMatchObject({ itemMark: "イ", itemName: "区民の参画", initiativeCode: "2-1" });
  });
});
