import type { FindingCode, Issue } from "../../../src/core/model/findings";
import { FINDING_CODES } from "../../../src/core/messages/codes";
import { message, severityOf, toFinding } from "../../../src/core/messages/catalogue";
import { messageTemplate } from "../../../src/core/messages/doc";

const issue = (over: Partial<Issue> & Pick<Issue, "code">): Issue => ({
  sheet: "具体的取組",
  gridRow: 4,
  gridCol: 9,
  field: null,
  column: null,
  input: null,
  params: {},
  ...over,
});

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

  test("missing params are left out, never printed as undefined", () => {
    for (const code of FINDING_CODES) {
      const t = message(code, {});
      expect(t.ja).not.toMatch(/undefined|null/);
      expect(t.en).not.toMatch(/undefined|null/);
    }
  });

  test.each([
    [
      "vocabulary.not-a-mark",
      { expected: "ア/イ", found: "A", fieldJa: "戦略のアウトカムに対する有効性" },
      "「A」は戦略のアウトカムに対する有効性の記号ではありません(ア/イ のいずれかを入力します)。",
    ],
    [
      "derive.withdrawal-fired",
      { criterion: "15%未満であれば、事業を再構築する。", comparisonJa: "10% < 15%", action: "restructure" },
      "撤退基準「15%未満であれば、事業を再構築する。」に該当します(10% < 15%)。事業を再構築する必要があります。",
    ],
    [
      "parse.target",
      { text: "増加", reason: "relative-needs-previous" },
      "目標「増加」を読み取れません(増加・減少・維持など前年度との比較で、前年度の値がありません)。",
    ],
  ] as const)("%s reads as expected in Japanese", (code, params, ja) => {
    expect(message(code, params).ja).toBe(ja);
  });
});

describe("toFinding", () => {
  test("grid position + origin → A1 cell and 1-based row; severity from the code", () => {
    const f = toFinding(
      issue({
        code: "vocabulary.not-a-mark",
        field: "strategyEffectiveness",
        column: "strategyEffectiveness",
        input: "A",
        params: { expected: "ア/イ" },
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
    expect(toFinding(issue({ code: "parse.cell-error", sheet: "x" }), { x: { row: 0, col: 2 } }).cell).toBe(
      "L5",
    );
  });

  test("sheet-level issue has no cell or row; an explicit severity wins", () => {
    const f = toFinding(
      issue({ code: "structure.unknown-sheet", gridRow: null, gridCol: null, severity: "warning" }),
      {},
    );
    expect(f.cell).toBeNull();
    expect(f.row).toBeNull();
    expect(f.severity).toBe("warning");
    expect(f.message.ja).toContain("具体的取組");
  });
});
