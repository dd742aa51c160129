/**
 * Number formats: the built-in ids, whether a format shows a date, and a cell's text as Excel shows it
 * (SheetSnapshot.displays). Rendering is numfmt's (the maintained ECMA-376 formatter used by Borgar's
 * spreadsheet tools; pure JS, so the browser page renders the same), extended here with what numfmt 4 does
 * not do: Japanese eras. numfmt reads `ggg`/`e` as the Gregorian year; Excel in Japanese shows 平成28年 —
 * so era tokens are replaced by the era's literal text before numfmt sees the pattern.
 */
import { format as numfmtFormat } from "numfmt";

/**
 * Built-in number formats by id (ECMA-376 Part 1 §18.8.30), with the ids Excel in Japanese (ja-JP) gives
 * its own formats (5–8 yen, 27–36 and 50–58 eras and 年月日) and 14/22 as Japanese Excel shows them.
 */
const BUILTIN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: "[$-411]ge.m.d",
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: "m/d/yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: "[$-411]ge.m.d",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: "[$-411]ge.m.d",
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: "[$-411]ge.m.d",
  58: '[$-411]ggge"年"m"月"d"日"',
};

/** The format code of a built-in id (undefined for an id that has none). */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}

/**
 * Whether a format shows a date: date/time letters outside quotes and brackets. This is exceljs 4.4's rule
 * (utils.isDateFmt), kept so a cell that read as a date before reads as one now (the fixtures' records and
 * findings stay identical); such cells enter the snapshot as yyyy-mm-dd.
 */
export function isDateFormat(code: string): boolean {
  let plain = "";
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? "";
    const close = ch === "[" ? "]" : ch === '"' ? '"' : "";
    if (close !== "") {
      const end = code.indexOf(close, i + 1);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    plain += ch;
    i++;
  }
  for (const ch of plain) if ("ymdhMsb".includes(ch)) return true;
  return false;
}

/** True for General (any case), which needs no display: a number reads as itself. */
export function isGeneral(code: string): boolean {
  return code.trim().toLowerCase() === "general" || code === "";
}

interface Era {
  /** first day, as [year, month, day] */
  readonly from: readonly [number, number, number];
  readonly name: string;
  readonly short: string;
  readonly letter: string;
}

/** The Japanese eras a date Excel can store (from 1900) falls in, as Excel ja-JP names them. */
const ERAS: ReadonlyArray<Era> = [
  { from: [2019, 5, 1], name: "令和", short: "令", letter: "R" },
  { from: [1989, 1, 8], name: "平成", short: "平", letter: "H" },
  { from: [1926, 12, 25], name: "昭和", short: "昭", letter: "S" },
  { from: [1912, 7, 30], name: "大正", short: "大", letter: "T" },
  { from: [1868, 1, 1], name: "明治", short: "明", letter: "M" },
];

/** An Excel serial's calendar date (the 1900 system with its phantom 1900-02-29, or the 1904 system). */
export function serialToDate(serial: number, date1904: boolean): { y: number; m: number; d: number } {
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return { y: 1900, m: 2, d: 29 };
  // Excel shows serial 0 as 1900-01-00 (a time alone sits on that day)
  if (!date1904 && days === 0) return { y: 1900, m: 1, d: 0 };
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const t = new Date(base + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function eraOf(date: { y: number; m: number; d: number }): { era: Era; year: number } | null {
  const key = date.y * 10_000 + date.m * 100 + date.d;
  for (const era of ERAS) {
    const [y, m, d] = era.from;
    if (key >= y * 10_000 + m * 100 + d) return { era, year: date.y - y + 1 };
  }
  return null;
}

/** A locale tag's language is Japanese ([$-411], [$-0411], [$-ja-JP], [$-ja-JP-x-gannen] …), or none at all. */
function japaneseLocale(tags: ReadonlyArray<string>): boolean {
  const locales = tags.filter((t) => t.startsWith("$"));
  if (locales.length === 0) return true;
  return locales.some((t) => {
    const id = (t.split("-").slice(1).join("-") || "").toLowerCase();
    return (
      id === "" ||
      /^0*411$/.test(id) ||
      id.startsWith("ja") ||
      id.startsWith("x-gannen") ||
      id === "x-sysdate"
    );
  });
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}

/**
 * Replaces Japanese era tokens by the era's text for one date: `g` → H, `gg` → 平, `ggg` → 平成, `e` → 28
 * (元 under `-x-gannen` in the first year), `ee` → 28 padded to two digits. Quoted text, escapes and
 * bracketed sections are left alone. Null when the pattern has no era token or its locale is not Japanese.
 */
export function withEra(code: string, serial: number, date1904: boolean): string | null {
  const tags: string[] = [];
  let out = "";
  let any = false;
  const at = eraOf(serialToDate(serial, date1904));
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? "";
    if (ch === '"' || ch === "[") {
      const end = code.indexOf(ch === '"' ? '"' : "]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      if (ch === "[") tags.push(code.slice(i + 1, stop - 1));
      out += code.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      out += code.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "g" || ch === "G" || ch === "e") {
      let n = 1;
      while (code[i + n] === ch) n++;
      any = true;
      if (at === null) return null;
      const gannen = tags.some((t) => t.toLowerCase().includes("x-gannen"));
      if (ch === "e")
        out += quoted(
          n >= 2 ? String(at.year).padStart(2, "0") : gannen && at.year === 1 ? "元" : String(at.year),
        );
      else out += quoted(n >= 3 ? at.era.name : n === 2 ? at.era.short : at.era.letter);
      i += n;
      continue;
    }
    out += ch;
    i++;
  }
  if (!any || !japaneseLocale(tags)) return null;
  return out;
}

/** An era letter (`g`) outside quotes, brackets and escapes: only dates have one. */
function hasEraToken(code: string): boolean {
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? "";
    if (ch === '"' || ch === "[") {
      const end = code.indexOf(ch === '"' ? '"' : "]", i + 1);
      if (end < 0) return false;
      i = end + 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") i += 2;
    else if (ch === "g" || ch === "G") return true;
    else i++;
  }
  return false;
}

/**
 * The text Excel shows for `value` under `code`, or null when the format cannot be rendered with certainty
 * (numfmt finds it invalid): a display is then left out rather than guessed.
 */
export function renderNumber(code: string, value: number, date1904: boolean): string | null {
  const era = hasEraToken(code);
  const date = era || isDateFormat(code);
  // Excel shows a negative date or time as ##### (no date to show)
  if (date && value < 0) return null;
  const pattern = (era && withEra(code, value, date1904)) || code;
  // numfmt counts serials in the 1900 system; a 1904 serial is 1462 days less for the same day.
  const serial = date && date1904 ? value + 1462 : value;
  const text = numfmtFormat(pattern, serial, {
    locale: "ja-JP",
    throws: false,
    invalid: "\u0000",
    nbsp: false,
  });
  return text === "\u0000" ? null : text;
}
