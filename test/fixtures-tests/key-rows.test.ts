import { fromA1 } from "../../src/core/address/a1";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { fieldColumn, fixtureSnapshots, itemRows } from "../helpers/fixtures";

/** The value at a sheet address in a snapshot (origin applied). */
function at(snapshot: SheetSnapshot, address: string): CellValue {
  const pos = fromA1(address);
  if (pos === null) throw new Error(address);
  return snapshot.values[pos.row - snapshot.origin.row]?.[pos.col - snapshot.origin.col] ?? null;
}

function sheet(fixture: string, name: string): SheetSnapshot {
  const s = fixtureSnapshots(fixture).find((x) => x.name === name);
  if (s === undefined) throw new Error(`${fixture} has no ${name}`);
  return s;
}

function isMerged(s: SheetSnapshot, address: string): boolean {
  const p = fromA1(address);
  if (p === null) throw new Error(address);
  return s.merges.some((m) => m.top <= p.row && p.row <= m.bottom && m.left <= p.col && p.col <= m.right);
}

describe("hirano-fy2016: the cells the README documents (主要な行)", () => {
  const s1 = sheet("hirano-fy2016", "戦略(1)");
  const i1 = sheet("hirano-fy2016", "取組(1)");
  const s2 = sheet("hirano-fy2016", "戦略(2)");
  const i2 = sheet("hirano-fy2016", "取組(2)");

  test("sheet order", () => {
    expect(fixtureSnapshots("hirano-fy2016").map((s) => s.name)).toEqual([
      "戦略(1)",
      "取組(1)",
      "戦略(2)",
      "取組(2)",
    ]);
  });

  test.each([
    [s1, "A1", "区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)"],
    [s1, "A2", "豊かな地域社会の形成に向けた区政運営基本方針"],
    [s1, "E2", "平成28年度"],
    [s1, "G2", "めざす成果および戦略"],
    [i1, "G2", "具体的取組"],
    [s1, "A3", "計画"],
    [s1, "H3", "自己評価"],
    [s1, "A4", "項目"],
    [s1, "C4", "成果指標と目標値"],
    [s1, "I4", "アウトカムの達成状況"],
    [s1, "J5", "前年度"],
    [s1, "K5", "個別"],
    [s1, "L5", "全体"],
    [s1, "H6", "ア:有効であり、継続して推進\nイ:有効でないため、戦略を見直す"],
    [s1, "K6", "A:順調\nB:順調でない"],
    [s1, "M6", "a:順調\nb:順調でない"],
    [s1, "A7", "1 「大きな公共を担う活力ある地域社会づくり」に向けて"],
    [s1, "A8", "(1) 豊かなコミュニティの実現"],
    [s1, "A9", "㋐"],
    [s1, "H9", "ア"],
    [s1, "K9", "A\nA"],
    [s1, "L9", null],
    [s1, "K21", "A"],
    [s1, "A14", "区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)"],
    [s1, "A21", "㋐"],
    [s1, "L21", null],
    [i1, "A6", "1"],
    [i1, "B6", "「大きな公共を担う活力ある地域社会づくり」に向けて"],
    [i1, "J4", "業績目標の達成状況"],
    [i1, "L4", "戦略に対する取組の有効性"],
    [i1, "L5", "○:有効\n×:有効でないため見直す"],
    [i1, "K8", "(ⅰ)"],
    [i1, "G8", "15%未満であれば、事業を再構築する。\n30%以下であれば、手法を再検討する。"],
    [s2, "H9", "A"],
    [s2, "B9", "多様な区民の意見やニーズの的確な把握と区政情報の発信"],
    [s2, "M26", "a"],
    [s2, "H28", "-"],
    [i2, "F14", "窓口サービス満足度:70%以上"],
    [i2, "J14", "窓口サービス満足度:95%"],
    [i2, "K14", null],
    [i2, "F24", "来庁者等に対する窓口サービス格付結果:3.5以上"],
    [i2, "J24", "来庁者等に対する窓口サービス格付結果:3.2"],
    [i2, "G24", "左記目標が3.0未満であれば、手法を再検討する。"],
    [i2, "M24", null],
    [i2, "G26", "職員提案への提案件数(平成26年度実績 1件)"],
    [i2, "J8", null],
  ])("%#: %s の %s", (snap, address, value) => {
    expect(at(snap, address)).toBe(value);
  });

  test("the achievement legend is rich text in the file and a flat string in the snapshot", () => {
    const legend = at(i1, "J5");
    expect(typeof legend).toBe("string");
    expect(legend).toMatch(
      /^○:目標達成\n\u3000\(ⅰ\)取組は予定どおり実施\n\u3000\(ⅱ\)取組を予定どおり実施しなかった\n×:目標未達成/,
    );
    expect(legend).toMatch(/×:撤退基準未達成$/);
  });

  test("[3-1] rows carry the targets, results and criteria of the seed", () => {
    for (const r of [8, 10, 11, 19, 20, 21, 23, 24]) {
      expect(String(at(i1, `E${r}`))).toMatch(/^\[3-1\]/);
      expect(String(at(i1, `F${r}`))).toMatch(/割合30%以上\n.*割合60%以上$/);
      expect(String(at(i1, `J${r}`))).toMatch(/割合55\.9%\(地域活動協議会の活動を知っている方\)\n.*割合85%$/);
      expect(at(i1, `K${r}`)).toBe("(ⅰ)");
    }
    expect(String(at(i1, "F8"))).toContain("感じる");
    expect(String(at(i1, "F19"))).toContain("感ずる");
  });

  test("やりがい row: two targets, three results, an uncomputable criterion", () => {
    expect(String(at(i2, "F26"))).toMatch(/92%以上\(平成28年度末\)\n職員提案への提案件数 3件/);
    expect(String(at(i2, "J26"))).toMatch(/…75%\n.*…69\.5%\n職員提案への提案件数\u30000件$/);
  });

  test("items spanning rows: merged (戦略(2) ㋐ 9–11) or empty continuation (㋑ 12–13)", () => {
    expect(isMerged(s2, "A10")).toBe(true);
    expect(isMerged(s2, "H11")).toBe(true);
    expect(at(s2, "C10")).toMatch(/特長や地域実情/);
    expect(isMerged(s2, "A13")).toBe(false);
    expect(at(s2, "A13")).toBeNull();
    expect(at(s2, "C13")).toMatch(/終了時に意見を聞く/);
    expect(isMerged(s1, "D21")).toBe(true);
    expect(at(s1, "D21")).toBeNull();
  });

  test("the continuation page repeats (2)㋐ in both area-2 sheets", () => {
    expect(
      itemRows("hirano-fy2016", "戦略(2)", "区における市政の総合窓口機能の充実").map((r) => r + 1),
    ).toEqual([15, 24]);
    expect(
      itemRows("hirano-fy2016", "取組(2)", "区における市政の総合窓口機能の充実").map((r) => r + 1),
    ).toEqual([14, 22]);
    for (const col of ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"]) {
      expect(at(i2, `${col}22`)).toBe(at(i2, `${col}14`));
    }
    expect(at(s2, "A17")).toBe(at(s2, "A1"));
    expect(at(s2, "H22")).toBe(at(s2, "H6"));
  });

  test("values sit only at merge top-lefts", () => {
    for (const snap of fixtureSnapshots("hirano-fy2016")) {
      for (const m of snap.merges) {
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++)
            if (r !== m.top || c !== m.left) expect(snap.values[r]?.[c] ?? null).toBeNull();
      }
    }
  });

  test("the grid is dense and rectangular", () => {
    for (const snap of fixtureSnapshots("hirano-fy2016")) {
      const width = snap.values[0]?.length ?? 0;
      expect(width).toBeGreaterThan(0);
      for (const row of snap.values) expect(row.length).toBe(width);
      expect(snap.formulas).toEqual([]);
      expect(snap.errors).toEqual([]);
    }
  });
});

describe("variants move the documented cells", () => {
  test.each([
    ["variant-column-order", "取組(2)", "withdrawalCriterion", "F"],
    ["variant-column-order", "取組(2)", "achievement", "M"],
    ["variant-column-order", "戦略(2)", "issue", "H"],
    ["variant-column-order", "戦略(2)", "strategyEffectiveness", "J"],
    ["variant-extra-column", "取組(2)", "department", "E"],
    ["variant-extra-column", "取組(2)", "achievement", "L"],
    ["variant-extra-column", "戦略(2)", "strategyEffectiveness", "I"],
  ] as const)("%s %s: %s in column %s", (fixture, sheetName, field, letter) => {
    expect(fieldColumn(fixture, sheetName, field)).toBe(letter.charCodeAt(0) - 65);
  });

  test("variant-header-lower: notes, then the title at row 7 and the header from row 9", () => {
    const i = sheet("variant-header-lower", "取組(2)");
    expect(at(i, "A1")).toBe("【記入上の注意】");
    expect(at(i, "A6")).toBeNull();
    expect(at(i, "A7")).toBe("区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)");
    expect(at(i, "A9")).toBe("計画");
    expect(at(i, "A10")).toBe("項目");
    expect(at(i, "J30")).toBe("来庁者等に対する窓口サービス格付結果:3.2");
    expect(at(sheet("variant-header-lower", "戦略(2)"), "H15")).toBe("A");
  });

  test("variant-numbered: the ①②③ legend and entered marks", () => {
    const i = sheet("variant-numbered", "取組(2)");
    expect(String(at(i, "J5"))).toMatch(/^①:目標達成[\s\S]*②:目標未達成[\s\S]*③:撤退基準未達成$/);
    expect([at(i, "K14"), at(i, "K22"), at(i, "K24"), at(i, "K26")]).toEqual([
      "①(ⅰ)",
      "①(ⅰ)",
      "①(ⅰ)",
      "②(ⅰ)",
    ]);
  });

  test("variant-fullwidth: full-width digits and ％, Ａ/ａ marks", () => {
    const i = sheet("variant-fullwidth", "取組(2)");
    const s = sheet("variant-fullwidth", "戦略(2)");
    expect(at(i, "F14")).toBe("窓口サービス満足度：７０％以上");
    expect(at(i, "J24")).toBe("来庁者等に対する窓口サービス格付結果：３．２");
    expect(at(i, "D25")).toBe("Ｈ２９年度までに３．５点以上");
    expect([at(s, "H9"), at(s, "K9"), at(s, "L9"), at(s, "M9"), at(s, "H15")]).toEqual([
      "Ａ",
      "Ａ",
      "Ａ",
      "ａ",
      "ア",
    ]);
    expect(String(at(i, "J26"))).toContain("０件");
  });

  test("variant-label-typos: the labels as typed", () => {
    const i = sheet("variant-label-typos", "取組(2)");
    const s = sheet("variant-label-typos", "戦略(2)");
    expect([at(i, "A4"), at(i, "C4"), at(i, "E4"), at(i, "F4"), at(i, "G4"), at(i, "L4")]).toEqual([
      "項　目",
      "成果指数と目標値",
      "取組\n内容",
      "業績　目標",
      "撤退・再構築基準",
      "戦略に対する\n取組の有効性",
    ]);
    expect(at(s, "O4")).toBe("今後の対応方向\n改善策");
  });

  test("variant-formulas: formula cells listed, cached results in the grid, an error cell", () => {
    const i = sheet("variant-formulas", "取組(2)");
    const s = sheet("variant-formulas", "戦略(2)");
    const addr = (p: { row: number; col: number }): string =>
      `${String.fromCharCode(65 + p.col)}${p.row + 1}`;
    expect(s.formulas.map(addr).sort()).toEqual(["I12", "L12"]);
    expect(at(s, "L12")).toBe("A");
    expect(i.formulas.map(addr).sort()).toEqual(["J14", "J22", "J24", "J8", "K24"]);
    expect(at(i, "K24")).toBe("×(ⅰ)");
    expect(at(i, "J14")).toBe("窓口サービス満足度:95%");
    expect(i.errors).toEqual([{ row: 7, col: 9, code: "#DIV/0!" }]);
    expect(at(i, "J8")).toBeNull();
  });

  test("other-sheets: a non-form first sheet, a protected form, a hidden sheet", () => {
    const snaps = fixtureSnapshots("other-sheets");
    expect(snaps.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["メモ", "visible", false],
      ["取組(2)", "visible", false],
      ["戦略(2)", "visible", true],
      ["作業用", "hidden", false],
    ]);
    const memo = snaps[0] as SheetSnapshot;
    expect(memo.values).toEqual([
      ["メモ", null, null],
      ["提出期限", "平成29年5月31日", null],
      ["確認者", "区政企画担当", null],
      ["照会件数", 12, null],
      ["再照会", 24, "件"],
      ["確認済", true, null],
      ["備考", "業績目標の達成状況は4月末時点の数値で記入済み。○/×は区政会議後に見直し。", null],
    ]);
    expect(memo.formulas).toEqual([{ row: 4, col: 1 }]);
  });
});
