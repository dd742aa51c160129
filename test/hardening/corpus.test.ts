/**
 * The hostile corpus (issue 6 §2): every file has an expected outcome — findings through the xlsx adapter and
 * evaluateWorkbook, or a clear refusal (a WorkbookReadError with ja/en text; through the CLI exit 2 with that
 * message and never a stack trace). docs/hostile.md is the table of these outcomes.
 */
import JSZip from "jszip";
import { check } from "../../src/app";
import { openXlsxPort } from "../../src/app/xlsx-port";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CHANGE_LOG_SHEET,
  evaluateWorkbook,
  fromA1,
  readChangeLog,
  writesFromPlan,
  type Evaluation,
} from "../../src/core";
import type { CellWrite } from "../../src/core/model/plan";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import {
  applyWrites,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  guardWorkbookBytes,
  isWorkbookReadError,
  readWorkbook,
  WorkbookReadError,
  type WorkbookReadErrorCode,
} from "../../src/xlsx";
import {
  BOMB_PADDING_BYTES,
  buildHostileFile,
  CHANGE_LOG_TIME,
  ERROR_CELLS,
  HOSTILE_DIR,
  HOSTILE_FILES,
  HUGE_ROWS,
  SCRIPT_TEXTS,
  WIDE_COLUMNS,
} from "../fixtures/hostile/build-hostile";
import { fixturePath } from "../helpers/fixtures";
import { kusei, STACK_FRAME } from "./cli-harness";
import { at } from "../helpers/cell-write";

const hostile = (file: string): string => join(HOSTILE_DIR, file);
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

/** The check use case over the xlsx port, as `kusei check` runs it. */
async function evaluate(
  path: string,
): Promise<{ snapshots: ReadonlyArray<SheetSnapshot>; evaluation: Evaluation }> {
  return check(await openXlsxPort(bytesOf(path)));
}

/** What the plan would write (the default: no conflicts overwritten), as "sheet!cell=value". */
const writesOf = (e: Evaluation): string[] =>
  writesFromPlan(e.plan, { overwriteConflicts: false }).map((w) => `${w.sheet}!${w.cell}=${w.value}`);
const findingKeys = (e: Evaluation): string[] =>
  e.findings.map((f) => `${f.code}@${f.sheet}!${f.cell ?? ""}`);

let base: Evaluation;
beforeAll(async () => {
  base = (await evaluate(fixturePath("hirano-fy2016"))).evaluation;
});

describe("the committed corpus is what the generator makes", () => {
  test.each(HOSTILE_FILES.filter((h) => h.committed).map((h) => [h.file, h] as const))(
    "%s regenerates byte for byte",
    async (_f, h) => {
      expect(Buffer.from(await h.build()).equals(readFileSync(hostile(h.file)))).toBe(true);
    },
  );

  test("every committed file is small (under 1 MB)", () => {
    for (const h of HOSTILE_FILES.filter((x) => x.committed))
      expect(statSync(hostile(h.file)).size).toBeLessThan(1024 * 1024);
  });
});

const REFUSED: ReadonlyArray<readonly [string, WorkbookReadErrorCode, RegExp]> = [
  ["encrypted.xlsx", "encrypted", /パスワード/],
  ["csv-renamed.xlsx", "not-zip", /Excel ブック \(\.xlsx\) ではありません/],
  ["random-bytes.xlsx", "not-zip", /Excel ブック \(\.xlsx\) ではありません/],
  ["truncated.xlsx", "truncated", /途中で切れている/],
  ["zip-not-workbook.xlsx", "not-workbook", /ZIP ファイルですが Excel ブックではありません/],
  ["zip-bomb.xlsx", "too-large", /大きすぎます \(展開後 160\.1 MB、上限 100\.0 MB\)/],
];

describe("unreadable files are refused with a reason, never a crash", () => {
  test.each(REFUSED)("%s → WorkbookReadError %s (ja and en)", async (file, code, ja) => {
    const error: unknown = await readWorkbook(bytesOf(hostile(file))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isWorkbookReadError(error)).toBe(true);
    const e = error as WorkbookReadError;
    expect(e.code).toBe(code);
    expect(e.messages.ja).toMatch(ja);
    expect(e.messages.en.length).toBeGreaterThan(10);
    expect(e.messages.en).not.toMatch(/[\u3040-\u30ff]/);
  });

  test.each(REFUSED)("kusei check %s → exit 2 with the message, no stack trace", async (file, _code, ja) => {
    const r = await kusei("check", hostile(file));
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(ja);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
  });

  test.each(REFUSED)("kusei recalc --in-place %s → exit 2, the file untouched", async (file) => {
    const dir = mkdtempSync(join(tmpdir(), "kusei-hostile-"));
    try {
      const copy = join(dir, file);
      const before = readFileSync(hostile(file));
      writeFileSync(copy, before);
      const r = await kusei("recalc", "--in-place", "--lang", "en", copy);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
      expect(readFileSync(copy).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--json keeps stdout valid JSON and names the reason in English with --lang en", async () => {
    const r = await kusei(
      "check",
      "--json",
      "--lang",
      "en",
      hostile("encrypted.xlsx"),
      hostile("empty-workbook.xlsx"),
    );
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string; error: string | null }> };
    expect(out.files.map((f) => f.error === null)).toEqual([false, true]);
    expect(out.files[0]?.error).toMatch(/password-protected/);
    expect(r.stderr).toMatch(/password-protected/);
  });

  test("the encrypted file is a well-formed compound file (Excel's container), not just a magic number", () => {
    const b = readFileSync(hostile("encrypted.xlsx"));
    expect([...b.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(b.readUInt16LE(30)).toBe(9); // 512-byte sectors
    expect((b.length - 512) % 512).toBe(0);
    const dir = b.subarray(512 * 2, 512 * 3).toString("utf16le");
    expect(dir).toContain("EncryptionInfo");
    expect(dir).toContain("EncryptedPackage");
  });
});

describe("the zip bomb", () => {
  test("is small on disk and huge inflated", async () => {
    const bytes = bytesOf(hostile("zip-bomb.xlsx"));
    expect(bytes.length).toBeLessThan(400 * 1024);
    const summary = guardWorkbookBytes(bytes, Number.MAX_SAFE_INTEGER);
    expect(summary.uncompressedBytes).toBeGreaterThan(BOMB_PADDING_BYTES);
    // the padding entry really inflates to what its header says (streamed, never held whole)
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file("xl/media/padding.bin");
    expect(entry).not.toBeNull();
  });

  test("is refused before any parsing: the zip library is never called", async () => {
    const spy = jest.spyOn(JSZip, "loadAsync");
    try {
      await expect(readWorkbook(bytesOf(hostile("zip-bomb.xlsx")))).rejects.toMatchObject({
        code: "too-large",
      });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test("the limit defaults to 100 MB and the user can raise or lower it", async () => {
    const bomb = bytesOf(hostile("zip-bomb.xlsx"));
    expect(DEFAULT_MAX_UNCOMPRESSED_BYTES).toBe(100 * 1024 * 1024);
    expect(() => guardWorkbookBytes(bomb)).toThrow(WorkbookReadError);
    expect(guardWorkbookBytes(bomb, 200 * 1024 * 1024).entries).toContain("xl/media/padding.bin");
    const main = bytesOf(fixturePath("hirano-fy2016"));
    await expect(readWorkbook(main, { maxUncompressedBytes: 10_000 })).rejects.toMatchObject({
      code: "too-large",
    });
    await expect(readWorkbook(main)).resolves.toHaveProperty("snapshots");
    // through the CLI: --max-size in MB
    const low = await kusei("check", "--max-size", "0.01", fixturePath("hirano-fy2016"));
    expect(low.status).toBe(2);
    expect(low.stdout + low.stderr).toMatch(/大きすぎます .*上限 0\.0 MB/);
    const bad = await kusei("check", "--max-size", "lots", fixturePath("hirano-fy2016"));
    expect(bad.status).toBe(2);
    expect(bad.stdout + bad.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("readable hostile workbooks give findings, never an exception", () => {
  test("empty workbook: one sheet of kind other, no records, no findings, nothing to write; exit 0", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("empty-workbook.xlsx"));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.values).toEqual([]);
    expect(evaluation.layouts.map((l) => l.kind)).toEqual(["other"]);
    expect(evaluation.records).toEqual([]);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.plan).toEqual([]);
    expect((await kusei("check", hostile("empty-workbook.xlsx"))).status).toBe(0);
  });

  test("only non-form sheets: every sheet other (the hidden one too), nothing read as a record; exit 0", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("no-form-sheets.xlsx"));
    expect(snapshots.map((s) => [s.name, s.visibility])).toEqual([
      ["メモ", "visible"],
      ["集計", "visible"],
      ["リスト", "hidden"],
    ]);
    expect(snapshots[1]?.formulas).toEqual([{ row: 3, col: 1 }]);
    expect(evaluation.layouts.map((l) => l.kind)).toEqual(["other", "other", "other"]);
    expect(evaluation.records).toEqual([]);
    expect(evaluation.plan).toEqual([]);
    expect((await kusei("check", hostile("no-form-sheets.xlsx"))).status).toBe(0);
  });

  test("300 columns: the sheet is read 300 wide, every record of the main fixture is still found, the same writes", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("wide-300-columns.xlsx"));
    const sheet = snapshots.find((s) => s.name === "取組(1)");
    expect(sheet?.values[0]).toHaveLength(WIDE_COLUMNS);
    const ids = new Set(evaluation.records.map((r) => r.id));
    for (const r of base.records) expect(ids).toContain(r.id);
    expect(writesOf(evaluation)).toEqual(writesOf(base));
  });

  test("error values: read as null plus their code, reported as parse.cell-error, never written over", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("error-values.xlsx"));
    for (const e of ERROR_CELLS) {
      const s = snapshots.find((x) => x.name === e.sheet);
      const p = fromA1(e.cell);
      if (s === undefined || p === null) throw new Error(`no ${e.sheet}!${e.cell}`);
      const at = { row: p.row - s.origin.row, col: p.col - s.origin.col };
      expect(s.values[at.row]?.[at.col]).toBeNull();
      expect(s.errors).toContainEqual({ ...at, code: e.code });
      // no write and no conflict is ever planned onto an error cell
      const planned = evaluation.plan.find((m) => m.sheet === e.sheet && m.cell === e.cell);
      if (planned !== undefined) expect(planned.action).toBe("skip");
    }
    // the strategy sheet's row: each error cell is named in a finding with its code
    for (const e of ERROR_CELLS.filter((x) => x.sheet === "戦略(1)")) {
      expect(evaluation.findings).toContainEqual(
        expect.objectContaining({ code: "parse.cell-error", sheet: e.sheet, cell: e.cell, input: e.code }),
      );
    }
    // forcing writes onto them through the adapter is refused cell by cell
    const { workbook } = await readWorkbook(bytesOf(hostile("error-values.xlsx")));
    const forced: CellWrite[] = ERROR_CELLS.map((e) => ({
      sheet: e.sheet,
      ...at(e.cell),
      expected: null,
      value: "○",
      reason: "test",
    }));
    const result = applyWrites(workbook, forced);
    expect(result.applied).toEqual([]);
    expect(new Set(result.conflicts.map((c) => c.why))).toEqual(new Set(["error-value", "formula"]));
  });

  test("rich text, dates, hyperlinks, shared and array formulas: flattened to plain values, the same records and writes", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("rich-dates-links-formulas.xlsx"));
    const s = snapshots.find((x) => x.name === "取組(1)");
    if (s === undefined) throw new Error("no 取組(1)");
    const at = (a: string): unknown => {
      const p = fromA1(a);
      return p === null ? undefined : s.values[p.row - s.origin.row]?.[p.col - s.origin.col];
    };
    expect(at("F8")).toBe("地域活動協議会の認知度 30%以上");
    expect(at("A1")).toBe("区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)");
    expect(["2017-03-31", 42825]).toContain(at("H8"));
    expect(at("I8")).toBe("区ホームページ");
    expect([at("Q8"), at("Q10"), at("Q11"), at("R8")]).toEqual([10, 20, 30, 6]);
    for (const a of ["Q8", "Q10", "Q11", "R8"]) {
      const p = fromA1(a);
      expect(s.formulas).toContainEqual({
        row: (p?.row ?? 0) - s.origin.row,
        col: (p?.col ?? 0) - s.origin.col,
      });
    }
    expect(evaluation.records.map((r) => r.id)).toEqual(base.records.map((r) => r.id));
    expect(writesOf(evaluation)).toEqual(writesOf(base));
  });

  test("merges across the header: no exception; every sheet's records are read as in the main fixture", async () => {
    const { evaluation } = await evaluate(hostile("header-merges.xlsx"));
    for (const sheet of ["戦略(1)", "取組(1)", "戦略(2)", "取組(2)"]) {
      expect(evaluation.records.filter((r) => r.sheet === sheet).map((r) => r.id)).toEqual(
        base.records.filter((r) => r.sheet === sheet).map((r) => r.id),
      );
    }
    expect(evaluation.layouts.map((l) => l.kind)).toEqual([
      "strategy",
      "initiative",
      "strategy",
      "initiative",
    ]);
  });

  test("hidden rows, columns and sheets are read like visible ones: the same findings and writes", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("hidden-rows-columns-sheets.xlsx"));
    expect(snapshots.map((s) => [s.name, s.visibility])).toEqual([
      ["戦略(1)", "visible"],
      ["取組(1)", "visible"],
      ["戦略(2)", "hidden"],
      ["取組(2)", "visible"],
      ["設定", "veryHidden"],
    ]);
    expect(evaluation.layouts.map((l) => l.kind)).toEqual([
      "strategy",
      "initiative",
      "strategy",
      "initiative",
      "other",
    ]);
    expect(findingKeys(evaluation)).toEqual(findingKeys(base));
    expect(writesOf(evaluation)).toEqual(writesOf(base));
  });

  test("a protected sheet: structure.protected-sheet, every mark there skipped, forced writes refused", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("protected-sheet.xlsx"));
    expect(snapshots.find((s) => s.name === "取組(1)")?.protected).toBe(true);
    expect(evaluation.findings).toContainEqual(
      expect.objectContaining({ code: "structure.protected-sheet", sheet: "取組(1)" }),
    );
    const marks = evaluation.plan.filter((m) => m.sheet === "取組(1)");
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.action === "skip")).toBe(true);
    // the other sheets are written as usual
    expect(writesOf(evaluation)).toEqual(writesOf(base).filter((w) => !w.startsWith("取組(1)!")));
    const { workbook } = await readWorkbook(bytesOf(hostile("protected-sheet.xlsx")));
    const forced = base.plan
      .filter((m) => m.sheet === "取組(1)" && m.value !== null)
      .map((m): CellWrite => ({
        sheet: m.sheet,
        row: m.row,
        col: m.col,
        cell: m.cell,
        expected: m.current,
        value: m.value ?? "",
        reason: "test",
      }));
    const result = applyWrites(workbook, forced);
    expect(result.applied).toEqual([]);
    expect(result.conflicts.every((c) => c.why === "protected")).toBe(true);
  });

  test("a workbook that already holds a change log: the log is other and read back, nothing left to write", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("with-change-log.xlsx"));
    const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
    if (log === undefined) throw new Error("no change log");
    const entries = readChangeLog(log);
    expect(entries).toHaveLength(writesOf(base).length);
    expect(entries.every((e) => e.op === "apply" && e.time === CHANGE_LOG_TIME)).toBe(true);
    expect(evaluation.layouts.find((l) => l.sheet === CHANGE_LOG_SHEET)?.kind).toBe("other");
    expect(evaluation.records.filter((r) => r.sheet === CHANGE_LOG_SHEET)).toEqual([]);
    expect(writesOf(evaluation)).toEqual([]);
    // even without the host's override the log sheet is not mistaken for a form
    expect(evaluateWorkbook(snapshots).layouts.find((l) => l.sheet === CHANGE_LOG_SHEET)?.kind).toBe("other");
  });

  test("kusei recalc --in-place on the logged workbook leaves it byte for byte; revert undoes the logged apply", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kusei-hostile-"));
    try {
      const copy = join(dir, "with-change-log.xlsx");
      const before = readFileSync(hostile("with-change-log.xlsx"));
      writeFileSync(copy, before);
      const r = await kusei("recalc", "--in-place", copy);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
      expect(readFileSync(copy).equals(before)).toBe(true);
      const out = join(dir, "out");
      const rv = await kusei("revert", "--out", out, copy);
      expect(rv.status).toBe(0);
      const reverted = await evaluate(join(out, "with-change-log.xlsx"));
      expect(writesOf(reverted.evaluation)).toEqual(writesOf(base));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("<script> and formula-like text are kept as text: read verbatim, the renamed sheet still a form", async () => {
    const { snapshots, evaluation } = await evaluate(hostile("script-text.xlsx"));
    const s = snapshots.find((x) => x.name === SCRIPT_TEXTS.sheetName);
    if (s === undefined) throw new Error("renamed sheet missing");
    const flat = s.values.flat();
    for (const text of [
      SCRIPT_TEXTS.result,
      SCRIPT_TEXTS.hyperlink,
      SCRIPT_TEXTS.dde,
      SCRIPT_TEXTS.mark,
      SCRIPT_TEXTS.issue,
    ])
      expect(flat).toContain(text);
    // text that looks like a formula is not a formula
    expect(s.formulas).toEqual([]);
    expect(evaluation.layouts.find((l) => l.sheet === SCRIPT_TEXTS.sheetName)?.kind).toBe("initiative");
  });

  test("a chart and custom XML: recalc saves the marks and carries every other part over unchanged", async () => {
    const path = hostile("excel-only-parts.xlsx");
    const { evaluation } = await evaluate(path);
    expect(writesOf(evaluation)).toEqual(writesOf(base));
    const { workbook } = await readWorkbook(bytesOf(path));
    expect(workbook.lossyParts).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "kusei-hostile-"));
    try {
      const copy = join(dir, "excel-only-parts.xlsx");
      const before = readFileSync(path);
      writeFileSync(copy, before);
      const r = await kusei("recalc", "--in-place", copy);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
      const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(readFileSync(copy))]);
      const kept = Object.keys(a.files).filter((n) => /^(xl\/(charts|drawings)\/|customXml\/)/.test(n));
      expect(kept.length).toBeGreaterThan(2);
      for (const n of kept)
        expect({
          n,
          same: (await a.file(n)?.async("string")) === (await b.file(n)?.async("string")),
        }).toEqual({ n, same: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("kusei check over every readable hostile file: exit 0 or 1, never 2, never a stack trace", async () => {
    const readable = HOSTILE_FILES.filter((h) => h.committed && !REFUSED.some(([f]) => f === h.file)).map(
      (h) => hostile(h.file),
    );
    const r = await kusei("check", "--json", ...readable);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { files: Array<{ error: string | null }> };
    expect(out.files).toHaveLength(readable.length);
    expect(out.files.every((f) => f.error === null)).toBe(true);
  });
});

describe("a used range of 200,000 formatted-but-empty rows", () => {
  let dir = "";
  let path = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kusei-huge-"));
    path = await buildHostileFile("huge-used-range.xlsx", dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("is read to its cells, not its formatting: the same snapshot size, findings and writes as the main fixture", async () => {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let rows = 0;
    for (const n of names)
      rows = Math.max(rows, ((await zip.file(n)?.async("string")) ?? "").split("<row ").length - 1);
    expect(rows).toBeGreaterThanOrEqual(HUGE_ROWS);
    const { snapshots, evaluation } = await evaluate(path);
    const sheet = snapshots.find((s) => s.name === "取組(1)");
    expect(sheet?.values.length).toBeLessThan(40);
    expect(findingKeys(evaluation)).toEqual(findingKeys(base));
    expect(writesOf(evaluation)).toEqual(writesOf(base));
  }, 180_000);
});
