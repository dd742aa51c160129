/**
 * Text normalisation shared by every parser and the layout recogniser.
 * NFKC folds full-width digits/letters; explicit tables (text/tables.ts) handle what NFKC does not.
 */

/** NFKC, unify newlines, collapse runs of spaces (incl. U+3000) to one space, trim. Never throws. */
export function normalizeText(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u3000]+/g, " ")
    .trim();
}
