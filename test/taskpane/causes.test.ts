// The cascade grouping over a real evaluation: the seed workbook with one result changed so that a
// withdrawal criterion fires (取組(1)!J10: 55.9% → 12% against 「15%未満であれば、事業を再構築する」).
import ExcelJS from "exceljs";
import path from "path";
import { check } from "../../src/app";
import { openXlsxPort } from "../../src/app/xlsx-port";
import { DEFAULT_PROFILE, type Evaluation } from "../../src/core";
import { groupByCause } from "../../src/taskpane/model/causes";
import { arrangeFindings } from "../../src/taskpane/model/findings";
import { recordIndex, recordTitle } from "../../src/taskpane/model/rows";

const FIXTURE = path.join(__dirname, "..", "fixtures", "hirano-fy2016.xlsx");

async function evaluate(edit?: (wb: ExcelJS.Workbook) => void): Promise<Evaluation> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  edit?.(wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await check(await openXlsxPort(bytes), { profile: DEFAULT_PROFILE, overrides: {} });
  return r.evaluation;
}

let withdrawal: Evaluation;
let sample: Evaluation;

beforeAll(async () => {
  withdrawal = await evaluate((wb) => {
    const cell = wb.getWorksheet("取組(1)")?.getCell("J10");
    if (!cell || typeof cell.value !== "string") throw new Error("fixture changed");
    cell.value = cell.value.replace("55.9%", "12%");
  });
  sample = await evaluate();
}, 60_000);

test("one withdrawal: its own findings and the eight strategy marks it turns form one group", () => {
  const at = recordIndex(withdrawal.records);
  const { groups, rest } = groupByCause(withdrawal, withdrawal.findings, at);
  const g = groups.find((x) => x.causes.some((c) => c.sheet === "取組(1)" && c.row === 10));
  expect(g).toBeDefined();
  expect(g?.causes).toHaveLength(1);
  expect(g?.causes[0]?.kind).toBe("withdrawal");
  expect(g?.causes[0]?.reason.ja).toContain("12%");
  // an entered a/b that differs is a warning (consistency.progress-rule-differs: the a/b rule is the ward's)
  expect(g?.severity).toBe("warning");
  // the cause's own finding first
  expect(g?.findings[0]?.code).toBe("derive.withdrawal-fired");
  const differs = g?.findings.filter(
    (f) => f.code === "consistency.progress-rule-differs" && f.sheet === "戦略(1)",
  );
  expect(differs).toHaveLength(8);
  // nothing is lost or counted twice
  expect(rest.length + groups.reduce((n, x) => n + x.findings.length, 0)).toBe(withdrawal.findings.length);
  expect(rest.some((f) => f.sheet === "戦略(1)" && f.field === "strategyProgress")).toBe(false);
});

test("a finding unrelated to any initiative stays in the list, errors first", () => {
  const at = recordIndex(sample.records);
  const sections = arrangeFindings(sample, sample.findings, at);
  expect(sections.map((s) => s.severity)).toEqual(["error", "warning", "info"]);
  const loose = sections[0]?.sheets.flatMap((s) => s.findings) ?? [];
  expect(loose.map((f) => `${f.sheet}!${f.cell}`)).toContain("戦略(2)!H9");
  // the missed target of 取組(2) 24行 and the mark it turns (戦略(2)!M26 a → b) are grouped
  const missed = sections
    .flatMap((x) => x.causes)
    .find((g) => g.causes[0]?.sheet === "取組(2)" && g.causes[0]?.row === 24);
  expect(missed?.causes[0]?.kind).toBe("missed");
  expect(missed?.findings.map((f) => `${f.sheet}!${f.cell}`)).toContain("戦略(2)!M26");
});

test("row titles come from the record a row belongs to, continuation rows included", () => {
  const at = recordIndex(sample.records);
  const r = at("戦略(2)", 10);
  expect(r?.id).toBe("戦略(2)!9");
  expect(r ? recordTitle(r) : null).toBe("ア 多様な区民の意見やニーズの的確な把握と区政情報の発信");
  expect(at("戦略(2)", 1)).toBeNull();
});

test("reasons name initiatives by their title and say in words what is missing (no 「? ?」)", () => {
  const differs = withdrawal.findings.find(
    (f) => f.code === "consistency.progress-rule-differs" && f.sheet === "戦略(1)",
  );
  expect(differs?.message.ja).toContain(
    "ア 地域活動協議会を核とした自律した地域運営の支援 [3-1](取組(1) 10行)",
  );
  const overall = sample.plan.find((m) => m.id === "戦略(2)!L9");
  expect(overall?.reason.ja).toBe("アウトカム(全体)を算定できません: 個別 2 件のうち 2 件を算定できません");
  expect(sample.plan.some((m) => m.reason.ja.includes("?"))).toBe(false);
});
