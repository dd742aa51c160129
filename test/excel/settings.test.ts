import {
  loadWorkbookSettings,
  saveMappingOverrides,
  saveProfileJson,
  SETTINGS_KEYS,
} from "../../src/excel/settings";
import { asExcel, WorkbookModel } from "./fake-excel";
import { fakeHost, HOSTS } from "./fake/host";

describe.each(HOSTS)("on %s", (profile) => {
  describe("workbook settings", () => {
    test("column-map overrides round-trip; an empty map removes the setting", async () => {
      const m = new WorkbookModel();
      const ctx = fakeHost(m, profile);
      const overrides = { 戦略: { kind: "strategy" as const, columns: { outcome: 9, department: null } } };
      await saveMappingOverrides(asExcel(ctx), overrides);
      expect((await loadWorkbookSettings(asExcel(ctx))).overrides).toEqual(overrides);
      await saveMappingOverrides(asExcel(ctx), {});
      expect(m.settings.has(SETTINGS_KEYS.overrides)).toBe(false);
    });

    test("a profile is validated before it is saved", async () => {
      const m = new WorkbookModel();
      const ctx = fakeHost(m, profile);
      const bad = await saveProfileJson(asExcel(ctx), '{"evaluationYear": "2016年"}');
      expect(bad?.ok).toBe(false);
      expect(m.settings.has(SETTINGS_KEYS.profile)).toBe(false);
      const good = await saveProfileJson(asExcel(ctx), '{"evaluationYear": 2017}');
      expect(good?.ok && good.profile.evaluationYear).toBe(2017);
      const loaded = await loadWorkbookSettings(asExcel(ctx));
      expect(loaded.profile?.ok && loaded.profile.profile.evaluationYear).toBe(2017);
    });

    test("damaged saved values are reported, and the defaults are used", async () => {
      const m = new WorkbookModel();
      m.settings.set(SETTINGS_KEYS.overrides, "{not json");
      m.settings.set(SETTINGS_KEYS.profile, '{"outcomeOverallRule": "sometimes"}');
      const loaded = await loadWorkbookSettings(asExcel(fakeHost(m, profile)));
      expect(loaded.overrides).toEqual({});
      expect(loaded.problems).toHaveLength(2);
      expect(loaded.problems[0]?.ja).toContain("JSON");
    });
  });
});
