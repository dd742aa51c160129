import { evaluateWorkbook, type Evaluation } from "../../../src/core";
import { compareYears } from "../../../src/core/history";
import { previousResults } from "../../../src/core/history/previous-figures";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { editCells, withYear } from "../../helpers/edit-snapshots";
import { fixtureSnapshots } from "../../helpers/fixtures";

// Year pairs generated from the Hirano FY2016 sample, as in history.test.ts: last year's workbook is the
// sample titled 平成27年度 with its 格付結果 result 3.3 (取組(2)!J24). This year's target of that initiative
// becomes 「前年度以上」 and its 前年度までの実績 cell is emptied, so the sheet itself gives no previous figure.
const THIS_YEAR = fixtureSnapshots("hirano-fy2016");
const LAST_YEAR = editCells(withYear(THIS_YEAR, "平成28年度", "平成27年度"), {
  "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.3",
});
const RELATIVE = editCells(THIS_YEAR, {
  "取組(2)!F24": "来庁者等に対する窓口サービス格付結果:前年度以上",
  "取組(2)!H24": "",
});

const initiative = (ev: Evaluation, id: string) => ev.initiatives.find((d) => d.record.id === id);
const withPrevious = (cur: ReadonlyArray<SheetSnapshot>, prev: ReadonlyArray<SheetSnapshot>) =>
  evaluateWorkbook(cur, { previous: evaluateWorkbook(prev) });

describe("a relative target takes last year's result from last year's workbook", () => {
  test("without a previous year: 前年度以上 with no figure in the sheet is not computable", () => {
    const d = initiative(evaluateWorkbook(RELATIVE), "取組(2)!24");
    expect(d?.achievement).toBeNull();
    expect(d?.reason.ja).toContain("前年度");
  });

  test("with last year's workbook: 3.2 against last year's 3.3 → missed, saying where 3.3 came from", () => {
    const ev = withPrevious(RELATIVE, LAST_YEAR);
    const d = initiative(ev, "取組(2)!24");
    expect(d?.achievement).toBe("missed");
    expect(d?.reason.ja).toBe("3.2 < 3.3以上(前年度のブックの実績 3.3) → 目標未達成");
    expect(d?.reason.en).toContain("(last year's workbook: 3.3)");
    // the target is no longer reported as needing the previous year's value
    expect(ev.findings.filter((f) => f.cell === "F24" && f.sheet === "取組(2)")).toEqual([]);
  });

  test("achieved when this year's result reaches last year's", () => {
    const d = initiative(
      withPrevious(
        editCells(RELATIVE, { "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4" }),
        LAST_YEAR,
      ),
      "取組(2)!24",
    );
    expect(d?.achievement).toBe("achieved");
  });

  test("the sheet's own 前年度までの実績 wins over last year's workbook", () => {
    const cur = editCells(RELATIVE, {
      "取組(2)!H24": "平成27年度実績\n来庁者等に対する窓口サービス格付結果:3.1",
    });
    const d = initiative(withPrevious(cur, LAST_YEAR), "取組(2)!24");
    expect(d?.achievement).toBe("achieved");
    expect(d?.reason.ja).toContain("前年度までの実績 3.1");
  });

  test("a label match below confidence 1 never feeds a mark: still not computable", () => {
    const cur = editCells(RELATIVE, { "取組(2)!C24": "区役所の窓口サービスに対する格付調査の結果" });
    const m = compareYears(evaluateWorkbook(cur), evaluateWorkbook(LAST_YEAR)).matches.find(
      (x) => x.current === "取組(2)!24",
    );
    // the records are still tied (and reported as matched by label), but not with certainty
    expect(m?.previous).toBe("取組(2)!24");
    expect(m?.how).toBe("label");
    expect(m?.confidence).toBeLessThan(1);
    const d = initiative(withPrevious(cur, LAST_YEAR), "取組(2)!24");
    expect(d?.achievement).toBeNull();
  });

  test("last year's result cell that does not read cleanly gives nothing", () => {
    const prev = editCells(LAST_YEAR, { "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:集計中" });
    expect(initiative(withPrevious(RELATIVE, prev), "取組(2)!24")?.achievement).toBeNull();
  });

  test("a workbook that is not the year before gives nothing", () => {
    const older = withYear(LAST_YEAR, "平成27年度", "平成26年度");
    expect(initiative(withPrevious(RELATIVE, older), "取組(2)!24")?.achievement).toBeNull();
    const cur = evaluateWorkbook(RELATIVE);
    expect(previousResults(cur.records, cur.evaluationYear, evaluateWorkbook(older), "heisei").size).toBe(0);
  });

  test("previousResults: last year's figures, per this year's record id, only for certain matches", () => {
    const cur = evaluateWorkbook(RELATIVE);
    const figures = previousResults(cur.records, cur.evaluationYear, evaluateWorkbook(LAST_YEAR), "heisei");
    expect(figures.get("取組(2)!24")).toEqual([{ value: 3.3, unit: null, figure: "3.3" }]);
    // an empty result cell last year gives no entry
    expect(figures.has("取組(2)!8")).toBe(false);
  });

  test("a strategy's outcome target: 前年度以上 against last year's 85% → A", () => {
    const cur = editCells(THIS_YEAR, {
      "戦略(2)!F12":
        "地域の防災・防犯、高齢者やこどもの見守りなどの活動が重要であると感じる区民の割合:前年度以上",
    });
    const prev = editCells(LAST_YEAR, { "戦略(2)!I12": "85%" });
    const outcome = (ev: Evaluation) => ev.strategies.find((d) => d.record.id === "戦略(2)!12")?.outcomes[0];
    expect(outcome(evaluateWorkbook(cur))?.mark).toBeNull();
    const o = outcome(withPrevious(cur, prev));
    expect(o?.mark).toBe("A");
    expect(o?.explanation.ja).toContain("87.3% ≥ 85%以上(前年度のブックの実績 85%)");
  });

  test("a workbook without relative targets evaluates the same with or without last year's", () => {
    const plain = evaluateWorkbook(THIS_YEAR);
    const compared = withPrevious(THIS_YEAR, LAST_YEAR);
    expect(compared.initiatives).toEqual(plain.initiatives);
    expect(compared.strategies).toEqual(plain.strategies);
    expect(compared.plan).toEqual(plain.plan);
    expect(compared.findings).toEqual(plain.findings);
  });
});
