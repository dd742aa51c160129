/**
 * Reading and writing the sheets' marks (domain.md §2). Reading is tolerant (〇◯○, ✕×Xx, ①②③,
 * (ⅰ)(i) full or half width, ㋐(ア)ア, Ａ/Ｂ, ａ/ｂ); writing uses the sheet's own symbols.
 */
import type { AchievementNotation } from "../model/records";
import { normalizeText } from "./normalize";
import { CIRCLE, CROSS } from "./tables";

/** Which mark field a cell belongs to. */
export type MarkKind =
  | "achievement"
  | "execution"
  | "initiativeEffectiveness"
  | "outcome"
  | "outcomeOverall"
  | "strategyProgress"
  | "strategyEffectiveness";

/** The execution qualifier: (ⅰ) 予定どおり実施 / (ⅱ) 予定どおり実施しなかった. */
export type Qualifier = "i" | "ii";

/** Canonical value of each mark kind. */
export interface MarkValues {
  readonly achievement: "achieved" | "missed" | "withdrawal";
  readonly execution: Qualifier;
  readonly initiativeEffectiveness: "effective" | "not-effective";
  readonly outcome: "A" | "B";
  readonly outcomeOverall: "A" | "B";
  readonly strategyProgress: "a" | "b";
  /** ア 有効であり、継続して推進 → effective; イ 有効でないため、戦略を見直す → review */
  readonly strategyEffectiveness: "effective" | "review";
}

/** Canonical value of one mark kind. */
export type MarkValue<K extends MarkKind = MarkKind> = MarkValues[K];

/** What a mark cell holds. `raw` is never altered; `found` is the normalised text that was not a mark. */
export type MarkReading<K extends MarkKind = MarkKind> =
  | { readonly status: "empty"; readonly placeholder?: string }
  | {
      readonly status: "mark";
      readonly value: MarkValues[K];
      readonly qualifier: Qualifier | null;
      readonly notation?: AchievementNotation;
    }
  | { readonly status: "qualifier-only"; readonly qualifier: Qualifier }
  | { readonly status: "invalid"; readonly found: string };

interface Symbol<V> {
  readonly value: V;
  readonly notation?: AchievementNotation;
}

type SymbolTable<K extends MarkKind> = Readonly<Record<string, Symbol<MarkValues[K]>>>;

// Symbols after normalizeText (so ㋐ is already ア, Ａ is A, 〇 is ○, ✕ is ×). X and x are × here only.
const SYMBOLS: { readonly [K in MarkKind]: SymbolTable<K> } = {
  achievement: {
    [CIRCLE]: { value: "achieved", notation: "circle" },
    [CROSS]: { value: "missed", notation: "circle" },
    X: { value: "missed", notation: "circle" },
    x: { value: "missed", notation: "circle" },
    "\u2460": { value: "achieved", notation: "numbered" },
    "\u2461": { value: "missed", notation: "numbered" },
    "\u2462": { value: "withdrawal", notation: "numbered" },
  },
  execution: {},
  initiativeEffectiveness: {
    [CIRCLE]: { value: "effective" },
    [CROSS]: { value: "not-effective" },
    X: { value: "not-effective" },
    x: { value: "not-effective" },
  },
  outcome: { A: { value: "A" }, B: { value: "B" } },
  outcomeOverall: { A: { value: "A" }, B: { value: "B" } },
  strategyProgress: { a: { value: "a" }, b: { value: "b" } },
  strategyEffectiveness: {
    "\u30A2": { value: "effective" },
    "(\u30A2)": { value: "effective" },
    "\u30A4": { value: "review" },
    "(\u30A4)": { value: "review" },
  },
};

// (i) (ii) (I) (II), with or without brackets; ⅰ/Ⅱ are ASCII after NFKC. Longest first.
const QUALIFIER = /^(?:\((ii|i)\)|(ii|i)(?![a-z]))/i;
const PLACEHOLDER = /^(?:-+|ー+|\/|なし|該当なし|N\/?A)$/i;
const SEPARATOR = /^[\s,、・/]+/;

function readQualifier(s: string): { q: Qualifier; len: number } | null {
  const m = QUALIFIER.exec(s);
  if (m === null) return null;
  const roman = (m[1] ?? m[2] ?? "").toLowerCase();
  return { q: roman === "ii" ? "ii" : "i", len: m[0].length };
}

function readSymbol<K extends MarkKind>(
  kind: K,
  s: string,
): { sym: Symbol<MarkValues[K]>; len: number } | null {
  const table = SYMBOLS[kind] as SymbolTable<K>;
  // bracketed symbols are 3 characters, plain ones 1
  for (const len of [3, 1]) {
    if (s.length < len) continue;
    const sym = table[s.slice(0, len)];
    if (sym !== undefined) return { sym, len };
  }
  return null;
}

const takesQualifier = (kind: MarkKind): boolean => kind === "achievement" || kind === "execution";

/** One mark (with its qualifier) at the start of `s`, or null. */
function readOne<K extends MarkKind>(kind: K, s: string): { reading: MarkReading<K>; len: number } | null {
  const symbol = readSymbol(kind, s);
  if (symbol !== null) {
    let len = symbol.len;
    let qualifier: Qualifier | null = null;
    if (takesQualifier(kind)) {
      const rest = s.slice(len).replace(/^ +/, "");
      const q = readQualifier(rest);
      if (q !== null) {
        qualifier = q.q;
        len = s.length - rest.length + q.len;
      }
    }
    const reading: MarkReading<K> =
      symbol.sym.notation === undefined
        ? { status: "mark", value: symbol.sym.value, qualifier }
        : { status: "mark", value: symbol.sym.value, qualifier, notation: symbol.sym.notation };
    return { reading, len };
  }
  if (takesQualifier(kind)) {
    const q = readQualifier(s);
    if (q !== null) {
      const reading: MarkReading<K> =
        kind === "execution"
          ? { status: "mark", value: q.q as MarkValues[K], qualifier: q.q }
          : { status: "qualifier-only", qualifier: q.q };
      return { reading, len: q.len };
    }
  }
  return null;
}

/**
 * Every mark in a cell, in order (個別 cells may hold "A A" or "A\nA"); separators are spaces, newlines,
 * 、 , ・ and /. A token that is not a mark of `kind` becomes an `invalid` reading. Empty or "-" → [].
 * For `execution` the value is the qualifier itself, and `qualifier` repeats it.
 */
export function readMarks<K extends MarkKind>(kind: K, text: string): MarkReading<K>[] {
  const s = normalizeText(typeof text === "string" ? text : "");
  if (s === "" || PLACEHOLDER.test(s)) return [];
  const out: MarkReading<K>[] = [];
  let i = 0;
  while (i < s.length) {
    const sep = SEPARATOR.exec(s.slice(i));
    if (sep !== null) {
      i += sep[0].length;
      continue;
    }
    const rest = s.slice(i);
    const one = readOne(kind, rest);
    // a mark must end at a separator or the end of the cell ("Aは" is not a mark)
    if (one !== null && (one.len === rest.length || SEPARATOR.test(rest.slice(one.len)))) {
      out.push(one.reading);
      i += one.len;
      continue;
    }
    const end = rest.search(/[\s,、・/]/);
    const token = end < 0 ? rest : rest.slice(0, end);
    out.push({ status: "invalid", found: token });
    i += token.length;
  }
  return out;
}

/**
 * The one mark of a cell. Empty text → empty; "-", "ー", "なし" → empty with `placeholder` (the rules decide
 * what a dash means); several marks or anything else → invalid with the normalised text in `found`.
 */
export function readMark<K extends MarkKind>(kind: K, text: string): MarkReading<K> {
  const s = normalizeText(typeof text === "string" ? text : "");
  if (s === "") return { status: "empty" };
  if (PLACEHOLDER.test(s)) return { status: "empty", placeholder: s };
  const readings = readMarks(kind, s);
  const only = readings[0];
  if (readings.length === 1 && only !== undefined) return only;
  return { status: "invalid", found: s };
}

const FORMAT: { readonly [K in MarkKind]: (v: MarkValues[K], n: AchievementNotation) => string } = {
  achievement: (v, n) =>
    n === "numbered"
      ? v === "achieved"
        ? "\u2460"
        : v === "missed"
          ? "\u2461"
          : "\u2462"
      : v === "achieved"
        ? CIRCLE
        : CROSS,
  execution: (v) => (v === "i" ? "(\u2170)" : "(\u2171)"),
  initiativeEffectiveness: (v) => (v === "effective" ? CIRCLE : CROSS),
  outcome: (v) => v,
  outcomeOverall: (v) => v,
  strategyProgress: (v) => v,
  strategyEffectiveness: (v) => (v === "effective" ? "\u30A2" : "\u30A4"),
};

/**
 * The sheet's symbol for a value: ○ × (circle; withdrawal is × plus the row's flag) or ① ② ③ (numbered)
 * for achievement, ○ × for effectiveness, A B, a b, ア イ, (ⅰ) (ⅱ) for execution.
 */
export function formatMark<K extends MarkKind>(
  kind: K,
  value: MarkValues[K],
  notation: AchievementNotation = "circle",
): string {
  return FORMAT[kind](value, notation);
}

// the qualifier as written in a raw cell: (ⅰ) （ⅱ） (i) (ii) (Ⅰ) ｉ …, brackets optional
const RAW_QUALIFIER =
  /[(（]\s*(?:[ⅰⅱⅠⅡ]|[iIｉＩ]{1,2})\s*[)）]|(?<![A-WYZa-wyzＡ-Ｚａ-ｚ])(?:[ⅰⅱⅠⅡ]|[iIｉＩ]{1,2})(?![A-Za-zＡ-Ｚａ-ｚ])/u;

/**
 * The text to write into an achievement cell. Rule: when the cell already holds an execution qualifier
 * ((ⅰ)/(ⅱ) in any spelling, alone or after an old mark), the new mark is written in front of it and the
 * qualifier keeps the cell's own spelling ("(i)" → "○(i)", "×（ⅱ）" → "○（ⅱ）"); otherwise the mark alone.
 * A qualifier is only recognised when the cell reads as a mark, a qualifier or empty (free text is not mined).
 */
export function formatAchievementCell(markSymbol: string, existingCellText: string): string {
  const existing = typeof existingCellText === "string" ? existingCellText : "";
  const reading = readMark("achievement", existing);
  const hasQualifier =
    (reading.status === "mark" && reading.qualifier !== null) || reading.status === "qualifier-only";
  if (!hasQualifier) return markSymbol;
  const m = RAW_QUALIFIER.exec(existing);
  if (m === null) return markSymbol;
  return markSymbol + m[0].trim();
}
