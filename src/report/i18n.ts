/** The language of the report and of the CLI's human output. */
export type Lang = "ja" | "en";

/** The words every report shows (the HTML report, the CLI's tables): sheet kinds, severities, actions, headings. */
const TEXT = {
  records: { ja: "件数", en: "records" },
  strategy: { ja: "戦略", en: "strategy" },
  initiative: { ja: "取組", en: "initiative" },
  other: { ja: "その他", en: "other" },
  error: { ja: "エラー", en: "error" },
  warning: { ja: "警告", en: "warning" },
  info: { ja: "情報", en: "info" },
  wroteTo: { ja: "出力", en: "written to" },
  cannotRead: { ja: "読み取れません", en: "cannot be read" },
  reportTitle: { ja: "kusei レポート", en: "kusei report" },
  findings: { ja: "指摘", en: "findings" },
  marks: { ja: "記号", en: "marks" },
  cell: { ja: "セル", en: "cell" },
  field: { ja: "項目", en: "field" },
  severity: { ja: "重要度", en: "severity" },
  code: { ja: "コード", en: "code" },
  message: { ja: "内容", en: "message" },
  value: { ja: "記号", en: "mark" },
  current: { ja: "現在の値", en: "current" },
  action: { ja: "処理", en: "action" },
  reason: { ja: "根拠", en: "reason" },
  achieved: { ja: "目標達成", en: "achieved" },
  missed: { ja: "目標未達成", en: "not achieved" },
  withdrawal: { ja: "撤退基準未達成", en: "withdrawal" },
  notComputable: { ja: "判定不能", en: "not computable" },
  noArea: { ja: "(分野なし)", en: "(no area)" },
  noFindings: { ja: "指摘はありません", en: "no findings" },
  noMarks: { ja: "記号はありません", en: "no marks" },
  generated: { ja: "作成", en: "generated" },
  command: { ja: "コマンド", en: "command" },
  write: { ja: "書き込み", en: "write" },
  keep: { ja: "変更なし", en: "keep" },
  conflict: { ja: "競合", en: "conflict" },
  skip: { ja: "対象外", en: "skip" },
  chartTitle: { ja: "分野別の取組の達成状況", en: "initiatives by area" },
} as const;

export type ReportTextKey = keyof typeof TEXT;

/** A report word in the language. */
export function reportText(lang: Lang, key: ReportTextKey): string {
  return TEXT[key][lang];
}
