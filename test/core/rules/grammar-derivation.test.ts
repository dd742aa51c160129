// Derivations over what wards write outside the seed's words (issue 9): figures with 万, conjugated
// comparators, relative targets resolved from 前年度までの実績, and refusals where a figure is not certain.
import { initiative } from "./builders";
import { run } from "./helpers";

function derive(spec: Parameters<typeof initiative>[1]) {
  const record = initiative(7, spec);
  const r = run([record]);
  const d = r.ctx.derived.initiativeById.get(record.id);
  return { d, findings: r.findings };
}

describe("derivations on the open grammar", () => {
  test("a result with 万 is read whole: 12万4千人 meets 10万人以上, no withdrawal", () => {
    const { d } = derive({
      performanceTarget: "来場者数 延べ10万人以上",
      achievementResult: "来場者数 延べ12万4千人",
      withdrawalCriterion: "5万人未満であれば、事業を再構築する。",
    });
    expect(d?.achievement).toBe("achieved");
    expect(d?.withdrawalFlag).toBe(false);
    expect(d?.reason.ja).toBe("12万4千人 ≥ 10万人以上 → 目標達成");
  });

  test("a conjugated criterion fires as its plain form would", () => {
    const { d } = derive({
      performanceTarget: "平均待ち時間 30分以内",
      achievementResult: "平均待ち時間 50分",
      withdrawalCriterion: "45分を超えた場合は、手法を再検討する。",
    });
    expect(d?.achievement).toBe("withdrawal");
    expect(d?.withdrawals[0]?.explanation.ja).toBe("50分 > 45分超");
  });

  test("前年度以上 with last year's figure in 前年度までの実績 is judged against it", () => {
    const { d, findings } = derive({
      performanceTarget: "相談件数 前年度以上",
      history: "平成27年度実績 210件\n平成26年度実績 180件",
      achievementResult: "相談件数 230件",
    });
    expect(d?.achievement).toBe("achieved");
    expect(d?.reason.ja).toContain("230件 ≥ 210件以上(前年度までの実績 210件)");
    expect(findings.filter((f) => f.code === "parse.target")).toEqual([]);
  });

  test("前年度以上 without last year's figure is not computable, and says why", () => {
    const { d, findings } = derive({
      performanceTarget: "相談件数 前年度以上",
      history: "平成25年度実績 150件",
      achievementResult: "相談件数 230件",
    });
    expect(d?.achievement).toBeNull();
    expect(findings.some((f) => f.code === "parse.target")).toBe(true);
  });

  test("前年度(85件)を上回る takes its baseline from the cell", () => {
    const { d } = derive({ performanceTarget: "前年度(85件)を上回る", achievementResult: "92件" });
    expect(d?.achievement).toBe("achieved");
    expect(d?.reason.ja).toContain("92件 > 85件超(前年度 85件)");
  });

  test("a bare number never compares with a percentage (0.12 is not 12%)", () => {
    const { d } = derive({
      performanceTarget: "満足度 60%以上",
      achievementResult: 0.12,
      withdrawalCriterion: "15%未満であれば、事業を再構築する。",
    });
    expect(d?.achievement).toBeNull();
    expect(d?.withdrawalFlag).toBe(false);
  });

  test("a result read only in part gives no mark and no flag", () => {
    const { d } = derive({
      performanceTarget: "参加者数 100人以上",
      achievementResult: "参加者数 1O0人",
      withdrawalCriterion: "50人未満であれば、事業を再構築する。",
    });
    expect(d?.achievement).toBeNull();
    expect(d?.withdrawalFlag).toBe(false);
  });
});
