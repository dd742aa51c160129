import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { editedWorkbook } from "../helpers/edit-xlsx";
import { fixturePath } from "../helpers/fixtures";
import { kusei, tempDir } from "./helpers";

describe("the HTML report's overview and row titles", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let doc: Document;
  let findings: Array<{ sheet: string; severity: string; code: string }>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    // the sample with one withdrawal: 窓口サービス満足度 40% against 左記目標が50%未満
    const file = join(dir, "withdrawal.xlsx");
    await writeFile(
      file,
      await editedWorkbook(fixturePath("hirano-fy2016"), { "取組(2)!J14": "窓口サービス満足度:40%" }),
    );
    const report = join(dir, "r.html");
    await kusei("check", file, "--report", report);
    doc = new JSDOM(await readFile(report, "utf8")).window.document;
    findings = (
      JSON.parse((await kusei("check", file, "--json")).stdout) as { files: [{ findings: typeof findings }] }
    ).files[0].findings;
  });
  afterAll(() => cleanup());

  test("counts per sheet and severity at the top, equal to the findings", () => {
    const table = doc.querySelector(".overview table.counts");
    expect(table).not.toBeNull();
    const rows = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    );
    for (const [sheet, e, w, i] of rows) {
      const of = (sev: string) =>
        String(findings.filter((f) => f.sheet === sheet && f.severity === sev).length);
      expect([e, w, i]).toEqual([of("error"), of("warning"), of("info")]);
    }
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(["戦略(1)", "取組(1)", "戦略(2)", "取組(2)"]),
    );
  });

  test("the withdrawal rows with their titles, and a table of contents whose links land", () => {
    const text = doc.querySelector(".overview")?.textContent ?? "";
    expect(text).toContain("撤退基準に該当した取組 (1)");
    expect(text).toContain("取組(2)!G14");
    expect(text).toContain("区における市政の総合窓口機能の充実");
    const links = [...doc.querySelectorAll(".overview nav a")].map((a) => a.getAttribute("href") ?? "");
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const href of links) expect(doc.getElementById(href.slice(1))).not.toBeNull();
  });

  test("every cell address carries its row's item title", () => {
    const h9 = [...doc.querySelectorAll("td")].find(
      (td) => td.querySelector("pre")?.textContent === "H9" && td.querySelector(".rowtitle"),
    );
    expect(h9?.querySelector(".rowtitle")?.textContent).toContain(
      "多様な区民の意見やニーズの的確な把握と区政情報の発信",
    );
    const k8 = [...doc.querySelectorAll("td")].find((td) => td.querySelector("pre")?.textContent === "K8");
    expect(k8?.querySelector(".rowtitle")?.textContent).toMatch(/人と人とのつながりづくりの促進|多様な区民/);
  });
});
