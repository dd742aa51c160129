import type { MappingOverrides, LocalizedText, ProfileParseResult } from "../core";
import type { ExcelContext } from "./office";

/** Workbook setting keys (stored with the document, tied to the add-in's manifest Id). */
export const SETTINGS_KEYS = {
  overrides: "kusei.mappingOverrides",
  profile: "kusei.profile",
} as const;

/**
 * The checks of saved settings (settings-parse.ts). They carry zod, so the functions here take a loader of
 * them: the task pane loads them only when a workbook has saved settings, or when it saves some.
 */
export interface SettingsParser {
  parseOverrides(
    value: unknown,
  ): { ok: true; overrides: MappingOverrides } | { ok: false; problem: LocalizedText };
  parseProfileJson(json: string): ProfileParseResult;
}

/** Gives the settings' checks, loading their code the first time where the host loads code lazily. */
export type LoadSettingsParser = () => Promise<SettingsParser>;

/** The per-workbook settings kusei keeps. */
export interface WorkbookSettings {
  readonly overrides: MappingOverrides;
  /** the profile JSON text as saved, or null for the default profile */
  readonly profileJson: string | null;
  /** the profile parsed and validated (null when none is saved) */
  readonly profile: ProfileParseResult | null;
  /** a saved value kusei could not use (then the default is used) */
  readonly problems: ReadonlyArray<LocalizedText>;
}

const NOTHING_SAVED: WorkbookSettings = { overrides: {}, profileJson: null, profile: null, problems: [] };

function text(v: unknown): string | null {
  return typeof v === "string" ? v : v === null || v === undefined ? null : JSON.stringify(v);
}

/** The saved values checked; a workbook with none saved needs no parser (and loads none). */
async function parseSaved(
  savedOverrides: { readonly value: unknown } | null,
  profileJson: string | null,
  load: LoadSettingsParser,
): Promise<WorkbookSettings> {
  if (savedOverrides === null && profileJson === null) return NOTHING_SAVED;
  const parser = await load();
  const problems: LocalizedText[] = [];
  let overrides: MappingOverrides = {};
  if (savedOverrides !== null) {
    const r = parser.parseOverrides(savedOverrides.value);
    if (r.ok) overrides = r.overrides;
    else problems.push(r.problem);
  }
  const profile = profileJson === null ? null : parser.parseProfileJson(profileJson);
  if (profile && !profile.ok) problems.push(...profile.errors.map((e) => e.message));
  return { overrides, profileJson, profile, problems };
}

/**
 * Queues the loads of the saved settings without syncing, so they can ride on another sync (the first sync
 * of readSnapshots); call the returned function after that sync.
 */
export function queueSettingsLoad(
  context: ExcelContext,
): (load: LoadSettingsParser) => Promise<WorkbookSettings> {
  const o = context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.overrides);
  const p = context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.profile);
  o.load("value");
  p.load("value");
  // The caller syncs before calling this; the lint rule cannot see across the closure.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return (load) =>
    parseSaved(o.isNullObject ? null : { value: o.value }, p.isNullObject ? null : text(p.value), load);
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/** Reads the column-map overrides and the profile saved with this workbook (one sync). */
export async function loadWorkbookSettings(
  context: ExcelContext,
  load: LoadSettingsParser,
): Promise<WorkbookSettings> {
  const finish = queueSettingsLoad(context);
  await context.sync();
  return finish(load);
}

/** Saves the column-map overrides with the workbook; an empty map removes the setting. */
export async function saveMappingOverrides(
  context: ExcelContext,
  overrides: MappingOverrides,
  load: LoadSettingsParser,
): Promise<void> {
  const checked = (await load()).parseOverrides(overrides);
  if (!checked.ok) throw new Error(`${checked.problem.ja} / ${checked.problem.en}`);
  await putSetting(
    context,
    SETTINGS_KEYS.overrides,
    Object.keys(overrides).length === 0 ? null : JSON.stringify(overrides),
  );
}

/**
 * Saves a profile JSON with the workbook after validating it (null removes it: the default profile).
 * Returns the validation result; an invalid profile is not saved.
 */
export async function saveProfileJson(
  context: ExcelContext,
  json: string | null,
  load: LoadSettingsParser,
): Promise<ProfileParseResult | null> {
  const parsed = json === null ? null : (await load()).parseProfileJson(json);
  if (parsed && !parsed.ok) return parsed;
  await putSetting(context, SETTINGS_KEYS.profile, json);
  return parsed;
}

async function putSetting(context: ExcelContext, key: string, value: string | null): Promise<void> {
  if (value !== null) {
    context.workbook.settings.add(key, value);
    await context.sync();
    return;
  }
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return;
  item.delete();
  await context.sync();
}
