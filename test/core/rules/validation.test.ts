import type { FindingCode, Issue } from "../../../src/core/model/findings";
import type { SheetRecord } from "../../../src/core/model/records";
import { initiative, strategy } from "./builders";
import { run } from "./helpers";

const ACHIEVED = { performanceTarget: "参加率30%以上", achievementResult: "参加率55.9%" } as const;
const MISSED = { performanceTarget: "格付結果:3.5以上", achievementResult: "格付結果:3.2" } as const;
const WITHDRAWN = {
  performanceTarget: "参加率30%以上",
  achievementResult: "参加率10%",
  withdrawalCriterion: "15%未満であれば、事業を再構築する。",
} as const;
const NARRATIVE = { issue: "課題あり", plan: "改善策あり" } as const;

function codesOf(records: SheetRecord[]): FindingCode[] {
  return run(records).issues.map((i) => i.code);
}

describe("vocabulary", () => {
  test.each<[string, SheetRecord, string, string]>([
    ["有効性に A(ア/イ のところ)", strategy(5, { strategyEffectiveness: "A" }), "ア/イ", "A"],
    ["個別に C", strategy(5, { outcome: "A C" }), "A/B", "C"],
    ["進捗に A(a/b のところ)", strategy(5, { strategyProgress: "A" }), "a/b", "A"],
    ["取組の有効性に ア", initiative(5, { ...ACHIEVED, initiativeEffectiveness: "ア" }), "○/×", "ア"],
    ["達成状況に 達成", initiative(5, { ...ACHIEVED, achievement: "達成" }), "○/×(と (ⅰ)/(ⅱ))", "達成"],
  ])("%s → not-a-mark with expected and found", (_n, record, expected, found) => {
    const { findings } = run([record]);
    const f = findings.find((x) => x.code === "vocabulary.not-a-mark");
    expect(f).toBeDefined();
    expect(f?.severity).toBe("error");
    expect(f?.message.ja).toContain(expected);
    expect(f?.message.ja).toContain(`「${found}」`);
  });

  test.each<[string, SheetRecord]>([
    ["㋐ (circled) is ア", strategy(5, { strategyEffectiveness: "㋐" })],
    ["full-width Ａ/ｂ", strategy(5, { outcome: "Ａ\nＡ", strategyProgress: "ｂ", ...NARRATIVE })],
    [
      "〇(ⅰ) and ✕",
      initiative(5, { ...ACHIEVED, achievement: "〇(ⅰ)", initiativeEffectiveness: "✕", ...NARRATIVE }),
    ],
    ["a dash is not a vocabulary error", strategy(5, { strategyEffectiveness: "-" })],
  ])("%s: no vocabulary finding", (_n, record) => {
    expect(codesOf([record])).not.toContain("vocabulary.not-a-mark");
  });

  test("「撤退基準に該当」 in the achievement cell is flagged for a person, not as a bad mark", () => {
    const codes = codesOf([initiative(5, { ...ACHIEVED, achievement: "撤退基準に該当" })]);
    expect(codes).toContain("vocabulary.ambiguous-withdrawal-wording");
    expect(codes).not.toContain("vocabulary.not-a-mark");
  });
});

describe("consistency", () => {
  test("entered × where ○ is derived → mark-differs naming both and why", () => {
    const { findings } = run([initiative(5, { ...ACHIEVED, achievement: "×(ⅰ)", ...NARRATIVE })]);
    const f = findings.find((x) => x.code === "consistency.mark-differs");
    expect(f).toMatchObject({ cell: "K6", field: "achievement", severity: "error", input: "×(ⅰ)" });
    expect(f?.message.ja).toContain("「×(ⅰ)」");
    expect(f?.message.ja).toContain("「○」");
    expect(f?.message.ja).toContain("55.9% ≥ 30%以上");
  });

  test("entered mark equal to the derived one (other spelling) → no finding", () => {
    expect(codesOf([initiative(5, { ...ACHIEVED, achievement: "〇" })])).not.toContain(
      "consistency.mark-differs",
    );
  });

  test("circle notation: × on a withdrawal row agrees", () => {
    expect(codesOf([initiative(5, { ...WITHDRAWN, achievement: "×", ...NARRATIVE })])).not.toContain(
      "consistency.mark-differs",
    );
  });

  test("○ effectiveness on a withdrawal-flagged row", () => {
    const { findings } = run([initiative(5, { ...WITHDRAWN, initiativeEffectiveness: "○", ...NARRATIVE })]);
    expect(findings.find((f) => f.code === "consistency.effective-but-withdrawn")).toMatchObject({
      field: "initiativeEffectiveness",
      cell: "M6",
      severity: "error",
    });
  });

  test("ア with B and no 課題", () => {
    const codes = codesOf([
      strategy(5, { strategyEffectiveness: "ア", outcome: "B", issue: "", plan: "改善する" }),
    ]);
    expect(codes).toContain("consistency.a-with-b-no-issue");
    expect(
      codesOf([strategy(5, { strategyEffectiveness: "ア", outcome: "B", issue: "課題", plan: "改善する" })]),
    ).not.toContain("consistency.a-with-b-no-issue");
  });

  test("an initiative linked to no strategy (when the workbook has strategies)", () => {
    const s = strategy(5, {}, { strategyCode: "3" });
    const linked = initiative(7, ACHIEVED, { initiativeCode: "3-1" });
    const lonely = initiative(8, ACHIEVED, { initiativeCode: "9-1", itemMark: "ウ", itemName: "別の項目" });
    const { findings } = run([s, linked, lonely]);
    const unlinked = findings.filter((f) => f.code === "consistency.unlinked-initiative");
    expect(unlinked).toHaveLength(1);
    expect(unlinked[0]?.row).toBe(9);
    expect(unlinked[0]?.message.ja).toContain("[9-1]");
    // with no strategy sheet at all, nothing is reported
    expect(codesOf([lonely])).not.toContain("consistency.unlinked-initiative");
  });

  test("a formula in a computed mark cell", () => {
    const { findings } = run([initiative(5, { ...ACHIEVED, achievement: { value: "○", formula: true } })]);
    expect(findings.find((f) => f.code === "consistency.formula-in-mark-cell")).toMatchObject({
      cell: "K6",
      field: "achievement",
    });
  });
});

describe("narrative", () => {
  test.each<[string, SheetRecord, FindingCode[]]>([
    [
      "× (derived) with empty 課題 and '-' 改善策",
      initiative(5, { ...MISSED, issue: "", plan: "-" }),
      ["narrative.missing-issue", "narrative.missing-plan"],
    ],
    [
      "× effectiveness with 課題 but no 改善策",
      initiative(5, { ...ACHIEVED, initiativeEffectiveness: "×", issue: "課題", plan: "" }),
      ["narrative.missing-plan"],
    ],
    [
      "イ with nothing written",
      strategy(5, { strategyEffectiveness: "イ", issue: "ー", plan: "" }),
      ["narrative.missing-issue", "narrative.missing-plan"],
    ],
    [
      "b entered (not derivable) with nothing written",
      strategy(5, { strategyProgress: "b", issue: "", plan: "" }),
      ["narrative.missing-issue", "narrative.missing-plan"],
    ],
    ["○ with nothing written: fine", initiative(5, { ...ACHIEVED, issue: "", plan: "" }), []],
    ["× with both written: fine", initiative(5, { ...MISSED, ...NARRATIVE }), []],
  ])("%s", (_n, record, expected) => {
    const codes = codesOf([record]).filter((c) => c.startsWith("narrative."));
    expect(codes).toEqual(expected);
  });

  test("the message says which mark needs the narrative", () => {
    const f = run([initiative(5, { ...MISSED, issue: "", plan: "改善" })]).findings.find(
      (x) => x.code === "narrative.missing-issue",
    );
    expect(f?.message.ja).toBe("業績目標の達成状況が「×」の行ですが、課題が空欄です。");
    expect(f?.cell).toBe("N6");
  });
});

describe("values and parse", () => {
  test.each<[string, FindingCode, string, SheetRecord]>([
    [
      "a percentage above 100",
      "values.percent-out-of-range",
      "J6",
      initiative(5, { performanceTarget: "参加率30%以上", achievementResult: "参加率120%" }),
    ],
    [
      "a negative count",
      "values.negative-count",
      "J6",
      initiative(5, { performanceTarget: "参加者 10人以上", achievementResult: "参加者 -3人" }),
    ],
    [
      "平成32年度 does not exist",
      "values.bad-era-year",
      "F6",
      initiative(5, { performanceTarget: "平成32年度までに30%以上", achievementResult: "40%" }),
    ],
    [
      "#N/A in a result cell",
      "parse.cell-error",
      "J6",
      initiative(5, { performanceTarget: "30%以上", achievementResult: { value: null, error: "#N/A" } }),
    ],
    [
      "a target with no number",
      "parse.target",
      "F6",
      initiative(5, { performanceTarget: "着実に実施する", achievementResult: "実施した" }),
    ],
  ])("%s → %s at %s", (_n, code, cell, record) => {
    const f = run([record]).findings.find((x) => x.code === code);
    expect(f).toBeDefined();
    expect(f?.cell).toBe(cell);
    expect(f?.message.ja.length).toBeGreaterThan(0);
  });

  test("the 目標値 of 成果指標と目標値 is checked for era years too", () => {
    const f = run([initiative(5, { ...ACHIEVED, indicatorTarget: "H32年度までに50%以上" })]).findings.find(
      (x) => x.code === "values.bad-era-year",
    );
    expect(f).toMatchObject({ cell: "D6", column: "indicatorTarget" });
  });

  test("bad era year suggests the right spelling", () => {
    const f = run([
      initiative(5, { performanceTarget: "平成32年度までに30%以上", achievementResult: "40%" }),
    ]).findings.find((x) => x.code === "values.bad-era-year");
    expect(f?.message.ja).toContain("令和2年度");
  });
});

describe("duplicates", () => {
  test("a repeated record is reported once and not derived", () => {
    const first = initiative(5, ACHIEVED);
    const again = initiative(30, ACHIEVED, { duplicateOf: first.id });
    const { ctx, issues } = run([first, again]);
    expect(issues.filter((i) => i.code === "duplicates.repeated-row")).toHaveLength(1);
    expect(ctx.derived.initiatives.map((d) => d.record.id)).toEqual([first.id]);
    // nothing else is reported on the repeated row
    expect(issues.filter((i) => i.gridRow === 30 && i.code !== "duplicates.repeated-row")).toEqual([]);
  });

  test("the recogniser's duplicate issue passes through without a second one", () => {
    const first = initiative(5, ACHIEVED);
    const again = initiative(30, ACHIEVED, { duplicateOf: first.id });
    const fromLayout: Issue = {
      code: "duplicates.repeated-row",
      sheet: again.sheet,
      gridRow: 30,
      gridCol: 1,
      field: null,
      column: "itemName",
      input: again.itemName,
      params: { first: first.id, duplicate: again.id, item: again.itemName },
    };
    const { issues } = run([first, again], { layoutIssues: [fromLayout] });
    expect(issues.filter((i) => i.code === "duplicates.repeated-row")).toEqual([fromLayout]);
  });
});
