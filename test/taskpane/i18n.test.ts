import { detectLanguage, en, format, ja, translator } from "../../src/taskpane/i18n/strings";
import { detectOffice } from "../../src/taskpane/office";

describe("言語の選択", () => {
  test.each([
    ["ja-JP", ["en-US"], "ja"],
    ["en-US", ["ja"], "en"],
    [null, ["ja-JP", "en"], "ja"],
    [null, ["en-GB"], "en"],
    [null, ["zh-CN"], "en"],
    ["", ["fr"], "en"],
    [undefined, [], "ja"],
  ] as const)("Office=%s ブラウザー=%j → %s", (office, browser, expected) => {
    expect(detectLanguage(office, browser)).toBe(expected);
  });
});

describe("文言カタログ", () => {
  test("ja と en は同じキーを持ち、空の文言はない", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [k, v] of [...Object.entries(ja), ...Object.entries(en)])
      expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  test("ja と en は同じ差し込み名を使う", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ja) as Array<keyof typeof ja>)
      expect([key, names(en[key])]).toEqual([key, names(ja[key])]);
  });

  test("差し込み", () => {
    expect(format("{a} と {b} と {c}", { a: 1, b: "x" })).toBe("1 と x と {c}");
    expect(translator("ja")("applyCount", { count: 3 })).toBe("3 件を書き込む");
    expect(translator("en")("applyCount", { count: 3 })).toBe("Write 3 cells");
  });
});

describe("Office の検出", () => {
  test("office.js が無ければ単体モード", async () => {
    await expect(detectOffice(undefined, 10)).resolves.toEqual({
      inExcel: false,
      displayLanguage: null,
      timedOut: false,
    });
  });

  test("Excel の中では表示言語を返す", async () => {
    const office = {
      onReady: async () => ({ host: "Excel" }),
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } },
    };
    await expect(detectOffice(office, 1000)).resolves.toEqual({
      inExcel: true,
      displayLanguage: "en-US",
      timedOut: false,
      officeTheme: { bodyBackgroundColor: "#262626" },
    });
  });

  test("ホストなし(ブラウザー)は単体モード", async () => {
    const office = { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } };
    await expect(detectOffice(office, 1000)).resolves.toEqual({
      inExcel: false,
      displayLanguage: null,
      timedOut: false,
      officeTheme: null,
    });
  });

  test("onReady が終わらなければ待ち切って単体モード", async () => {
    const office = {
      onReady: () => new Promise<{ host: unknown }>(() => undefined),
      HostType: { Excel: "Excel" },
    };
    await expect(detectOffice(office, 20)).resolves.toEqual({
      inExcel: false,
      displayLanguage: null,
      timedOut: true,
    });
  });
});
