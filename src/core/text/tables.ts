/**
 * Explicit character tables for what NFKC leaves alone (or folds too far). Applied by normalizeText.
 * Every replacement target is itself NFKC-stable, which keeps normalizeText idempotent.
 */

/** Canonical circle mark (U+25CB). */
export const CIRCLE = "\u25CB";
/** Canonical cross mark (U+00D7). */
export const CROSS = "\u00D7";
/** Canonical checked box. */
export const CHECKED_BOX = "\u2611";
/** Canonical unchecked box. */
export const UNCHECKED_BOX = "\u25A1";

/** Single characters replaced after NFKC. */
export const CHAR_TABLE: Readonly<Record<string, string>> = {
  // circles: 〇 (ideographic zero), ◯ (large circle), ⭕, ⚪ → ○
  "\u3007": CIRCLE,
  "\u25EF": CIRCLE,
  "\u2B55": CIRCLE,
  "\u26AA": CIRCLE,
  // crosses: ✕ ✖ ✗ ✘ ⨯ ╳ ❌ → ×  (X / x count as × only in a mark cell: see marks.ts)
  "\u2715": CROSS,
  "\u2716": CROSS,
  "\u2717": CROSS,
  "\u2718": CROSS,
  "\u2A2F": CROSS,
  "\u2573": CROSS,
  "\u274C": CROSS,
  // tildes and wave dashes → ~ (～ is folded by NFKC already)
  "\u301C": "~",
  "\u223C": "~",
  "\u223D": "~",
  "\u02DC": "~",
  "\u2053": "~",
  "\u3030": "~",
  // dashes and minus signs → - (the katakana prolonged sound mark ー is a letter and stays)
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2500": "-",
  // check boxes: checked ☑ ☒ ■ ✓ ✔ → ☑ ; unchecked ☐ □ → □
  "\u2612": CHECKED_BOX,
  "\u25A0": CHECKED_BOX,
  "\u2713": CHECKED_BOX,
  "\u2714": CHECKED_BOX,
  "\u2610": UNCHECKED_BOX,
  // line and paragraph separators → newline
  "\u2028": "\n",
  "\u2029": "\n",
  "\u0085": "\n",
  // vertical tab / form feed → space
  "\u000B": " ",
  "\u000C": " ",
};

/** Characters dropped before NFKC (zero-width spaces/joiners, BOM, soft hyphen). */
export const DROPPED = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Circled numbers that NFKC would turn into plain digits (① → 1). They are marks (①②③ notation) and
 * list bullets, not quantities, so they are kept as they are.
 */
export const PROTECTED = /[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/u;

/** Word-level variants folded by foldLabel (written forms seen in the sheets → one spelling). */
export const LABEL_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/感ずっ/g, "感じ"],
  [/感ずる/g, "感じる"],
  [/感ぜ/g, "感じ"],
  [/(?:子ども|子供|こども)/g, "こども"],
  [/目指/g, "めざ"],
  [/取り組み?/g, "取組"],
  [/取組み/g, "取組"],
  [/指数/g, "指標"],
  [/撤退・?再構築基準/g, "撤退基準"],
  [/ヵ所|ケ所|ヶ所|か所|カ所|箇所/g, "箇所"],
];
