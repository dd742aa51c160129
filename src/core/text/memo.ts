/**
 * Bounded memoisation of pure string functions. The sheets repeat the same texts in many cells, and the
 * evaluation folds and normalises each of them several times; a cache keeps that to once per text.
 * The cache is emptied when it reaches its cap, and texts longer than `maxKeyLength` are never stored,
 * so its memory stays bounded whatever the workbook.
 */

/** Wrap a pure string → T function in a bounded cache (results must be immutable or never mutated). */
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
