/**
 * Why a workbook could not be read (or, for "would-lose-content", safely saved). Stable codes; the CLI and
 * the standalone page show the message.
 */
export type WorkbookReadErrorCode =
  | "empty"
  | "encrypted"
  | "not-zip"
  | "truncated"
  | "not-workbook"
  | "too-large"
  | "corrupt"
  | "over-budget"
  | "would-lose-content"
  | "signed"
  | "structure-locked"
  | "cannot-log";

const MESSAGES: Record<WorkbookReadErrorCode, { ja: string; en: string }> = {
  empty: { ja: "ファイルが空です。", en: "The file is empty." },
  encrypted: {
    ja: "パスワードで保護されたブック、または古い .xls 形式のファイルです。パスワードを解除し .xlsx で保存し直してください。",
    en: "The workbook is password-protected or in the old .xls format. Remove the password and save it as .xlsx.",
  },
  "not-zip": {
    ja: "Excel ブック (.xlsx) ではありません。",
    en: "This is not an Excel workbook (.xlsx).",
  },
  truncated: {
    ja: "ファイルが途中で切れているか壊れています (ZIP の終端が読めません)。",
    en: "The file is truncated or damaged (the end of the ZIP archive cannot be read).",
  },
  "not-workbook": {
    ja: "ZIP ファイルですが Excel ブックではありません (xl/workbook.xml がありません)。",
    en: "This is a ZIP file but not an Excel workbook (no xl/workbook.xml).",
  },
  "too-large": {
    ja: "ブックが大きすぎます (展開後 {size} MB、上限 {limit} MB)。必要なら --max-size で上限を引き上げてください。",
    en: "The workbook is too large ({size} MB uncompressed, limit {limit} MB). Raise it with --max-size if needed.",
  },
  "would-lose-content": {
    ja: "このブックには保存すると失われる部分があります ({parts})。書き込まずに終了しました。Excel アドインで再計算してください。",
    en: "Saving this workbook would lose some of its content ({parts}); nothing was written. Recalculate it with the Excel add-in.",
  },
  "over-budget": {
    ja: "ブックが読み取りの上限を超えています ({budgetJa}: 上限 {limit})。必要なら {flag} で上限を引き上げてください。",
    en: "The workbook exceeds a reading limit ({budgetEn}: limit {limit}). Raise it with {flag} if needed.",
  },
  signed: {
    ja: "このブックにはデジタル署名があります。保存すると署名が無効になるため、書き込まずに終了しました。署名を外すか、Excel アドインで再計算してください。",
    en: "This workbook is digitally signed; saving it would break the signature, so nothing was written. Remove the signature or recalculate it with the Excel add-in.",
  },
  "structure-locked": {
    ja: "ブックの構成が保護されているため、変更履歴シートを追加できません。書き込まずに終了しました。ブックの保護を解除してから実行してください。",
    en: "The workbook's structure is protected, so the change-log sheet cannot be added; nothing was written. Unprotect the workbook and try again.",
  },
  "cannot-log": {
    ja: "変更履歴シート「{sheet}」に書き込めません (保護されているか読み取れません)。記録できない変更はしないため、書き込まずに終了しました。",
    en: 'The change-log sheet "{sheet}" cannot be written (protected or unreadable). kusei makes no change it cannot log, so nothing was written.',
  },
  corrupt: {
    ja: "ブックの内容を読み取れませんでした: {detail}",
    en: "The workbook's content could not be read: {detail}",
  },
};

/** A workbook that cannot be read: a code, a Japanese and an English message, never a stack trace for users. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly code: WorkbookReadErrorCode;
  readonly messages: { readonly ja: string; readonly en: string };

  constructor(code: WorkbookReadErrorCode, params: Readonly<Record<string, string | number>> = {}) {
    const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ""));
    const text = MESSAGES[code];
    const messages = { ja: fill(text.ja), en: fill(text.en) };
    super(messages.en);
    this.code = code;
    this.messages = messages;
  }
}

/** True when `e` is a WorkbookReadError (also across bundles, by name and code). */
export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return (
    e instanceof WorkbookReadError ||
    (typeof e === "object" &&
      e !== null &&
      (e as { name?: unknown }).name === "WorkbookReadError" &&
      "code" in e)
  );
}
