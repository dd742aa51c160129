import { chmod, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { CHANGE_LOG_SHEET, readChangeLog } from "../../src/core/changelog";
import { cellsByAddress, errorAddresses, formulaAddresses, mergeRanges } from "../contract/adapter-contract";
import { FIXTURES, fixturePath } from "../helpers/fixtures";
import { copyFixture, kusei, snapshotsOf, tempDir } from "./helpers";

const FIELDS = [
  null,
  "achievement",
  "execution",
  "initiativeEffectiveness",
  "outcome",
  "outcomeOverall",
  "strategyProgress",
  "strategyEffectiveness",
  "withdrawal",
];
const NAMES = Object.keys(FIXTURES);

interface JsonOut {
  version: number;
  files: Array<{
    file: string;
    error: string | null;
    sheets: Array<{ name: string; kind: string; records: number }>;
    marks: Array<Record<string, unknown>>;
    findings: Array<Record<string, unknown>>;
  }>;
}

function parse(stdout: string): JsonOut {
  return JSON.parse(stdout) as JsonOut;
}

describe("kusei check --json: 出力の形 (the documented shape)", () => {
  test.each(NAMES.map((n) => [n]))("%s", async (name) => {
    const run = await kusei("check", fixturePath(name), "--json");
    const out = parse(run.stdout);
    expect(Object.keys(out)).toEqual(["version", "files"]);
    expect(out.version).toBe(1);
    expect(out.files).toHaveLength(1);
    const f = out.files[0]!;
    expect(Object.keys(f)).toEqual(["file", "error", "sheets", "marks", "findings"]);
    expect(f.file).toBe(fixturePath(name));
    expect(f.error).toBeNull();
    expect(f.sheets.map((s) => s.name)).toEqual(FIXTURES[name]?.sheets);
    for (const s of f.sheets) {
      expect(Object.keys(s)).toEqual(["name", "kind", "records"]);
      expect(["strategy", "initiative", "other"]).toContain(s.kind);
      expect(Number.isInteger(s.records)).toBe(true);
    }
    expect(f.sheets.some((s) => s.kind !== "other" && s.records > 0)).toBe(true);
    for (const m of f.marks) {
      expect(Object.keys(m)).toEqual([
        "sheet",
        "cell",
        "row",
        "field",
        "value",
        "current",
        "action",
        "reason",
      ]);
      expect(m["cell"]).toMatch(/^[A-Z]+\d+$/);
      expect(Number(String(m["cell"]).replace(/^[A-Z]+/, ""))).toBe(m["row"]);
      expect(FIELDS).toContain(m["field"]);
      expect(["write", "keep", "conflict", "skip"]).toContain(m["action"]);
      expect(typeof m["current"]).toBe("string");
      expect(typeof m["reason"]).toBe("string");
      if (m["action"] === "write" || m["action"] === "conflict") expect(typeof m["value"]).toBe("string");
    }
    for (const x of f.findings) {
      expect(Object.keys(x)).toEqual(["sheet", "cell", "row", "field", "code", "severity", "message"]);
      expect(["error", "warning", "info"]).toContain(x["severity"]);
      expect(FIELDS).toContain(x["field"]);
      expect(x["code"]).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(String(x["message"]).length).toBeGreaterThan(0);
    }
    const hasError = f.findings.some((x) => x["severity"] === "error");
    expect(run.code).toBe(hasError ? 1 : 0);
    expect(run.stderr).toBe("");
  });

  test("--lang en は英語のメッセージ", async () => {
    const ja = parse((await kusei("check", fixturePath("hirano-fy2016"), "--json")).stdout).files[0]!;
    const en = parse((await kusei("check", fixturePath("hirano-fy2016"), "--json", "--lang", "en")).stdout)
      .files[0]!;
    expect(en.findings.map((f) => f["code"])).toEqual(ja.findings.map((f) => f["code"]));
    en.findings.forEach((f, i) => {
      expect(f["message"]).not.toBe(ja.findings[i]!["message"]);
      expect(String(f["message"])).toMatch(/[A-Za-z]{3,}/);
    });
    expect(ja.findings.every((f) => /[ぁ-んァ-ヶ一-龠]/.test(String(f["message"])))).toBe(true);
  });

  test("check は何も書かない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      const before = await readFile(path);
      await kusei("check", path);
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
    } finally {
      await cleanup();
    }
  });
});

describe("kusei recalc → revert: セルごとに元どおり (cell by cell)", () => {
  test.each(NAMES.map((n) => [n]))("%s", async (name) => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture(name, dir);
      const original = await snapshotsOf(path);
      const plan = parse((await kusei("check", path, "--json")).stdout).files[0]!;
      const planned = plan.marks.filter((m) => m["action"] === "write");

      const recalc = await kusei("recalc", path, "--in-place", "--json");
      expect(recalc.code).not.toBe(2);
      const after = await snapshotsOf(path);
      const log = after.find((s) => s.name === CHANGE_LOG_SHEET);
      if (planned.length === 0) expect(log).toBeUndefined();
      // Cells outside the plan never change; planned cells hold the planned value.
      for (const s of original) {
        const a = after.find((x) => x.name === s.name);
        expect(a).toBeDefined();
        const want = cellsByAddress(s);
        for (const m of planned.filter((p) => p["sheet"] === s.name))
          want.set(String(m["cell"]), String(m["value"]));
        expect({ sheet: s.name, cells: Object.fromEntries(cellsByAddress(a!)) }).toEqual({
          sheet: s.name,
          cells: Object.fromEntries(want),
        });
        expect({ sheet: s.name, f: formulaAddresses(a!), e: errorAddresses(a!), m: mergeRanges(a!) }).toEqual(
          { sheet: s.name, f: formulaAddresses(s), e: errorAddresses(s), m: mergeRanges(s) },
        );
      }
      if (planned.length > 0) {
        const entries = readChangeLog(log!);
        expect(entries.map((e) => `${e.sheet}!${e.cell}`).sort()).toEqual(
          planned.map((m) => `${m["sheet"]}!${m["cell"]}`).sort(),
        );
        expect(
          entries.every(
            (e) => e.op === "apply" && e.time === "2026-11-27T09:00:00.000Z" && e.reason.length > 0,
          ),
        ).toBe(true);
      }

      const revert = await kusei("revert", path, "--json");
      expect(revert.code).toBe(0);
      const back = await snapshotsOf(path);
      for (const s of original) {
        const b = back.find((x) => x.name === s.name)!;
        expect({ sheet: s.name, cells: Object.fromEntries(cellsByAddress(b)) }).toEqual({
          sheet: s.name,
          cells: Object.fromEntries(cellsByAddress(s)),
        });
        expect({ sheet: s.name, f: formulaAddresses(b), m: mergeRanges(b) }).toEqual({
          sheet: s.name,
          f: formulaAddresses(s),
          m: mergeRanges(s),
        });
      }
      // Formula text too, not just the flag.
      const wbA = new ExcelJS.Workbook();
      const wbB = new ExcelJS.Workbook();
      await wbA.xlsx.load((await readFile(fixturePath(name))) as unknown as ExcelJS.Buffer);
      await wbB.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
      for (const ws of wbA.worksheets) {
        const formulas = (w: ExcelJS.Worksheet | undefined): string[] => {
          const out: string[] = [];
          w?.eachRow((row) =>
            row.eachCell((c) => {
              if (c.type === ExcelJS.ValueType.Formula) out.push(`${c.address}=${c.formula}`);
            }),
          );
          return out;
        };
        expect(formulas(wbB.getWorksheet(ws.name))).toEqual(formulas(ws));
      }
      if (planned.length > 0) {
        const entries = readChangeLog(back.find((s) => s.name === CHANGE_LOG_SHEET)!);
        expect(entries.filter((e) => e.op === "revert")).toHaveLength(planned.length);
      }
    } finally {
      await cleanup();
    }
  });
});

describe("kusei recalc の書き方", () => {
  test("--out は DIR/<name>.xlsx に書き、元のファイルは変えない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      const before = await readFile(path);
      const run = await kusei("recalc", path, "--out", join(dir, "out"));
      expect(run.stdout).toContain(join(dir, "out", "hirano-fy2016.xlsx"));
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
      const out = await snapshotsOf(join(dir, "out", "hirano-fy2016.xlsx"));
      expect(out.some((s) => s.name === CHANGE_LOG_SHEET)).toBe(true);
    } finally {
      await cleanup();
    }
  });

  test("2回目の recalc は何も書かず、ファイルも変えない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      await kusei("recalc", path, "--in-place");
      const once = await readFile(path);
      const second = await kusei("recalc", path, "--in-place", "--json");
      expect(parse(second.stdout).files[0]!.marks.filter((m) => m["action"] === "write")).toEqual([]);
      expect(Buffer.compare(await readFile(path), once)).toBe(0);
    } finally {
      await cleanup();
    }
  });

  test("--overwrite-conflicts は衝突も書き、revert で戻る", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      const original = await snapshotsOf(path);
      const plan = parse((await kusei("check", path, "--json")).stdout).files[0]!;
      const conflicts = plan.marks.filter((m) => m["action"] === "conflict" && m["value"] !== null);
      expect(conflicts.length).toBeGreaterThan(0);
      const run = parse((await kusei("recalc", path, "--in-place", "--overwrite-conflicts", "--json")).stdout)
        .files[0]!;
      expect(run.marks.filter((m) => m["action"] === "conflict")).toEqual([]);
      const after = await snapshotsOf(path);
      for (const c of conflicts) {
        const s = after.find((x) => x.name === c["sheet"])!;
        expect(cellsByAddress(s).get(String(c["cell"]))).toBe(c["value"]);
      }
      expect((await kusei("revert", path)).code).toBe(0);
      const back = await snapshotsOf(path);
      for (const s of original)
        expect(Object.fromEntries(cellsByAddress(back.find((x) => x.name === s.name)!))).toEqual(
          Object.fromEntries(cellsByAddress(s)),
        );
    } finally {
      await cleanup();
    }
  });

  test("revert: 書いた後に人が変えたセルは戻さず、終了コード 1", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      await kusei("recalc", path, "--in-place");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
      const entry = readChangeLog((await snapshotsOf(path)).find((s) => s.name === CHANGE_LOG_SHEET)!)[0]!;
      wb.getWorksheet(entry.sheet)!.getCell(entry.cell).value = "人が直した";
      await writeFile(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      const run = await kusei("revert", path);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`${entry.sheet}!${entry.cell}`);
      const now = await snapshotsOf(path);
      expect(cellsByAddress(now.find((s) => s.name === entry.sheet)!).get(entry.cell)).toBe("人が直した");
    } finally {
      await cleanup();
    }
  });

  test("revert する記録がなければ何もせず 0", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      const before = await readFile(path);
      const run = await kusei("revert", path);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("元に戻す再計算の記録がありません");
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
    } finally {
      await cleanup();
    }
  });

  test("同じ名前の2ファイルを --out に出すと2つ目は読み取れない扱い (上書きしない)", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(join(dir, "a"));
      await mkdir(join(dir, "b"));
      const a = await copyFixture("hirano-fy2016", join(dir, "a"));
      const b = await copyFixture("hirano-fy2016", join(dir, "b"));
      const run = await kusei("recalc", a, b, "--out", join(dir, "out"), "--json");
      expect(run.code).toBe(2);
      const files = parse(run.stdout).files;
      expect(files[0]!.error).toBeNull();
      expect(files[1]!.error).toContain("hirano-fy2016.xlsx");
    } finally {
      await cleanup();
    }
  });
});

describe("--in-place の置き換え", () => {
  test("ファイルの権限を保ち、一時ファイルを残さない", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture("hirano-fy2016", dir);
      await chmod(path, 0o640);
      const run = await kusei("recalc", path, "--in-place");
      expect(run.code).toBe(1);
      expect((await stat(path)).mode & 0o777).toBe(0o640);
      expect(await readdir(dir)).toEqual(["hirano-fy2016.xlsx"]);
    } finally {
      await cleanup();
    }
  });
});
