import type { LocalizedText } from "../model/findings";

/**
 * Sheet names compared the way Excel compares them: Excel refuses a second sheet whose name differs only in
 * letter case or in character width (「ＫＵＳＥＩ」 = 「kusei」 = 「KUSEI」; half-width katakana = full-width),
 * and Range/Worksheet look-ups by name match the same way. The fold: full-width ASCII (U+FF01–FF5E) and the
 * ideographic space to ASCII, half-width katakana to full-width (with their sound marks composed), then
 * upper case. Nothing else is folded (① stays ①, ㈱ stays ㈱: Excel keeps those apart).
 */
export function sheetNameKey(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize("NFKC"))
    .toUpperCase();
}

/** Excel's "the same sheet name". */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/** Characters Excel refuses in a sheet name (and their full-width forms, which it refuses too). */
const FORBIDDEN = /[:\\/?*[\]\uFF1A\uFF3C\uFF0F\uFF1F\uFF0A\uFF3B\uFF3D\uFFE5]/;

/** Why `name` cannot be a sheet name in Excel (31 characters at most, none of : \ / ? * [ ], not blank, no ' at either end); null when it can. */
export function sheetNameProblem(name: string): LocalizedText | null {
  if (name.trim() === "") return { ja: "シート名が空です", en: "the sheet name is blank" };
  if (name.length > 31)
    return { ja: "シート名は31文字までです", en: "a sheet name has at most 31 characters" };
  if (FORBIDDEN.test(name) || name.includes("\0"))
    return {
      ja: "シート名に : \\ / ? * [ ] は使えません",
      en: "a sheet name cannot contain : \\ / ? * [ ]",
    };
  if (/^['\u2019\uFF07]|['\u2019\uFF07]$/.test(name))
    return {
      ja: "シート名の先頭と末尾に ' は使えません",
      en: "a sheet name cannot begin or end with '",
    };
  return null;
}
