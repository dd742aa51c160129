// The phrasing corpus as tests (issue 9): every phrasing parses as the corpus says, every row derives the
// mark it expects, and properties over spellings, notes, conjugations and partial parses.
import fc from "fast-check";
import { parseCriteria, parseResults, parseTargets } from "../../src/core/values";
import {
  CORPUS_CTX,
  deriveScenario,
  describeParse,
  loadPhrasings,
  loadScenarios,
  type Scenario,
} from "./corpus";

const phrasings = loadPhrasings();
const scenarios = loadScenarios();

describe("the phrasing corpus", () => {
  test("holds at least 300 phrasings, in groups", () => {
    expect(phrasings.length + scenarios.length).toBeGreaterThanOrEqual(300);
    expect(new Set(phrasings.map((p) => p.group)).size).toBeGreaterThanOrEqual(15);
  });

  test.each(phrasings.map((p) => [`${p.group} ${p.kind} ${p.text}`, p]))("%s", (_name, p) => {
    expect(describeParse(p.kind, p.text)).toBe(p.expect);
  });
});

describe("the corpus rows", () => {
  test.each(scenarios.map((s) => [`${s.group}:${s.line} → ${s.expect}`, s]))("%s", (_name, s) => {
    const d = deriveScenario(s);
    expect(d?.achievement ?? "none").toBe(s.expect);
    expect(d?.withdrawalFlag ?? false).toBe(s.expect === "withdrawal");
    // every mark's reason shows the figures as read, and every refusal says why
    expect(d?.reason.ja ?? "").not.toBe("");
  });
});

describe("certainty over the whole corpus", () => {
  // every phrasing the corpus expects to yield nothing (partial, range, not a number …), put in a row
  const refused = phrasings.filter((p) => p.expect.startsWith("!"));

  test("there are refused phrasings to try", () => {
    expect(refused.length).toBeGreaterThan(10);
  });

  test.each(refused.map((p) => [`${p.kind} ${p.text}`, p]))("no mark and no flag rests on %s", (_n, p) => {
    const row: Scenario =
      p.kind === "target"
        ? {
            line: p.line,
            group: p.group,
            target: p.text,
            result: "参加者数 50人\n満足度 50%",
            criterion: "10人未満であれば、事業を再構築する。",
            history: "",
            expect: "none",
          }
        : p.kind === "result"
          ? {
              line: p.line,
              group: p.group,
              target: "参加者数 100人以上",
              result: p.text,
              criterion: "60%未満であれば、事業を再構築する。",
              history: "",
              expect: "none",
            }
          : {
              line: p.line,
              group: p.group,
              target: "満足度 80%以上",
              result: "満足度 3%",
              criterion: p.text,
              history: "",
              expect: "none",
            };
    const d = deriveScenario(row);
    expect(d?.withdrawalFlag ?? false).toBe(false);
    // a criterion that cannot be read leaves the targets to decide: never a withdrawal, at most 目標未達成
    if (p.kind === "criterion") expect(d?.achievement).not.toBe("withdrawal");
    else expect(d?.achievement ?? null).toBeNull();
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────────────────

const KANJI = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** n (1..99,999,999) in kanji numerals: 12,000 → 一万二千. */
function kanji(n: number): string {
  const small = (x: number): string => {
    let out = "";
    for (const [unit, k] of [
      [1000, "千"],
      [100, "百"],
      [10, "十"],
    ] as const) {
      const d = Math.floor(x / unit) % 10;
      if (d > 0) out += (d === 1 ? "" : KANJI[d]) + k;
    }
    return out + (KANJI[x % 10] ?? "");
  };
  const man = Math.floor(n / 10000);
  return (man > 0 ? `${small(man)}万` : "") + small(n % 10000);
}
const fullWidth = (s: string): string =>
  s.replace(/[0-9,.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (n: number): string => n.toLocaleString("en-US");
/** 124000 → 12万4千, 12345 → 1万2345 */
function manForm(n: number): string {
  const man = Math.floor(n / 10000);
  const rest = n % 10000;
  if (man === 0) return String(n);
  if (rest === 0) return `${man}万`;
  if (rest % 1000 === 0) return `${man}万${rest / 1000}千`;
  return `${man}万${rest}`;
}

describe("properties", () => {
  test("one count spelled several ways parses to the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom("人", "件", "回"), (n, unit) => {
        const spellings = [
          `${n}${unit}`,
          `${grouped(n)}${unit}`,
          fullWidth(`${grouped(n)}`) + unit,
          `${manForm(n)}${unit}`,
        ];
        if (n >= 10) spellings.push(`${kanji(n)}${unit}`);
        if (unit === "人") spellings.push(`${n}名`);
        for (const text of spellings) {
          const r = parseResults(`参加者数 ${text}`, CORPUS_CTX);
          expect({ text, items: r.items.map((i) => [i.value, i.unit]) }).toEqual({
            text,
            items: [[n, unit]],
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  test("one percentage spelled several ways parses to the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (tenths) => {
        const n = tenths * 10;
        for (const text of [`${n}%`, `${n}％`, `${n}パーセント`, fullWidth(`${n}%`), `${tenths}割`]) {
          const t = parseTargets(`満足度 ${text}以上`, CORPUS_CTX).items;
          expect({ text, t: t.map((i) => [i.value, i.unit, i.comparator]) }).toEqual({
            text,
            t: [[n, "%", "gte"]],
          });
        }
      }),
    );
  });

  test("a bracketed note never changes the main figure", () => {
    const note = fc.oneof(
      fc.constantFrom(
        "回答者 212人",
        "前年度 31.5%",
        "平成27年度 38%",
        "うち新規 35人",
        "目標 100人",
        "区民アンケート",
      ),
      fc
        .tuple(
          fc.constantFrom("回答者", "前年度", "参加者", "対象"),
          fc.integer({ min: 0, max: 99999 }),
          fc.constantFrom("人", "%", "件", "名", ""),
        )
        .map(([w, n, u]) => `${w} ${n}${u}`),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("%", "人", "件"),
        note,
        (n, unit, inner) => {
          const plain = parseResults(`満足度 ${n}${unit}`, CORPUS_CTX).items.map((i) => [i.value, i.unit]);
          const noted = parseResults(`満足度 ${n}${unit}(${inner})`, CORPUS_CTX).items.map((i) => [
            i.value,
            i.unit,
          ]);
          expect(noted).toEqual(plain);
          expect(plain).toEqual([[n, unit]]);
        },
      ),
    );
  });

  // each family: the plain form and its conjugations, all meaning the same
  const FAMILIES: ReadonlyArray<readonly [plain: string, forms: ReadonlyArray<string>]> = [
    [
      "未満",
      [
        "を下回る",
        "を下回った",
        "を下回れば",
        "に満たない",
        "に満たなかった",
        "に達しない",
        "に達しなかった",
        "を切る",
        "を切った",
        "を割り込んだ",
        "以上でない",
        "以上とならなかった",
      ],
    ],
    ["以下", ["を超えない", "を超えなかった", "を上回らない", "を上回らなかった", "以内", "まで"]],
    ["超", ["を超える", "を超えた", "を超えれば", "を上回る", "を上回った", "超過", "以下でない"]],
    ["以上", ["を下回らない", "を下回らなかった", "に達する", "に達した", "未満でない"]],
  ];

  test("a conjugated comparator means what its plain form means", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom("%", "人", "回", "分", "件"),
        fc.constantFrom("場合は", "となった場合は", "であれば", "場合には"),
        ([plain, forms], n, unit, tail) => {
          const read = (word: string) =>
            parseCriteria(`実績が${n}${unit}${word}${tail}、事業を再構築する。`, CORPUS_CTX).items.map(
              (i) => [i.threshold, i.unit, i.comparator],
            );
          const expected = read(plain);
          expect(expected).toHaveLength(1);
          for (const form of forms) expect({ form, got: read(form) }).toEqual({ form, got: expected });
        },
      ),
    );
  });
});
