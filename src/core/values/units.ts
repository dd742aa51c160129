/** Units of the sheets' values: canonical spelling and agreement (domain.md §3). The spellings live in grammar.ts. */
import type { Unit } from "../model/values";
import { canonicalSpelling } from "./grammar";

/**
 * Units whose value is a share: a number without a unit next to one of these is not comparable, because
 * Excel stores 「87.3%」 as 0.873 and a bare 0.873 may be either (a cell whose format was not read).
 */
const SHARE_UNITS: ReadonlySet<string> = new Set(["%", "pt"]);

/**
 * Units that count things: a negative value is an error. The open class of counters (台, 冊, 店 …) counts
 * too; only units that measure (%, pt, 点, 円, 分, 時間, 日, 倍) may be negative or fractional by nature.
 */
const MEASURES: ReadonlySet<string> = new Set(["%", "pt", "点", "円", "分", "時間", "倍"]);

/** True when a negative value of this unit is an error (件 回 人 団体 箇所 世帯 地域 校 施設 社 日 台 …). */
export function isCountUnit(unit: Unit): boolean {
  return unit !== null && !MEASURES.has(unit);
}

/** The canonical unit of a spelling (％, パーセント → %; ポイント → pt; 名 → 人; か所 … → 箇所), null when it is not a unit. */
export function canonicalUnit(spelling: string): Unit {
  const c = canonicalSpelling(spelling);
  return c === null ? null : c.unit;
}

/**
 * True when two values can be compared: the same unit, or both bare, or one bare and the other a count or
 * measure that is not a share (「3.5以上」 and 「3.2」; 「3件」 and 「0」). A bare number never compares with a
 * percentage: that is how 0.873 would be read as 「0.873 < 80%」.
 */
export function unitsAgree(a: Unit, b: Unit): boolean {
  if (a === b) return true;
  if (a === null) return b !== null && !SHARE_UNITS.has(b);
  if (b === null) return !SHARE_UNITS.has(a);
  return false;
}
