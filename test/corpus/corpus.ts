// Loads the phrasing corpus (phrasings.tsv, scenarios.tsv) and checks it against kusei's parsers and
// derivation. Shared by the table-driven tests (corpus.test.ts) and `npm run corpus` (scripts/corpus.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AchievementClass, InitiativeDerivation } from "../../src/core/model/evaluation";
import type { Parsed } from "../../src/core/model/values";
import { parseCriteria, parseResults, parseTargets, type ParseContext } from "../../src/core/values";
import { initiative } from "../core/rules/builders";
import { run } from "../core/rules/helpers";

export const CORPUS_CTX: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };

export type Kind = "target" | "result" | "criterion";

export interface Phrasing {
  readonly line: number;
  readonly group: string;
  readonly kind: Kind;
  readonly text: string;
  readonly expect: string;
}

export interface Scenario {
  readonly line: number;
  readonly group: string;
  readonly target: string;
  readonly result: string;
  readonly criterion: string;
  readonly history: string;
  readonly expect: AchievementClass | "none";
}

const unescape = (s: string): string => s.replace(/\\n/g, "\n");

function rows(file: string): Array<{ line: number; cells: string[] }> {
  const text = readFileSync(join(__dirname, file), "utf8");
  const out: Array<{ line: number; cells: string[] }> = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "" || raw.startsWith("#")) return;
    out.push({ line: i + 1, cells: raw.split("\t") });
  });
  return out.slice(1); // the header row
}

export function loadPhrasings(): Phrasing[] {
  return rows("phrasings.tsv").map(({ line, cells }) => {
    const [group = "", kind = "", text = "", expect = ""] = cells;
    if (kind !== "target" && kind !== "result" && kind !== "criterion")
      throw new Error(`phrasings.tsv:${line}: kind ${kind}`);
    return { line, group, kind, text: unescape(text), expect };
  });
}

export function loadScenarios(): Scenario[] {
  return rows("scenarios.tsv").map(({ line, cells }) => {
    const [group = "", target = "", result = "", criterion = "", history = "", expect = ""] = cells;
    if (!["achieved", "missed", "withdrawal", "none"].includes(expect))
      throw new Error(`scenarios.tsv:${line}: expect ${expect}`);
    return {
      line,
      group,
      target: unescape(target),
      result: unescape(result),
      criterion: unescape(criterion),
      history: unescape(history),
      expect: expect as Scenario["expect"],
    };
  });
}

/** What a parse looks like in the corpus's notation: 「70 % gte | 60 % gte」, 「!partial」. */
export function describeParse(kind: Kind, text: string): string {
  const p: Parsed<{
    value?: number;
    threshold?: number;
    unit: string | null;
    comparator?: string;
    relative?: { change: string; amount: { value: number; unit: string | null } | null; baseline: unknown };
  }> =
    kind === "target"
      ? parseTargets(text, CORPUS_CTX)
      : kind === "result"
        ? parseResults(text, CORPUS_CTX)
        : parseCriteria(text, CORPUS_CTX);
  const codes = [...new Set(p.failures.map((f) => f.code))];
  if (p.items.length === 0) return `!${codes.join(",")}`;
  const items = p.items
    .map((i) => {
      const rel = i.relative;
      if (rel !== undefined && ["increase", "decrease", "maintain"].includes(i.comparator ?? "")) {
        const amount = rel.amount === null ? "" : ` ${rel.amount.value} ${rel.amount.unit ?? "-"}`;
        return `rel ${rel.change}${amount}`;
      }
      const v = Math.round((i.threshold ?? i.value ?? Number.NaN) * 1e6) / 1e6;
      const parts = [String(v), i.unit ?? "-"];
      if (kind !== "result") parts.push(i.comparator ?? "-");
      return parts.join(" ");
    })
    .join(" | ");
  return codes.length === 0 ? items : `${items} ~${codes.join(",")}`;
}

/** The derivation of one scenario row, as kusei makes it for an initiative row with these cells. */
export function deriveScenario(s: Scenario): InitiativeDerivation | undefined {
  const spec: Parameters<typeof initiative>[1] = {
    performanceTarget: s.target,
    achievementResult: s.result,
    ...(s.criterion === "" ? {} : { withdrawalCriterion: s.criterion }),
    ...(s.history === "" ? {} : { history: s.history }),
  };
  const record = initiative(7, spec);
  return run([record]).ctx.derived.initiativeById.get(record.id);
}

export interface CorpusFigures {
  readonly phrasings: number;
  readonly parsed: number;
  readonly scenarios: number;
  readonly marksOk: number;
  readonly falseFlags: number;
  readonly falseMarks: number;
  readonly notComputable: number;
  readonly misses: ReadonlyArray<string>;
}

/** Run the whole corpus: every phrasing parsed, every scenario derived, and the figures. */
export function runCorpus(): CorpusFigures {
  const phrasings = loadPhrasings();
  const misses: string[] = [];
  let parsed = 0;
  for (const p of phrasings) {
    const got = describeParse(p.kind, p.text);
    if (got === p.expect) parsed++;
    else
      misses.push(
        `phrasings.tsv:${p.line} ${p.kind} ${JSON.stringify(p.text)}: expected ${p.expect}, got ${got}`,
      );
  }
  const scenarios = loadScenarios();
  let marksOk = 0;
  let falseFlags = 0;
  let falseMarks = 0;
  let notComputable = 0;
  for (const s of scenarios) {
    const d = deriveScenario(s);
    const got = d?.achievement ?? "none";
    if (got === "none") notComputable++;
    if (got === s.expect) marksOk++;
    else misses.push(`scenarios.tsv:${s.line}: expected ${s.expect}, got ${got} (${d?.reason.ja ?? ""})`);
    if ((d?.withdrawalFlag ?? false) && s.expect !== "withdrawal") falseFlags++;
    if (got !== "none" && s.expect === "none") falseMarks++;
  }
  return {
    phrasings: phrasings.length + scenarios.length,
    parsed: parsed + marksOk,
    scenarios: scenarios.length,
    marksOk,
    falseFlags,
    falseMarks,
    notComputable,
    misses,
  };
}
