/**
 * The value grammar: how the sheets write one quantity (domain.md §3). Everything a ward writes after
 * 「…の割合」 and before 「…であれば、事業を再構築する」 is read here, in this one file:
 *
 *   quantity    = approx? number range? unit? per? comparison? relative?
 *   approx      = 約 | およそ | 概ね | 最低 (kept, the figure is compared as written)   … and 程度 | 前後 after
 *   number      = arabic | kanji
 *   arabic      = digits ("," ddd)* ("." digits)? (small? big digits?)*     12万4千 · 1億2,000万 · 1.5万 · 3千
 *   kanji       = [〇一二三四五六七八九十百千万億]+                              十二 · 一万二千 · 二〇
 *   range       = ("~" | "から") number                                     10~20件 (kept; not judged)
 *   unit        = SYNONYM | katakana{2,6} | LATIN (km kg m …) | one kanji ∉ STOP   か所→箇所 · 名→人 · 台 · 分 · ページ
 *   per         = "/" (年 | 月 | 週 | 日 | 回 | 人 | 件)                          4回/年
 *   comparison  = particle? (NOUN | VERB conjugation) negation?              以上 · を超えた · に満たない · を切る
 *   relative    = の? (増加 | 増 | 向上 | 改善 | 減少 | 削減 | 減 | 維持)          10%増 · 前年度より減少
 *
 * Why a hand-written reader over tables, not a parser generator or a combinator library: the core takes
 * no runtime dependency but zod, so a combinator library is out, and a peggy grammar would need a build
 * step and generated code that a reviewer cannot read beside the tables. The grammar is small (one
 * quantity, left to right, no recursion), every rule below is one short function over its table, and a new
 * spelling (a counter, a conjugation) is one table row. The readers never backtrack more than one table
 * entry: linear in the text. There is no module-level mutable state: no sticky or global regex, no cache.
 *
 * Kanji numerals are read here too (十二, 一万二千): `@geolonia/japanese-numeral` is installed, but the
 * core may import nothing but zod, and the reader is twenty lines; words that merely contain a numeral
 * (一部, 十分な, 統一, 一人ひとり) are not quantities, so a kanji number counts only beside a counter and a
 * clean boundary (see readKanjiQuantity).
 */
import type { Comparator, Unit } from "../model/values";

/** One quantity as the grammar read it. */
export interface GrammarQuantity {
  /** index of the first character (of 約 or the number) and one past the last read */
  readonly index: number;
  readonly end: number;
  readonly value: number;
  readonly unit: Unit;
  readonly comparator: Comparator | null;
  readonly relative: "increase" | "decrease" | "maintain" | null;
  /** 約 / およそ / 程度 … was written */
  readonly approx: boolean;
  /** a range 10~20件: the upper bound (value is the lower) */
  readonly upper: number | null;
  /** the figure as written, number and unit: 「12万4千人」「3割」「八十%」 */
  readonly figure: string;
  /** the number was written in kanji numerals */
  readonly kanji: boolean;
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────────

const KANJI_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Readonly<Record<string, number>> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isKanjiNumeral = (c: string | undefined): boolean =>
  c !== undefined && (c in KANJI_DIGIT || c in SMALL || c in BIG);

/** A run of arabic digits with optional thousands separators and decimals at `at`: value and end. */
function readDigits(s: string, at: number): { value: number; end: number } | null {
  let i = at;
  while (isDigit(s[i])) i++;
  if (i === at || i - at > 15) return null;
  let text = s.slice(at, i);
  // 1,234,567: groups of exactly three after a comma (「1,2」 is a list, not a number)
  if (i - at <= 3) {
    while (
      s[i] === "," &&
      isDigit(s[i + 1]) &&
      isDigit(s[i + 2]) &&
      isDigit(s[i + 3]) &&
      !isDigit(s[i + 4])
    ) {
      text += s.slice(i + 1, i + 4);
      i += 4;
    }
  }
  if (s[i] === "." && isDigit(s[i + 1])) {
    const from = i;
    i++;
    while (isDigit(s[i])) i++;
    if (i - from > 13) return null;
    text += s.slice(from, i);
  }
  return { value: Number(text), end: i };
}

/**
 * An arabic number with 万/千/億 groups: 「12万4千」 = 124,000, 「2千5百」 = 2,500, 「1億2,000万」, 「1.5万」,
 * 「3千」. 千/百 multiply the digits before them inside a section; 万/億/兆 close the section.
 */
export function readArabic(s: string, at: number): { value: number; end: number } | null {
  let total = 0;
  let section = 0;
  let i = at;
  let first = true;
  for (;;) {
    const d = readDigits(s, i);
    if (d === null) {
      if (first) return null;
      break;
    }
    first = false;
    i = d.end;
    const c = s[i];
    if (c !== undefined && c in SMALL && c !== "十" && d.value > 0) {
      section += d.value * (SMALL[c] ?? 1);
      i++;
      continue;
    }
    if (c !== undefined && c in BIG && d.value + section > 0) {
      total += (section + d.value) * (BIG[c] ?? 1);
      section = 0;
      i++;
      continue;
    }
    section += d.value;
    break;
  }
  return { value: total + section, end: i };
}

/**
 * A kanji numeral run: 「十二」 = 12, 「一万二千」 = 12,000, 「二〇」 = 20 (digit by digit), 「百五十」 = 150.
 * Null when the run is not a well-formed numeral.
 */
export function readKanjiNumeral(s: string, at: number): { value: number; end: number } | null {
  let i = at;
  while (isKanjiNumeral(s[i]) && i - at < 20) i++;
  if (i === at) return null;
  const run = s.slice(at, i);
  // positional: every character a digit (二〇一六)
  if ([...run].every((c) => c in KANJI_DIGIT)) {
    let v = 0;
    for (const c of run) v = v * 10 + (KANJI_DIGIT[c] ?? 0);
    return { value: v, end: i };
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastBig = Infinity;
  for (const c of run) {
    if (c in KANJI_DIGIT) {
      if (digit !== null) return null; // 二三 inside a multiplied numeral
      digit = KANJI_DIGIT[c] ?? 0;
    } else if (c in SMALL) {
      section += (digit ?? 1) * (SMALL[c] ?? 1);
      digit = null;
    } else {
      const big = BIG[c] ?? 1;
      if (big >= lastBig) return null;
      lastBig = big;
      const part = section + (digit ?? 0);
      if (part === 0) return null;
      total += part * big;
      section = 0;
      digit = null;
    }
  }
  return { value: total + section + (digit ?? 0), end: i };
}

// ── units ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Spellings with a canonical form (domain.md §3). Longest first is not needed: the reader tries the
 * longest match. `scale` multiplies the value (割 = 10 %, 千円 = 1,000 円).
 */
const SYNONYMS: ReadonlyArray<readonly [spelling: string, canonical: string, scale: number]> = [
  ["パーセント", "%", 1],
  ["%", "%", 1],
  ["割", "%", 10],
  ["ポイント", "pt", 1],
  ["pt", "pt", 1],
  ["箇所", "箇所", 1],
  ["個所", "箇所", 1],
  ["か所", "箇所", 1],
  ["カ所", "箇所", 1],
  ["ヶ所", "箇所", 1],
  ["ケ所", "箇所", 1],
  ["ヵ所", "箇所", 1],
  ["ヵ所", "箇所", 1],
  ["名", "人", 1],
  ["人", "人", 1],
  ["千円", "円", 1000],
  ["万円", "円", 10000],
  ["億円", "円", 1e8],
  ["円", "円", 1],
  ["時間", "時間", 1],
  ["団体", "団体", 1],
  ["世帯", "世帯", 1],
  ["地域", "地域", 1],
  ["地区", "地区", 1],
  ["校区", "校区", 1],
  ["施設", "施設", 1],
  ["店舗", "店舗", 1],
  ["事業所", "事業所", 1],
  ["事業", "事業", 1],
  ["企業", "企業", 1],
  ["種類", "種類", 1],
  ["講座", "講座", 1],
  ["教室", "教室", 1],
  ["グループ", "グループ", 1],
  ["チーム", "チーム", 1],
  ["ページ", "ページ", 1],
  ["件", "件", 1],
  ["回", "回", 1],
  ["校", "校", 1],
  ["園", "園", 1],
  ["日", "日", 1],
  ["点", "点", 1],
  ["社", "社", 1],
  ["分", "分", 1],
  ["台", "台", 1],
  ["冊", "冊", 1],
  ["部", "部", 1],
  ["本", "本", 1],
  ["枚", "枚", 1],
  ["倍", "倍", 1],
];
const MAX_SYNONYM = Math.max(...SYNONYMS.map(([sp]) => sp.length));
const SYNONYM_OF: ReadonlyMap<string, readonly [string, number]> = new Map(
  SYNONYMS.map(([sp, c, k]) => [sp, [c, k] as const]),
);

/**
 * Kanji that follow a number without being its counter: comparators (以上 未満 超), multipliers, 年/月
 * (dates and periods), 第, relative words (増 減), and the grammar's own words. Anything else, one kanji
 * after a number, is a counter of the open class (台 冊 部 店 …).
 */
const STOP: ReadonlySet<string> = new Set([
  ..."以未超万千億兆百十約年月週時秒第前後上下内外中度増減比程余強弱等及並又或対毎当計",
]);

const LATIN_UNITS: ReadonlySet<string> = new Set(["km", "m", "cm", "mm", "kg", "g", "t", "ha", "kwh", "l"]);

const isKatakana = (c: string | undefined): boolean => c !== undefined && /[\u30a1-\u30fa\u30fc]/.test(c);
const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isKanji = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);

/** The unit at `at` (after optional spaces): canonical spelling, scale, end; null when there is none. */
export function readUnit(s: string, at: number): { unit: string; scale: number; end: number } | null {
  let i = at;
  if (s[i] === " ") i++;
  for (let n = Math.min(MAX_SYNONYM, s.length - i); n >= 1; n--) {
    const hit = SYNONYM_OF.get(s.slice(i, i + n));
    // "pt" must not run into a word (pts, ptA)
    if (hit !== undefined && !(n === 2 && isLatin(s[i + 2]) && s.slice(i, i + 2) === "pt"))
      return { unit: hit[0], scale: hit[1], end: i + n };
  }
  const c = s[i];
  if (isKatakana(c) && c !== "ー") {
    let j = i;
    while (isKatakana(s[j]) && j - i < 7) j++;
    if (j - i >= 2 && j - i <= 6) return { unit: s.slice(i, j), scale: 1, end: j };
    return null;
  }
  if (isLatin(c)) {
    // latin units are a closed list: an open one would read the typo 1O0人 as 「1 o」 and 「0人」
    let j = i;
    while (isLatin(s[j]) && j - i < 4) j++;
    const word = s.slice(i, j).toLowerCase();
    return LATIN_UNITS.has(word) ? { unit: word, scale: 1, end: j } : null;
  }
  if (isKanji(c) && c !== undefined && !STOP.has(c) && !isKanjiNumeral(c))
    return { unit: c, scale: 1, end: i + 1 };
  return null;
}

// ── comparison words ─────────────────────────────────────────────────────────────────────────────

/** The comparator that holds exactly when `c` does not. */
export function negate(c: "gte" | "gt" | "lte" | "lt"): "gte" | "gt" | "lte" | "lt" {
  return c === "gte" ? "lt" : c === "gt" ? "lte" : c === "lte" ? "gt" : "gte";
}

/** Nouns: 以上 以下 未満 以内 超 超過 まで. A noun may be negated after it: 「50%以上でない場合」. */
const NOUNS: ReadonlyArray<readonly [string, "gte" | "gt" | "lte" | "lt"]> = [
  ["以上", "gte"],
  ["以下", "lte"],
  ["未満", "lt"],
  ["以内", "lte"],
  ["超過", "gt"],
  ["超", "gt"],
];
const NOUN_NEGATIONS = [
  "ではない",
  "でない",
  "でなかった",
  "でなければ",
  "とならない",
  "とならなかった",
  "にならない",
  "にならなかった",
  "に達しない",
  "に満たない",
];

/**
 * Verbs with their affirmative and negative endings. The comparator is the affirmative meaning; a
 * negative ending negates it (超えない = at most, 下回らない = at least). 満たない・達しない are written
 * negative and mean below.
 */
const VERBS: ReadonlyArray<{
  readonly stems: ReadonlyArray<string>;
  readonly comparator: "gte" | "gt" | "lte" | "lt";
  readonly affirmative: ReadonlyArray<string>;
  readonly negative: ReadonlyArray<string>;
}> = [
  {
    stems: ["を超え", "を越え", "超え", "越え"],
    comparator: "gt",
    affirmative: ["る", "た", "れば", "て", ""],
    negative: ["ない", "なかった", "なければ", "ず"],
  },
  {
    stems: ["を上回", "上回", "をうわまわ", "うわまわ"],
    comparator: "gt",
    affirmative: ["る", "った", "れば", "って", "り"],
    negative: ["らない", "らなかった", "らなければ", "らず"],
  },
  {
    stems: ["を下回", "下回", "をしたまわ", "したまわ"],
    comparator: "lt",
    affirmative: ["る", "った", "れば", "って", "り"],
    negative: ["らない", "らなかった", "らなければ", "らず"],
  },
  {
    stems: ["に達", "へ達", "達"],
    comparator: "gte",
    affirmative: ["する", "した", "すれば", "し"],
    negative: ["しない", "しなかった", "しなければ", "せず"],
  },
  {
    stems: ["を満た", "に満た", "満た"],
    comparator: "gte",
    affirmative: ["す", "した", "せば"],
    negative: ["さない", "さなかった", "さなければ", "ない", "なかった", "なければ", "ず"],
  },
  {
    stems: ["を切", "を割り込", "を割込", "を割"],
    comparator: "lt",
    affirmative: ["る", "った", "れば", "り", "む", "んだ", "めば"],
    negative: ["らない", "らなかった", "まない", "まなかった"],
  },
];

/** まで as at-most, but not までに (a deadline) and not まで+verb of a period (「3月まで実施」 is masked). */
const MADE = "まで";

/** The comparison at `at` (after optional spaces): comparator and end; null when none. */
export function readComparison(s: string, at: number): { comparator: Comparator; end: number } | null {
  let i = at;
  if (s[i] === " ") i++;
  for (const [word, c] of NOUNS) {
    if (!s.startsWith(word, i)) continue;
    const after = i + word.length;
    for (const neg of NOUN_NEGATIONS)
      if (s.startsWith(neg, after)) return { comparator: negate(c), end: after + neg.length };
    return { comparator: c, end: after };
  }
  for (const v of VERBS) {
    for (const stem of v.stems) {
      if (!s.startsWith(stem, i)) continue;
      const after = i + stem.length;
      // the longest ending wins: 超えない before 超え
      let best: { comparator: Comparator; end: number } | null = null;
      for (const e of v.negative)
        if (s.startsWith(e, after) && (best === null || after + e.length > best.end))
          best = { comparator: negate(v.comparator), end: after + e.length };
      for (const e of v.affirmative)
        if (s.startsWith(e, after) && (best === null || after + e.length > best.end))
          best = { comparator: v.comparator, end: after + e.length };
      if (best !== null) return best;
    }
  }
  if (s.startsWith(MADE, i) && s[i + MADE.length] !== "に")
    return { comparator: "lte", end: i + MADE.length };
  return null;
}

// ── relative words, approximations, rates ────────────────────────────────────────────────────────

const RELATIVE_WORDS: ReadonlyArray<readonly [string, "increase" | "decrease" | "maintain"]> = [
  ["の増加", "increase"],
  ["を増加", "increase"],
  ["増加", "increase"],
  ["の向上", "increase"],
  ["向上", "increase"],
  ["の改善", "increase"],
  ["改善", "increase"],
  ["の減少", "decrease"],
  ["を減少", "decrease"],
  ["減少", "decrease"],
  ["の削減", "decrease"],
  ["削減", "decrease"],
  ["の維持", "maintain"],
  ["を維持", "maintain"],
  ["維持", "maintain"],
];

/** 増加 / 減少 / 維持 … after the value; 増 / 減 alone only when no kana follows (増やす, 減らす are absolute). */
export function readRelative(
  s: string,
  at: number,
): { relative: "increase" | "decrease" | "maintain"; end: number } | null {
  for (const [w, r] of RELATIVE_WORDS) if (s.startsWith(w, at)) return { relative: r, end: at + w.length };
  const c = s[at];
  if ((c === "増" || c === "減") && !/[やえらっ]/.test(s[at + 1] ?? ""))
    return { relative: c === "増" ? "increase" : "decrease", end: at + 1 };
  return null;
}

const APPROX_BEFORE = ["約", "およそ", "概ね", "おおむね", "最低", "最低でも", "少なくとも"];
const APPROX_AFTER = ["程度", "前後", "ほど", "くらい", "ぐらい"];
const PER_PERIOD = ["年", "月", "週", "日", "回", "人", "件"];

/** The approximation word that ends right before `at`, if any: its start. */
function approxBefore(s: string, at: number): number | null {
  let i = at;
  if (s[i - 1] === " ") i--;
  for (const w of APPROX_BEFORE) if (i >= w.length && s.slice(i - w.length, i) === w) return i - w.length;
  return null;
}

// ── one quantity ────────────────────────────────────────────────────────────────────────────────

/** A kanji number counts only when this may stand before it (not 統一, 第一: those are words). */
const KANJI_BEFORE_OK = /^$|[\s、。,.:;=(「『【・~ぁ-ゖ年月週延全計約毎各]$/u;
/**
 * …and after its counter: a comparison, a boundary, a particle that ends a phrase, or an activity noun
 * (十二回開催). Counters that also end ordinary words (一部実施, 一人暮らし, 十分な) need a clean boundary instead
 * (KANJI_WORDY_COUNTERS, readQuantity).
 */
const KANJI_AFTER_OK =
  /^(?:$|[\s、。,.:;)」』】・/]|以|未|超|を|で|が|は|に(?:満た|達)|まで|程|前|の[増減向改維]|開催|実施|参加|発行|配布|訪問|受講|派遣|出展|掲載|更新|達成)/u;
/** Counters that also end ordinary words after a kanji numeral (十分な, 一部の, 一本化, 一日も早く): boundary only. */
const KANJI_WORDY_COUNTERS: ReadonlySet<string> = new Set([
  "分",
  "部",
  "本",
  "日",
  "点",
  "名",
  "人",
  "方",
  "面",
  "時",
]);
const KANJI_BOUNDARY =
  /^(?:$|[\s、。,.:;)」』】・/]|以上|以下|未満|以内|超|を(?:超|上回|下回|切)|に(?:満た|達))/u;

/**
 * Read one quantity starting at `at` (a digit or a kanji numeral). Null when there is no quantity: a
 * kanji numeral that is part of a word, or a number too long to be a figure. The caller decides whether
 * a bare number (no unit, no comparison) is a value (scan.ts).
 */
export function readQuantity(s: string, at: number): GrammarQuantity | null {
  const c = s[at];
  const kanji = !isDigit(c);
  const num = kanji ? readKanjiNumeral(s, at) : readArabic(s, at);
  if (num === null) return null;
  let value = num.value;
  let pos = num.end;
  let upper: number | null = null;
  // range: 10~20件, 10から20件 (the second number may repeat the unit: 10件~20件 is read as 10~20 件)
  const rangeSep = s[pos] === "~" ? 1 : s.startsWith("から", pos) ? 2 : 0;
  if (rangeSep > 0 && !kanji) {
    const second = readArabic(s, pos + rangeSep);
    if (second !== null && second.value >= value) {
      upper = second.value;
      pos = second.end;
    }
  }
  const unit = readUnit(s, pos);
  let unitName: Unit = null;
  if (unit !== null) {
    unitName = unit.unit;
    value *= unit.scale;
    if (upper !== null) upper *= unit.scale;
    pos = unit.end;
    // 75%~80%: a range that repeats its unit
    if (upper === null && !kanji && s[pos] === "~" && isDigit(s[pos + 1])) {
      const second = readArabic(s, pos + 1);
      const u2 = second === null ? null : readUnit(s, second.end);
      if (second !== null && u2 !== null && u2.unit === unit.unit && second.value * u2.scale >= value) {
        upper = second.value * u2.scale;
        pos = u2.end;
      }
    }
    // 3割5分 = 35 %
    if (
      unit.unit === "%" &&
      unit.scale === 10 &&
      isDigit(s[pos]) &&
      s[pos + 1] === "分" &&
      !isDigit(s[pos + 2])
    ) {
      value += Number(s[pos]);
      pos += 2;
    }
  }
  if (kanji) {
    // a kanji numeral is a quantity only beside a counter and clean boundaries
    if (unit === null || (unit.unit.length > 1 && !SYNONYM_OF.has(s.slice(num.end, unit.end).trim())))
      return null;
    if (!KANJI_BEFORE_OK.test(s.slice(Math.max(0, at - 1), at))) return null;
    const after = s.slice(pos, pos + 4);
    if (!KANJI_AFTER_OK.test(after)) return null;
    if (KANJI_WORDY_COUNTERS.has(unit.unit) && num.value < 10 && !KANJI_BOUNDARY.test(after)) return null;
  }
  const figureEnd = pos;
  let approx = false;
  let index = at;
  const before = approxBefore(s, at);
  if (before !== null) {
    approx = true;
    index = before;
  }
  for (const w of APPROX_AFTER)
    if (s.startsWith(w, pos)) {
      approx = true;
      pos += w.length;
      break;
    }
  const cmp = readComparison(s, pos);
  let comparator: Comparator | null = null;
  if (cmp !== null) {
    comparator = cmp.comparator;
    pos = cmp.end;
  }
  if (unitName !== null && s[pos] === "/") {
    const period = s[pos + 1];
    if (period !== undefined && PER_PERIOD.includes(period)) pos += 2;
  }
  const rel = readRelative(s, pos);
  let relative: GrammarQuantity["relative"] = null;
  if (rel !== null) {
    relative = rel.relative;
    pos = rel.end;
  }
  if (!Number.isFinite(value)) return null;
  return {
    index,
    end: pos,
    value,
    unit: unitName,
    comparator,
    relative,
    approx,
    upper,
    figure: s.slice(at, figureEnd).trim(),
    kanji,
  };
}

/** True at a character where a quantity may start: a digit, or a kanji numeral that is not 万/億/兆 alone. */
export function quantityStart(s: string, i: number): boolean {
  const c = s[i];
  if (isDigit(c))
    return (
      !isDigit(s[i - 1]) &&
      !(s[i - 1] === "." && isDigit(s[i - 2])) &&
      !(s[i - 1] === "," && isDigit(s[i - 2]))
    );
  return c !== undefined && (c in KANJI_DIGIT || c in SMALL) && !isKanjiNumeral(s[i - 1]);
}

/** Canonical unit of a spelling (％ パーセント → %, ポイント → pt, 名 → 人, か所 → 箇所); the spelling itself for an open counter. */
export function canonicalSpelling(spelling: string): { unit: string; scale: number } | null {
  const s = spelling.normalize("NFKC").trim();
  if (s === "") return null;
  const r = readUnit(s, 0);
  return r !== null && r.end === s.length ? { unit: r.unit, scale: r.scale } : null;
}
