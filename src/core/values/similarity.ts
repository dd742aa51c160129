/** Label similarity: Dice coefficient over character bigrams of folded labels. */
import { foldLabel } from "../text/normalize";

interface Bigrams {
  readonly grams: ReadonlyMap<string, number>;
  readonly total: number;
}

function bigrams(s: string): Bigrams {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  let total = 0;
  for (const n of out.values()) total += n;
  return { grams: out, total };
}

/**
 * 0..1 similarity of two labels after folding (1 = same folded text); 0 when either is empty. No cache here
 * (values keep no module state): `fold` is foldLabel or a memo of it owned by the caller's evaluation.
 */
export function labelSimilarity(
  a: string | null,
  b: string | null,
  fold: (s: string) => string = foldLabel,
): number {
  const fa = fold(a ?? "");
  const fb = fold(b ?? "");
  if (fa === "" || fb === "") return 0;
  if (fa === fb) return 1;
  return dice(fa, fb);
}

/** The Dice coefficient of two non-empty, different folded labels. */
function dice(fa: string, fb: string): number {
  const ga = bigrams(fa);
  const gb = bigrams(fb);
  const total = ga.total + gb.total;
  let common = 0;
  for (const [g, n] of ga.grams) common += Math.min(n, gb.grams.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}
