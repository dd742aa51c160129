import {
  loadWorkbookSettings,
  saveMappingOverrides,
  saveProfileJson,
  SETTINGS_KEYS,
} from "../../src/excel/settings";
import { asExcel, WorkbookModel } from "./fake-excel";
import { fakeHost, HOSTS } from "./fake/host";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

describe.each(HOSTS)("on %s", (profile) => {
  describe("workbook settings", () => {
    test("column-map overrides round-trip; an empty map removes the setting", async () => {
      const m = new WorkbookModel();
      const ctx = fakeHost(m, profile);
      const overrides = { 戦略: { kind: "strategy" as const, columns: { outcome: 9, department: null } } };
      await saveMappingOverrides(asExcel(ctx), overrides, eagerSettingsParser);
      expect((await loadWorkbookSettings(asExcel(ctx), eagerSettingsParser)).overrides).toEqual(overrides);
      await saveMappingOverrides(asExcel(ctx), {}, eagerSettingsParser);
      expect(m.settings.has(SETTINGS_KEYS.overrides)).toBe(false);
    });

    test("a profile is validated before it is saved", async () => {
      const m = new WorkbookModel();
      const ctx = fakeHost(m, profile);
      const bad = await saveProfileJson(asExcel(ctx), '{"evaluationYear": "2016年"}', eagerSettingsParser);
      expect(bad?.ok).toBe(false);
      expect(m.settings.has(SETTINGS_KEYS.profile)).toBe(false);
      const good = await saveProfileJson(asExcel(ctx), '{"evaluationYear": 2017}', eagerSettingsParser);
      expect(good?.ok && good.profile.evaluationYear).toBe(2017);
      const loaded = await loadWorkbookSettings(asExcel(ctx), eagerSettingsParser);
      expect(loaded.profile?.ok && loaded.profile.profile.evaluationYear).toBe(2017);
    });

    test("the settings' checks (zod, a lazy chunk in the pane) are loaded only when something is saved", async () => {
      const m = new WorkbookModel();
      const ctx = fakeHost(m, profile);
      let loads = 0;
      const counted = () => {
        loads++;
        return eagerSettingsParser();
      };
      expect(await loadWorkbookSettings(asExcel(ctx), counted)).toEqual({
        overrides: {},
        profileJson: null,
        profile: null,
        problems: [],
      });
      expect(loads).toBe(0);
      m.settings.set(SETTINGS_KEYS.profile, '{"evaluationYear": 2017}');
      const loaded = await loadWorkbookSettings(asExcel(ctx), counted);
      expect(loaded.profile?.ok && loaded.profile.profile.evaluationYear).toBe(2017);
      expect(loads).toBe(1);
    });

    test("damaged saved values are reported, and the defaults are used", async () => {
      const m = new WorkbookModel();
      m.settings.set(SETTINGS_KEYS.overrides, "{not json");
      m.settings.set(SETTINGS_KEYS.profile, '{"outcomeOverallRule": "sometimes"}');
      const loaded = await loadWorkbookSettings(asExcel(fakeHost(m, profile)), eagerSettingsParser);
      expect(loaded.overrides).toEqual({});
      expect(loaded.problems).toHaveLength(2);
      expect(loaded.problems[0]?.ja).toContain("JSON");
    });
  });
});
