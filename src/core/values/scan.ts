/**
 * The shared scanner of the value parsers: finds quantities (number + unit + comparator) in a normalised
 * text, skipping years, months, dates, codes like [3-1] and everything inside parentheses.
 * Every regex here is linear (bounded runs, no nested quantifiers): a 5,000-character cell scans in well
 * under a millisecond per hundred characters.
 */
import type { Comparator, Unit } from "../model/values";
import type { ParseContext } from "./context";
import { findYears, type YearHit } from "./era";
import { quantityStart, readQuantity } from "./grammar";

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
  /** 約 / 程度 … was written */
  readonly approx: boolean;
  /** the upper bound of a range (10~20件), else null */
  readonly upper: number | null;
  /** the figure as written: 「12万4千人」 */
  readonly figure: string;
}

/** A number the grammar saw but could not use as a value: a cell with residue is not read completely. */
export interface Residue {
  readonly index: number;
  readonly text: string;
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
  /** numbers outside parentheses that are neither a quantity nor a known non-value (year, date, code) */
  readonly residue: ReadonlyArray<Residue>;
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
// Sources, not RegExp objects: each scan builds its own (matchAll over a fresh regex keeps no state here).
const MASK_SOURCES: ReadonlyArray<string> = [
  String.raw`\d{1,2}\s{0,2}(?:[~-]\s{0,2}\d{1,2}\s{0,2})?月(?:\s{0,2}\d{1,2}\s{0,2}日)?(?:\s{0,2}[~-]\s{0,2}\d{1,2}\s{0,2}(?:月(?:\s{0,2}\d{1,2}\s{0,2}日)?|日))?`,
  String.raw`\d{1,2}\s{0,2}時(?!間)(?:\s{0,2}\d{1,2}\s{0,2}分)?`,
  String.raw`\d{1,4}\s{0,2}(?:年(?!度)間?|歳|か月|カ月|ヶ月|ヵ月|ケ月)`,
  String.raw`第\s{0,2}(?:\d{1,6}|[一二三四五六七八九十百]{1,4})`,
  String.raw`\[\s{0,2}\d{1,3}(?:\s{0,2}-\s{0,2}\d{1,3}){0,3}\s{0,2}\]`,
  String.raw`\d{1,2}:\d{2}`,
  // list labels: (1) (2) ① … are not figures (the ( ) ones are inside a parenthesis anyway)
  String.raw`(?:^|(?<=[\s、。]))\d{1,2}[.)](?=\s|[^\d\s])`,
];

// a quantity that qualifies a noun is part of a label: 1日あたり, 1万人につき, 3人以上の世帯の割合 20%
const PER_NOUN = ["あたり", "当たり", "につき", "ごと", "毎"];

/**
 * True when the quantity ending at `pos` qualifies a noun of a label rather than being a value:
 * 「1日あたり」「1万人につき」 always; 「3人以上の世帯の割合 20%」 when an 以上/以下… quantity is followed by の
 * and, on the same line, by a 割合/率/数 label with a later number (「3件以上の開催」 stays a value).
 */
function qualifiesLabel(s: string, pos: number, hasComparator: boolean): boolean {
  const at = s[pos] === " " ? pos + 1 : pos;
  if (PER_NOUN.some((w) => s.startsWith(w, at))) return true;
  if (!hasComparator || s[pos] !== "の" || s.startsWith("の場合", pos)) return false;
  const ahead = s.slice(pos, pos + 200);
  const nextDigit = ahead.search(/[\d\n]/);
  if (nextDigit < 0 || ahead[nextDigit] === "\n") return false;
  return /割合|率|数/.test(ahead.slice(0, nextDigit));
}
// a bare number (no unit, no comparator) must stand alone: after start, space, ":" "=" "…" "は" "が" "、"
const BARE_BEFORE = /(?:^|[\s:=…,、は が]|\.\.\.)$/;
const BARE_AFTER = /^(?:$|[\s(),、。/・;]|\.\.\.)/;
// 全22地域 / 全5回: "all N" — a value (the count of all of them), kept as a qualifier of the label
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
// a number glued to a code (A1, No.3, 様式3, 3-1) is part of a name, not a figure left unread
const CODE_BEFORE = /(?:[A-Za-z]|[A-Za-z]\.|様式|号|-)$/;

function isResidue(s: string, at: number, inParen: boolean): boolean {
  return !inParen && !CODE_BEFORE.test(s.slice(Math.max(0, at - 3), at));
}

/** Scan a normalised text for quantities. Never throws. */
export function scanQuantities(s: string, ctx: ParseContext): Scan {
  const parens = parenRanges(s);
  const insideParen = new Uint8Array(s.length + 1);
  for (const p of parens) insideParen.fill(1, p.open + 1, p.close);
  const years = findYears(s, ctx);
  const masked = new Uint8Array(s.length + 1);
  for (const y of years) masked.fill(1, y.index, y.end);
  for (const src of MASK_SOURCES) {
    for (const m of s.matchAll(new RegExp(src, "g"))) masked.fill(1, m.index, m.index + m[0].length);
  }
  const quantities: Quantity[] = [];
  const inner: Quantity[] = [];
  const residue: Residue[] = [];
  for (let at = 0; at < s.length; at++) {
    if (masked[at] === 1 || !quantityStart(s, at)) continue;
    // a number glued to a latin letter is a code (A1, No3), never a figure
    if (/[A-Za-z]/.test(s[at - 1] ?? "")) continue;
    const g = readQuantity(s, at);
    if (g === null) {
      // a digit that is no quantity (too long, malformed) is a figure the reader could not use
      if (isDigit(s[at]) && isResidue(s, at, insideParen[at] === 1))
        residue.push({ index: at, text: s.slice(at, at + 12) });
      continue;
    }
    let value = g.value;
    let index = g.index;
    let negative = false;
    // a minus sign counts when it does not join two words or numbers (R3-5 is a range, not -5)
    if (index === at && at > 0 && s[at - 1] === "-" && (at < 2 || !/[\p{L}\p{N}]/u.test(s[at - 2] ?? ""))) {
      value = -value;
      index = at - 1;
      negative = true;
    }
    const pos = g.end;
    // a number the grammar read, whatever it turns out to be: skip its characters
    const skipTo = pos - 1;
    if (g.relative === null && qualifiesLabel(s, pos, g.comparator !== null)) {
      at = skipTo;
      continue;
    }
    if (g.unit === null && g.comparator === null && g.relative === null) {
      const before = s.slice(Math.max(0, index - 3), index);
      const after = s.slice(pos, pos + 3);
      // two bare numbers side by side (「8 7%」) are a figure written apart, not two values
      const abutting = /^ ?\d/.test(after);
      if (!BARE_BEFORE.test(before) || !BARE_AFTER.test(after) || abutting) {
        if (isResidue(s, at, insideParen[at] === 1))
          residue.push({ index: at, text: s.slice(index, pos + 3) });
        at = skipTo;
        continue;
      }
    }
    const q: Quantity = {
      index,
      end: pos,
      value,
      unit: g.unit,
      comparator: g.comparator,
      relative: g.relative,
      approx: g.approx,
      upper: g.upper,
      figure: negative ? `-${g.figure}` : g.figure,
    };
    if (insideParen[at] === 1) inner.push(q);
    else quantities.push(q);
    at = skipTo;
  }
  return { text: s, parens, years, quantities, inner, residue };
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
