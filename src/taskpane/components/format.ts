import type { CellValue } from "../../core";
import type { Translate } from "../i18n/strings";

/** A cell value as the user would read it in the pane; always plain text (React escapes it). */
export function cellText(t: Translate, value: CellValue): string {
  if (value === null || value === "") return t("cellEmpty");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A short description of a thrown value for the error bar's detail line. */
export function describeError(error: unknown, lang: "ja" | "en"): string {
  // Adapter errors (WorkbookReadError and the like) carry their own ja/en text.
  const messages =
    typeof error === "object" && error !== null ? (error as { messages?: unknown }).messages : undefined;
  if (typeof messages === "object" && messages !== null) {
    const text = (messages as Record<string, unknown>)[lang];
    if (typeof text === "string") return text;
  }
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
