/** Label similarity: Dice coefficient over character bigrams of folded labels. */
import { foldLabel } from "../text/normalize";

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 0..1 similarity of two labels after foldLabel (1 = same folded text); 0 when either is empty. */
export function labelSimilarity(a: string | null, b: string | null): number {
  const fa = foldLabel(a ?? "");
  const fb = foldLabel(b ?? "");
  if (fa === "" || fb === "") return 0;
  if (fa === fb) return 1;
  const ga = bigrams(fa);
  const gb = bigrams(fb);
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}
