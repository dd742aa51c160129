import { OfficeMockObject } from "office-addin-mock";
import { selectCell } from "../../src/excel/highlight";
import { loadWorkbookSettings, SETTINGS_KEYS } from "../../src/excel/settings";
import { PropertyNotLoadedError } from "./fake-excel";
import { strictOfficeMock } from "./strict-office-mock";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

function settingsWorkbook(overrides: string | null, profile: string | null): OfficeMockObject {
  // office-addin-mock cannot hold a null scalar: a null object gets "" (never read).
  const item = (value: string | null) => ({ value: value ?? "", isNullObject: value === null });
  return new OfficeMockObject({
    workbook: {
      settings: {
        overrides: item(overrides),
        profile: item(profile),
        getItemOrNullObject(this: Record<string, unknown>, key: string) {
          return key === SETTINGS_KEYS.overrides ? this.overrides : this.profile;
        },
      },
    },
  });
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading unloaded properties on purpose */
describe("office-addin-mock, made strict", () => {
  test("plain office-addin-mock hides a missing load behind a string; the strict wrapper throws", async () => {
    const plain = settingsWorkbook('{"x":{}}', null) as unknown as {
      workbook: { settings: { getItemOrNullObject(k: string): { value: unknown } } };
    };
    expect(plain.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.overrides).value).toBe(
      "Error, property was not loaded",
    );

    const strict = strictOfficeMock<Excel.RequestContext>(settingsWorkbook('{"x":{}}', null));
    const item = strict.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.overrides);
    expect(() => item.value).toThrow(PropertyNotLoadedError);
    item.load("value");
    expect(() => item.value).toThrow(PropertyNotLoadedError); // loaded but not synced
    await strict.sync();
    expect(item.value).toBe('{"x":{}}');
  });

  test("loadWorkbookSettings loads what it reads, in one sync", async () => {
    const context = strictOfficeMock<Excel.RequestContext>(
      settingsWorkbook('{"戦略":{"kind":"strategy","columns":{"outcome":9}}}', null),
    );
    const settings = await loadWorkbookSettings(context, eagerSettingsParser);
    expect(context.syncCount).toBe(1);
    expect(settings.overrides).toEqual({ 戦略: { kind: "strategy", columns: { outcome: 9 } } });
    expect(settings.profile).toBeNull();
    expect(settings.problems).toEqual([]);
  });

  test("selectCell activates the sheet and selects the range, in one sync", async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
          }),
        },
      },
    });
    const context = strictOfficeMock<Excel.RequestContext>(mock);
    expect(await selectCell(context, "取組", "F7")).toBeNull();
    expect(calls).toEqual(["activate 取組", "select F7"]);
    expect(context.syncCount).toBe(1);
  });
});
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
