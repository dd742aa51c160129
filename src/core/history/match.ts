import type { SheetRecord } from "../model/records";
import { labelSimilarity } from "../values/similarity";
import { codeOf, identityParts } from "./identity";
import type { AmbiguousMatch, HistoryOptions, MatchHow, YearMatch } from "./types";

/** The outcome of matching one kind of record (strategy or initiative) across years. */
export interface KindMatching {
  readonly matches: YearMatch[];
  readonly ambiguous: AmbiguousMatch[];
  readonly added: SheetRecord[];
  readonly removed: SheetRecord[];
}

interface Scored {
  readonly cur: SheetRecord;
  readonly prev: SheetRecord;
  readonly score: number;
}

/**
 * One round of assignment: each current record proposes its best candidate when it leads the second by the
 * margin (else the record is ambiguous); a previous record proposed by several keeps the clearly best one
 * (else every proposer is ambiguous). Losers stay unmatched for the next round.
 */
function assign(
  curs: ReadonlyArray<SheetRecord>,
  prevs: ReadonlyArray<SheetRecord>,
  score: (a: SheetRecord, b: SheetRecord) => number,
  how: MatchHow,
  o: HistoryOptions,
  out: { matches: YearMatch[]; ambiguous: AmbiguousMatch[] },
): void {
  const proposals = new Map<SheetRecord, Scored[]>();
  for (const cur of curs) {
    const ranked = prevs
      .map((prev) => ({ cur, prev, score: score(cur, prev) }))
      .filter((s) => s.score >= o.minSimilarity)
      .sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (best === undefined) continue;
    if (second !== undefined && best.score - second.score < o.margin) {
      const close = ranked.filter((s) => best.score - s.score < o.margin);
      out.ambiguous.push(ambiguity(cur, close));
      continue;
    }
    proposals.set(best.prev, [...(proposals.get(best.prev) ?? []), best]);
  }
  for (const [, bids] of proposals) {
    const ranked = [...bids].sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (best === undefined) continue;
    if (second !== undefined && best.score - second.score < o.margin) {
      // two of this year's records fit one of last year's equally: neither is tied to it
      for (const s of ranked.filter((x) => best.score - x.score < o.margin))
        out.ambiguous.push(ambiguity(s.cur, [s]));
      continue;
    }
    out.matches.push({
      kind: best.cur.kind,
      current: best.cur.id,
      previous: best.prev.id,
      how,
      confidence: round(best.score),
    });
  }
}

function ambiguity(cur: SheetRecord, close: ReadonlyArray<Scored>): AmbiguousMatch {
  return {
    kind: cur.kind,
    current: cur.id,
    candidates: close.map((s) => ({ previous: s.prev.id, confidence: round(s.score) })),
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Ties this year's records of one kind to last year's: a code unique in both years ties at once (confidence
 * 1); records sharing a code are told apart by label among themselves; what is left is matched by label over
 * everything left. A record two candidates fit equally well is ambiguous: reported, not matched.
 */
export function matchKind(
  current: ReadonlyArray<SheetRecord>,
  previous: ReadonlyArray<SheetRecord>,
  o: HistoryOptions,
): KindMatching {
  const out = { matches: [] as YearMatch[], ambiguous: [] as AmbiguousMatch[] };
  // identity parts, computed once per record (keyed by the record: both years have a 取組(1)!8)
  const ids = new Map<SheetRecord, string[]>();
  const parts = (r: SheetRecord): string[] => {
    const hit = ids.get(r);
    if (hit !== undefined) return hit;
    const t = identityParts(r);
    ids.set(r, t);
    return t;
  };
  // the mean similarity of the parts either year fills (a reworded indicator alone does not break a match)
  const similarity = (a: SheetRecord, b: SheetRecord): number => {
    const pa = parts(a);
    const pb = parts(b);
    let sum = 0;
    let n = 0;
    pa.forEach((x, i) => {
      const y = pb[i] ?? "";
      if (x.trim() === "" && y.trim() === "") return;
      sum += labelSimilarity(x, y);
      n++;
    });
    return n === 0 ? 0 : sum / n;
  };
  const byCode = (rs: ReadonlyArray<SheetRecord>): Map<string, SheetRecord[]> => {
    const m = new Map<string, SheetRecord[]>();
    for (const r of rs) {
      const c = codeOf(r);
      if (c !== null) m.set(c, [...(m.get(c) ?? []), r]);
    }
    return m;
  };
  const prevByCode = byCode(previous);
  for (const [code, curs] of byCode(current)) {
    const prevs = prevByCode.get(code);
    if (prevs === undefined) continue;
    const [cur] = curs;
    const [prev] = prevs;
    if (curs.length === 1 && prevs.length === 1 && cur !== undefined && prev !== undefined) {
      out.matches.push({ kind: cur.kind, current: cur.id, previous: prev.id, how: "code", confidence: 1 });
      continue;
    }
    assign(curs, prevs, similarity, "code-label", o, out);
  }
  // (ids of the two years are separate name spaces: both workbooks may have a 取組(1)!8)
  const settledCur = (): Set<string> =>
    new Set([...out.matches.map((m) => m.current), ...out.ambiguous.map((a) => a.current)]);
  const settledPrev = (): Set<string> => new Set(out.matches.map((m) => m.previous));
  const curLeft = settledCur();
  const prevLeft = settledPrev();
  assign(
    current.filter((r) => !curLeft.has(r.id)),
    previous.filter((r) => !prevLeft.has(r.id)),
    similarity,
    "label",
    o,
    out,
  );
  const doneCur = settledCur();
  const donePrev = settledPrev();
  const candidates = new Set(out.ambiguous.flatMap((a) => a.candidates.map((c) => c.previous)));
  return {
    ...out,
    added: current.filter((r) => !doneCur.has(r.id)),
    removed: previous.filter((r) => !donePrev.has(r.id) && !candidates.has(r.id)),
  };
}
