import { reportText, type Lang, type ReportTextKey } from "../report/i18n";

export type { Lang } from "../report/i18n";

/** The CLI's own messages (the words it shares with the report are in src/report/i18n.ts). */
const TEXT = {
  sheet: { ja: "シート", en: "sheet" },
  kind: { ja: "種類", en: "kind" },
  written: { ja: "書き込み", en: "written" },
  toWrite: { ja: "書き込み予定", en: "to write" },
  kept: { ja: "変更なし", en: "kept" },
  conflicts: { ja: "競合", en: "conflicts" },
  skipped: { ja: "対象外", en: "skipped" },
  errors: { ja: "エラー", en: "errors" },
  warnings: { ja: "警告", en: "warnings" },
  infos: { ja: "情報", en: "info" },
  total: { ja: "合計", en: "total" },
  unchangedCopy: {
    ja: "書き込む記号がないため、元のファイルをそのまま出力しました",
    en: "no mark to write: the file was copied unchanged",
  },
  unchangedInPlace: {
    ja: "書き込む記号がないため、ファイルは変更していません",
    en: "no mark to write: the file was left unchanged",
  },
  moreFindings: { ja: "他 {n} 件 (--report で全件を確認できます)", en: "{n} more (see all with --report)" },
  failedSeeStderr: {
    ja: "処理できませんでした (理由は標準エラー出力に表示)",
    en: "could not be processed (the reason is on stderr)",
  },
  reportAt: { ja: "レポート", en: "report" },
  reverted: { ja: "元に戻したセル", en: "cells restored" },
  revertConflicts: {
    ja: "変更されているため戻さなかったセル",
    en: "cells not restored because they changed since",
  },
  nothingToRevert: {
    ja: "元に戻す再計算の記録がありません",
    en: "no recalculation to undo in the change log",
  },
  revertOf: { ja: "取り消した適用", en: "undone apply" },
  summaryFiles: {
    ja: "{n} ファイル: エラーあり {e}、読み取れない {u}",
    en: "{n} files: {e} with errors, {u} unreadable",
  },
  notFound: { ja: "ファイルが見つかりません", en: "file not found" },
  isDirectory: { ja: "フォルダです (ファイルを指定してください)", en: "this is a folder, not a file" },
  noPermission: { ja: "読み取る権限がありません", en: "permission denied" },
  ioError: { ja: "ファイルの入出力に失敗しました", en: "file input/output failed" },
  duplicateOut: {
    ja: "同じ名前のファイルがこの実行ですでに出力されています: {path}",
    en: "a file with the same name was already written in this run: {path}",
  },
  outOrInPlace: {
    ja: "--out DIR か --in-place のどちらか一方を指定してください",
    en: "give exactly one of --out DIR or --in-place",
  },
  badLang: { ja: "--lang は ja か en です", en: "--lang must be ja or en" },
  badLockWait: {
    ja: "--lock-wait は 0 以上の秒数です",
    en: "--lock-wait must be a number of seconds, 0 or more",
  },
  badProfile: { ja: "プロファイルを読めません", en: "the profile cannot be used" },
  badMaxSize: {
    ja: "--max-size は正の数 (MB) です",
    en: "--max-size must be a positive number of megabytes",
  },
  badLimit: { ja: "{flag} は正の数です", en: "{flag} must be a positive number" },
} as const;

export type TextKey = keyof typeof TEXT | ReportTextKey;

function isCliKey(key: TextKey): key is keyof typeof TEXT {
  return Object.hasOwn(TEXT, key);
}

/** A CLI or report string in the language, with {name} placeholders filled. */
export function t(lang: Lang, key: TextKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = isCliKey(key) ? TEXT[key][lang] : reportText(lang, key);
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ""));
}
