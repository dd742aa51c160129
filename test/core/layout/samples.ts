/**
 * Hand-built sheets in the shape of the seed (Hirano ward FY2016): title rows, a three-row merged header
 * with the legend inside, headings, items over several rows, a continuation page that repeats the header
 * and one item. Options move, reorder and relabel columns so that variants can be compared.
 */
import type { CellValue } from "../../../src/core/model/snapshot";
import { GridBuilder } from "./builder";

export const TITLE = "区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)";
export const POLICY = "豊かな地域社会の形成に向けた区政運営基本方針";

export interface SampleOptions {
  /** rows above the title */
  readonly offset?: number;
  /** insert 担当課 after this many leading columns */
  readonly departmentAt?: number;
  /** relabel: canonical label → label to write */
  readonly labels?: Readonly<Record<string, string>>;
  /** achievement legend symbols (initiative) */
  readonly legend?: "circle" | "numbered" | "none";
  /** repeat the header and one item on a continuation page */
  readonly continuation?: boolean;
  /** reverse the order of the 課題 and plan columns */
  readonly swapLast?: boolean;
}

interface Col {
  /** canonical key (the label for a leaf; parent keys for grouped columns) */
  readonly key: string;
  readonly parent?: string;
  readonly sub?: string;
  readonly legend?: string;
}

const STRATEGY_COLS: readonly Col[] = [
  { key: "itemMark", parent: "項目" },
  { key: "itemName", parent: "項目" },
  { key: "indicator", parent: "成果指標と目標値" },
  { key: "indicatorTarget", parent: "成果指標と目標値" },
  { key: "めざす状態" },
  { key: "アウトカム" },
  { key: "戦略" },
  {
    key: "戦略のアウトカムに対する有効性",
    legend: "ア:有効であり、継続して推進\nイ:有効でないため、戦略を見直す",
  },
  { key: "outcomeResult", parent: "アウトカムの達成状況" },
  { key: "outcomePrevious", parent: "アウトカムの達成状況", sub: "前年度" },
  { key: "outcome", parent: "アウトカムの達成状況", sub: "個別", legend: "A:順調\nB:順調でない" },
  { key: "outcomeOverall", parent: "アウトカムの達成状況", sub: "全体" },
  { key: "戦略の進捗状況", legend: "a:順調\nb:順調でない" },
  { key: "課題" },
  { key: "今後の対応方向\n改善策" },
];

const INITIATIVE_COLS: readonly Col[] = [
  { key: "itemMark", parent: "項目" },
  { key: "itemName", parent: "項目" },
  { key: "indicator", parent: "成果指標と目標値" },
  { key: "indicatorTarget", parent: "成果指標と目標値" },
  { key: "取組内容" },
  { key: "業績目標" },
  { key: "撤退基準" },
  { key: "前年度までの実績" },
  { key: "取組実績" },
  { key: "achievementResult", parent: "業績目標の達成状況" },
  { key: "achievement", parent: "業績目標の達成状況", legend: "ACHIEVEMENT_LEGEND" },
  { key: "戦略に対する取組の有効性", legend: "○:有効\n×:有効でないため見直す" },
  { key: "課題" },
  { key: "改善策" },
];

function legendText(kind: "circle" | "numbered" | "none"): string {
  if (kind === "numbered")
    return "①:目標達成\n②:目標未達成\n③:撤退基準未達成\n(ⅰ)取組は予定どおり実施\n(ⅱ)取組を予定どおり実施しなかった";
  if (kind === "circle")
    return "○:目標達成\n×:目標未達成\n(ⅰ)取組は予定どおり実施\n(ⅱ)取組を予定どおり実施しなかった\n撤退基準未達成";
  return "";
}

/** Column order after options; returns canonical keys in sheet order. */
function arrange(cols: readonly Col[], o: SampleOptions): Col[] {
  const out = [...cols];
  if (o.swapLast === true) {
    const a = out.pop();
    const b = out.pop();
    if (a !== undefined && b !== undefined) out.push(a, b);
  }
  if (o.departmentAt !== undefined) out.splice(o.departmentAt, 0, { key: "担当課" });
  return out;
}

type Row = Record<string, CellValue>;

function writeSheet(
  b: GridBuilder,
  cols: readonly Col[],
  kindWord: string,
  o: SampleOptions,
  body: ReadonlyArray<Row | string>,
  start: number,
): number {
  const lab = (k: string): string => o.labels?.[k] ?? k;
  const last = cols.length - 1;
  let r = start;
  b.merge(r, 0, r, last, TITLE);
  r++;
  b.merge(r, 0, r, 1, POLICY).set(r, 2, `平成28年度 ${kindWord}`);
  r++;
  // header: r = group row (計画 | 自己評価 and grouped parents), r+1 labels, r+2 sub-labels + legend
  const g = r;
  const selfEval = cols.findIndex(
    (c) => c.key === "戦略のアウトカムに対する有効性" || c.key === "前年度までの実績",
  );
  const plain = cols.findIndex((c) => c.parent !== "項目" && c.parent !== "成果指標と目標値");
  b.merge(g, plain, g, Math.max(plain, selfEval - 1), "計画");
  b.merge(g, Math.max(3, selfEval), g, last, "自己評価");
  let c = 0;
  while (c < cols.length) {
    const col = cols[c];
    if (col === undefined) break;
    if (col.parent !== undefined) {
      let end = c;
      while (cols[end + 1]?.parent === col.parent) end++;
      if (col.parent === "項目" || col.parent === "成果指標と目標値") {
        // these two start in the group row and run down to the legend row
        b.merge(g, c, g + 2, end, lab(col.parent));
      } else b.merge(g + 1, c, g + 1, end, lab(col.parent));
      for (let k = c; k <= end; k++) {
        const sub = cols[k];
        const text = [
          sub?.sub === undefined ? undefined : lab(sub.sub),
          sub?.legend === "ACHIEVEMENT_LEGEND" ? legendText(o.legend ?? "circle") : sub?.legend,
        ]
          .filter((x): x is string => x !== undefined && x !== "")
          .join("\n");
        if (text !== "") b.set(g + 2, k, text);
      }
      c = end + 1;
      continue;
    }
    if (col.legend !== undefined) {
      b.set(g + 1, c, lab(col.key)).set(g + 2, c, col.legend);
    } else b.merge(g + 1, c, g + 2, c, lab(col.key));
    c++;
  }
  r = g + 3;
  for (const row of body) {
    if (typeof row === "string") {
      b.merge(r, 0, r, last, row);
    } else {
      cols.forEach((col, i) => {
        const v = row[col.key];
        if (v !== undefined) b.set(r, i, v);
      });
    }
    r++;
  }
  return r;
}

const S_ITEM_1: Row = {
  itemMark: "㋐",
  itemName: "人と人とのつながりづくりの促進",
  indicator: "身近な地域の中で「声かけ」、「見守り」を実感している区民の割合",
  indicatorTarget: "H29年度までに50%以上",
  めざす状態: "[3] 地域団体間で連携・協働している状態",
  アウトカム: "地域活動の重要性や役割を理解している区民の割合:平成31年度末までに60%",
  戦略: "これまで地域活動に参加していなかった層の地域活動への参加促進",
  戦略のアウトカムに対する有効性: "ア",
  outcomeResult: "地域活動の重要性や役割を理解している区民の割合 86.3%",
  outcome: "A",
  outcomeOverall: "A",
  戦略の進捗状況: "a",
  課題: "-",
  "今後の対応方向\n改善策": "-",
};

const S_ITEM_2: Row = {
  itemMark: "㋐",
  itemName: "多様な区民の意見やニーズの的確な把握と区政情報の発信",
  indicator: "区役所が、区政運営について区民の意見や要望を反映していると思う区民の割合",
  indicatorTarget: "H29年度までに60%以上",
  めざす状態: "多様な区民の意見やニーズの的確な把握と区政情報の発信できている状態",
  アウトカム: "窓口サービス満足度:70%以上(平成29年度)",
  戦略: "［5］区民(来庁者)の意見や要望についての的確に把握する。",
  戦略のアウトカムに対する有効性: "A",
  outcomeResult: "93%",
  outcomePrevious: "A",
  outcome: "A",
  outcomeOverall: "A",
  戦略の進捗状況: "a",
};

const S_ITEM_2_CONT: Row = {
  indicator: "区民の様々な取組の中に、区の特長や地域実情に応じたものがあると感じる区民の割合",
  indicatorTarget: "H29年度までに60%以上",
};

const S_ITEM_3: Row = {
  itemMark: "(イ)",
  itemName: "区民の参画と協働による区政運営",
  indicator: "区民の意見や要望を反映していると思う区民の割合",
  indicatorTarget: "H29年度までに60%以上",
  戦略: "[5] 区の実情に応じた施策を展開する。",
  outcomeResult: "87.3%",
  outcome: "B",
  outcomeOverall: "B",
  戦略の進捗状況: "b",
};

/** A strategy sheet: 3 items (one over two rows), a continuation page repeating item 3. */
export function strategySample(name = "戦略", o: SampleOptions = {}): GridBuilder {
  const b = new GridBuilder(name);
  const cols = arrange(STRATEGY_COLS, o);
  const start = o.offset ?? 0;
  if (start > 0) b.set(0, 0, "メモ: 提出用");
  const r = writeSheet(
    b,
    cols,
    "めざす成果および戦略",
    o,
    [
      "1 「大きな公共を担う活力ある地域社会づくり」に向けて",
      "(1) 豊かなコミュニティの実現",
      S_ITEM_1,
      "2 「自律した自治体型の区政運営」に向けて",
      "(1) 区における住民主体の自治の実現",
      S_ITEM_2,
      S_ITEM_2_CONT,
      S_ITEM_3,
    ],
    start,
  );
  if (o.continuation === true) {
    writeSheet(
      b,
      cols,
      "めざす成果および戦略",
      o,
      [
        S_ITEM_3,
        "(2) 区民に身近な総合行政の拠点としての区役所づくり",
        { ...S_ITEM_1, itemMark: "㋐", itemName: "区における市政の総合窓口機能の充実" },
      ],
      r,
    );
  }
  return b;
}

const I_ITEM_1: Row = {
  itemMark: "㋐",
  itemName: "人と人とのつながりづくりの促進",
  indicator: "身近な地域の中で「声かけ」を実感している区民の割合",
  indicatorTarget: "H29年度までに50%以上",
  取組内容: "[3-1] 地域活動協議会の自立的・継続的な活動を支援する。",
  業績目標:
    "地域活動協議会の活動に参加したことがある区民の割合30%以上\n区役所の支援が地域にとって適切であると感じる小学校区等地域の割合60%以上",
  撤退基準: "15%未満であれば、事業を再構築する。\n30%以下であれば、手法を再検討する。",
  前年度までの実績: "平成26年度実績 全22地域",
  取組実績: "全22地域",
  achievementResult:
    "地域活動協議会の活動に参加したことがある区民の割合55.9%\n区役所の支援が地域にとって適切であると感じる小学校区等地域の割合85%",
  achievement: "(ⅰ)",
  戦略に対する取組の有効性: "○",
};

const I_ITEM_2: Row = {
  itemMark: "㋐",
  itemName: "区における市政の総合窓口機能の充実",
  indicator: "適切に対応したと思う区民の割合",
  indicatorTarget: "H29年度までに80%以上",
  取組内容: "[5-1] 窓口サービスの提供 通年",
  業績目標: "窓口サービス満足度:70%以上",
  撤退基準: "左記目標が50%未満であれば、手法を再検討する。",
  achievementResult: "窓口サービス満足度:95%",
  achievement: "○(ⅰ)",
  戦略に対する取組の有効性: "○",
};

const I_ITEM_2_SECOND: Row = {
  取組内容: "[5-2] 区政会議の小グループ形式の意見交換会の開催 4回/年",
  業績目標: "区政会議において活発な意見が述べられたと感じる委員の割合:60%以上",
  撤退基準: "左記目標が20%未満であれば、手法を再検討する。",
  achievementResult: "区政会議において活発な意見が述べられたと感じる委員の割合:55%",
  achievement: "×(ⅰ)",
};

const I_ITEM_2_SECOND_CONT: Row = {
  業績目標: "意見交換会の開催 4回",
  achievementResult: "4回",
};

/** An initiative sheet: item 1, item 2 with two initiatives (the second over two rows), continuation page. */
export function initiativeSample(name = "取組", o: SampleOptions = {}): GridBuilder {
  const b = new GridBuilder(name);
  const cols = arrange(INITIATIVE_COLS, o);
  const start = o.offset ?? 0;
  if (start > 0) b.set(0, 0, "メモ: 提出用");
  const r = writeSheet(
    b,
    cols,
    "具体的取組",
    o,
    [
      "1 「大きな公共を担う活力ある地域社会づくり」に向けて",
      "(1) 豊かなコミュニティの実現",
      I_ITEM_1,
      "2 「自律した自治体型の区政運営」に向けて",
      "(2) 区民に身近な総合行政の拠点としての区役所づくり",
      I_ITEM_2,
      I_ITEM_2_SECOND,
      I_ITEM_2_SECOND_CONT,
    ],
    start,
  );
  if (o.continuation === true)
    writeSheet(b, cols, "具体的取組", o, [I_ITEM_2_SECOND, I_ITEM_2_SECOND_CONT], r);
  return b;
}
