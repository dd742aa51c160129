import { foldLabel, normalizeText } from "../text/normalize";

// A legend starts at a mark symbol, or at "ア:有効", "A:順調", ":目標達成" (marks lost in extraction).
const LEGEND_START =
  /[○×☑□①②③]|(?:^|[^ぁ-んァ-ヶ一-龠])[アイABab]\s*[:：]|[:：]\s*(?:有効|順調|目標達成|目標未達成|撤退基準)/u;
const LEGEND_WORDS =
  /順調でない|有効でない|目標未達成|撤退基準未達成|目標達成|[アイABab]\s*[:：]\s*(?:有効|順調)/u;

/** True when a header cell explains marks (ア:有効…, A:順調…, ○目標達成…, ☑ before labels). */
export function isLegendText(text: string): boolean {
  return LEGEND_WORDS.test(normalizeText(text));
}

/** A header label without the legend that some templates put into the same cell. */
export function stripLegend(text: string): string {
  const s = normalizeText(text);
  const m = LEGEND_START.exec(s);
  if (m === null) return s;
  // keep one leading character the alternation consumed (the letter before "ア:")
  const cut = m.index + (/^[^アイABab○×☑□①②③:：]/u.test(m[0]) ? 1 : 0);
  return s.slice(0, cut).trim();
}

/** The folded label of a header cell (legend removed). */
export function foldHeader(text: string): string {
  return foldLabel(stripLegend(text));
}

const PARENTHESISED = /[(（][^()（）]*[)）]/gu;

/** The folded label without parenthesised notes (撤退基準（再構築基準） → 撤退基準); "" when nothing is left. */
export function foldCore(text: string): string {
  const stripped = stripLegend(text);
  const core = stripped.replace(PARENTHESISED, "");
  return core === stripped ? "" : foldLabel(core);
}
