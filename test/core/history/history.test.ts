import { evaluateWorkbook } from "../../../src/core";
import { compareYears } from "../../../src/core/history";
import type { Finding } from "../../../src/core/model/findings";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { editCells, withYear } from "../../helpers/edit-snapshots";
import { fixtureSnapshots } from "../../helpers/fixtures";

// Year pairs generated from the Hirano FY2016 sample: "last year" is the sample titled 平成27年度 with the
// results this year's 前年度までの実績 column names for 平成27年度 (窓口サービス満足度 93%, 格付結果 3.3), so
// the baseline pair agrees everywhere; each test then edits the cells a ward would change between years.
const THIS_YEAR = fixtureSnapshots("hirano-fy2016");
const LAST_YEAR = editCells(withYear(THIS_YEAR, "平成28年度", "平成27年度"), {
  "取組(2)!J14": "窓口サービス満足度:93%",
  "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.3",
});

function compare(
  current: ReadonlyArray<SheetSnapshot>,
  previous: ReadonlyArray<SheetSnapshot>,
): ReturnType<typeof compareYears> {
  return compareYears(evaluateWorkbook(current), evaluateWorkbook(previous));
}
/** A cell of this year's 取組(2) as text. */
function text(a1: string): string {
  const sheet = THIS_YEAR.find((s) => s.name === "取組(2)");
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  return String(sheet?.values[row]?.[col] ?? "");
}
const codes = (fs: ReadonlyArray<Finding>): string[] => fs.map((f) => f.code);
const at = (fs: ReadonlyArray<Finding>, code: string): string[] =>
  fs.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell ?? ""}`);

describe("compareYears: the baseline pair", () => {
  const c = compare(THIS_YEAR, LAST_YEAR);
  test("every record is matched with itself; nothing new, gone, ambiguous or changed", () => {
    expect(c.currentYear).toBe(2016);
    expect(c.previousYear).toBe(2015);
    const live = evaluateWorkbook(THIS_YEAR).records.filter((r) => r.duplicateOf === null);
    expect(c.matches).toHaveLength(live.length);
    for (const m of c.matches) {
      expect(m.previous).toBe(m.current);
      expect(m.confidence).toBe(1);
    }
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.ambiguous).toEqual([]);
    expect(c.findings).toEqual([]);
  });
  test("records sharing a code ([3-1] × 8) are told apart by label; records without a code by label alone", () => {
    const how = (id: string) => c.matches.find((m) => m.current === id)?.how;
    expect(how("取組(1)!8")).toBe("code-label");
    expect(how("戦略(1)!21")).toBe("code-label");
    expect(how("取組(2)!24")).toBe("label");
  });
  test("a code unique in both years ties at once", () => {
    const cur = editCells(THIS_YEAR, { "取組(1)!E8": "[3-9]\n・地域活動協議会の広報を支援する。" });
    const prev = editCells(LAST_YEAR, { "取組(1)!E8": "[3-9]\n・まったく別の書き方で支援する。" });
    const m = compare(cur, prev).matches.find((x) => x.current === "取組(1)!8");
    expect(m).toEqual({
      kind: "initiative",
      current: "取組(1)!8",
      previous: "取組(1)!8",
      how: "code",
      confidence: 1,
    });
  });
});

describe("compareYears: each history.* code over generated year pairs", () => {
  test("history.not-previous-year: the other workbook is not last year's", () => {
    const c = compare(THIS_YEAR, withYear(LAST_YEAR, "平成27年度", "平成26年度"));
    expect(codes(c.findings)).toContain("history.not-previous-year");
    expect(c.findings[0]?.message.ja).toContain("2014");
  });

  test("history.previous-mark-differs / unpaired: the 前年度 column against last year's 個別/全体", () => {
    const cur = editCells(THIS_YEAR, {
      "戦略(2)!J15": "B", // last year K15 = A
      "戦略(2)!J12": "A", // agrees: no finding
      "戦略(1)!J9": "A\nA\nA", // last year: two 個別 marks (A, A) and no 全体 → unpaired
      "戦略(1)!J11": "A\nB", // last year: A, A → differs
    });
    const c = compare(cur, LAST_YEAR);
    expect(at(c.findings, "history.previous-mark-differs")).toEqual(["戦略(1)!J11", "戦略(2)!J15"].sort());
    expect(at(c.findings, "history.previous-mark-unpaired")).toEqual(["戦略(1)!J9"]);
    const f = c.findings.find((x) => x.cell === "J15");
    expect(f?.severity).toBe("warning");
    expect(f?.message.ja).toContain("「B」");
    expect(f?.message.ja).toContain("戦略(2)!K15");
    expect(f?.message.en).toContain('"A"');
  });

  test("history.previous-mark-differs against 全体 when the column holds one mark for several indicators", () => {
    const prev = editCells(LAST_YEAR, { "戦略(1)!L9": "B" });
    const c = compare(editCells(THIS_YEAR, { "戦略(1)!J9": "A" }), prev);
    expect(at(c.findings, "history.previous-mark-differs")).toEqual(["戦略(1)!J9"]);
    expect(c.findings.find((x) => x.cell === "J9")?.message.ja).toContain("戦略(1)!L9");
  });

  test("history.figure-differs: 前年度までの実績 names another figure than last year's result", () => {
    const c = compare(
      THIS_YEAR,
      editCells(LAST_YEAR, { "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4" }),
    );
    expect(at(c.findings, "history.figure-differs")).toEqual(["取組(2)!H24"]);
    const f = c.findings.find((x) => x.code === "history.figure-differs");
    expect(f?.message.ja).toContain("3.3");
    expect(f?.message.ja).toContain("3.4");
    // the 平成26年度 lines (3.2) are not last year's: no finding for them
    expect(f?.message.ja).not.toContain("3.2");
  });

  test("a figure that cannot be paired with certainty is left alone (other unit, no year heading)", () => {
    const prev = editCells(LAST_YEAR, { "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4件" });
    expect(at(compare(THIS_YEAR, prev).findings, "history.figure-differs")).toEqual([]);
    const cur = editCells(THIS_YEAR, { "取組(2)!H24": "来庁者等に対する窓口サービス格付結果:3.3" });
    const prev2 = editCells(LAST_YEAR, { "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4" });
    expect(at(compare(cur, prev2).findings, "history.figure-differs")).toEqual([]);
  });

  test("history.indicator-changed / target-changed / criterion-changed, and wording-only edits are no change", () => {
    // (rows 14 and 22 are one initiative printed on two pages: a ward edits both)
    const edits = {
      C: "区役所の窓口サービスに満足している区民の割合",
      F: "窓口サービス満足度:75%以上",
      G: "左記目標が60%未満であれば、手法を再検討する。",
    };
    const cur = editCells(THIS_YEAR, {
      ...Object.fromEntries(
        Object.entries(edits).flatMap(([col, v]) => [
          [`取組(2)!${col}14`, v],
          [`取組(2)!${col}22`, v],
        ]),
      ),
      "取組(2)!F24": "来庁者等に対する窓口サービス格付結果:３．５以上", // full-width: same value
    });
    const c = compare(cur, LAST_YEAR);
    expect(at(c.findings, "history.indicator-changed")).toEqual(["取組(2)!C14"]);
    expect(at(c.findings, "history.target-changed")).toEqual(["取組(2)!F14"]);
    expect(at(c.findings, "history.criterion-changed")).toEqual(["取組(2)!G14"]);
    const t = c.findings.find((x) => x.code === "history.target-changed");
    expect(t?.message.ja).toBe(
      "業績目標が前年度(取組(2)!F14)から変わっています: 「窓口サービス満足度:70%以上」→「窓口サービス満足度:75%以上」。",
    );
    expect(t?.message.en).toBe(
      'The performance target changed from last year (取組(2)!F14): "窓口サービス満足度:70%以上" → "窓口サービス満足度:75%以上".',
    );
    expect(c.findings.find((x) => x.code === "history.indicator-changed")?.message.en).toMatch(
      /^The outcome indicator changed from last year \(取組\(2\)!C14\)/,
    );
    expect(t?.severity).toBe("info");
    // a changed indicator does not stop the match (label similarity stays above the threshold)
    const m = c.matches.find((x) => x.current === "取組(2)!14");
    expect(m?.previous).toBe("取組(2)!14");
    expect(m?.confidence).toBeLessThan(1);
    expect(at(c.findings, "history.matched-by-label")).toEqual(["取組(2)!B14"]);
    expect(c.findings.find((x) => x.code === "history.matched-by-label")?.message.ja).toMatch(
      /確からしさ \d+%/,
    );
  });

  test("history.item-added / item-removed: an initiative that appeared and one that vanished", () => {
    const cur = editCells(THIS_YEAR, {
      "取組(2)!B11": "区民による防災訓練の企画支援",
      "取組(2)!C11": "防災訓練に参加した区民の数",
      "取組(2)!C12": "防災訓練を企画した地域の数",
      "取組(2)!E11": "・地域ごとの防災訓練を区民が企画できるよう支援する。",
    });
    const c = compare(cur, LAST_YEAR);
    expect(c.added).toEqual(["取組(2)!11"]);
    expect(c.removed).toEqual(["取組(2)!11"]);
    expect(at(c.findings, "history.item-added")).toEqual(["取組(2)!E11"]);
    const gone = c.findings.find((x) => x.code === "history.item-removed");
    expect(gone?.sheet).toBe("取組(2)");
    expect(gone?.cell).toBeNull();
    expect(gone?.message.ja).toContain("区民の参画と協働による区政運営");
  });

  test("history.withdrawal-continued: fired last year, unchanged this year; a rebuilt one is not flagged", () => {
    const fired = editCells(LAST_YEAR, {
      "取組(1)!J8":
        "地域活動協議会の活動に参加したことがある区民の割合10%(地域活動協議会の活動を知っている方)\n区役所の支援が地域にとって適切であると感じる小学校区等地域の割合85%",
    });
    const c = compare(THIS_YEAR, fired);
    expect(at(c.findings, "history.withdrawal-continued")).toEqual(["取組(1)!E8"]);
    const f = c.findings.find((x) => x.code === "history.withdrawal-continued");
    expect(f?.severity).toBe("warning");
    expect(f?.field).toBe("withdrawal");
    expect(f?.message.ja).toContain("15%未満");
    const rebuilt = editCells(THIS_YEAR, {
      "取組(1)!E8": "[3-1]\n・地域活動協議会の広報を、区の広報紙と SNS の連携に切り替えて再構築する。",
    });
    expect(at(compare(rebuilt, fired).findings, "history.withdrawal-continued")).toEqual([]);
  });

  test("history.ambiguous-match: two of last year's initiatives fit equally; reported, never guessed", () => {
    // last year the ward ran 庁舎案内 as two initiatives with the same item, indicator and first activity line
    const prev = editCells(LAST_YEAR, {
      "取組(2)!B26": "庁舎案内や窓口業務におけるサービス向上",
      "取組(2)!C26": `${text("C24")}\n${text("C25")}`,
      "取組(2)!E26": `${text("E24")}\n(夜間窓口分)`,
    });
    const c = compare(THIS_YEAR, prev);
    const amb = c.ambiguous.find((a) => a.current === "取組(2)!24");
    expect(amb?.candidates.map((x) => x.previous).sort()).toEqual(["取組(2)!24", "取組(2)!26"]);
    expect(c.matches.find((m) => m.current === "取組(2)!24")).toBeUndefined();
    expect(at(c.findings, "history.ambiguous-match")).toEqual(["取組(2)!B24"]);
    const f = c.findings.find((x) => x.code === "history.ambiguous-match");
    expect(f?.message.ja).toContain("取組(2)!B24");
    expect(f?.message.ja).toContain("取組(2)!B26");
    // candidates of an ambiguity are not reported as vanished
    expect(c.removed).not.toContain("取組(2)!24");
  });
});
