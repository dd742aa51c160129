import { fiscalYearJa, formatJst } from "../../src/taskpane/i18n/era";
import { themeName } from "../../src/taskpane/components/theme";

describe("theme follows the user", () => {
  test.each([
    [{ office: null, prefersDark: false, forcedColors: false }, "light"],
    [{ office: null, prefersDark: true, forcedColors: false }, "dark"],
    [{ office: null, prefersDark: true, forcedColors: true }, "highContrast"],
    // Office's Black theme wins over the browser preference, its White/Colorful themes too
    [{ office: { bodyBackgroundColor: "#262626" }, prefersDark: false, forcedColors: false }, "dark"],
    [{ office: { bodyBackgroundColor: "#FFFFFF" }, prefersDark: true, forcedColors: false }, "light"],
    [{ office: { bodyBackgroundColor: "not a colour" }, prefersDark: true, forcedColors: false }, "dark"],
  ] as const)("%j → %s", (inputs, name) => {
    expect(themeName(inputs)).toBe(name);
  });
});

describe("和暦 and JST", () => {
  test.each([
    [2016, "平成28年度"],
    [2019, "令和元年度"],
    [2025, "令和7年度"],
    [1989, "平成元年度"],
    [1900, "1900年度"],
  ])("%i → %s", (year, text) => {
    expect(fiscalYearJa(year)).toBe(text);
  });

  test("a UTC instant is shown in Japan's time, with the era in Japanese", () => {
    const t = new Date("2026-12-01T18:16:58.512Z");
    expect(formatJst(t, "ja")).toBe("令和8年12月2日 3:16");
    expect(formatJst(t, "en")).toBe("2 Dec 2026, 03:16 JST");
  });
});
