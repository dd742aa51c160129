/** Levenshtein distance over two rows; inputs are short header labels (≤ MAX_EDIT_LENGTH). */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      const sub = (prev[j - 1] as number) + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] as number;
}

// Labels longer than this are not header labels (titles, notes, data): they only score by containment.
const MAX_EDIT_LENGTH = 40;

/**
 * How well a folded header label matches a folded dictionary label, 0..1: 1 when equal, the edit-distance
 * ratio for typos (業積目標 vs 業績目標 → 0.75), and a containment score when one holds the other
 * (担当課名 ⊃ 担当課 → 0.86), weighted by how much of the longer text the shorter one covers.
 */
export function labelScore(label: string, synonym: string): number {
  if (label === synonym) return 1;
  if (label.length === 0 || synonym.length === 0) return 0;
  let best = 0;
  const longer = Math.max(label.length, synonym.length);
  const shorter = Math.min(label.length, synonym.length);
  if (longer <= MAX_EDIT_LENGTH && shorter / longer >= 0.5) {
    best = 1 - levenshtein(label, synonym) / longer;
  }
  if (synonym.length >= 2 && label.includes(synonym))
    best = Math.max(best, 0.6 + (0.35 * synonym.length) / label.length);
  else if (label.length >= 2 && synonym.includes(label))
    best = Math.max(best, 0.5 + (0.4 * label.length) / synonym.length);
  return best;
}
