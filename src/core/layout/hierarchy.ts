import type { Heading } from "../model/records";
import { normalizeText } from "../text/normalize";

const KATAKANA_MARKS =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const BRACKETED = new RegExp(`^[(（]\\s*([${KATAKANA_MARKS}])\\s*[)）]\\s*([\\s\\S]*)$`, "u");
const PLAIN = new RegExp(`^([${KATAKANA_MARKS}])(?![ァ-ヴー])[.．、:：)）]?\\s*([\\s\\S]*)$`, "u");

/**
 * Extraction noise of the seed, read only in the item-mark column: ㋐ came out as ⑦ or ㊦, ㋑ as ④, ㋒ as
 * ⑤ (the published PDF's circled katakana). Other circled numbers stay as they are.
 */
const SEED_NOISE: Readonly<Record<string, string>> = { "⑦": "ア", "㊦": "ア", "④": "イ", "⑤": "ウ" };
const CIRCLED_NUMBER = /^([\u2460-\u2473\u3251-\u325F\u32B1-\u32BF])\s*([\s\S]*)$/u;

/** An item mark at the start of a cell: ㋐ (ア) ア → "ア", with the rest of the cell (the name, when shared). */
export function readItemMark(raw: string, markColumn: boolean): { mark: string; rest: string } | null {
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  if (markColumn) {
    const first = [...trimmed][0] ?? "";
    const noise = SEED_NOISE[first];
    if (noise !== undefined) return { mark: noise, rest: normalizeText(trimmed.slice(first.length)) };
    const circled = CIRCLED_NUMBER.exec(trimmed);
    if (circled !== null && circled[1] !== undefined)
      return { mark: circled[1], rest: normalizeText(circled[2] ?? "") };
  }
  const t = normalizeText(trimmed);
  const m = BRACKETED.exec(t) ?? PLAIN.exec(t);
  if (m === null || m[1] === undefined) return null;
  return { mark: m[1], rest: (m[2] ?? "").trim() };
}

/** True when the raw text starts with a circled mark (㋐, ⑦ …) that must not be read as a heading number. */
export function startsWithCircled(raw: string): boolean {
  return /^\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u3280-\u32B0\u32D0-\u32FE]/u.test(raw);
}

const OBJECTIVE = /^\(\s*(\d{1,3})\s*\)\s*([\s\S]*)$/u;
const AREA = /^(\d{1,3})(?:\s*[.．、:：)]\s*|\s+|(?=「))([\s\S]*)$/u;

/**
 * A heading row from its filled cells (at most two, in column order): `1 「…」に向けて` is an area,
 * `(1) …` / （1） / ⑴ an objective; the number and the title may sit in one cell or two.
 */
export function readHeading(
  cells: readonly string[],
  row: number,
): { level: "area" | "objective"; heading: Heading } | null {
  if (cells.length === 0 || cells.length > 2) return null;
  const first = cells[0] ?? "";
  if (startsWithCircled(first)) return null;
  const parts = cells.map((c) => normalizeText(c));
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  const o = OBJECTIVE.exec(text);
  if (o !== null && o[1] !== undefined) {
    return { level: "objective", heading: { number: o[1], title: (o[2] ?? "").trim(), row } };
  }
  const a = AREA.exec(text);
  if (a !== null && a[1] !== undefined) {
    const title = (a[2] ?? "").trim();
    const separateNumber = /^\d{1,3}$/u.test(parts[0] ?? "") && parts.length === 2;
    const wordy = /[ぁ-んァ-ヶ一-龠A-Za-z]/u.test(title);
    if (wordy && (separateNumber || title.startsWith("「") || title.includes("向けて"))) {
      return { level: "area", heading: { number: a[1], title, row } };
    }
  }
  return null;
}
