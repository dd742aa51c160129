import { DEFAULT_PROFILE } from "../../../src/core/profile/profile";
import { parseProfile, parseProfileJson } from "../../../src/core/profile/load";

describe("parseProfile: good profiles merge over the default", () => {
  test.each([
    ["empty object → the default", {}, DEFAULT_PROFILE],
    ["numbered notation", { notation: "numbered" }, { ...DEFAULT_PROFILE, notation: "numbered" }],
    [
      "nested header override keeps the other header settings",
      { header: { searchRows: 60 } },
      { ...DEFAULT_PROFILE, header: { ...DEFAULT_PROFILE.header, searchRows: 60 } },
    ],
    [
      "another ward and year",
      {
        id: "osaka-ward-2023",
        name: { ja: "令和5年度" },
        evaluationYear: 2023,
        periodStartYear: 2022,
        defaultEra: "reiwa",
      },
      {
        ...DEFAULT_PROFILE,
        id: "osaka-ward-2023",
        name: { ja: "令和5年度", en: DEFAULT_PROFILE.name.en },
        evaluationYear: 2023,
        periodStartYear: 2022,
        defaultEra: "reiwa",
      },
    ],
  ])("%s", (_name, json, expected) => {
    const r = parseProfile(json);
    expect(r).toEqual({ ok: true, profile: expected });
  });
});

describe("parseProfile: bad profiles are rejected with a path and ja/en reasons", () => {
  test.each([
    ["not an object", 42, ""],
    ["unknown key (typo)", { notaion: "numbered" }, ""],
    ["bad enum", { notation: "triangle" }, "notation"],
    ["confidence above 1", { header: { minConfidence: 1.5 } }, "header.minConfidence"],
    ["year not an integer", { evaluationYear: 2016.5 }, "evaluationYear"],
    ["year as a string", { evaluationYear: "2016" }, "evaluationYear"],
    [
      "weak below min (cross-field)",
      { header: { minConfidence: 0.9, weakConfidence: 0.6 } },
      "header.weakConfidence",
    ],
    ["period starts after the evaluation year", { periodStartYear: 2020 }, "periodStartYear"],
  ])("%s", (_name, json, path) => {
    const r = parseProfile(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0];
    expect(e).toBeDefined();
    expect(e?.path).toBe(path);
    expect(e?.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(e?.message.en).toMatch(/[A-Za-z]{3}/);
    expect(e?.message.en).not.toBe(e?.message.ja);
  });

  test("every problem is listed, not only the first", () => {
    const r = parseProfile({ notation: "x", outcomeOverallRule: "y", maxCellLength: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.path).sort()).toEqual(["maxCellLength", "notation", "outcomeOverallRule"]);
  });
});

describe("parseProfileJson", () => {
  test("reads JSON text (with a BOM)", () => {
    expect(parseProfileJson('\uFEFF{"outcomeOverallRule":"majority"}')).toEqual({
      ok: true,
      profile: { ...DEFAULT_PROFILE, outcomeOverallRule: "majority" },
    });
  });
  test("a syntax error is a reason, not an exception", () => {
    const r = parseProfileJson("{notation: circle");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message.ja).toContain("JSON として読めません");
  });
});
