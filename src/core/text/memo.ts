import { foldLabel, normalizeText } from "./normalize";

/**
 * normalizeText and foldLabel, each computed once per distinct text, for the lifetime of this object. The
 * sheets repeat the same texts in many cells (indicator names on every row, marks, headers on every page).
 * One is made per evaluation (evaluateWorkbook) and dropped with it, so it holds at most the distinct texts
 * of one workbook and needs no size cap.
 */
export class TextMemo {
  private readonly normalized = new Map<string, string>();
  private readonly folded = new Map<string, string>();

  /** normalizeText, memoised. */
  readonly normalize = (text: string): string => {
    let n = this.normalized.get(text);
    if (n === undefined) {
      n = normalizeText(text);
      this.normalized.set(text, n);
    }
    return n;
  };

  /** foldLabel, memoised. */
  readonly fold = (text: string): string => {
    let f = this.folded.get(text);
    if (f === undefined) {
      f = foldLabel(text);
      this.folded.set(text, f);
    }
    return f;
  };
}

/**
 * Wrap a pure string → T function in a bounded cache (results must be immutable or never mutated).
 * @deprecated Only src/core/values/similarity.ts still uses it (at module level, which the core's
 * module-state test reports); new code takes a TextMemo or a memo owned by one evaluation.
 */
export function memoizeString<T>(fn: (s: string) => T, cap = 10000, maxKeyLength = 400): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    if (s.length > maxKeyLength) return fn(s);
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= cap) cache.clear();
    cache.set(s, value);
    return value;
  };
}
