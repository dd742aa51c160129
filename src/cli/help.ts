import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Lang } from "./i18n";

// `kusei --help` in the user's language: Japanese unless `--lang en`. Commander prints its own headings
// ("Usage:", "Options:" …); its Help.styleTitle hook is where they are translated.

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "使い方:",
  "Options:": "オプション:",
  "Arguments:": "引数:",
  "Commands:": "コマンド:",
  "Global Options:": "共通オプション:",
};

/** Every description of the command line, in both languages. */
const HELP = {
  program: {
    ja: "区政運営基本方針の評価シートを検証し、達成状況の記号を算定します",
    en: "checks ward policy evaluation sheets and derives their marks",
  },
  check: { ja: "検証だけをします(何も書き込みません)", en: "validate, write nothing" },
  recalc: { ja: "記号を算定して書き込みます", en: "derive and write the marks" },
  revert: {
    ja: "最後の再計算で kusei が書き込んだセルを元に戻します",
    en: "undo the last recalc of the file (only the cells kusei wrote)",
  },
  files: { ja: ".xlsx ファイル、フォルダまたはパターン(*.xlsx)", en: ".xlsx files, folders or globs" },
  file: { ja: ".xlsx ファイル", en: ".xlsx file" },
  json: { ja: "結果を JSON で標準出力に出す", en: "print the result as JSON on stdout" },
  report: { ja: "HTML レポートを書き出す(1 ファイルで完結)", en: "write a self-contained HTML report" },
  profile: {
    ja: "プロファイル JSON(既定のプロファイルを上書き)",
    en: "profile JSON (overrides the default profile)",
  },
  lang: { ja: "表示の言語(ja または en)", en: "language of the output" },
  maxSize: {
    ja: "開くブックの上限(展開後、MB、既定 100)",
    en: "largest workbook to open, uncompressed, in MB (default 100)",
  },
  recursive: {
    ja: "フォルダの下のフォルダのブックも対象にする",
    en: "also the workbooks in subfolders of a folder",
  },
  previous: {
    ja: "前年度のブックと比べる(読むだけで書き込みません)",
    en: "compare with last year's workbook (only read, never written)",
  },
  out: { ja: "DIR/<名前>.xlsx に書き出す", en: "write DIR/<name>.xlsx" },
  outRevert: {
    ja: "ファイルを置き換えずに DIR/<名前>.xlsx に書き出す",
    en: "write DIR/<name>.xlsx instead of replacing the file",
  },
  inPlace: {
    ja: "各ファイルを置き換える(新しいファイルを書き終えてから)",
    en: "replace each file (only after the new one is fully written)",
  },
  overwriteConflicts: {
    ja: "算定結果と異なる記号(競合)も上書きする",
    en: "also overwrite marks that differ from the derived ones",
  },
  allowReadOnly: {
    ja: "置き換えるとき、読み取り専用のファイルも対象にする(読み取り専用のまま)",
    en: "when replacing a file: also a read-only one (it stays read-only)",
  },
  lockWait: {
    ja: "置き換えるとき、別の kusei の処理を待つ秒数(既定 {n})",
    en: "when replacing a file: how long to wait for another kusei on it (default {n})",
  },
  logSheet: {
    ja: "変更履歴シートの名前(既定 {name})",
    en: "the change-log sheet's name (default {name})",
  },
  maxCells: {
    ja: "1 つのブックから読むセルの上限(既定 5000000)",
    en: "most grid cells read from one workbook (default 5000000)",
  },
  maxMerges: {
    ja: "1 つのブックの結合セルの上限(既定 200000)",
    en: "most merged areas in one workbook (default 200000)",
  },
  maxRanges: {
    ja: "入力規則・条件付き書式・リンクなどの範囲の上限(既定 2000000)",
    en: "most declared ranges: validations, conditional formats, links (default 2000000)",
  },
  maxNames: {
    ja: "1 つのブックの名前定義の上限(既定 100000)",
    en: "most defined names in one workbook (default 100000)",
  },
  maxParts: {
    ja: "zip の項目数、または 1 つの部品の関係の上限(既定 20000)",
    en: "most zip entries, or relationships in one part (default 20000)",
  },
  maxSeconds: {
    ja: "1 つのブックを読む時間の上限(秒、既定 120)",
    en: "longest time to read one workbook, in seconds (default 120)",
  },
  timings: {
    ja: "処理の段階ごとの所要時間 (読み込み・判定・書き込み) を標準エラーに出す",
    en: "print the time each phase took (read, evaluate, write) on stderr",
  },
  summary: {
    ja: "複数の区のブックを一覧にします(ブックには何も書き込みません)",
    en: "the city view over many ward workbooks, write nothing to them",
  },
  summaryOut: {
    ja: "DIR/summary.html、summary.xlsx、summary.csv、findings.csv と DIR/wards/*.html を書き出す",
    en: "write DIR/summary.html, summary.xlsx, summary.csv, findings.csv and DIR/wards/*.html",
  },
  summaryJson: { ja: "一覧を JSON でも標準出力に出す", en: "also print the summary as JSON on stdout" },
  help: { ja: "このヘルプを表示する", en: "display help for command" },
  helpCommand: { ja: "コマンドのヘルプを表示する", en: "display help for a command" },
  version: { ja: "バージョンを表示する", en: "output the version number" },
} as const;

export type HelpKey = keyof typeof HELP;

/** A description of the command line in a language; `{n}` filled from params. */
export function help(
  lang: Lang,
  key: HelpKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return HELP[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The language asked for on the command line (`--lang en`, `--lang=en`), before Commander parses it. */
export function langOfArgv(argv: ReadonlyArray<string>): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
  }
  return "ja";
}

/** kusei's version, from its package.json (two folders up from src/cli and from lib/cli alike). */
export function kuseiVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version?: unknown;
  };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

/** Translates Commander's headings and its help/version entries; subcommands made afterwards inherit it. */
export function localizeHelp(program: Command, lang: Lang): Command {
  return program
    .configureHelp(lang === "ja" ? { styleTitle: (s: string) => TITLES[s] ?? s } : {})
    .helpOption("-h, --help", help(lang, "help"))
    .helpCommand("help [command]", help(lang, "helpCommand"))
    .version(kuseiVersion(), "-V, --version", help(lang, "version"));
}
