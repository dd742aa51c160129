import { draftFromLayouts, InvalidColumnError, overridesFromDraft } from "../../src/taskpane/model/mapping";
import { evaluateWorkbook } from "../../src/core";
import { fixtureSnapshots } from "../helpers/fixtures";
import { selectWrites, toggleConflict } from "../../src/taskpane/model/selection";
import { summarize } from "../../src/taskpane/model/summary";
import { initiativeLayout, sampleEvaluation } from "./evaluation";

describe("列の対応の下書き", () => {
  const origins = { 具体的取組: { row: 3, col: 1 } };

  test("原点をずらしたシートでは列文字もずれる", () => {
    expect(draftFromLayouts([initiativeLayout], origins)).toEqual({
      具体的取組: {
        kind: "initiative",
        columns: { activity: "D", withdrawalCriterion: "F", achievement: "M" },
      },
    });
  });

  test("変えた列だけがグリッド列の上書きになり、前の上書きは残る", () => {
    const draft = {
      具体的取組: {
        kind: "initiative" as const,
        columns: { activity: "D", withdrawalCriterion: "F", achievement: "N" },
      },
    };
    expect(overridesFromDraft({ 戦略: { kind: "other" } }, [initiativeLayout], origins, draft)).toEqual({
      戦略: { kind: "other" },
      具体的取組: { columns: { achievement: 12 } },
    });
  });

  test.each(["1A", "A1", "XFE"])("列でない「%s」は InvalidColumnError", (letters) => {
    const draft = { 具体的取組: { kind: "initiative" as const, columns: { activity: letters } } };
    expect(() => overridesFromDraft({}, [initiativeLayout], origins, draft)).toThrow(InvalidColumnError);
  });

  test("原点より左の列は指せない", () => {
    const draft = { 具体的取組: { kind: "initiative" as const, columns: { activity: "A" } } };
    expect(() => overridesFromDraft({}, [initiativeLayout], origins, draft)).toThrow(InvalidColumnError);
  });
});

describe("書き込みの選択", () => {
  const plan = sampleEvaluation().plan;
  test.each([
    [{ all: false as const, ids: new Set<string>() }, ["L11"]],
    [{ all: false as const, ids: new Set(["具体的取組!L13"]) }, ["L11", "L13"]],
    [{ all: true as const }, ["L11", "L12", "L13"]],
  ])("%#", (choice, cells) => {
    expect(selectWrites(plan, choice).map((w) => w.cell)).toEqual(cells);
  });

  test("keep と skip は選んでも書かない", () => {
    const ids = new Set(plan.map((m) => m.id));
    expect(selectWrites(plan, { all: false, ids }).map((w) => w.cell)).toEqual(["L11", "L12", "L13"]);
  });

  test("全部選ぶと all になり、一つ外すと残りを個別に持つ", () => {
    const all = ["a", "b"];
    const one = toggleConflict({ all: false, ids: new Set(["a"]) }, "b", all);
    expect(one).toEqual({ all: true });
    const back = toggleConflict(one, "a", all);
    expect(back).toEqual({ all: false, ids: new Set(["b"]) });
  });
});

describe("集計", () => {
  test("経営課題ごと・戦略ごとに数え、撤退の行を基準と対応つきで並べる", () => {
    const s = summarize(sampleEvaluation());
    expect(s.total).toEqual({ achieved: 1, missed: 1, withdrawal: 1, none: 0 });
    expect(
      s.areas.map((a) => [a.areaNumber, a.strategies.map((x) => x.strategyCode), a.counts.withdrawal]),
    ).toEqual([
      ["1", ["1"], 0],
      ["2", ["3"], 1],
    ]);
    expect(s.withdrawals).toEqual([
      {
        sheet: "具体的取組",
        cell: "L11",
        row: 11,
        item: "[3-1] 取組 具体的取組!13",
        criterion: "左記目標が30%未満であれば、事業を再構築する。",
        results: "12.5%",
        action: "restructure",
        actionText: "事業を再構築する",
      },
    ]);
  });

  test("重複レコードは数えない", () => {
    const e = sampleEvaluation();
    const first = e.initiatives[0];
    if (!first) throw new Error("fixture");
    const dup = { ...first, record: { ...first.record, id: "dup", duplicateOf: first.record.id } };
    expect(summarize({ ...e, initiatives: [...e.initiatives, dup] }).total.achieved).toBe(1);
  });
});

describe("集計 (seed workbook)", () => {
  // Area 2 of the Hirano sheets has no 「[n]」 codes: each strategy row links its initiatives by item, and
  // the summary must show one row per strategy item, not lump them together as "no strategy".
  test("戦略番号のない経営課題は戦略の項目ごとに一行", () => {
    const evaluation = evaluateWorkbook(fixtureSnapshots("hirano-fy2016"));
    const s = summarize(evaluation);
    const area1 = s.areas.find((a) => a.areaNumber === "1");
    const area2 = s.areas.find((a) => a.areaNumber === "2");
    expect(area1?.strategies.map((x) => [x.label, x.counts.achieved, x.progress])).toEqual([["[3]", 8, "a"]]);
    const labels = area2?.strategies.map((x) => x.label) ?? [];
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.every((l) => l !== null && !l.startsWith("["))).toBe(true);
    expect(labels.some((l) => l?.includes("庁舎案内や窓口業務におけるサービス向上"))).toBe(true);
    const counter = area2?.strategies.find((x) =>
      x.label?.includes("庁舎案内や窓口業務におけるサービス向上"),
    );
    expect(counter?.counts.missed).toBe(1);
    expect(counter?.progress).toBe("b");
    expect(s.total.achieved + s.total.missed + s.total.withdrawal + s.total.none).toBe(13);
  });
});
