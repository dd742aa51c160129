/**
 * How Excel stores a value written through `Range.values`, and the text it shows for a stored value.
 *
 * Writing: "Excel.Range" (https://learn.microsoft.com/javascript/api/excel/excel.range), values: "If the
 * returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as
 * a formula." Other strings are read as if typed: numbers (full-width digits too, in Japanese Excel),
 * percents ("93%" → 0.93 formatted "0%"), dates ("2024/4/1" → a serial formatted "yyyy/m/d"), TRUE/FALSE.
 * A leading apostrophe keeps the rest as text; a Text-formatted ("@") cell keeps any string as text.
 *
 * Showing: `text` renders the value with the cell's number format ("Set or get Excel range values, text,
 * and formulas", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values:
 * "Use range.text to read the displayed text exactly as users see it") — through numfmt, with Japanese
 * era names (ggg/gg/g, e/ee, 元年 for gannen formats) done here because numfmt ignores them.
 */
import type { CellModel, Scalar } from "./model";
import { numfmt } from "./numfmt";

/** What a written scalar becomes in a cell with this number format. */
export function enter(v: Scalar, format: string): Pick<CellModel, "value" | "formula" | "format"> {
  if (typeof v !== "string") return { value: v, formula: null, format };
  if (format === "@") return { value: v, formula: null, format };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null, format };
  if (/^[=+\-@]/.test(v) && v.length > 1)
    return { value: "#NAME?", formula: v.startsWith("=") ? v : `=${v}`, format };
  const half = v.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF05]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  if (/^true$/i.test(half)) return { value: true, formula: null, format };
  if (/^false$/i.test(half)) return { value: false, formula: null, format };
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.exec(half.trim());
  if (num) return { value: Number(half.trim().replace(/,/g, "")), formula: null, format };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(half.trim());
  if (pct?.[1])
    return { value: Number(pct[1]) / 100, formula: null, format: format === "General" ? "0%" : format };
  const date = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(half.trim());
  if (date) {
    const serial = serialOf(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== null)
      return { value: serial, formula: null, format: format === "General" ? "yyyy/m/d" : format };
  }
  return { value: v, formula: null, format };
}

/** The 1900-system serial of a date (Excel's 1900-02-29 bug included), or null when not a date. */
export function serialOf(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  const days = Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

function dateOf(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86_400_000);
}

const ERAS: ReadonlyArray<{ start: number; name: string; short: string; letter: string }> = [
  { start: Date.UTC(2019, 4, 1), name: "令和", short: "令", letter: "R" },
  { start: Date.UTC(1989, 0, 8), name: "平成", short: "平", letter: "H" },
  { start: Date.UTC(1926, 11, 25), name: "昭和", short: "昭", letter: "S" },
  { start: Date.UTC(1912, 6, 30), name: "大正", short: "大", letter: "T" },
  { start: Date.UTC(1868, 0, 25), name: "明治", short: "明", letter: "M" },
];

/** Replaces era tokens outside quotes with quoted literals, so numfmt renders the rest of the date. */
function withEra(format: string, serial: number): string {
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  if (!/g|e(?![+-])/.test(bare)) return format;
  const date = dateOf(serial);
  const era = ERAS.find((e) => date.getTime() >= e.start);
  if (!era) return format;
  const year = date.getUTCFullYear() - new Date(era.start).getUTCFullYear() + 1;
  const gannen = /x-gannen/i.test(format);
  const parts = format.split(/("[^"]*")/);
  return parts
    .map((p) =>
      p.startsWith('"')
        ? p
        : p
            .replace(/\[\$-[^\]]*\]/g, "")
            .replace(/ggg|gg|g/g, (t) => `"${t === "ggg" ? era.name : t === "gg" ? era.short : era.letter}"`)
            .replace(
              /ee|e(?![+-])/g,
              (t) => `"${gannen && year === 1 ? "元" : t === "ee" ? String(year).padStart(2, "0") : year}"`,
            ),
    )
    .join("");
}

/** The text Excel shows for a cell (no dependence on column width, as `Range.text` documents). */
export function display(cell: CellModel | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const format = cell.format ?? "General";
  if (format === "General") return numfmt.format("General", v);
  return numfmt.format(withEra(format, v), v, { locale: "ja-JP" });
}
