import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import ExcelJS from "exceljs";
import type { CommonIndicator, WardSummary } from "../report/dashboard-model";

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

/** Excel table names: letters, digits, underscores. */
const tableName = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, "_");

/** A hyperlink target into a ward's workbook at a cell ('取組(2)'!H24), as Excel opens it. */
export function cellLink(link: string, sheet: string, cell: string | null): string {
  const path = link.replace(/\\/g, "/");
  if (cell === null) return path;
  return `${path}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * summary.xlsx: the ward table, the common indicators and every finding as Excel tables (filterable,
 * sortable in Excel), the finding's cell a hyperlink into the ward's workbook. exceljs writes this new file
 * (kusei never writes a user's workbook with it); its table support is why it is used here.
 */
export async function writeSummaryXlsx(
  path: string,
  wards: ReadonlyArray<WardSummary>,
  common: ReadonlyArray<CommonIndicator>,
  findings: AsyncIterable<FindingRow>,
  names: SummaryXlsxNames,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kusei";
  const w1 = wb.addWorksheet(names.wardSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const wardData = wardRows(wards);
  w1.addTable({
    name: tableName("Wards"),
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: names.wardColumns.map((name) => ({ name, filterButton: true })),
    rows: wardData.length > 0 ? wardData : [names.wardColumns.map(() => null)],
  });
  w1.columns.forEach((c, i) => (c.width = i === 0 ? 14 : i === 1 ? 40 : i === 10 ? 40 : 10));

  const w2 = wb.addWorksheet(names.commonSheet, { views: [{ state: "frozen", ySplit: 1 }] });
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
  w2.addTable({
    name: "Common",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: names.commonColumns.map((name) => ({ name, filterButton: true })),
    rows: commonRows.length > 0 ? commonRows : [names.commonColumns.map(() => null)],
  });
  w2.columns.forEach((c, i) => (c.width = [40, 10, 12, 40, 40, 8][i] ?? 12));

  const w3 = wb.addWorksheet(names.findingSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const rows: Array<Array<string | null>> = [];
  const links: Array<string | null> = [];
  for await (const f of findings) {
    rows.push([f.ward, f.sheet, f.cell ?? "", f.severity, f.code, f.ja, f.en]);
    links.push(f.link === "" ? null : cellLink(f.link, f.sheet, f.cell));
  }
  w3.addTable({
    name: "Findings",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: names.findingColumns.map((name) => ({ name, filterButton: true })),
    rows: rows.length > 0 ? rows : [names.findingColumns.map(() => null)],
  });
  // the table writes plain values; the cell column then gets its hyperlinks (same text)
  links.forEach((link, i) => {
    if (link === null) return;
    const address = rows[i]?.[2] ?? "";
    const target = w3.getCell(i + 2, 3);
    target.value = { text: address === "" ? "→" : address, hyperlink: link };
    target.font = { color: { argb: "FF0563C1" }, underline: true };
  });
  w3.columns.forEach((c, i) => (c.width = [12, 14, 8, 8, 30, 70, 70][i] ?? 12));
  await wb.xlsx.writeFile(path);
}
