import type { FindingCode, Issue, IssueBase, IssueOf, IssueParams } from "../../../src/core/model/findings";
import { FINDING_CODES } from "../../../src/core/messages/codes";
import { message, severityOf, toFinding } from "../../../src/core/messages/catalogue";
import { messageTemplate } from "../../../src/core/messages/sentences";

const at: IssueBase = {
  sheet: "具体的取組",
  gridRow: 4,
  gridCol: 9,
  field: null,
  column: null,
  input: null,
};

describe("message catalogue", () => {
  test.each(FINDING_CODES.map((c) => [c]))("%s has ja and en text and a severity", (code: FindingCode) => {
    const t = messageTemplate(code);
    expect(t.ja.length).toBeGreaterThan(5);
    expect(t.en.length).toBeGreaterThan(5);
    // Japanese text is Japanese; English text carries no kana of its own beyond quoted sheet words
    expect(t.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(["error", "warning", "info"]).toContain(severityOf(code));
  });

  test("codes are unique", () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
  });

  test("optional parts left out are never printed as undefined", () => {
    const bare: Issue[] = [
      { ...at, code: "structure.missing-column", params: { field: "performanceTarget", kind: "initiative" } },
      { ...at, code: "consistency.unlinked-initiative", params: {} },
      { ...at, code: "values.bad-era-year", params: { text: "平成32年度" } },
      { ...at, code: "duplicates.repeated-row", params: { first: "s!1", duplicate: "s!9", item: "x" } },
      { ...at, code: "vocabulary.ambiguous-withdrawal-wording", params: {} },
      { ...at, code: "consistency.effective-but-withdrawn", params: { found: "" } },
    ];
    for (const i of bare) {
      const t = message(i);
      expect(t.ja).not.toMatch(/undefined|null|\{/);
      expect(t.en).not.toMatch(/undefined|null|\{/);
    }
  });

  test.each<[string, Issue, string]>([
    [
      "vocabulary.not-a-mark",
      {
        ...at,
        code: "vocabulary.not-a-mark",
        field: "strategyEffectiveness",
        params: { mark: "strategyEffectiveness", notation: "circle", found: "A" },
      },
      "「A」は戦略のアウトカムに対する有効性の記号ではありません(ア/イ のいずれかを入力します)。",
    ],
    [
      "derive.withdrawal-fired",
      {
        ...at,
        code: "derive.withdrawal-fired",
        params: {
          criterion: "15%未満であれば、事業を再構築する。",
          comparison: { ja: "10% < 15%", en: "10% < 15%" },
          action: "restructure",
          actionText: "事業を再構築する",
        },
      },
      "撤退基準「15%未満であれば、事業を再構築する。」に該当します(10% < 15%)。事業を再構築する必要があります。",
    ],
    [
      "parse.target",
      { ...at, code: "parse.target", params: { text: "増加", reason: "relative-needs-previous" } },
      "目標「増加」を読み取れません(増加・減少・維持など前年度との比較で、前年度の値がありません)。",
    ],
    [
      "parse.count-mismatch",
      { ...at, code: "parse.count-mismatch", params: { left: 2, right: 3, counted: "targets-criteria" } },
      "目標が2件、撤退基準が3件で数が合わず、対応付けできません。推測せずに判定を保留します。",
    ],
    [
      "parse.cell-error (heading)",
      { ...at, code: "parse.cell-error", params: { error: "#REF!", heading: true } },
      "見出し番号のセルがエラー値「#REF!」です。",
    ],
    [
      "derive.not-computable",
      {
        ...at,
        code: "derive.not-computable",
        field: "achievement",
        params: { why: { kind: "result-error", error: "#N/A" } },
      },
      "業績目標の達成状況を算定できません: 実績のセルがエラー値(#N/A)です。",
    ],
    [
      "narrative.missing-plan",
      { ...at, code: "narrative.missing-plan", params: { because: { field: "outcome", mark: "B" } } },
      "アウトカム(個別)が「B」の行ですが、今後の対応方向・改善策が空欄です。",
    ],
    [
      "consistency.mark-differs",
      {
        ...at,
        code: "consistency.mark-differs",
        params: { entered: "A", derived: "B", because: { kind: "overall", marks: ["A", "B", null] } },
      },
      "入力されている「A」は、算定結果「B」と異なります。算定の根拠: 個別 A B ?",
    ],
    [
      "vocabulary.not-a-mark (numbered notation)",
      {
        ...at,
        code: "vocabulary.not-a-mark",
        field: "achievement",
        params: { mark: "achievement", notation: "numbered", found: "○" },
      },
      "「○」は業績目標の達成状況の記号ではありません(①/②/③(と (ⅰ)/(ⅱ)) のいずれかを入力します)。",
    ],
    [
      "consistency.not-evaluated",
      {
        ...at,
        code: "consistency.not-evaluated",
        params: { columns: ["outcome", "strategyProgress"], placeholder: "-" },
      },
      "この行のアウトカム(個別)・戦略の進捗状況は「-」(評価しない印)のため、算定結果を書き込まず、突き合わせもしません。",
    ],
    [
      "consistency.progress-rule-differs",
      {
        ...at,
        code: "consistency.progress-rule-differs",
        params: { entered: "b", derived: "a", rule: "executed", because: { kind: "all-executed", total: 2 } },
      },
      "入力されている「b」は、「結び付く取組がすべて(ⅰ)計画どおり実施なら a」の規則による算定結果「a」と異なります。算定の根拠: 結び付く取組2件がすべて(ⅰ)(計画どおり実施)。a/b の付け方は区の規則によるため、規則が違う場合はプロファイルの strategyProgressRule を設定してください。",
    ],
  ])("%s reads as expected in Japanese", (_name, issue, ja) => {
    expect(message(issue).ja).toBe(ja);
  });

  test("a misnamed or missing param does not compile (npm run typecheck checks these lines)", () => {
    type CountMismatch = IssueParams["parse.count-mismatch"];
    // @ts-expect-error: the counts' names are not params any more, `counted` says what was counted
    const misnamed: CountMismatch = { left: 2, right: 3, counted: "targets-results", leftJa: "目標" };
    // @ts-expect-error: `counted` is required
    const missing: CountMismatch = { left: 2, right: 3 };
    // @ts-expect-error: a code's params are its own, not another code's
    const crossed: Issue = { ...at, code: "parse.cell-error", params: { entered: "A", derived: "B" } };
    expect([misnamed, missing, crossed]).toHaveLength(3);
  });

  test("a history subject is worded from its data: kind, shares as percentages, marks joined, 「—」 for none", () => {
    const place = { sheet: "取組(1)", field: null, column: null, input: null } as const;
    expect(
      message({
        ...place,
        code: "history.ambiguous-match",
        params: {
          kind: "initiative",
          candidates: [
            { place: "取組(1)!B8", confidence: 0.614 },
            { place: "取組(1)!B11", confidence: 0.6 },
          ],
        },
      }).ja,
    ).toBe(
      "この取組は前年度の複数の行(取組(1)!B8 (61%)、取組(1)!B11 (60%))と同じくらい似ているため、対応付けません。前年度との比較はこの行では行いません。",
    );
    expect(
      message({
        ...place,
        code: "history.previous-mark-unpaired",
        params: { entered: ["A", "B"], previous: [], previousCell: "戦略(1)!K9" },
      }).en,
    ).toBe(
      "The previous-year column's marks (A・B) and last year's (—, 戦略(1)!K9) differ in number; no guess is made.",
    );
    expect(
      message({
        ...place,
        code: "history.criterion-changed",
        params: { before: "", after: "10%未満であれば、事業を再構築する。", previousCell: "取組(1)!G8" },
      }).ja,
    ).toBe("撤退基準が前年度(取組(1)!G8)から変わっています: 「—」→「10%未満であれば、事業を再構築する。」。");
  });
});

/** An issue of one code at J5 of 具体的取組 (grid row 4, column 9). */
const issue = <C extends FindingCode>(
  i: Partial<IssueBase> & { readonly code: C; readonly params: IssueParams[C] },
): IssueOf<C> => ({ ...at, ...i });

describe("toFinding", () => {
  test("grid position + origin → A1 cell and 1-based row; severity from the code", () => {
    const f = toFinding(
      issue({
        code: "vocabulary.not-a-mark",
        field: "strategyEffectiveness",
        column: "strategyEffectiveness",
        input: "A",
        params: { mark: "strategyEffectiveness", notation: "circle", found: "A" },
      }),
      new Map([["具体的取組", { row: 2, col: 1 }]]),
    );
    expect(f).toMatchObject({
      cell: "K7",
      row: 7,
      severity: "error",
      sheet: "具体的取組",
      input: "A",
      field: "strategyEffectiveness",
    });
    expect(f.message.ja).toContain("「A」");
    expect(f.message.ja).toContain("ア/イ");
    expect(f.message.en).toContain("strategy effectiveness");
  });

  test("plain-object origins and unknown sheets (origin A1)", () => {
    expect(toFinding(issue({ code: "parse.cell-error", params: { error: "#N/A" } }), {}).cell).toBe("J5");
    expect(
      toFinding(issue({ code: "parse.cell-error", sheet: "x", params: { error: "#N/A" } }), {
        x: { row: 0, col: 2 },
      }).cell,
    ).toBe("L5");
  });

  test("sheet-level issue has no cell or row; an explicit severity wins", () => {
    const f = toFinding(
      issue({
        code: "structure.unknown-sheet",
        gridRow: null,
        gridCol: null,
        severity: "warning",
        params: { sheet: "具体的取組" },
      }),
      {},
    );
    expect(f.cell).toBeNull();
    expect(f.row).toBeNull();
    expect(f.severity).toBe("warning");
    expect(f.message.ja).toContain("具体的取組");
  });
});
