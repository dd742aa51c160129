/**
 * Fuzz targets shared by test/hardening/fuzz.test.ts (a few hundred cases in `npm test`) and scripts/fuzz.ts
 * (100,000 cases). Each target is a fast-check arbitrary plus a check that returns what went wrong (null when
 * the case holds); a thrown exception is a failure too. The checks: every parser and the layout recogniser /
 * evaluateWorkbook never throw; normalisation is idempotent; marks round-trip; derived marks never contradict
 * the numbers they came from; the plan never writes where it must not.
 */
import fc from "fast-check";
import {
  evaluateWorkbook,
  foldLabel,
  formatMark,
  fires,
  meets,
  normalizeText,
  parseCriteria,
  parseResults,
  parseTargets,
  parseYearSpan,
  readMark,
  readMarks,
  recognizeWorkbook,
} from "../../src/core";
import { holds } from "../../src/core/values";
import type { MarkKind, MarkValues } from "../../src/core/text/marks";
import type { ParseContext } from "../../src/core/values/context";
import type { Evaluation } from "../../src/core/model/evaluation";
import type { ResultValue, Target } from "../../src/core/model/values";
import type { CellValue, MergeArea, SheetSnapshot } from "../../src/core/model/snapshot";
import { DEFAULT_PROFILE } from "../../src/core/profile/profile";
import { fixtureSnapshots } from "../helpers/fixtures";

/** One fuzz target: an input generator and a check. */
export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** null when the case holds, else what went wrong */
  readonly check: (input: T) => string | null;
  /** share of the cases this target gets */
  readonly weight: number;
}

// ---- text ----------------------------------------------------------------------------------------------

/** Pieces the ward sheets are made of, so random text reaches deep into the parsers. */
const TOKENS = [
  "30",
  "55.9",
  "0",
  "100",
  "3.5",
  "10,000",
  "１２",
  "0.5",
  "-3",
  "1e3",
  "９９.９",
  "%",
  "％",
  "パーセント",
  "pt",
  "ポイント",
  "点",
  "件",
  "回",
  "人",
  "団体",
  "箇所",
  "世帯",
  "校",
  "日",
  "時間",
  "円",
  "千円",
  "割",
  "以上",
  "以下",
  "未満",
  "超",
  "を超える",
  "上回る",
  "下回る",
  "以内",
  "まで",
  "増加",
  "減少",
  "維持",
  "を維持",
  "前年度比",
  "平成",
  "令和",
  "H",
  "R",
  "元",
  "29",
  "31",
  "32",
  "年度",
  "年度末",
  "までに",
  "~",
  "〜",
  "～",
  "-",
  "ー",
  "(",
  ")",
  "（",
  "）",
  "「",
  "」",
  "[",
  "]",
  "[3-1]",
  "・",
  "、",
  "。",
  ":",
  "：",
  "\n",
  "\r\n",
  " ",
  "\u3000",
  "\t",
  "目標",
  "実績",
  "満足度",
  "割合",
  "認知度",
  "参加者数",
  "合計",
  "累計",
  "延べ",
  "左記目標が",
  "であれば",
  "の場合",
  "事業を再構築する",
  "手法を再検討する",
  "廃止する",
  "撤退基準達成",
  "に該当",
  "○",
  "〇",
  "◯",
  "×",
  "✕",
  "X",
  "x",
  "①",
  "②",
  "③",
  "(ⅰ)",
  "(ⅱ)",
  "(i)",
  "（ⅱ）",
  "A",
  "B",
  "a",
  "b",
  "Ａ",
  "ａ",
  "ア",
  "イ",
  "㋐",
  "㋑",
  "☑",
  "□",
  "\u200B",
  "\uFEFF",
  "\u00AD",
  "\uD800",
  "𠮷",
  "ｶﾞ",
  "ﾞ",
  "①②",
  "A A",
  "-",
  "なし",
  "<script>",
  '=HYPERLINK("x")',
  "#N/A",
  "#DIV/0!",
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((t) => t.join(""));

/** Text as cells hold it: domain tokens, any unicode, and now and then something very long. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: tokenText },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: "binary" }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(tokenText, fc.integer({ min: 4_000, max: 7_000 }))
      .map(([t, n]) => (t.length === 0 ? "9" : t).repeat(Math.ceil(n / Math.max(1, t.length))).slice(0, n)),
  },
);

const context: fc.Arbitrary<ParseContext> = fc.record({
  evaluationYear: fc.integer({ min: 1989, max: 2040 }),
  defaultEra: fc.constantFrom("heisei" as const, "reiwa" as const),
});

const ALLOWED_FAILURES = new Set([
  "empty",
  "no-number",
  "no-comparator",
  "not-computable",
  "relative-needs-previous",
  "ambiguous-wording",
  "bad-era-year",
  "too-long",
  "partial",
  "range",
]);

function checkParsed(
  name: string,
  raw: string,
  p: { items: ReadonlyArray<{ raw: string }>; failures: ReadonlyArray<{ code: string; raw: string }> },
): string | null {
  if (!Array.isArray(p.items) || !Array.isArray(p.failures)) return `${name}: not a Parsed`;
  for (const f of p.failures)
    if (!ALLOWED_FAILURES.has(f.code)) return `${name}: unknown failure code ${f.code}`;
  for (const item of p.items) {
    if (typeof item.raw !== "string") return `${name}: item without raw`;
    const v =
      (item as { value?: unknown; threshold?: unknown }).value ?? (item as { threshold?: unknown }).threshold;
    if (typeof v !== "number" || !Number.isFinite(v))
      return `${name}: non-finite value ${String(v)} from ${JSON.stringify(raw.slice(0, 80))}`;
  }
  return null;
}

const parsers: FuzzTarget<{ text: string; ctx: ParseContext }> = {
  name: "parsers",
  weight: 55,
  arbitrary: fc.record({ text: cellText, ctx: context }),
  check: ({ text, ctx }) => {
    const problems = [
      checkParsed("parseTargets", text, parseTargets(text, ctx)),
      checkParsed("parseResults", text, parseResults(text, ctx)),
      checkParsed("parseCriteria", text, parseCriteria(text, ctx)),
    ].filter((p): p is string => p !== null);
    const span = parseYearSpan(text, ctx);
    if (
      span !== null &&
      "from" in span &&
      (!Number.isInteger(span.from) || !Number.isInteger(span.to) || span.from > span.to)
    ) {
      problems.push(`parseYearSpan: bad span ${JSON.stringify(span)}`);
    }
    return problems[0] ?? null;
  },
};

const normalisation: FuzzTarget<string> = {
  name: "normalisation",
  weight: 15,
  arbitrary: cellText,
  check: (text) => {
    const once = normalizeText(text);
    if (normalizeText(once) !== once)
      return `normalizeText not idempotent: ${JSON.stringify(text.slice(0, 80))}`;
    if (once !== once.trim()) return "normalizeText left outer space";
    const folded = foldLabel(text);
    if (typeof folded !== "string") return "foldLabel did not return a string";
    if (foldLabel(folded) !== folded)
      return `foldLabel not idempotent: ${JSON.stringify(text.slice(0, 80))} → ${JSON.stringify(folded.slice(0, 80))}`;
    return null;
  },
};

const MARK_VALUES: { readonly [K in MarkKind]: ReadonlyArray<MarkValues[K]> } = {
  achievement: ["achieved", "missed", "withdrawal"],
  execution: ["i", "ii"],
  initiativeEffectiveness: ["effective", "not-effective"],
  outcome: ["A", "B"],
  outcomeOverall: ["A", "B"],
  strategyProgress: ["a", "b"],
  strategyEffectiveness: ["effective", "review"],
};
const KINDS = Object.keys(MARK_VALUES) as MarkKind[];

const marks: FuzzTarget<{ text: string; kind: MarkKind; pick: number; numbered: boolean }> = {
  name: "marks",
  weight: 15,
  arbitrary: fc.record({
    text: cellText,
    kind: fc.constantFrom(...KINDS),
    pick: fc.nat(),
    numbered: fc.boolean(),
  }),
  check: ({ text, kind, pick, numbered }) => {
    const one = readMark(kind, text);
    if (!["empty", "mark", "qualifier-only", "invalid"].includes(one.status))
      return `readMark: status ${one.status}`;
    const all = readMarks(kind, text);
    if (!Array.isArray(all)) return "readMarks: not an array";
    if (
      one.status === "mark" &&
      !(MARK_VALUES[kind] as ReadonlyArray<string>).includes(one.value as string)
    ) {
      return `readMark(${kind}): value ${String(one.value)} not of the kind`;
    }
    // what kusei writes, it reads back as the same value
    const values = MARK_VALUES[kind] as ReadonlyArray<MarkValues[MarkKind]>;
    const value = values[pick % values.length] as MarkValues[typeof kind];
    const notation = numbered ? "numbered" : "circle";
    const symbol = formatMark(kind, value, notation);
    const back = readMark(kind, symbol);
    const expected =
      kind === "achievement" && value === "withdrawal" && notation === "circle" ? "missed" : value;
    if (back.status !== "mark" || back.value !== expected)
      return `formatMark/readMark round trip: ${kind} ${String(value)} → ${symbol} → ${JSON.stringify(back)}`;
    return null;
  },
};

// ---- grids ---------------------------------------------------------------------------------------------

const STRATEGY_LABELS = [
  "項目",
  "成果指標と目標値",
  "めざす状態",
  "アウトカム",
  "戦略",
  "戦略のアウトカムに対する有効性",
  "アウトカムの達成状況",
  "前年度",
  "個別",
  "全体",
  "戦略の進捗状況",
  "課題",
  "今後の対応方向・改善策",
];
const INITIATIVE_LABELS = [
  "項目",
  "成果指標と目標値",
  "取組内容",
  "業績目標",
  "撤退基準",
  "前年度までの実績",
  "取組実績",
  "業績目標の達成状況",
  "戦略に対する取組の有効性",
  "課題",
  "改善策",
];

/** A header label as users retype it: full width, spaces, line breaks, a dropped or doubled character. */
function renamed(label: string, how: number): string {
  switch (how % 6) {
    case 0:
      return label;
    case 1:
      return label.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 2:
      return label.split("").join(how % 2 === 0 ? " " : "\u3000");
    case 3:
      return `${label.slice(0, Math.ceil(label.length / 2))}\n${label.slice(Math.ceil(label.length / 2))}`;
    case 4:
      return label.length > 2 ? label.slice(0, -1) : label;
    default:
      return `${label}(注)`;
  }
}

const valueCell = fc.oneof(
  { weight: 4, arbitrary: cellText as fc.Arbitrary<CellValue> },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("%", "件", "人", "回", ""),
        fc.constantFrom("以上", "以下", "未満", "超", ""),
      )
      .map(([n, u, c]) => `${n / 10}${u}${c}` as CellValue),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<CellValue>(
      "○",
      "×",
      "①",
      "②",
      "③",
      "(ⅰ)",
      "○(ⅰ)",
      "A",
      "B",
      "a",
      "b",
      "ア",
      "イ",
      "㋐",
      "㋑",
      "-",
      null,
      "",
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) as fc.Arbitrary<CellValue> },
);

const mergeArb = (rows: number, cols: number): fc.Arbitrary<MergeArea> =>
  fc
    .tuple(fc.integer({ min: -1, max: rows }), fc.integer({ min: -1, max: cols }), fc.nat(3), fc.nat(3))
    .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

/** A form-like sheet: a title, a header of (shuffled, renamed) labels, then rows of domain-like values. */
const formSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    kind: fc.boolean(),
    order: fc.nat(),
    renames: fc.array(fc.nat(), { minLength: 13, maxLength: 13 }),
    headerRow: fc.nat(4),
    body: fc.array(fc.array(valueCell, { minLength: 0, maxLength: 15 }), { maxLength: 12 }),
    merges: fc.array(mergeArb(20, 15), { maxLength: 6 }),
    errors: fc.array(
      fc.record({ row: fc.nat(20), col: fc.nat(15), code: fc.constantFrom("#N/A", "#DIV/0!", "#REF!") }),
      { maxLength: 3 },
    ),
    formulas: fc.array(fc.record({ row: fc.nat(20), col: fc.nat(15) }), { maxLength: 3 }),
    protected: fc.boolean(),
    origin: fc.record({ row: fc.nat(30), col: fc.nat(10) }),
  })
  .map((g) => {
    const labels = [...(g.kind ? STRATEGY_LABELS : INITIATIVE_LABELS)];
    // a rotation plus a swap: shuffled headers
    const k = g.order % labels.length;
    const shuffled = [...labels.slice(k), ...labels.slice(0, k)];
    const i = g.order % shuffled.length;
    const j = (g.order >> 4) % shuffled.length;
    [shuffled[i], shuffled[j]] = [shuffled[j] ?? "", shuffled[i] ?? ""];
    const header = shuffled.map((l, n) => renamed(l, g.renames[n] ?? 0));
    const rows: CellValue[][] = [];
    rows.push(["区政運営基本方針の成果目標の達成に向けた取組状況について(平野区)"]);
    for (let r = 1; r < g.headerRow; r++) rows.push([r % 2 === 0 ? "平成28年度" : null]);
    rows.push(header);
    rows.push(
      g.kind
        ? [null, null, null, null, null, null, null, null, "A:順調\nB:順調でない"]
        : [null, null, null, null, null, null, null, "○:目標達成\n×:目標未達成"],
    );
    rows.push(["1", "「大きな公共」に向けて"], ["(1)", "豊かなコミュニティの実現"]);
    for (const line of g.body) rows.push(line);
    const width = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
    const inside = (p: { row: number; col: number }): boolean => p.row < values.length && p.col < width;
    const errors = g.errors.filter(inside);
    for (const e of errors) (values[e.row] as CellValue[])[e.col] = null;
    return {
      name: g.kind ? "戦略(1)" : "取組(1)",
      origin: g.origin,
      values,
      formulas: g.formulas.filter(inside),
      errors,
      merges: g.merges,
      visibility: "visible" as const,
      protected: g.protected,
    };
  });

/** A fixture's sheets with random damage: cells replaced, columns swapped, merges added, a sheet protected. */
const damagedFixture: fc.Arbitrary<SheetSnapshot[]> = fc
  .record({
    fixture: fc.constantFrom(
      "hirano-fy2016",
      "variant-numbered",
      "variant-formulas",
      "variant-column-order",
      "variant-label-typos",
      "other-sheets",
    ),
    edits: fc.array(fc.record({ sheet: fc.nat(), row: fc.nat(30), col: fc.nat(15), value: valueCell }), {
      maxLength: 12,
    }),
    swap: fc.option(fc.record({ sheet: fc.nat(), a: fc.nat(14), b: fc.nat(14) })),
    merges: fc.array(fc.record({ sheet: fc.nat(), area: mergeArb(30, 15) }), { maxLength: 3 }),
    protect: fc.option(fc.nat()),
    errors: fc.array(fc.record({ sheet: fc.nat(), row: fc.nat(30), col: fc.nat(15) }), { maxLength: 3 }),
  })
  .map((d) => {
    const sheets = fixtureSnapshots(d.fixture).map((s) => ({
      ...s,
      values: s.values.map((r) => [...r]),
      merges: [...s.merges],
      errors: [...s.errors],
      formulas: [...s.formulas],
    }));
    const pick = (n: number): (typeof sheets)[number] | undefined => sheets[n % sheets.length];
    for (const e of d.edits) {
      const s = pick(e.sheet);
      const row = s?.values[e.row];
      if (row !== undefined && e.col < row.length) row[e.col] = e.value;
    }
    if (d.swap !== null) {
      const s = pick(d.swap.sheet);
      if (s !== undefined) {
        const { a, b } = d.swap;
        for (const row of s.values)
          if (a < row.length && b < row.length) [row[a], row[b]] = [row[b] ?? null, row[a] ?? null];
        // merges touching a swapped column no longer describe the grid: drop them, as a user's cut/paste would
        s.merges = s.merges.filter((m) => (m.left > a || m.right < a) && (m.left > b || m.right < b));
      }
    }
    for (const m of d.merges) pick(m.sheet)?.merges.push(m.area);
    for (const e of d.errors) {
      const s = pick(e.sheet);
      const row = s?.values[e.row];
      if (s !== undefined && row !== undefined && e.col < row.length) {
        row[e.col] = null;
        s.errors.push({ row: e.row, col: e.col, code: "#N/A" });
      }
    }
    if (d.protect !== null) {
      const s = pick(d.protect);
      if (s !== undefined) (s as { protected: boolean }).protected = true;
    }
    return sheets as SheetSnapshot[];
  });

// ---- derived marks never contradict the numbers ---------------------------------------------------------

/** Independent recomputation of a target check (cumulative targets compare the sum of their results). */
function recomputeMet(target: Target, results: ReadonlyArray<ResultValue>): boolean | null {
  if (target.cumulative && results.length >= 2 && new Set(results.map((r) => r.unit)).size === 1) {
    const sum = results.reduce((s, r) => s + r.value, 0);
    return holds(sum, target.comparator, target.value);
  }
  return meets(target, results);
}

const ACHIEVEMENT_READS: Record<string, ReadonlyArray<string>> = {
  achieved: ["achieved"],
  missed: ["missed"],
  withdrawal: ["withdrawal", "missed"], // circle notation writes × plus the row's flag
};

/** Everything that must hold of any evaluation, whatever the input. */
export function evaluationProblems(snapshots: ReadonlyArray<SheetSnapshot>, e: Evaluation): string | null {
  for (const d of e.initiatives) {
    for (const t of d.targets) {
      const again = recomputeMet(t.target, t.results);
      if (t.met !== null && again !== null && t.met !== again)
        return `target ${t.target.raw}: met ${String(t.met)} but the numbers say ${String(again)}`;
    }
    for (const w of d.withdrawals) {
      const again = fires(w.criterion, w.results);
      if (w.fired !== null && again !== null && w.fired !== again)
        return `criterion ${w.criterion.raw}: fired ${String(w.fired)} but the numbers say ${String(again)}`;
    }
    const fired = d.withdrawals.some((w) => w.fired === true);
    switch (d.achievement) {
      case "achieved":
        if (d.targets.length === 0 || d.targets.some((t) => t.met !== true))
          return `${d.record.id}: achieved with a target not met`;
        if (fired) return `${d.record.id}: achieved although a withdrawal criterion fired`;
        break;
      case "missed":
        if (!d.targets.some((t) => t.met === false)) return `${d.record.id}: missed without a missed target`;
        if (fired) return `${d.record.id}: missed although a withdrawal criterion fired`;
        break;
      case "withdrawal":
        if (!fired) return `${d.record.id}: withdrawal without a fired criterion`;
        break;
      case null:
        break;
    }
    if (d.withdrawalFlag !== (d.achievement === "withdrawal"))
      return `${d.record.id}: withdrawal flag disagrees with the class`;
  }
  for (const s of e.strategies) {
    for (const o of s.outcomes) {
      if (o.target === null || o.mark !== "B") continue;
      if (recomputeMet(o.target, o.results) === true)
        return `${s.record.id}: outcome B although ${o.target.raw} is met`;
    }
  }
  const byId = new Map(e.initiatives.map((d) => [d.record.id, d] as const));
  const sheets = new Map(snapshots.map((s) => [s.name, s] as const));
  for (const m of e.plan) {
    if (!["write", "keep", "conflict", "skip"].includes(m.action)) return `plan: action ${m.action}`;
    if ((m.action === "write" || m.action === "conflict") && m.value === null)
      return `plan ${m.id}: ${m.action} without a value`;
    if (m.action !== "write" && m.action !== "conflict") continue;
    const s = sheets.get(m.sheet);
    if (s === undefined) return `plan ${m.id}: unknown sheet`;
    if (s.protected) return `plan ${m.id}: writes into a protected sheet`;
    const r = m.row - 1 - s.origin.row;
    const c = m.col - 1 - s.origin.col;
    if (s.formulas.some((f) => f.row === r && f.col === c)) return `plan ${m.id}: writes over a formula`;
    if (s.errors.some((f) => f.row === r && f.col === c)) return `plan ${m.id}: writes over an error value`;
    const here = s.values[r]?.[c] ?? null;
    if (here !== m.current && !(here === "" && m.current === null) && !(here === null && m.current === ""))
      return `plan ${m.id}: current ${String(m.current)} but the cell holds ${String(here)}`;
    if (m.field === "achievement" && m.mark !== null) {
      const d = byId.get(m.recordId);
      const read = readMark("achievement", m.mark);
      if (d === undefined || d.achievement === null)
        return `plan ${m.id}: a mark for a record without a class`;
      if (read.status !== "mark" || !(ACHIEVEMENT_READS[d.achievement] ?? []).includes(read.value))
        return `plan ${m.id}: writes ${m.mark} for ${d.achievement}`;
    }
  }
  return null;
}

const forms: FuzzTarget<SheetSnapshot[]> = {
  name: "evaluate-random-forms",
  weight: 10,
  arbitrary: fc
    .array(formSheet, { minLength: 1, maxLength: 2 })
    .map((sheets) => sheets.map((s, i) => ({ ...s, name: `${s.name}#${i}` }))),
  check: (sheets) => {
    const rec = recognizeWorkbook(sheets, DEFAULT_PROFILE);
    if (rec.layouts.length !== sheets.length) return "recognizeWorkbook: one layout per sheet";
    return evaluationProblems(sheets, evaluateWorkbook(sheets));
  },
};

const fixtures: FuzzTarget<SheetSnapshot[]> = {
  name: "evaluate-damaged-fixtures",
  weight: 5,
  arbitrary: damagedFixture,
  check: (sheets) => evaluationProblems(sheets, evaluateWorkbook(sheets)),
};

/** Every fuzz target. */
export const FUZZ_TARGETS: ReadonlyArray<FuzzTarget<never>> = [
  parsers,
  normalisation,
  marks,
  forms,
  fixtures,
] as unknown as ReadonlyArray<FuzzTarget<never>>;

/** One failing case. */
export interface FuzzFailure {
  readonly target: string;
  readonly seed: number;
  readonly index: number;
  readonly problem: string;
  readonly input: string;
}

/** Runs one case: the check's verdict, or the exception it threw, as a problem text. */
export function runCase<T>(target: FuzzTarget<T>, input: T): string | null {
  try {
    return target.check(input);
  } catch (e) {
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

/** A short printable form of an input (for the failure list). */
export function describeInput(input: unknown): string {
  const text = JSON.stringify(input, (_k, v: unknown) =>
    typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v,
  );
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
