/** Label similarity: Dice coefficient over character bigrams of folded labels. */
import { memoizeString } from "../text/memo";
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

// The same labels are compared over and over (every row of a sheet pairs the same indicator names).
const bigramsOf = memoizeString(bigrams);

// Folded label → folded label → score: each row pairs the same two labels again. Bounded like the
// string memos: emptied when it holds PAIR_CAP scores, and long labels are never stored.
const PAIR_CAP = 50000;
const PAIR_MAX_LENGTH = 400;
const scores = new Map<string, Map<string, number>>();
let stored = 0;

/** 0..1 similarity of two labels after foldLabel (1 = same folded text); 0 when either is empty. */
export function labelSimilarity(a: string | null, b: string | null): number {
  const fa = foldLabel(a ?? "");
  const fb = foldLabel(b ?? "");
  if (fa === "" || fb === "") return 0;
  if (fa === fb) return 1;
  if (fa.length > PAIR_MAX_LENGTH || fb.length > PAIR_MAX_LENGTH) return dice(fa, fb);
  const hit = scores.get(fa)?.get(fb);
  if (hit !== undefined) return hit;
  const score = dice(fa, fb);
  if (stored >= PAIR_CAP) {
    scores.clear();
    stored = 0;
  }
  let row = scores.get(fa);
  if (row === undefined) {
    row = new Map();
    scores.set(fa, row);
  }
  row.set(fb, score);
  stored++;
  return score;
}

/** The Dice coefficient of two non-empty, different folded labels. */
function dice(fa: string, fb: string): number {
  const ga = bigramsOf(fa);
  const gb = bigramsOf(fb);
  const total = ga.total + gb.total;
  let common = 0;
  for (const [g, n] of ga.grams) common += Math.min(n, gb.grams.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}
