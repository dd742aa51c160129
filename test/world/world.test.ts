/**
 * Proof against the world: workbooks written by other software — the project's fixtures re-saved by
 * LibreOffice, and hand-written dialects (dialects.ts) — each recalculated by the CLI, then
 *  1. every zip entry of input and output compared after decompression: only the planned cells' `<c>`
 *     elements in their sheet parts and the change-log sheet's parts may differ (surgicalDiff);
 *  2. the output opened by LibreOffice headless: it converts without error, and its CSV of every original
 *     sheet equals the input's except at the logged mark cells.
 * LibreOffice runs twice in all (one batch per conversion kind) and caches by input hash (libreoffice.ts).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fromA1 } from "../../src/core/address/a1";
import { CHANGE_LOG_SHEET, readChangeLog } from "../../src/core/changelog";
import { runCli } from "../../src/cli/main";
import { readWorkbook } from "../../src/xlsx";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { surgicalDiff } from "../xlsx/surgical-helpers";
import { buildDialect, DIALECTS } from "./dialects";
import { convert, resaved, sheetCsvs, SOFFICE } from "./libreoffice";
import { readZip } from "../../src/xlsx/zip/read";
import { both, meter } from "../helpers/xml-both";

interface Case {
  readonly name: string;
  readonly what: string;
  readonly input: Uint8Array;
  readonly writes: boolean;
  output: Uint8Array | null;
  cli: string;
  logged: Array<{ sheet: string; cell: string; value: string }>;
  inputCsv: string;
  outputCsv: string | null;
}

const haveSoffice = existsSync(SOFFICE);
const cases: Case[] = [];
let work = "";

async function recalcAll(): Promise<void> {
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  for (const d of [inDir, outDir]) rmSync(d, { recursive: true, force: true });
  mkdirSync(inDir);
  mkdirSync(outDir);
  for (const c of cases) writeFileSync(join(inDir, c.name), c.input);
  for (const c of cases) {
    let text = "";
    const io = {
      stdout: (s: string) => void (text += s),
      stderr: (s: string) => void (text += s),
      isTTY: false,
    };
    await runCli(
      ["recalc", join(inDir, c.name), "--out", outDir, "--overwrite-conflicts", "--lang", "en"],
      io,
    );
    c.cli = text;
    const out = join(outDir, c.name);
    c.output = existsSync(out) ? new Uint8Array(readFileSync(out)) : null;
    if (c.output !== null) {
      const { snapshots } = await readWorkbook(c.output);
      const log = snapshots.find((s) => s.name === CHANGE_LOG_SHEET);
      c.logged = (log ? readChangeLog(log) : [])
        .filter((e) => e.op === "apply")
        .map((e) => ({ sheet: e.sheet, cell: e.cell, value: String(e.new ?? "") }));
    }
  }
}

beforeAll(
  async () => {
    if (!haveSoffice)
      throw new Error(
        `${SOFFICE} is missing: apt-get install libreoffice-calc-nogui (scripts/pretest.js does)`,
      );
    work = mkdtempSync(join(tmpdir(), "kusei-world-"));
    const fixtures = readdirSync(FIXTURES_DIR)
      .filter((f) => extname(f) === ".xlsx")
      .sort();
    const bytes = fixtures.map((f) => new Uint8Array(readFileSync(join(FIXTURES_DIR, f))));
    const lo = convert(
      "xlsx",
      bytes.map((b) => ({ bytes: b, ext: ".xlsx" })),
    );
    fixtures.forEach((f, i) => {
      const input = resaved(lo[i] ?? "");
      if (input === null) throw new Error(`LibreOffice could not re-save ${f}`);
      cases.push({
        name: `lo-${f}`,
        what: `${f} re-saved by LibreOffice`,
        input,
        writes: true,
        output: null,
        cli: "",
        logged: [],
        inputCsv: "",
        outputCsv: null,
      });
    });
    for (const d of DIALECTS)
      cases.push({
        name: d.file,
        what: d.what,
        input: buildDialect(d),
        writes: d.writes,
        output: null,
        cli: "",
        logged: [],
        inputCsv: "",
        outputCsv: null,
      });
    await recalcAll();
    const all = [
      ...cases.map((c) => ({ bytes: c.input, ext: extname(c.name) })),
      ...cases
        .filter((c) => c.output !== null)
        .map((c) => ({ bytes: c.output as Uint8Array, ext: extname(c.name) })),
    ];
    const dirs = convert("csv", all);
    cases.forEach((c, i) => (c.inputCsv = dirs[i] ?? ""));
    let k = cases.length;
    for (const c of cases) if (c.output !== null) c.outputCsv = dirs[k++] ?? null;
  },
  20 * 60 * 1000,
);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

const names = [
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => extname(f) === ".xlsx")
    .sort()
    .map((f) => `lo-${f}`),
  ...DIALECTS.map((d) => d.file),
];
const caseOf = (name: string): Case => {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
};

describe("workbooks written by other software", () => {
  test.each(names.map((n) => [n]))(
    "%s: recalc changes only the planned cells and the change-log sheet",
    (name) => {
      const c = caseOf(name);
      if (!c.writes) {
        expect({ output: c.output, cli: c.cli }).toEqual({
          output: null,
          cli: expect.stringMatching(/structure is protected/),
        });
        return;
      }
      expect({ output: c.output !== null, cli: c.cli }).toEqual({ output: true, cli: expect.any(String) });
      expect(c.logged.length).toBeGreaterThan(0);
      expect(surgicalDiff(c.input, c.output as Uint8Array, c.logged, CHANGE_LOG_SHEET)).toEqual({
        unexpected: [],
        missing: [],
        extra: [],
      });
    },
  );

  test.each(names.map((n) => [n]))(
    "%s: LibreOffice opens the output and every original sheet reads the same but the marks",
    (name) => {
      const c = caseOf(name);
      const before = sheetCsvs(c.inputCsv);
      expect(before.size).toBeGreaterThan(0);
      if (!c.writes) return;
      expect(c.outputCsv).not.toBeNull();
      const after = sheetCsvs(c.outputCsv ?? "");
      expect([...after.keys()].sort()).toEqual([...before.keys(), CHANGE_LOG_SHEET].sort());
      for (const [sheet, rows] of before) {
        const out = after.get(sheet) ?? [];
        const marks = new Set(
          c.logged
            .filter((l) => l.sheet === sheet)
            .map((l) => fromA1(l.cell))
            .map((p) => (p ? `${p.row},${p.col}` : "")),
        );
        const diff: string[] = [];
        const height = Math.max(rows.length, out.length);
        for (let r = 0; r < height; r++) {
          const a = rows[r] ?? [];
          const b = out[r] ?? [];
          for (let col = 0; col < Math.max(a.length, b.length); col++) {
            if (marks.has(`${r},${col}`)) continue;
            if ((a[col] ?? "") !== (b[col] ?? ""))
              diff.push(`${sheet}!R${r + 1}C${col + 1}: ${a[col] ?? ""} → ${b[col] ?? ""}`);
          }
        }
        expect({ sheet, diff }).toEqual({ sheet, diff: [] });
        // and LibreOffice reads each mark kusei wrote
        for (const l of c.logged.filter((x) => x.sheet === sheet)) {
          const p = fromA1(l.cell);
          expect({ cell: l.cell, shown: p ? (out[p.row]?.[p.col] ?? "") : "" }).toEqual({
            cell: l.cell,
            shown: l.value,
          });
        }
      }
    },
  );

  test("the fast XML scanner reads LibreOffice's parts as saxes does, its sheets without giving up", () => {
    const bailed: string[] = [];
    let sheets = 0;
    for (const c of cases.filter((k) => k.name.startsWith("lo-"))) {
      for (const entry of readZip(c.input, meter()).entries) {
        if (!/\.(xml|rels)$/i.test(entry.name)) continue;
        const r = both(() => readZip(c.input, meter()), entry.name);
        const part = `${c.name}:${entry.name}`;
        expect({ part, ...r.fast }).toEqual({ part, ...r.saxes });
        if (!/worksheets\/|sharedStrings/.test(entry.name)) continue;
        sheets++;
        if (r.bailed) bailed.push(part);
      }
    }
    expect(sheets).toBeGreaterThan(5);
    expect(bailed).toEqual([]);
  });
});
