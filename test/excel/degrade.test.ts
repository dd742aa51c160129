// Degrade visibly, never silently (issue 10): on every supported host the task pane's check (the real Excel
// host of the pane, src/app over the Excel port) says when the cells get no notes, and only then. Notes need
// ExcelApi 1.18 from the host AND `workbook.notes` in the served office.js; the npm package 1.1.110 the build
// serves has none (test/excel/fake/served.ts reads the file), an office.js refreshed from Microsoft's CDN
// (docs/deploy.md) has them.
import { NOTES_UNAVAILABLE } from "../../src/excel";
import type { ExcelContext } from "../../src/excel/office";
import { createLocalEngine } from "../../src/taskpane/engine/local";
import { createExcelHost } from "../../src/taskpane/hosts/excel";
import { fixtureSnapshots } from "../helpers/fixtures";
import { HOSTS, fakeHost } from "./fake/host";
import { PROFILES, type ProfileName } from "./fake";
import { modelFromSnapshots } from "./workbooks";
import { eagerSettingsParser } from "../../src/excel/settings-parse";

async function paneCheck(profile: ProfileName, cdnOfficeJs: boolean) {
  const model = modelFromSnapshots(fixtureSnapshots("hirano-fy2016"));
  const ctx = (): ReturnType<typeof fakeHost> => fakeHost(model, profile, { cdnOfficeJs });
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: <T>(batch: (c: ExcelContext) => Promise<T>) => batch(ctx()),
  };
  const r = await createExcelHost(
    "ja",
    createLocalEngine().evaluate,
    eagerSettingsParser,
    ctx().supports,
  ).check({});
  return { r, notes: model.notes.size };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe.each(HOSTS)("%s", (profile) => {
  test("with the packaged office.js: highlighted, no notes, and the pane says so", async () => {
    const { r, notes } = await paneCheck(profile, false);
    expect(r.evaluation.findings.length).toBeGreaterThan(0);
    expect(notes).toBe(0);
    expect(r.notices).toContainEqual(NOTES_UNAVAILABLE);
  });

  test("with an office.js from the CDN: notes exactly where the host reports ExcelApi 1.18", async () => {
    const { r, notes } = await paneCheck(profile, true);
    const has118 = Number(PROFILES[profile].excelApi.split(".")[1]) >= 18;
    expect(notes > 0).toBe(has118);
    expect(r.notices?.some((n) => n.ja === NOTES_UNAVAILABLE.ja)).toBe(!has118);
  });
});
