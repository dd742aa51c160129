/**
 * Revert trusts only kusei's own writes (issue 14 §2, §4, §5): hostile change logs and log-sheet names, made
 * at test time from the main fixture, through the real `kusei` in a child process (fs-child.ts: exit status,
 * no stack trace, time and peak memory). A log row is honoured only for a mark cell of a recognised sheet
 * that still holds exactly what kusei wrote; rich text comes back exactly or is reported; a sheet that only
 * has the log's name (as Excel compares names) is never written into.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import {
  CHANGE_LOG_SHEET,
  evaluateWorkbook,
  readChangeLog,
  readChangeLogRows,
  withChangeLogOverride,
  writesFromPlan,
} from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { fixturePath } from "../helpers/fixtures";
import { STACK_FRAME } from "./cli-harness";
import { LIMITS, runKusei, type ChildRun } from "./fs-child";

// Each case runs the real CLI in a child; on a machine shared with other work that takes a while.
jest.setTimeout(120_000);

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kusei-revert-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectRun(r: ChildRun, statuses: ReadonlyArray<number>): void {
  expect(r.signal).toBeNull();
  expect(statuses).toContain(r.status);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
  expect(r.cpuMs).toBeGreaterThan(0);
  expect(r.cpuMs).toBeLessThan(LIMITS.ms);
  expect(r.peakBytes).toBeGreaterThan(0);
  expect(r.peakBytes).toBeLessThan(LIMITS.bytes);
}

/** The main fixture after one `kusei recalc`, as a file in the test folder. */
function recalced(): string {
  const src = join(dir, "src.xlsx");
  copyFileSync(fixturePath("hirano-fy2016"), src);
  const r = runKusei(["recalc", src, "--out", join(dir, "out")]);
  expectRun(r, [0, 1]);
  return join(dir, "out", "src.xlsx");
}

/** Edits a workbook with exceljs (what a user, or an attacker, does in Excel) and saves it. */
async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  change(wb);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function snapshotsOf(file: string) {
  return (await readWorkbook(new Uint8Array(readFileSync(file)))).snapshots;
}

describe("kusei revert over a hostile change log", () => {
  test("a hand-written row naming an initiative's name cell: never written, reported, exit 1, file untouched", async () => {
    const file = recalced();
    const snaps = await snapshotsOf(file);
    const ev = evaluateWorkbook(snaps, { overrides: withChangeLogOverride() });
    // a text cell in the row of a planned mark that is not itself a mark cell: an initiative's name or target
    const mark = ev.plan.find((p) => p.action === "keep");
    expect(mark).toBeDefined();
    const marks = new Set(ev.plan.map((p) => `${p.sheet}!${p.cell}`));
    const sheet = snaps.find((s) => s.name === mark!.sheet)!;
    const rowValues = sheet.values[mark!.row - 1 - sheet.origin.row] ?? [];
    const col = rowValues.findIndex(
      (v, c) =>
        typeof v === "string" &&
        v.length > 2 &&
        !marks.has(`${sheet.name}!${String.fromCharCode(65 + c + sheet.origin.col)}${mark!.row}`),
    );
    expect(col).toBeGreaterThanOrEqual(0);
    const cell = `${String.fromCharCode(65 + col + sheet.origin.col)}${mark!.row}`;
    const text = rowValues[col] as string;
    await edit(file, (wb) => {
      wb.getWorksheet(CHANGE_LOG_SHEET)!.addRow([
        "2026-01-05T10:00:00.000Z#9",
        "2026-01-05T10:00:00.000Z",
        sheet.name,
        cell,
        "乗っ取られた取組名",
        text,
        "forged",
        "apply",
      ]);
    });
    const before = readFileSync(file);
    const r = runKusei(["revert", "--lang", "en", file]);
    expectRun(r, [1]);
    expect(r.stdout).toContain(`${sheet.name}!${cell} (not a mark cell kusei writes`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("garbage rows are reported and ignored; kusei's own apply is still undone", async () => {
    const file = recalced();
    await edit(file, (wb) => {
      const ws = wb.getWorksheet(CHANGE_LOG_SHEET)!;
      ws.addRow(["手で書いた行", "", "取組(1)", "B8", "x", "y", "", "apply"]);
      ws.addRow(["2026-01-05T10:00:00.000Z#1", "", "取組(1)", "not a cell", "x", "y", "", "apply"]);
      ws.addRow(["2026-01-05T10:00:00.000Z#1", "", "取組(1)", "L8", "x", "y", "", "delete"]);
    });
    const r = runKusei(["revert", "--lang", "en", file]);
    expectRun(r, [0]);
    expect(r.stdout).toMatch(/3 rows of the change log are not kusei's entries and were ignored/);
    // every mark kusei wrote is gone again: the marks are as in the original
    const original = await snapshotsOf(fixturePath("hirano-fy2016"));
    const after = await snapshotsOf(file);
    for (const s of original) expect(after.find((a) => a.name === s.name)?.values).toEqual(s.values);
  });

  test("a mark kusei wrote that the user then made rich text is an edit: not restored, reported", async () => {
    const file = recalced();
    const { snapshots } = await readWorkbook(new Uint8Array(readFileSync(file)));
    const log = readChangeLog(snapshots.find((s) => s.name === CHANGE_LOG_SHEET)!);
    const target = log[0]!;
    await edit(file, (wb) => {
      wb.getWorksheet(target.sheet)!.getCell(target.cell).value = {
        richText: [{ text: String(target.new), font: { bold: true } }],
      };
    });
    const r = runKusei(["revert", "--lang", "en", file]);
    expectRun(r, [1]);
    expect(r.stdout).toContain(`${target.sheet}!${target.cell} (changed since kusei wrote it)`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(target.sheet)!.getCell(target.cell).value).toEqual({
      richText: [{ text: String(target.new), font: { bold: true } }],
    });
  });

  test("rich text kusei wrote over comes back exactly, runs and fonts (the log keeps the old content)", async () => {
    const src = join(dir, "rich.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), src);
    // a mark cell the plan writes, given a rich-text qualifier by the user (in Excel: bold red 「(ⅰ)」)
    const ev = evaluateWorkbook(await snapshotsOf(src), { overrides: withChangeLogOverride() });
    const write = writesFromPlan(ev.plan, { overwriteConflicts: false }).find(
      (w) => ev.plan.find((p) => p.sheet === w.sheet && p.cell === w.cell)?.field === "achievement",
    )!;
    expect(write).toBeDefined();
    const rich = { richText: [{ text: "(ⅰ)", font: { bold: true, color: { argb: "FFFF0000" } } }] };
    await edit(src, (wb) => {
      wb.getWorksheet(write.sheet)!.getCell(write.cell).value = rich as ExcelJS.CellValue;
    });
    const recalc = runKusei(["recalc", "--lang", "en", src, "--in-place"]);
    expectRun(recalc, [0, 1]);
    const logged = readChangeLog((await snapshotsOf(src)).find((s) => s.name === CHANGE_LOG_SHEET)!);
    const entry = logged.find((e) => e.sheet === write.sheet && e.cell === write.cell);
    // the surgical writer records the cell's own element, tagged as rich text
    expect(entry?.oldContent).toMatch(/^xlsx-rich:<c /);
    const r = runKusei(["revert", "--lang", "en", src]);
    expectRun(r, [0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(src) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(write.sheet)!.getCell(write.cell).value).toEqual(rich);
  });

  test("an oldContent this adapter cannot restore (another adapter's record) is reported, never 'restored'", async () => {
    const file = recalced();
    await edit(file, (wb) => {
      const ws = wb.getWorksheet(CHANGE_LOG_SHEET)!;
      // kusei's own row, with a record only some other adapter could put back
      ws.getRow(2).getCell(9).value = 'exceljs:{"richText":[{"text":"x"}]}';
    });
    const { snapshots } = await readWorkbook(new Uint8Array(readFileSync(file)));
    const first = readChangeLogRows(snapshots.find((s) => s.name === CHANGE_LOG_SHEET)!).entries[0]!;
    const r = runKusei(["revert", "--lang", "en", file]);
    expectRun(r, [1]);
    expect(r.stdout).toContain(
      `${first.sheet}!${first.cell} (its old content (e.g. rich text) cannot be put back`,
    );
    const after = await snapshotsOf(file);
    const s = after.find((x) => x.name === first.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(first.cell)!;
    expect(s.values[Number(m[2]) - 1 - s.origin.row]?.[m[1]!.charCodeAt(0) - 65 - s.origin.col]).toBe(
      first.new,
    );
  });
});

describe("the change-log sheet's name, compared as Excel compares it", () => {
  test("a user's sheet KUSEI_変更履歴 that is not kusei's log: kusei's own message, exit 2, file untouched", async () => {
    const src = join(dir, "clash.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), src);
    await edit(src, (wb) => {
      wb.addWorksheet("KUSEI_変更履歴").getCell("A1").value = "利用者のメモ";
    });
    const before = readFileSync(src);
    const r = runKusei(["recalc", "--lang", "en", src, "--in-place"]);
    expectRun(r, [2]);
    expect(r.stderr).toContain('The sheet "KUSEI_変更履歴" is not kusei\'s change log');
    expect(r.stderr).toContain("--log-sheet");
    expect(r.stderr).not.toMatch(/Worksheet name already exists/i);
    expect(readFileSync(src).equals(before)).toBe(true);
    // the way out: another name; the user's sheet keeps its note
    const ok = runKusei(["recalc", src, "--in-place", "--log-sheet", "kusei_変更履歴_2"]);
    expectRun(ok, [0, 1]);
    const after = await snapshotsOf(src);
    expect(after.find((s) => s.name === "KUSEI_変更履歴")?.values).toEqual([["利用者のメモ"]]);
    const log = after.find((s) => s.name === "kusei_変更履歴_2");
    expect(log && readChangeLog(log).length).toBeGreaterThan(0);
    const back = runKusei(["revert", src, "--log-sheet", "kusei_変更履歴_2"]);
    expectRun(back, [0]);
  });

  test("kusei's log renamed KUSEI_変更履歴 (another case) is still kusei's log: appended to, no second sheet", async () => {
    const file = recalced();
    await edit(file, (wb) => {
      // exceljs, like Excel, refuses a rename that only changes case: go through another name
      const ws = wb.getWorksheet(CHANGE_LOG_SHEET)!;
      ws.name = "tmp";
      ws.name = "KUSEI_変更履歴";
    });
    const r = runKusei(["revert", file]);
    expectRun(r, [0]);
    const after = await snapshotsOf(file);
    expect(
      after.filter((s) => s.name.toUpperCase() === CHANGE_LOG_SHEET.toUpperCase()).map((s) => s.name),
    ).toEqual(["KUSEI_変更履歴"]);
    const entries = readChangeLog(after.find((s) => s.name === "KUSEI_変更履歴")!);
    expect(entries.some((e) => e.op === "revert")).toBe(true);
  });

  test("--log-sheet with a name Excel refuses is a usage error", () => {
    const src = join(dir, "a.xlsx");
    copyFileSync(fixturePath("hirano-fy2016"), src);
    const r = runKusei(["check", "--lang", "en", src, "--log-sheet", "a/b"]);
    expectRun(r, [2]);
    expect(r.stderr).toContain("--log-sheet: a sheet name cannot contain");
  });
});
