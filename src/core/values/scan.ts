/**
 * The shared scanner of the value parsers: finds quantities (number + unit + comparator) in a normalised
 * text, skipping years, months, dates, codes like [3-1] and everything inside parentheses.
 * Every regex here is linear (bounded runs, no nested quantifiers): a 5,000-character cell scans in well
 * under a millisecond per hundred characters.
 */
import type { Comparator, Unit } from "../model/values";
import type { ParseContext } from "./context";
import { findYears, type YearHit } from "./era";
import { UNIT_AT, canonicalUnit } from "./units";

/** A parenthesised range: `open` is the index of "(", `close` of ")". */
export interface ParenRange {
  readonly open: number;
  readonly close: number;
}

/** One quantity found in the text. */
export interface Quantity {
  /** index of the number (or its minus sign) and one past the comparator */
  readonly index: number;
  readonly end: number;
  readonly value: number;
  readonly unit: Unit;
  readonly comparator: Comparator | null;
  /** the relative word after the value (増加, 減少, 維持 …), if any */
  readonly relative: "increase" | "decrease" | "maintain" | null;
}

/** Result of scanning a text. */
export interface Scan {
  readonly text: string;
  readonly parens: ReadonlyArray<ParenRange>;
  readonly years: ReadonlyArray<YearHit>;
  /** quantities outside parentheses */
  readonly quantities: ReadonlyArray<Quantity>;
  /** quantities inside parentheses */
  readonly inner: ReadonlyArray<Quantity>;
}

/** Balanced ( ) and [ ] ranges; an unclosed "(" is treated as plain text. */
export function parenRanges(s: string): ParenRange[] {
  const out: ParenRange[] = [];
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(") stack.push(i);
    else if (c === ")") {
      const open = stack.pop();
      if (open !== undefined && stack.length === 0) out.push({ open, close: i });
    }
  }
  return out;
}

// Not quantities: months and dates (7~8月, 1月, 12月31日), clock times, years written with 年 (2016年,
// 1年間), ages, ordinals (第2回), codes ([3-1], 様式3 is handled by the bare-number rule), per-month counts.
const MASKS: ReadonlyArray<RegExp> = [
  /\d{1,2}\s{0,2}(?:[~-]\s{0,2}\d{1,2}\s{0,2})?月(?:\s{0,2}\d{1,2}\s{0,2}日)?(?:\s{0,2}[~-]\s{0,2}\d{1,2}\s{0,2}(?:月(?:\s{0,2}\d{1,2}\s{0,2}日)?|日))?/g,
  /\d{1,2}\s{0,2}時(?!間)(?:\s{0,2}\d{1,2}\s{0,2}分)?/g,
  /\d{1,4}\s{0,2}(?:年(?!度)間?|歳|か月|カ月|ヶ月|ヵ月|ケ月)/g,
  /第\s{0,2}\d{1,6}/g,
  /\[\s{0,2}\d{1,3}(?:\s{0,2}-\s{0,2}\d{1,3}){0,3}\s{0,2}\]/g,
  /\d{1,2}:\d{2}/g,
];

const NUMBER = /(?<!\d)(?<!\d[.,])(?:\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.\d{1,12})?(?![\d])/g;
const SPACES = / {0,2}/y;
const MAN = /万/y;
// a rate: 2回/年, 4回/月 (the period is dropped: the count is compared as written)
const PER = / {0,2}\/ {0,2}(?:年|月|週|日|回|人|件)/y;
const COMPARATOR =
  /(?:以上|以下|未満|超過|を超える|を超え|超え|超|を上回る|を上回り|上回る|を下回る|を下回り|下回る|以内|まで(?!に))/y;
// 増やす / 減らす after an absolute comparator (「0人まで減らす」) are not relative: see below
const RELATIVE = /[のを]?(?:増加|増(?![やえ])|向上|改善|減少|削減|減(?![らっ])|維持)/y;
// a quantity that qualifies a noun is part of a label: 1日あたり, 1万人につき, 3人以上の世帯の割合 20%
const PER_NOUN = /(?:あたり|当たり|につき|ごと|毎)/y;
const OF_NOUN = /の(?!場合)/y;

/**
 * True when the quantity ending at `pos` qualifies a noun of a label rather than being a value:
 * 「1日あたり」「1万人につき」 always; 「3人以上の世帯の割合 20%」 when an 以上/以下… quantity is followed by の
 * and, on the same line, by a 割合/率/数 label with a later number (「3件以上の開催」 stays a value).
 */
function qualifiesLabel(s: string, pos: number, hasComparator: boolean): boolean {
  if (sticky(PER_NOUN, s, pos) !== null) return true;
  if (!hasComparator || sticky(OF_NOUN, s, pos) === null) return false;
  const ahead = s.slice(pos, pos + 200);
  const nextDigit = ahead.search(/[\d\n]/);
  if (nextDigit < 0 || ahead[nextDigit] === "\n") return false;
  return /割合|率|数/.test(ahead.slice(0, nextDigit));
}
// a bare number (no unit, no comparator) must stand alone: after start, space, ":" "=" "…" "は" "が" "、"
const BARE_BEFORE = /(?:^|[\s:=…,、は が]|\.\.\.)$/;
const BARE_AFTER = /^(?:$|[\s(),、。/・;]|\.\.\.)/;

function comparatorOf(word: string): Comparator {
  if (word.startsWith("以上")) return "gte";
  if (word.startsWith("以下") || word === "以内" || word === "まで") return "lte";
  if (word === "未満" || word.includes("下回")) return "lt";
  return "gt"; // 超, 超過, を超える, 上回る
}

function relativeOf(word: string): "increase" | "decrease" | "maintain" {
  if (word.includes("維持")) return "maintain";
  return /減/.test(word) ? "decrease" : "increase";
}

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m === null ? null : m[0];
}

/** Scan a normalised text for quantities. Never throws. */
export function scanQuantities(s: string, ctx: ParseContext): Scan {
  const parens = parenRanges(s);
  const insideParen = new Uint8Array(s.length + 1);
  for (const p of parens) insideParen.fill(1, p.open + 1, p.close);
  const years = findYears(s, ctx);
  const masked: Array<{ index: number; end: number }> = years.map((y) => ({ index: y.index, end: y.end }));
  for (const re of MASKS) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) masked.push({ index: m.index, end: m.index + m[0].length });
  }
  masked.sort((a, b) => a.index - b.index);
  const quantities: Quantity[] = [];
  const inner: Quantity[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let maskAt = 0;
  while ((m = NUMBER.exec(s)) !== null) {
    const at = m.index;
    while (maskAt < masked.length && (masked[maskAt]?.end ?? 0) <= at) maskAt++;
    const mask = masked[maskAt];
    if (mask !== undefined && at >= mask.index && at < mask.end) continue;
    let value = Number(m[0].replace(/,/g, ""));
    let index = at;
    // a minus sign counts when it does not join two words or numbers (R3-5 is a range, not -5)
    if (at > 0 && s[at - 1] === "-" && (at < 2 || !/[\p{L}\p{N}]/u.test(s[at - 2] ?? ""))) {
      value = -value;
      index = at - 1;
    }
    let pos = at + m[0].length;
    if (sticky(MAN, s, pos) !== null) {
      value *= 10000;
      pos += 1;
    }
    const sp1 = sticky(SPACES, s, pos) ?? "";
    const unitWord = sticky(UNIT_AT, s, pos + sp1.length);
    let unit: Unit = null;
    if (unitWord !== null) {
      unit = canonicalUnit(unitWord);
      pos += sp1.length + unitWord.length;
    }
    const sp2 = sticky(SPACES, s, pos) ?? "";
    const compWord = sticky(COMPARATOR, s, pos + sp2.length);
    let comparator: Comparator | null = null;
    if (compWord !== null) {
      comparator = comparatorOf(compWord);
      pos += sp2.length + compWord.length;
    }
    const per = unit !== null ? sticky(PER, s, pos) : null;
    if (per !== null) pos += per.length;
    const relWord = sticky(RELATIVE, s, pos);
    let relative: Quantity["relative"] = null;
    if (relWord !== null) {
      relative = relativeOf(relWord);
      pos += relWord.length;
    }
    if (relative === null && qualifiesLabel(s, pos, comparator !== null)) continue;
    if (unit === null && comparator === null && relative === null) {
      const before = s.slice(Math.max(0, index - 3), index);
      const after = s.slice(pos, pos + 3);
      if (!BARE_BEFORE.test(before) || !BARE_AFTER.test(after)) continue;
    }
    if (!Number.isFinite(value)) continue;
    const q: Quantity = { index, end: pos, value, unit, comparator, relative };
    if (insideParen[at] === 1) inner.push(q);
    else quantities.push(q);
    NUMBER.lastIndex = pos;
  }
  return { text: s, parens, years, quantities, inner };
}

/** The parenthesised range that starts at `at` (after optional spaces), if any. */
export function parenAt(scan: Scan, at: number): ParenRange | null {
  let i = at;
  while (scan.text[i] === " ") i++;
  if (scan.text[i] !== "(") return null;
  return scan.parens.find((p) => p.open === i) ?? null;
}

/** The outermost parenthesised range containing index i, if any. */
export function enclosingParen(scan: Scan, i: number): ParenRange | null {
  return scan.parens.find((p) => i > p.open && i < p.close) ?? null;
}
