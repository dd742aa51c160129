import type { CellValue } from "../core";

/** A cell as the snapshot sees it: its plain value, whether it holds a formula, and its error code. */
export interface FlatCell {
  readonly value: CellValue;
  readonly formula: boolean;
  readonly error: string | null;
}

const EMPTY: FlatCell = { value: null, formula: false, error: null };

/** A JS Date as an ISO calendar date (exceljs gives dates as UTC midnights). */
function isoDate(d: Date): CellValue {
  const t = d.getTime();
  return Number.isNaN(t) ? null : d.toISOString().slice(0, 10);
}

function richText(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  let s = "";
  for (const run of runs) {
    const text = (run as { text?: unknown } | null)?.text;
    if (typeof text === "string") s += text;
  }
  return s;
}

function plain(value: CellValue): FlatCell {
  // An empty string reads as an empty cell, as Excel's Range.values shows it.
  return value === "" || value === null ? EMPTY : { value, formula: false, error: null };
}

/**
 * Flattens an exceljs cell value: rich text and hyperlinks → text, dates → yyyy-mm-dd, formulas (plain,
 * shared, array) → their cached result with formula true, error values → null with the error code.
 */
export function flattenCellValue(raw: unknown): FlatCell {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return plain(raw);
  if (raw instanceof Date) return plain(isoDate(raw));
  if (typeof raw !== "object") return EMPTY;
  const o = raw as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o || "shareType" in o) {
    const result = flattenCellValue(o["result"]);
    return { value: result.value, formula: true, error: result.error };
  }
  if ("error" in o) {
    const code = o["error"];
    return { value: null, formula: false, error: typeof code === "string" ? code : "#ERROR" };
  }
  if ("richText" in o) return plain(richText(o["richText"]));
  if ("hyperlink" in o || "text" in o) {
    const text = o["text"];
    if (typeof text === "string") return plain(text);
    if (text && typeof text === "object" && "richText" in text)
      return plain(richText((text as { richText: unknown }).richText));
    return EMPTY;
  }
  return EMPTY;
}
