/**
 * `kusei summary <files|folders> --out DIR`: the city view over many ward workbooks (issue 11). It streams:
 * one workbook in memory at a time; each ward leaves a small summary row, its detailed report on disk and
 * its findings appended to findings.csv, so hundreds of files run in bounded memory.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { Presets, SingleBar } from "cli-progress";
import { check, PortError } from "../app";
import { openXlsxPort } from "../app/xlsx-port";
import { ZLIB_CODEC } from "./zlib-codec";
import type { Profile } from "../core";
import { isWorkbookReadError } from "../xlsx";
import { commonIndicators, failedWard, wardSummary, type WardSummary } from "../report/dashboard-model";
import { dashboardHtml } from "../report/dashboard";
import { CliFileError, readInput } from "./files";
import { fileSection, reportHead, reportOf, reportTail } from "../report";
import { formatJst } from "../report/time";
import type { Lang } from "./i18n";
import { expandInputs } from "./inputs";
import {
  csvLine,
  LineFile,
  wardHeader,
  wardRows,
  writeSummaryXlsx,
  type FindingRow,
  type WardColumnNames,
} from "./summary-files";

export interface SummaryOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly profile: Profile;
  readonly maxUncompressedBytes: number;
  readonly recursive: boolean;
  readonly json: boolean;
  readonly command: string;
  readonly now: () => Date;
}

export interface SummaryIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

const TEXT = {
  ward: { ja: "区", en: "ward" },
  file: { ja: "ファイル", en: "file" },
  year: { ja: "年度", en: "FY" },
  achieved: { ja: "目標達成", en: "achieved" },
  missed: { ja: "目標未達成", en: "not achieved" },
  withdrawal: { ja: "撤退基準", en: "withdrawal" },
  notComputable: { ja: "算定不可", en: "not computable" },
  errors: { ja: "エラー", en: "errors" },
  warnings: { ja: "警告", en: "warnings" },
  infos: { ja: "情報", en: "info" },
  error: { ja: "読み取れない理由", en: "why unreadable" },
  sheet: { ja: "シート", en: "sheet" },
  cell: { ja: "セル", en: "cell" },
  severity: { ja: "重要度", en: "severity" },
  code: { ja: "コード", en: "code" },
  messageJa: { ja: "内容(日本語)", en: "message (Japanese)" },
  messageEn: { ja: "内容(英語)", en: "message (English)" },
  indicator: { ja: "指標", en: "indicator" },
  kind: { ja: "種類", en: "kind" },
  target: { ja: "目標", en: "target" },
  result: { ja: "実績", en: "result" },
  mark: { ja: "評価", en: "mark" },
  wardSheet: { ja: "区別", en: "Wards" },
  commonSheet: { ja: "共通指標", en: "Common indicators" },
  findingSheet: { ja: "指摘", en: "Findings" },
  dashboard: { ja: "ダッシュボード", en: "dashboard" },
  done: {
    ja: "{n} ブック (読み取れない {u}、エラーあり {e})",
    en: "{n} workbooks ({u} unreadable, {e} with errors)",
  },
} as const;
const tx = (lang: Lang, k: keyof typeof TEXT): string => TEXT[k][lang];

const SEVERITY = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "error", warning: "warning", info: "info" },
} as const;

function messageOf(e: unknown, lang: Lang): string {
  if (isWorkbookReadError(e)) return e.messages[lang];
  if (e instanceof PortError) return e.messages[lang];
  if (e instanceof CliFileError) return e.message;
  return e instanceof Error ? `${e.name}: ${e.message.split("\n")[0] ?? ""}` : String(e);
}

/** A file name safe on every OS, from a workbook's name. */
function safeName(file: string): string {
  return (
    basename(file)
      .replace(/\.(xlsx|xlsm)$/i, "")
      .replace(/[\\/:*?"<>|]/g, "_")
      .replace(/\p{Cc}/gu, "_")
      .slice(0, 80) || "workbook"
  );
}

async function* readFindings(path: string): AsyncIterable<FindingRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as FindingRow;
}

/** One workbook: evaluate it, write its report, append its findings; return its summary row. */
async function oneWard(
  file: string,
  index: number,
  o: SummaryOptions,
  generatedAt: string,
): Promise<{ ward: WardSummary; findings: FindingRow[] }> {
  const outDir = resolve(o.out);
  const link = relative(outDir, resolve(file));
  try {
    const { bytes } = await readInput(file, o.lang, o.maxUncompressedBytes);
    const port = await openXlsxPort(bytes, {
      maxUncompressedBytes: o.maxUncompressedBytes,
      codec: ZLIB_CODEC,
    });
    const ev = (await check(port, { profile: o.profile })).evaluation;
    const r = reportOf(file, ev, o.lang);
    const reportFile = `wards/${String(index + 1).padStart(3, "0")}-${safeName(file)}.html`;
    const section = fileSection({ ...r, output: null, notes: [], unrestored: 0 }, o.lang);
    await writeFile(
      join(outDir, reportFile),
      `${reportHead(o.lang, o.command, generatedAt)}\n${section}\n${reportTail()}`,
    );
    const ward = wardSummary(file, ev, ev.findings, reportFile);
    const findings = ev.findings.map((f): FindingRow => ({
      ward: ward.ward,
      file,
      link,
      sheet: f.sheet,
      cell: f.cell,
      severity: SEVERITY[o.lang][f.severity],
      code: f.code,
      ja: f.message.ja,
      en: f.message.en,
    }));
    return { ward, findings };
  } catch (e) {
    const ward = failedWard(file, messageOf(e, o.lang));
    return {
      ward,
      findings: [
        {
          ward: ward.ward,
          file,
          link,
          sheet: "",
          cell: null,
          severity: SEVERITY[o.lang].error,
          code: "file.unreadable",
          ja: o.lang === "ja" ? (ward.error ?? "") : messageOf(e, "ja"),
          en: o.lang === "en" ? (ward.error ?? "") : messageOf(e, "en"),
        },
      ],
    };
  }
}

/** Runs `kusei summary`; returns the exit status (0, 1 error findings, 2 unreadable). */
export async function runSummary(
  args: ReadonlyArray<string>,
  o: SummaryOptions,
  io: SummaryIO,
): Promise<number> {
  const lang = o.lang;
  const items = await expandInputs(args, {
    recursive: o.recursive,
    lang,
    platform: process.platform,
    cwd: process.cwd(),
  });
  const outDir = resolve(o.out);
  await mkdir(join(outDir, "wards"), { recursive: true });
  const generatedAt = formatJst(o.now(), lang);
  const tmp = join(outDir, `.kusei-findings-${process.pid}.jsonl`);
  const sinks = {
    findingsJsonl: LineFile.open(tmp),
    findingsCsv: LineFile.open(join(outDir, `findings.csv.tmp`)),
  };
  const findingHeader = [
    tx(lang, "ward"),
    tx(lang, "file"),
    tx(lang, "sheet"),
    tx(lang, "cell"),
    tx(lang, "severity"),
    tx(lang, "code"),
    tx(lang, "messageJa"),
    tx(lang, "messageEn"),
  ];
  // UTF-8 with a BOM: Excel then reads the Japanese text correctly
  await sinks.findingsCsv.write(`\uFEFF${csvLine(findingHeader)}`);
  const bar =
    io.isTTY && !o.json && items.length >= 2
      ? new SingleBar(
          {
            clearOnComplete: true,
            hideCursor: true,
            stream: process.stderr,
            format: "{bar} {percentage}% | {value}/{total} | {file}",
          },
          Presets.shades_classic,
        )
      : null;
  const wards: WardSummary[] = [];
  try {
    bar?.start(items.length, 0, { file: "" });
    if (o.json) io.stdout('{"version":1,"wards":[');
    for (const [i, item] of items.entries()) {
      bar?.update(i, { file: basename(item.path) });
      const { ward, findings } =
        item.error === null
          ? await oneWard(item.path, i, o, generatedAt)
          : { ward: failedWard(item.path, item.error), findings: [] };
      wards.push(ward);
      for (const f of findings) {
        await sinks.findingsJsonl.write(`${JSON.stringify(f)}\n`);
        await sinks.findingsCsv.write(
          csvLine([f.ward, f.file, f.sheet, f.cell, f.severity, f.code, f.ja, f.en]),
        );
      }
      if (o.json) io.stdout(`${i > 0 ? "," : ""}${JSON.stringify({ ...ward, findings })}`);
      bar?.update(i + 1);
    }
    await sinks.findingsJsonl.close();
    await sinks.findingsCsv.close();
    await rename(join(outDir, "findings.csv.tmp"), join(outDir, "findings.csv"));
    const common = commonIndicators(wards);
    if (o.json) io.stdout(`],"commonIndicators":${JSON.stringify(common)}}\n`);
    bar?.stop();
    await writeFile(join(outDir, "summary.html"), dashboardHtml({ wards, common, lang, generatedAt }));
    const names: WardColumnNames = {
      ward: tx(lang, "ward"),
      file: tx(lang, "file"),
      year: tx(lang, "year"),
      achieved: tx(lang, "achieved"),
      missed: tx(lang, "missed"),
      withdrawal: tx(lang, "withdrawal"),
      notComputable: tx(lang, "notComputable"),
      errors: tx(lang, "errors"),
      warnings: tx(lang, "warnings"),
      infos: tx(lang, "infos"),
      error: tx(lang, "error"),
    };
    await writeFile(
      join(outDir, "summary.csv"),
      `\uFEFF${csvLine(wardHeader(names))}${wardRows(wards).map(csvLine).join("")}`,
    );
    await writeSummaryXlsx(join(outDir, "summary.xlsx"), wards, common, () => readFindings(tmp), {
      wardSheet: tx(lang, "wardSheet"),
      commonSheet: tx(lang, "commonSheet"),
      findingSheet: tx(lang, "findingSheet"),
      wardColumns: wardHeader(names),
      commonColumns: [
        tx(lang, "indicator"),
        tx(lang, "kind"),
        tx(lang, "ward"),
        tx(lang, "target"),
        tx(lang, "result"),
        tx(lang, "mark"),
      ],
      findingColumns: [
        tx(lang, "ward"),
        tx(lang, "sheet"),
        tx(lang, "cell"),
        tx(lang, "severity"),
        tx(lang, "code"),
        tx(lang, "messageJa"),
        tx(lang, "messageEn"),
      ],
    });
  } catch (e) {
    bar?.stop();
    sinks.findingsJsonl.destroy();
    sinks.findingsCsv.destroy();
    throw e;
  } finally {
    await rm(tmp, { force: true });
    await rm(join(outDir, "findings.csv.tmp"), { force: true });
  }
  const unreadable = wards.filter((w) => w.error !== null).length;
  const withErrors = wards.filter((w) => w.error === null && w.counts.errors > 0).length;
  for (const w of wards) if (w.error !== null) io.stderr(`kusei: ${w.file}: ${w.error}\n`);
  if (!o.json) {
    io.stdout(
      `${tx(lang, "done").replace("{n}", String(wards.length)).replace("{u}", String(unreadable)).replace("{e}", String(withErrors))}\n`,
    );
    io.stdout(`${tx(lang, "dashboard")}: ${join(outDir, "summary.html")}\n`);
    io.stdout(
      `Excel: ${join(outDir, "summary.xlsx")}\nCSV: ${join(outDir, "summary.csv")}, ${join(outDir, "findings.csv")}\n`,
    );
  }
  if (unreadable > 0) return 2;
  return withErrors > 0 ? 1 : 0;
}
