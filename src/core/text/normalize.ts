/**
 * Text normalisation shared by every parser and the layout recogniser.
 * NFKC folds full-width digits/letters; explicit tables (text/tables.ts) handle what NFKC does not.
 */
import { CHAR_TABLE, DROPPED, LABEL_VARIANTS, PROTECTED } from "./tables";

const PROTECTED_SPLIT = new RegExp(`(${PROTECTED.source})`, "u");
const TABLE_CHARS = new RegExp(`[${Object.keys(CHAR_TABLE).join("")}]`, "g");
const CR = /\r\n?/g;
const SPACE_RUNS = /[ \t\u3000]+/g;
const SPACE_AROUND_NEWLINE = / ?\n ?/g;
const tableChar = (c: string): string => CHAR_TABLE[c] ?? c;

/** NFKC everywhere except on circled numbers (①②③ stay marks). */
function nfkcKeepingCircledNumbers(input: string): string {
  if (!PROTECTED.test(input)) return input.normalize("NFKC");
  return input
    .split(PROTECTED_SPLIT)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize("NFKC")))
    .join("");
}

/**
 * NFKC (keeping ①②③…), explicit tables (〇◯→○, ✕✖→×, 〜→~, dashes→-, check boxes→☑/□), unify
 * newlines, collapse runs of spaces (incl. U+3000) to one space, drop spaces around newlines, trim.
 * Idempotent; never throws.
 */
export function normalizeText(input: string): string {
  const s = typeof input === "string" ? input : String(input);
  return nfkcKeepingCircledNumbers(s.replace(DROPPED, ""))
    .replace(CR, "\n")
    .replace(TABLE_CHARS, tableChar)
    .replace(SPACE_RUNS, " ")
    .replace(SPACE_AROUND_NEWLINE, "\n")
    .trim();
}

const FOLD_DROP = /[\s()[\]{}<>「」『』【】〔〕〈〉《》〘〙〚〛・、。,.:;!?'"`‘’“”~\-_/\\|*※…‥+=#&@^]/g;

/**
 * Aggressive fold for comparing labels (headers, indicator names): normalizeText, lower case, word
 * variants (感ずる→感じる, 子ども→こども, 指数→指標 …), then whitespace, punctuation, brackets and ・ dropped.
 * Never throws.
 */
export function foldLabel(input: string): string {
  let s = normalizeText(input).toLowerCase();
  for (const [pattern, replacement] of LABEL_VARIANTS) s = s.replace(pattern, replacement);
  // Dropping punctuation can bring a kana next to a lone combining sound mark (し + ] + ﾞ): compose
  // again so that folding a folded label changes nothing.
  return s.replace(FOLD_DROP, "").normalize("NFC");
}
