import { progressReasonText } from "../../../src/core/messages/reasons";
import type { InitiativeDerivation } from "../../../src/core/model/evaluation";
import type { InitiativeRecord } from "../../../src/core/model/records";
import type { Target } from "../../../src/core/model/values";
import {
  elapsedShare,
  outcomeMark,
  overallMark,
  progressMark,
} from "../../../src/core/rules/derive-strategy";
import { linkInitiatives } from "../../../src/core/rules/derive";
import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { initiative, strategy } from "./builders";
import { run } from "./helpers";

const target = (value: number, over: Partial<Target> = {}): Target => ({
  raw: `${value}%以上`,
  label: null,
  value,
  unit: "%",
  comparator: "gte",
  deadline: null,
  cumulative: false,
  note: null,
  ...over,
});
const result = (value: number, unit: string | null = "%") => ({
  raw: `${value}${unit ?? ""}`,
  label: null,
  value,
  unit,
  note: null,
});
const by2019 = { from: 2019, to: 2019, endOfYear: true };

describe("outcome (個別)", () => {
  test("elapsed share: FY2016 of a 2015–2019 period is 2/5", () => {
    expect(elapsedShare(2016, 2015, 2019)).toBeCloseTo(0.4);
    expect(elapsedShare(2014, 2015, 2019)).toBe(0);
    expect(elapsedShare(2030, 2015, 2019)).toBe(1);
  });

  test.each<[string, Target, number[], "A" | "B" | null]>([
    ["met → A", target(60, { deadline: by2019 }), [86.3], "A"],
    ["not met, deadline later, 30/60 = 50% ≥ 40% elapsed → A", target(60, { deadline: by2019 }), [30], "A"],
    ["not met, deadline later, 20/60 = 33% < 40% elapsed → B", target(60, { deadline: by2019 }), [20], "B"],
    [
      "not met, deadline this year → B",
      target(60, { deadline: { from: 2016, to: 2016, endOfYear: true } }),
      [59],
      "B",
    ],
    ["not met, no deadline → B", target(60), [59], "B"],
    [
      "lower-is-better target not met → B (no elapsed-share credit)",
      target(10, { comparator: "lte", raw: "10%以下", deadline: by2019 }),
      [12],
      "B",
    ],
    ["two rounds must both meet", target(60), [70, 50], "B"],
    ["no result → not computable", target(60), [], null],
    ["relative target → not computable", target(0, { comparator: "increase", raw: "増加" }), [50], null],
  ])("%s", (_n, t, values, mark) => {
    const o = outcomeMark(
      t,
      values.map((v) => result(v)),
      2016,
      2015,
    );
    expect(o.mark).toBe(mark);
    expect(o.explanation.ja.length).toBeGreaterThan(0);
  });

  test("the elapsed-share reason shows the ratio and the share", () => {
    expect(outcomeMark(target(60, { deadline: by2019 }), [result(30)], 2016, 2015).explanation.ja).toBe(
      "30% < 60%以上、期限2019年度に向けて達成率 50% ≥ 経過割合 40%(2/5)",
    );
  });
});

describe("outcomeOverall", () => {
  test.each<[("A" | "B" | null)[], "strict" | "majority", "A" | "B" | null]>([
    [["A", "A"], "strict", "A"],
    [["A", "B"], "strict", "B"],
    [["A", null], "strict", null],
    [["B", null], "strict", "B"],
    [[], "strict", null],
    [["A", "A", "B"], "majority", "A"],
    [["A", "B"], "majority", "B"],
    [["A", "A", null], "majority", "A"],
    [["A", null, null], "majority", null],
  ])("%j (%s) → %s", (marks, rule, expected) => {
    expect(overallMark(marks, rule)).toBe(expected);
  });
});

describe("strategyProgress and links", () => {
  const i1 = initiative(7, {}, { sheet: "取組A", initiativeCode: "3-1" });
  const i2 = initiative(8, {}, { sheet: "取組B", initiativeCode: "3-2" });
  const d = (
    r: InitiativeRecord,
    achievement: InitiativeDerivation["achievement"],
    withdrawalFlag = false,
  ): [string, InitiativeDerivation] => [
    r.id,
    { record: r, targets: [], withdrawals: [], achievement, withdrawalFlag, reason: { ja: "", en: "" } },
  ];
  test.each<
    [string, InitiativeDerivation["achievement"], InitiativeDerivation["achievement"], "a" | "b" | null]
  >([
    ["all achieved → a", "achieved", "achieved", "a"],
    ["one missed → b", "achieved", "missed", "b"],
    ["one withdrawal → b", "withdrawal", "achieved", "b"],
    ["one not computable, none missed → no mark", "achieved", null, null],
    ["missed beats not computable → b", "missed", null, "b"],
  ])("%s", (_n, a1, a2, expected) => {
    expect(progressMark([i1, i2], new Map([d(i1, a1), d(i2, a2)])).progress).toBe(expected);
  });
  test("no linked initiative → no mark, with a reason", () => {
    const p = progressMark([], new Map());
    expect(p.progress).toBeNull();
    expect(p.reason).toEqual({ kind: "no-linked-initiative" });
    expect(progressReasonText(p.reason).ja).toContain("取組がありません");
  });

  test("links: [3] ← [3-1] across sheets, else the same item; others stay unlinked", () => {
    const s3 = strategy(5, {}, { sheet: "戦略", strategyCode: "3" });
    const sItem = strategy(
      9,
      {},
      { sheet: "戦略", strategyCode: null, itemMark: "イ", itemName: "区民の参画と協働による区政運営" },
    );
    const byItem = initiative(
      12,
      {},
      { sheet: "取組B", initiativeCode: null, itemMark: "イ", itemName: "区民の参画と協働による区政運営" },
    );
    const lonely = initiative(
      14,
      {},
      { sheet: "取組B", initiativeCode: "9-1", itemMark: "ウ", itemName: "ほか" },
    );
    const links = linkInitiatives([s3, sItem], [i1, i2, byItem, lonely]);
    expect(links.get(s3.id)?.map((r) => r.id)).toEqual([i1.id, i2.id]);
    expect(links.get(sItem.id)?.map((r) => r.id)).toEqual([byItem.id]);
  });

  test("a strategy derives a/b from its linked initiatives' derived achievements", () => {
    const s = strategy(5, {
      outcomeIndicator: "満足度:平成31年度末までに60%",
      outcomeResult: "満足度 86.3%",
    });
    const good = initiative(
      7,
      { performanceTarget: "参加率30%以上", achievementResult: "参加率55.9%" },
      { initiativeCode: "3-1" },
    );
    const bad = initiative(
      8,
      { performanceTarget: "格付結果:3.5以上", achievementResult: "格付結果:3.2" },
      { initiativeCode: "3-2" },
    );
    const { ctx } = run([s, good, bad]);
    const sd = ctx.derived.strategyById.get(s.id);
    expect(sd?.outcomes.map((o) => o.mark)).toEqual(["A"]);
    expect(sd?.overall).toBe("A");
    expect(sd?.progress).toBe("b");
    expect(sd?.initiatives).toEqual([good.id, bad.id]);
    expect(sd?.reason.ja).toContain("[3-2]");
  });

  test("the evaluation year comes from the sheet title, else the profile", () => {
    const s = strategy(5, { outcomeIndicator: "満足度:平成31年度末までに60%", outcomeResult: "満足度 30%" });
    // FY2016: 30/60 = 50% ≥ 2/5 → A; FY2018: 50% < 4/5 → B
    expect(run([s]).ctx.derived.strategyById.get(s.id)?.outcomes[0]?.mark).toBe("A");
    const { layout } = jest.requireActual<typeof import("./builders")>("./builders");
    const late = run([s], { layouts: [layout("戦略", "strategy", { titleYear: 2018 })] });
    expect(late.ctx.evaluationYear).toBe(2018);
    expect(late.ctx.derived.strategyById.get(s.id)?.outcomes[0]?.mark).toBe("B");
    const untitled = run([s], {
      layouts: [layout("戦略", "strategy", { titleYear: null })],
      profile: { ...DEFAULT_PROFILE, evaluationYear: 2018 },
    });
    expect(untitled.ctx.evaluationYear).toBe(2018);
    expect(untitled.ctx.derived.strategyById.get(s.id)?.outcomes[0]?.mark).toBe("B");
  });
});
