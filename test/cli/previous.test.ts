import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fixturePath } from "../helpers/fixtures";
import { editedWorkbook } from "../helpers/edit-xlsx";
import { kusei, tempDir } from "./helpers";

interface Out {
  files: Array<{
    marks: Array<{ sheet: string; row: number; value: string | null; reason: string }>;
    findings: Array<{ code: string; sheet: string; cell: string | null; severity: string; message: string }>;
    history?: { previousYear: number; currentYear: number; matches: unknown[]; ambiguous: unknown[] };
  }>;
}

describe("kusei check --previous last.xlsx", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let last: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    last = join(dir, "hirano-fy2015.xlsx");
    // last year: the sample titled 平成27年度, 格付結果 3.4 (this year's 前年度までの実績 says 3.3)
    await writeFile(
      last,
      await editedWorkbook(fixturePath("hirano-fy2016"), {
        "*!E2": "平成27年度",
        "取組(2)!J14": "窓口サービス満足度:93%",
        "取組(2)!J24": "来庁者等に対する窓口サービス格付結果:3.4",
      }),
    );
  });
  afterAll(() => cleanup());

  test("history.* findings join the file's findings; the matching is in --json; last year's file is not touched", async () => {
    const before = createHash("sha256")
      .update(await readFile(last))
      .digest("hex");
    const run = await kusei("check", fixturePath("hirano-fy2016"), "--previous", last, "--json");
    const out = JSON.parse(run.stdout) as Out;
    const f = out.files[0]!;
    const figure = f.findings.filter((x) => x.code === "history.figure-differs");
    expect(figure.map((x) => `${x.sheet}!${x.cell}`)).toEqual(["取組(2)!H24"]);
    expect(figure[0]?.message).toContain("3.4");
    expect(f.history?.previousYear).toBe(2015);
    expect(f.history?.currentYear).toBe(2016);
    expect(f.history?.matches.length).toBeGreaterThan(20);
    expect(f.history?.ambiguous).toEqual([]);
    // the plain check has no history key (the documented shape is unchanged)
    const plain = JSON.parse((await kusei("check", fixturePath("hirano-fy2016"), "--json")).stdout) as Out;
    expect(plain.files[0]?.history).toBeUndefined();
    expect(
      createHash("sha256")
        .update(await readFile(last))
        .digest("hex"),
    ).toBe(before);
  });

  test("the human output and the report show them in Japanese", async () => {
    const report = join(dir, "r.html");
    const run = await kusei("check", fixturePath("hirano-fy2016"), "--previous", last, "--report", report);
    expect(run.stdout).toContain("前年度のブックの実績");
    expect(await readFile(report, "utf8")).toContain("history.figure-differs");
  });

  test("前年度以上 with no previous figure in the sheet takes last year's result (3.4) with --previous only", async () => {
    const cur = join(dir, "hirano-relative.xlsx");
    await writeFile(
      cur,
      await editedWorkbook(fixturePath("hirano-fy2016"), {
        "取組(2)!F24": "来庁者等に対する窓口サービス格付結果:前年度以上",
        "取組(2)!H24": "",
      }),
    );
    const marks = async (...extra: string[]) =>
      (JSON.parse((await kusei("check", cur, "--json", ...extra)).stdout) as Out).files[0]!.marks.filter(
        (m) => m.sheet === "取組(2)" && m.row === 24,
      );
    const plain = await marks();
    expect(plain.length).toBeGreaterThan(0);
    for (const m of plain) expect(m.value).toBeNull();
    const compared = await marks("--previous", last);
    expect(compared.map((m) => m.value)).toContain("×");
    expect(compared.map((m) => m.reason).join("\n")).toContain("3.2 < 3.4以上(前年度のブックの実績 3.4)");
  });

  test("an unreadable previous workbook is a usage error naming it (exit 2), before any file is checked", async () => {
    const bad = join(dir, "bad.xlsx");
    await writeFile(bad, "not a workbook");
    const run = await kusei("check", fixturePath("hirano-fy2016"), "--previous", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("前年度のブックを読めません");
    expect(run.stderr).toContain(bad);
    expect(run.stdout).toBe("");
  });
});
