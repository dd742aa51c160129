import fc from "fast-check";
import {
  fires,
  meets,
  pairValues,
  parseCriteria,
  parseResults,
  parseTargets,
  parseYearSpan,
  valueProblems,
  type ParseContext,
} from "../../../src/core/values";
import { describeComparison } from "../../../src/core/messages/comparison";

const ctx: ParseContext = { evaluationYear: 2016, defaultEra: "heisei" };

// characters the sheets are made of, so the parsers' paths are reached, not only their "no-number" exit
const sheetChar = fc.constantFrom(
  ..."0123456789０１２３４５６７８９.,．，%％件回人名世帯地域点pt割円千万以上下未満超内まで増加減少維持前年度比平成令和HR元年度末~〜～-−()（）[]【】「」:：・、。 　\n左記目標がであれば事業を再構築手法再検討廃止撤退基準達成該当実績月日時間ア○×①",
);
const sheetText = (maxLength: number) => fc.array(sheetChar, { maxLength }).map((a) => a.join(""));
const anyText = fc.oneof(sheetText(300), fc.string({ unit: "binary", maxLength: 300 }));

describe("no string makes a value parser throw", () => {
  test("targets, results, criteria, year spans", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const t = parseTargets(s, ctx);
        const r = parseResults(s, ctx);
        const c = parseCriteria(s, ctx);
        parseYearSpan(s, ctx);
        for (const x of [...t.items, ...r.items, ...c.items]) valueProblems(x);
        pairValues(t.items, r.items);
        pairValues(t.items, c.items);
        for (const x of t.items) {
          meets(x, r.items);
          describeComparison(x, r.items);
        }
        for (const x of c.items) fires(x, r.items);
      }),
      { numRuns: 600 },
    );
  });

  test("every item has raw text, a finite value, and a failure has a code", () => {
    fc.assert(
      fc.property(sheetText(200), (s) => {
        for (const parsed of [parseTargets(s, ctx), parseResults(s, ctx), parseCriteria(s, ctx)]) {
          for (const item of parsed.items) {
            expect(item.raw.length).toBeGreaterThan(0);
            expect(Number.isFinite("threshold" in item ? item.threshold : item.value)).toBe(true);
          }
          for (const f of parsed.failures) expect(typeof f.code).toBe("string");
          if (s.trim() !== "") expect(parsed.items.length + parsed.failures.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("a generated target reads back", () => {
    const units = ["%", "件", "人", "回", "世帯", "箇所"] as const;
    const comps = [
      ["以上", "gte"],
      ["以下", "lte"],
      ["未満", "lt"],
      ["超", "gt"],
      ["", "gte"],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99999 }),
        fc.constantFrom(...units),
        fc.constantFrom(...comps),
        fc.integer({ min: 27, max: 31 }),
        (n, unit, [word, comparator], h) => {
          const t = parseTargets(`平成${h}年度までに満足度${n}${unit}${word}`, ctx);
          expect(t.failures).toEqual([]);
          expect(t.items).toEqual([
            expect.objectContaining({
              value: n,
              unit,
              comparator,
              label: "満足度",
              deadline: { from: 1988 + h, to: 1988 + h, endOfYear: false },
            }),
          ]);
        },
      ),
    );
  });
});

describe("5,000-character cells (linear scanning; the jest timeout is the only clock)", () => {
  const long: Array<[string, string]> = [
    ["digits", "1".repeat(5000)],
    ["grouped digits", "1,".repeat(2500)],
    ["decimals", "1.".repeat(2500)],
    ["eras", "平成".repeat(2500)],
    ["era ranges", "H1~".repeat(1666)],
    ["open parens", "(".repeat(5000)],
    ["nested parens", "(".repeat(2500) + ")".repeat(2500)],
    ["values in parens", "(1%)".repeat(1250)],
    ["quantities", "1%以上 ".repeat(833)],
    ["months", "7~8月".repeat(1250)],
    ["criteria", "15%未満であれば、".repeat(500)],
    ["spaces", " 1".repeat(2500)],
    ["newlines", "割合\n1%".repeat(1000)],
  ];
  test.each(long)("%s", (_name, s) => {
    expect(s.length).toBeLessThanOrEqual(5000);
    parseTargets(s, ctx);
    parseResults(s, ctx);
    parseCriteria(s, ctx);
    parseYearSpan(s, ctx);
  });

  test("random sheet text up to 5,000 characters", () => {
    fc.assert(
      fc.property(
        fc.array(sheetChar, { minLength: 4000, maxLength: 5000 }).map((a) => a.join("")),
        (s) => {
          parseTargets(s, ctx);
          parseResults(s, ctx);
          parseCriteria(s, ctx);
        },
      ),
      { numRuns: 30 },
    );
  });
});
