/**
 * Cutting a scanned cell into items: each quantity anchors one item; its label is the text before it
 * (back to the previous item or the start of its line), its note the parenthesis right after it.
 */
import type { FiscalYearSpan, ParseFailure } from "../model/values";
import type { YearHit } from "./era";
import { parenAt, type Quantity, type Scan } from "./scan";

/** One item of a cell before it is typed as target, result or criterion. */
export interface Segment {
  readonly quantity: Quantity;
  /** the item's text: label start to note end */
  readonly raw: string;
  readonly label: string | null;
  readonly note: string | null;
  /** the first year in the label, else in the note (a year followed by 実績 is history, not a deadline) */
  readonly deadline: FiscalYearSpan | null;
  /** raw label text including years, and the note: where 合計/累計 and 前年度比 are looked for */
  readonly labelText: string;
  readonly start: number;
  readonly end: number;
}

const LEAD = /^[\s・,、。;:*●○◆◇■□☑/\-①-⑳]+/u;
// list labels before an item: (1) (ア) ア. 1. ①; they number the items, they are not part of the label
const LIST_LABEL =
  /^(?:\(\s?(?:\d{1,2}|[a-zA-Zア-ン]|[ⅰ-ⅻ]{1,4}|i{1,3}|iv|v)\s?\)|\d{1,2}[.)]|[ア-オ][.\s、)]|[①-⑳])\s?/u;
/** A parenthesis that holds only a list label: (2) (イ) — it starts the next item, it is no note. */
const LIST_PAREN = /^\s?(?:\d{1,2}|[a-zA-Zア-ン]|[ⅰ-ⅻ]{1,4}|i{1,3}|iv|v)\s?$/u;
const TRAIL = /[\s:=、,;・.はが]+$/u;
const AFTER_YEAR = /^(?:末)?\s?(?:実績|時点|現在)?\s?(?:まで(?:に)?|中(?:に)?|には|に|は|で|の)?/;

/** Label text without its years (and their まで/までに/中に), bullets and trailing particles. */
export function cleanLabel(text: string, years: ReadonlyArray<YearHit>, offset: number): string | null {
  let out = "";
  let i = 0;
  for (const y of years) {
    const a = y.index - offset;
    const b = y.end - offset;
    if (a < i || b > text.length) continue;
    out += text.slice(i, a);
    const rest = text.slice(b);
    i = b + (AFTER_YEAR.exec(rest)?.[0].length ?? 0);
  }
  out += text.slice(i);
  let cleaned = out.replace(LEAD, "");
  for (let k = 0; k < 3 && LIST_LABEL.test(cleaned); k++)
    cleaned = cleaned.replace(LIST_LABEL, "").replace(LEAD, "");
  cleaned = cleaned.replace(TRAIL, "").replace(/ {2,}/g, " ").trim();
  return cleaned === "" ? null : cleaned;
}

const isHistory = (s: string, y: YearHit): boolean => /^\s?(?:の)?実績/.test(s.slice(y.end, y.end + 4));

/** Years of a range of the text that are deadlines (not 平成26年度実績). */
function deadlineIn(scan: Scan, from: number, to: number): FiscalYearSpan | null {
  for (const y of scan.years) if (y.index >= from && y.end <= to && !isHistory(scan.text, y)) return y.span;
  return null;
}

/** Cut the scan into one segment per quantity. */
export function segment(scan: Scan): Segment[] {
  const s = scan.text;
  const out: Segment[] = [];
  // start of the line of every index, computed once (lastIndexOf per item would be quadratic)
  // a label also starts after a sentence (。) or a bullet (・ after a space): 「…推進した。 全22地域」
  const lineStartAt = new Uint32Array(s.length + 1);
  for (let i = 1; i <= s.length; i++) {
    const c = s[i - 1];
    const bullet = c === "・" && (i < 2 || /\s/.test(s[i - 2] ?? ""));
    lineStartAt[i] = c === "\n" || c === "。" || bullet ? i : (lineStartAt[i - 1] ?? 0);
  }
  let prevEnd = 0;
  for (const q of scan.quantities) {
    const lineStart = lineStartAt[q.index] ?? 0;
    const start = Math.max(prevEnd, lineStart);
    const labelRaw = s.slice(start, q.index);
    const labelYears = scan.years.filter((y) => y.index >= start && y.end <= q.index);
    const label = cleanLabel(labelRaw, labelYears, start);
    const found = parenAt(scan, q.end);
    const paren = found !== null && LIST_PAREN.test(s.slice(found.open + 1, found.close)) ? null : found;
    const note = paren === null ? null : s.slice(paren.open + 1, paren.close).trim();
    const end = paren === null ? q.end : paren.close + 1;
    let deadline = deadlineIn(scan, start, q.index);
    let noteIsOnlyYear = false;
    if (deadline === null && paren !== null && !/実績/.test(note ?? "")) {
      deadline = deadlineIn(scan, paren.open, paren.close);
      const yearsInNote = scan.years.filter((y) => y.index > paren.open && y.end <= paren.close);
      noteIsOnlyYear = deadline !== null && cleanLabel(note ?? "", yearsInNote, paren.open + 1) === null;
    }
    out.push({
      quantity: q,
      raw: s.slice(start, end).trim(),
      label,
      note: noteIsOnlyYear || note === "" ? null : note,
      deadline,
      labelText: s.slice(start, q.index) + " " + (note ?? ""),
      start,
      end,
    });
    prevEnd = end;
  }
  return out;
}

/** Era years that do not exist, anywhere in the text, as failures. */
export function badEraFailures(scan: Scan): ParseFailure[] {
  return scan.years
    .filter((y) => y.badEra !== null)
    .map((y) => ({ raw: y.text, code: "bad-era-year" as const, detail: y.badEra ?? "" }));
}
