/**
 * Japanese era years and fiscal-year spans (domain.md §3): 平成N年度 = FY(1988+N), 令和N年度 = FY(2018+N),
 * H/R abbreviations, 元年度, era-less 「5年度」 (the sheet's era), ranges R3~R5, 年度末.
 */
import type { FiscalYearSpan, ParseFailure } from "../model/values";
import { normalizeText } from "../text/normalize";
import type { ParseContext } from "./context";

/** The eras a fiscal year of these sheets can be written in. */
export type Era = "heisei" | "reiwa";

const ERA_BASE: Readonly<Record<Era, number>> = { heisei: 1988, reiwa: 2018 };
/** last existing fiscal year of each era, as an era year (平成31年度 = FY2019 exists: the FY began in April) */
const ERA_LAST: Readonly<Record<Era, number>> = { heisei: 31, reiwa: Number.POSITIVE_INFINITY };

/** Era year → fiscal year (平成29 → 2017, 令和元 (1) → 2019); no validity check (see eraYearProblem). */
export function eraToFiscalYear(era: Era, n: number): number {
  return ERA_BASE[era] + n;
}

/** A fiscal year as the sheets write it: 2016 → 「平成28年度」, 2019 → 「令和元年度」. */
export function formatFiscalYear(year: number): string {
  if (year >= 2019) return `令和${year - 2018 === 1 ? "元" : year - 2018}年度`;
  if (year >= 1989) return `平成${year - 1988 === 1 ? "元" : year - 1988}年度`;
  return `${year}年度`;
}

/** Null when 「era N」 exists; otherwise the same fiscal year written correctly (平成32 → 「令和2年度」). */
export function eraYearProblem(era: Era, n: number): string | null {
  if (!Number.isInteger(n) || n < 1) {
    const year = eraToFiscalYear(era, n);
    return Number.isInteger(n) && year >= 1989 ? formatFiscalYear(year) : `${year}年度`;
  }
  if (n > ERA_LAST[era]) return formatFiscalYear(eraToFiscalYear(era, n));
  return null;
}

/** One year expression found in a text (normalised), with its span or why it is wrong. */
export interface YearHit {
  /** index of the first character in the normalised text, and one past the last */
  readonly index: number;
  readonly end: number;
  readonly text: string;
  readonly span: FiscalYearSpan;
  /** set when an era year does not exist (平成32年度): the correct spelling */
  readonly badEra: string | null;
}

// One year: 平成29年度 / H29年度 / H29 / 令和元年度 / 2017年度 / 5年度 (era-less) / 今年度; 末 = 年度末.
// Linear: every part is a bounded run, no nested quantifiers. Sources only: findYears builds its own
// sticky matchers per call, so no regex (and its lastIndex) is shared state of the module.
const YEAR_SOURCE =
  /(?:(平成|令和)|(?<![A-Za-z])([HRhr])(?=\s{0,2}(?:元|\d)))\s{0,2}(元|\d{1,3})(?!\d)(?:\s{0,2}(年度?))?|(?<![\d.,])((?:19|20)\d{2})\s{0,2}(年度)|(?<![\d.,])(元|\d{1,2})\s{0,2}(年度)|(今|本|当|来)年度/
    .source;
const RANGE_SEP_SOURCE = /\s{0,2}(?:~|-|から)\s{0,2}/.source;
// second half of a range: an era-less number inherits the era of the first half (平成29~31年度, R3~5)
const RANGE_TAIL_SOURCE = /(?<![\d.,])(元|\d{1,3})(?!\d)(?:\s{0,2}(年度?))?/.source;
const END_OF_YEAR_SOURCE = /\s{0,2}末/.source;
const ERA_START_SOURCE = /平成|令和|[HRhr]\s{0,2}(?:元|\d)|\d{1,4}\s{0,2}年度|[今本当来]年度/.source;

/** The matchers of one findYears call. */
interface Matchers {
  readonly YEAR: RegExp;
  readonly RANGE_SEP: RegExp;
  readonly RANGE_TAIL: RegExp;
  readonly END_OF_YEAR: RegExp;
  readonly ERA_START: RegExp;
}

function matchers(): Matchers {
  return {
    YEAR: new RegExp(YEAR_SOURCE, "y"),
    RANGE_SEP: new RegExp(RANGE_SEP_SOURCE, "y"),
    RANGE_TAIL: new RegExp(RANGE_TAIL_SOURCE, "y"),
    END_OF_YEAR: new RegExp(END_OF_YEAR_SOURCE, "y"),
    ERA_START: new RegExp(ERA_START_SOURCE, "g"),
  };
}

function eraOf(word: string | undefined, ctx: ParseContext): Era {
  if (word === undefined) return ctx.defaultEra;
  return word === "令和" || word === "R" || word === "r" ? "reiwa" : "heisei";
}

const num = (t: string): number => (t === "元" ? 1 : Number(t));

interface Single {
  readonly end: number;
  readonly year: number;
  readonly era: Era | null;
  readonly badEra: string | null;
}

function matchSingle(s: string, at: number, ctx: ParseContext, { YEAR }: Matchers): Single | null {
  YEAR.lastIndex = at;
  const m = YEAR.exec(s);
  if (m === null) return null;
  const end = at + m[0].length;
  if (m[3] !== undefined) {
    // an abbreviation without 年/年度 ("H29") only counts with H/R; 平成 alone always does
    const era = eraOf(m[1] ?? m[2], ctx);
    const n = num(m[3]);
    return { end, year: eraToFiscalYear(era, n), era, badEra: eraYearProblem(era, n) };
  }
  if (m[5] !== undefined) return { end, year: Number(m[5]), era: null, badEra: null };
  if (m[7] !== undefined) {
    const era = ctx.defaultEra;
    const n = num(m[7]);
    return { end, year: eraToFiscalYear(era, n), era, badEra: eraYearProblem(era, n) };
  }
  const rel = m[9];
  const offset = rel === "来" ? 1 : 0;
  return { end, year: ctx.evaluationYear + offset, era: null, badEra: null };
}

/** Every year expression in a normalised text, left to right, ranges merged (R3~R5 → 2021–2023). */
export function findYears(s: string, ctx: ParseContext): YearHit[] {
  const hits: YearHit[] = [];
  // most texts hold no year at all: no matchers built for them
  if (!/平成|令和|[HRhr]\s{0,2}(?:元|\d)|年度/.test(s)) return hits;
  const m5 = matchers();
  const { RANGE_SEP, RANGE_TAIL, END_OF_YEAR, ERA_START } = m5;
  ERA_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ERA_START.exec(s)) !== null) {
    const at = m.index;
    const first = matchSingle(s, at, ctx, m5);
    if (first === null) {
      ERA_START.lastIndex = at + 1;
      continue;
    }
    let end = first.end;
    let to = first.year;
    let badEra = first.badEra;
    RANGE_SEP.lastIndex = end;
    const sep = RANGE_SEP.exec(s);
    if (sep !== null) {
      const tailAt = end + sep[0].length;
      const second = matchSingle(s, tailAt, ctx, m5);
      if (second !== null && second.year >= first.year) {
        end = second.end;
        to = second.year;
        badEra = badEra ?? second.badEra;
      } else if (second === null && first.era !== null) {
        RANGE_TAIL.lastIndex = tailAt;
        const t = RANGE_TAIL.exec(s);
        const n = t?.[1] === undefined ? Number.NaN : num(t[1]);
        const year = eraToFiscalYear(first.era, n);
        if (t !== null && year >= first.year) {
          end = tailAt + t[0].length;
          to = year;
          badEra = badEra ?? eraYearProblem(first.era, n);
        }
      }
    }
    END_OF_YEAR.lastIndex = end;
    const eoy = END_OF_YEAR.exec(s);
    if (eoy !== null) end += eoy[0].length;
    hits.push({
      index: at,
      end,
      text: s.slice(at, end),
      span: { from: first.year, to, endOfYear: eoy !== null },
      badEra,
    });
    ERA_START.lastIndex = end;
  }
  return hits;
}

/**
 * The first fiscal year (or range) in a text: 平成29年度, H29年度, R3~R5, 令和元年度, 5年度 (the sheet's era),
 * 平成31年度末 (endOfYear), 年度末 alone (this year's end). Null when there is none; a failure
 * "bad-era-year" (detail: the year written correctly) when the era year does not exist. Never throws.
 */
export function parseYearSpan(text: string, ctx: ParseContext): FiscalYearSpan | ParseFailure | null {
  const raw = typeof text === "string" ? text : "";
  const s = normalizeText(raw);
  const hit = findYears(s, ctx)[0];
  if (hit === undefined) {
    const bare = /(?:^|[^\d])年度末/.exec(s);
    return bare === null ? null : { from: ctx.evaluationYear, to: ctx.evaluationYear, endOfYear: true };
  }
  if (hit.badEra !== null) return { raw: hit.text, code: "bad-era-year", detail: hit.badEra };
  return hit.span;
}

/** True when a parseYearSpan answer is a failure. */
export function isParseFailure(x: unknown): x is ParseFailure {
  return typeof x === "object" && x !== null && "code" in x && "raw" in x;
}
