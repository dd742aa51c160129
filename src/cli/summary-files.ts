import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { CommonIndicator, WardSummary } from "../report/dashboard-model";
import { writeTableWorkbook, type TableCell } from "./table-xlsx";

/** One finding row of summary.xlsx / findings.csv (the same columns, in this order). */
export interface FindingRow {
  readonly ward: string;
  readonly file: string;
  /** the ward's workbook relative to the output folder (for the hyperlink) */
  readonly link: string;
  readonly sheet: string;
  readonly cell: string | null;
  readonly severity: string;
  readonly code: string;
  readonly ja: string;
  readonly en: string;
}

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180); formulas are defused. */
export function csvField(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  // A text starting with = + - @ would be a formula when Excel opens the CSV (CSV injection): prefix '.
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: ReadonlyArray<string | number | null>): string =>
  `${fields.map(csvField).join(",")}\r\n`;

/** A file written line by line (bounded memory), honouring back-pressure. */
export class LineFile {
  private constructor(private readonly stream: WriteStream) {}

  static open(path: string): LineFile {
    return new LineFile(createWriteStream(path, { encoding: "utf8" }));
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }

  destroy(): void {
    this.stream.destroy();
  }
}

export interface WardColumnNames {
  readonly ward: string;
  readonly file: string;
  readonly year: string;
  readonly achieved: string;
  readonly missed: string;
  readonly withdrawal: string;
  readonly notComputable: string;
  readonly errors: string;
  readonly warnings: string;
  readonly infos: string;
  readonly error: string;
}

/** The ward table's rows (summary.csv, summary.xlsx), one per workbook. */
export function wardRows(wards: ReadonlyArray<WardSummary>): Array<Array<string | number | null>> {
  return wards.map((w) => [
    w.ward,
    w.file,
    w.year,
    w.counts.achieved,
    w.counts.missed,
    w.counts.withdrawal,
    w.counts.notComputable,
    w.counts.errors,
    w.counts.warnings,
    w.counts.infos,
    w.error ?? "",
  ]);
}

export function wardHeader(n: WardColumnNames): string[] {
  return [
    n.ward,
    n.file,
    n.year,
    n.achieved,
    n.missed,
    n.withdrawal,
    n.notComputable,
    n.errors,
    n.warnings,
    n.infos,
    n.error,
  ];
}

export interface SummaryXlsxNames {
  readonly wardSheet: string;
  readonly commonSheet: string;
  readonly findingSheet: string;
  readonly wardColumns: ReadonlyArray<string>;
  readonly commonColumns: ReadonlyArray<string>;
  readonly findingColumns: ReadonlyArray<string>;
}

/** A hyperlink target into a ward's workbook at a cell ('取組(2)'!H24), as Excel opens it. */
export function cellLink(link: string, sheet: string, cell: string | null): string {
  const path = link.replace(/\\/g, "/");
  if (cell === null) return path;
  return `${path}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * summary.xlsx: the ward table, the common indicators and every finding as Excel tables (filterable,
 * sortable in Excel), the finding's cell a hyperlink into the ward's workbook. Streamed (table-xlsx.ts):
 * `findings` is read from disk once per pass and never held, so memory stays flat with the number of wards.
 */
export async function writeSummaryXlsx(
  path: string,
  wards: ReadonlyArray<WardSummary>,
  common: ReadonlyArray<CommonIndicator>,
  findings: () => AsyncIterable<FindingRow>,
  names: SummaryXlsxNames,
): Promise<void> {
  const commonRows = common.flatMap((g) =>
    g.entries.map((e) => [
      g.label,
      g.kind,
      e.ward,
      e.indicator.target,
      e.indicator.result,
      e.indicator.mark ?? "",
    ]),
  );
  await writeTableWorkbook(path, [
    {
      name: names.wardSheet,
      table: "Wards",
      style: "TableStyleMedium2",
      columns: names.wardColumns,
      widths: names.wardColumns.map((_, i) => (i === 0 ? 14 : i === 1 || i === 10 ? 40 : 10)),
      rows: () => wardRows(wards),
    },
    {
      name: names.commonSheet,
      table: "Common",
      style: "TableStyleMedium2",
      columns: names.commonColumns,
      widths: [40, 10, 12, 40, 40, 8],
      rows: () => commonRows,
    },
    {
      name: names.findingSheet,
      table: "Findings",
      style: "TableStyleLight9",
      columns: names.findingColumns,
      widths: [12, 14, 8, 8, 30, 70, 70],
      rows: () => findingCells(findings()),
    },
  ]);
}

/** A finding's cells in summary.xlsx; the cell address links into the ward's workbook (→ when it has none). */
async function* findingCells(findings: AsyncIterable<FindingRow>): AsyncIterable<TableCell[]> {
  for await (const f of findings) {
    const address = f.cell ?? "";
    const cell: TableCell =
      f.link === ""
        ? address
        : { text: address === "" ? "→" : address, link: cellLink(f.link, f.sheet, f.cell) };
    yield [f.ward, f.sheet, cell, f.severity, f.code, f.ja, f.en];
  }
}
