/**
 * The adapter contract over cells typed the way Excel stores them (issue 10, review §2): a percent cell is the
 * number 0.873 with the format "0.0%", a date is a serial number with a date format, a 和暦 date an era format,
 * a separated number "#,##0". Both adapters must hand the core the same thing — the raw number in `values`
 * and what a person reads in `displays` ("87.3%", "2017/3/31", "平成29年3月31日") — so a mark never depends on
 * which adapter read the cell. One expectation table, run over:
 * - the xlsx reader (src/xlsx/read-snapshots.ts) on the file's bytes;
 * - the Excel adapter (src/excel/read.ts) on the fake Excel of every supported host, seeded from the same file
 *   by the fake's own reading of the cells (test/excel/fake/seed.ts), where `text` renders the format as
 *   Excel's Range.text does.
 */
import ExcelJS from "exceljs";
import { toA1, type SheetSnapshot } from "../../src/core";
import { readSnapshots as readExcel } from "../../src/excel/read";
import { readSnapshots as readXlsx } from "../../src/xlsx/read-snapshots";
import { cellsByAddress } from "../contract/adapter-contract";
import { HOSTS, fakeHost } from "./fake/host";
import { modelFromFile } from "./fake/seed";

const ERA = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"';
const DATE = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/**
 * address → [what the file holds, number format or null, what the cell shows (null: reads as its value)].
 * The value the core gets is the number, except that a number with a date format is a yyyy-mm-dd date.
 */
const TYPED: ReadonlyArray<readonly [string, number | string, string | null, string | null]> = [
  ["B2", 0.873, "0.0%", "87.3%"],
  ["B3", 0.93, "0%", "93%"],
  ["B4", 1.05, "0.0%", "105.0%"],
  ["B5", 12400, "#,##0", "12,400"],
  ["B6", 5, null, null],
  ["B7", "93%", null, null],
  ["B8", 42825, "yyyy/m/d", "2017/3/31"],
  ["B9", 42825, ERA, "平成29年3月31日"],
  ["B10", 43586, ERA, "令和元年5月1日"],
  ["B11", 42461, 'ggge"年"m"月"', "平成28年4月"],
];

async function typedFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("成果指標");
  ws.getCell("A1").value = "項目";
  ws.getCell("B1").value = "実績";
  for (const [address, value, format] of TYPED) {
    const cell = ws.getCell(address);
    // exceljs writes a Date as its serial number in the 1900 date system, as Excel stores it
    cell.value = typeof value === "number" && isDate(format) ? DATE(...serialYmd(value)) : value;
    if (format) cell.numFmt = format;
    ws.getCell(`A${address.slice(1)}`).value = `行${address.slice(1)}`;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The test's own reading of a date format: letters for years, months or days outside quotes and brackets. */
function isDate(format: string | null): boolean {
  return format !== null && /[ymdge]/.test(format.replace(/\[[^\]]*\]|"[^"]*"/g, ""));
}

function isoOf(serial: number): string {
  const [y, m, d] = serialYmd(serial);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function serialYmd(serial: number): [number, number, number] {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

function displaysByAddress(s: SheetSnapshot): Record<string, string> {
  return Object.fromEntries(
    (s.displays ?? []).map((d) => [toA1(s.origin.row + d.row, s.origin.col + d.col), d.text]),
  );
}

function formatsByAddress(s: SheetSnapshot): Record<string, string> {
  return Object.fromEntries(
    (s.displays ?? []).map((d) => [toA1(s.origin.row + d.row, s.origin.col + d.col), d.format]),
  );
}

/** The contract: the raw values, and a display exactly where the format changes how the number reads. */
function expectTyped(snapshots: ReadonlyArray<SheetSnapshot>): void {
  const s = snapshots.find((x) => x.name === "成果指標");
  expect(s).toBeDefined();
  if (!s) return;
  const cells = cellsByAddress(s);
  for (const [address, held, format] of TYPED) {
    const value = typeof held === "number" && isDate(format) ? isoOf(held) : held;
    expect({ address, value: cells.get(address) }).toEqual({ address, value });
  }
  expect(displaysByAddress(s)).toEqual(
    Object.fromEntries(TYPED.filter((t) => t[3] !== null).map(([a, , , shown]) => [a, shown])),
  );
  expect(formatsByAddress(s)).toEqual(
    Object.fromEntries(TYPED.filter((t) => t[3] !== null).map(([a, , format]) => [a, format])),
  );
}

let bytes: Buffer;
beforeAll(async () => {
  bytes = await typedFile();
});

test("xlsx adapter: percent, date, era and separated numbers read as numbers with what they show", () => {
  expectTyped(readXlsx(new Uint8Array(bytes)).snapshots);
});

describe.each(HOSTS)("Excel adapter on %s", (profile) => {
  test("the same cells read the same way (values from Range.values, displays from text/numberFormat)", async () => {
    const model = await modelFromFile(bytes);
    const ctx = fakeHost(model, profile);
    expectTyped(await readExcel(ctx, { supports: ctx.supports }));
  });
});
