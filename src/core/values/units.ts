/** Units of the sheets' values, and their canonical spelling (domain.md §3). */
import type { Unit } from "../model/values";

// Longest spellings first; each maps to its canonical unit.
const UNIT_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ["パーセント", "%"],
  ["ポイント", "pt"],
  ["千円", "千円"],
  ["時間", "時間"],
  ["団体", "団体"],
  ["箇所", "箇所"],
  ["個所", "箇所"],
  ["か所", "箇所"],
  ["カ所", "箇所"],
  ["ヶ所", "箇所"],
  ["ケ所", "箇所"],
  ["ヵ所", "箇所"],
  ["世帯", "世帯"],
  ["地域", "地域"],
  ["施設", "施設"],
  ["%", "%"],
  ["pt", "pt"],
  ["点", "点"],
  ["件", "件"],
  ["回", "回"],
  ["人", "人"],
  ["名", "人"],
  ["校", "校"],
  ["日", "日"],
  ["円", "円"],
  ["割", "割"],
  ["社", "社"],
];

/** Every canonical unit the parsers produce. */
export const CANONICAL_UNITS: ReadonlyArray<string> = [...new Set(UNIT_SPELLINGS.map(([, c]) => c))];

/** Units that count things: a negative value is an error. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  "件",
  "回",
  "人",
  "団体",
  "箇所",
  "世帯",
  "地域",
  "校",
  "施設",
  "社",
  "日",
]);

const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Sticky matcher of a unit at a position of a normalised text ("pt" must not run into a word). */
export const UNIT_AT = new RegExp(
  `(?:${UNIT_SPELLINGS.map(([s]) => escape(s)).join("|")})(?<!pt(?=[A-Za-z]))`,
  "y",
);

/** The canonical unit of a spelling (％, パーセント → %; ポイント → pt; 名 → 人; か所 … → 箇所), null when unknown. */
export function canonicalUnit(spelling: string): Unit {
  const s = spelling.normalize("NFKC").trim();
  for (const [from, to] of UNIT_SPELLINGS) if (s === from) return to;
  return null;
}

/** True when two units can be compared: equal, or one side is a bare number. */
export function unitsAgree(a: Unit, b: Unit): boolean {
  return a === null || b === null || a === b;
}
