import type { LocalizedText } from "../core";

/** A failure of an Excel call, as the user should read it. */
export interface ExcelFailure {
  /** the RichApi error code ("InvalidOperationInCellEditMode", "AccessDenied" …) or "Unknown" */
  readonly code: string;
  readonly message: LocalizedText;
}

const MESSAGES: Readonly<Record<string, LocalizedText>> = {
  InvalidOperationInCellEditMode: {
    ja: "セルを編集中のため、Excel が操作を受け付けません。Enter キーか Esc キーで編集を終えてから、もう一度実行してください。",
    en: "Excel is in cell-editing mode. Press Enter or Esc to finish editing, then try again.",
  },
  // "Delay execution while cell is being edited" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit)
  // gives InvalidOperation for a batch refused in cell-edit mode; its error table names the code above.
  InvalidOperation: {
    ja: "Excel が操作を受け付けませんでした。セルを編集中の場合は Enter キーか Esc キーで編集を終えてから、もう一度実行してください。",
    en: "Excel refused the operation. If a cell is being edited, press Enter or Esc to finish, then try again.",
  },
  AccessDenied: {
    ja: "シートまたはブックが保護されているため書き込めません。保護を解除してから、もう一度実行してください。",
    en: "The sheet or workbook is protected, so kusei cannot write to it. Unprotect it and try again.",
  },
  ItemNotFound: {
    ja: "対象のシートまたはセルが見つかりません。シート名が変わったか、削除された可能性があります。もう一度検証してください。",
    en: "A sheet or cell kusei expected is gone (renamed or deleted). Validate again.",
  },
  MergedRangeConflict: {
    ja: "結合されたセルの途中には書き込めません。もう一度検証してください。",
    en: "kusei cannot write inside a merged area. Validate again.",
  },
  RequestPayloadSizeLimitExceeded: {
    ja: "一度に送るデータが Excel の上限 (Excel on the web では 5 MB) を超えました。デスクトップ版の Excel で実行してください。",
    en: "The request exceeded Excel's size limit (5 MB on Excel on the web). Run it in desktop Excel.",
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: "読み取るデータが Excel の上限 (Excel on the web では 5 MB) を超えました。デスクトップ版の Excel で実行してください。",
    en: "The response exceeded Excel's size limit (5 MB on Excel on the web). Run it in desktop Excel.",
  },
};

function codeOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
  }
  return "Unknown";
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns an Office.js (RichApi) error into a code and a Japanese/English message; unknown errors keep their text. */
export function describeExcelError(error: unknown): ExcelFailure {
  const code = codeOf(error);
  const known = MESSAGES[code];
  if (known) return { code, message: known };
  const detail = detailOf(error);
  return {
    code,
    message: {
      ja: `Excel の操作に失敗しました (${code}): ${detail}`,
      en: `An Excel operation failed (${code}): ${detail}`,
    },
  };
}
