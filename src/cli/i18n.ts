/** The language of the CLI's human output, messages and report. */
export type Lang = "ja" | "en";

const TEXT = {
  sheet: { ja: "シート", en: "sheet" },
  kind: { ja: "種類", en: "kind" },
  records: { ja: "記録", en: "records" },
  written: { ja: "書込", en: "written" },
  toWrite: { ja: "書込予定", en: "to write" },
  kept: { ja: "維持", en: "kept" },
  conflicts: { ja: "衝突", en: "conflicts" },
  skipped: { ja: "対象外", en: "skipped" },
  errors: { ja: "エラー", en: "errors" },
  warnings: { ja: "警告", en: "warnings" },
  infos: { ja: "情報", en: "info" },
  total: { ja: "合計", en: "total" },
  strategy: { ja: "戦略", en: "strategy" },
  initiative: { ja: "取組", en: "initiative" },
  other: { ja: "その他", en: "other" },
  error: { ja: "エラー", en: "error" },
  warning: { ja: "警告", en: "warning" },
  info: { ja: "情報", en: "info" },
  wroteTo: { ja: "出力", en: "written to" },
  unchangedCopy: {
    ja: "書き込むマークがないため、元のファイルをそのまま出力しました",
    en: "no mark to write: the file was copied unchanged",
  },
  unchangedInPlace: {
    ja: "書き込むマークがないため、ファイルは変更していません",
    en: "no mark to write: the file was left unchanged",
  },
  moreFindings: { ja: "他 {n} 件 (--report で全件を確認できます)", en: "{n} more (see all with --report)" },
  cannotRead: { ja: "読み取れません", en: "cannot be read" },
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
  badProfile: { ja: "プロファイルを読めません", en: "the profile cannot be used" },
  badMaxSize: {
    ja: "--max-size は正の数 (MB) です",
    en: "--max-size must be a positive number of megabytes",
  },
  reportTitle: { ja: "kusei レポート", en: "kusei report" },
  findings: { ja: "指摘", en: "findings" },
  marks: { ja: "マーク", en: "marks" },
  cell: { ja: "セル", en: "cell" },
  row: { ja: "行", en: "row" },
  field: { ja: "項目", en: "field" },
  severity: { ja: "重要度", en: "severity" },
  code: { ja: "コード", en: "code" },
  message: { ja: "内容", en: "message" },
  value: { ja: "マーク", en: "mark" },
  current: { ja: "現在の値", en: "current" },
  action: { ja: "処理", en: "action" },
  reason: { ja: "根拠", en: "reason" },
  area: { ja: "分野", en: "area" },
  achieved: { ja: "目標達成", en: "achieved" },
  missed: { ja: "目標未達成", en: "not achieved" },
  withdrawal: { ja: "撤退基準", en: "withdrawal" },
  notComputable: { ja: "算定不可", en: "not computable" },
  noArea: { ja: "(分野なし)", en: "(no area)" },
  noFindings: { ja: "指摘はありません", en: "no findings" },
  noMarks: { ja: "マークはありません", en: "no marks" },
  generated: { ja: "作成", en: "generated" },
  command: { ja: "コマンド", en: "command" },
  write: { ja: "書込", en: "write" },
  keep: { ja: "維持", en: "keep" },
  conflict: { ja: "衝突", en: "conflict" },
  skip: { ja: "対象外", en: "skip" },
  chartTitle: { ja: "分野別の取組の達成状況", en: "initiatives by area" },
} as const;

export type TextKey = keyof typeof TEXT;

/** A UI string in the language, with {name} placeholders filled. */
export function t(lang: Lang, key: TextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ""));
}
