import { z } from "zod";
import type { MappingOverrides, LocalizedText } from "../core";
import { parseProfileJson, type ProfileParseResult } from "../core";
import type { ExcelContext } from "./office";

/** Workbook setting keys (stored with the document, tied to the add-in's manifest Id). */
export const SETTINGS_KEYS = {
  overrides: "kusei.mappingOverrides",
  profile: "kusei.profile",
} as const;

const columnsSchema = z.record(z.string(), z.number().int().min(0).nullable());
const overridesSchema = z.record(
  z.string(),
  z
    .object({
      kind: z.enum(["strategy", "initiative", "other"]).optional(),
      columns: columnsSchema.optional(),
    })
    .strict(),
);

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

function text(v: unknown): string | null {
  return typeof v === "string" ? v : v === null || v === undefined ? null : JSON.stringify(v);
}

/** Checks a MappingOverrides value (from settings or the task pane) and returns it typed, or the problem. */
export function parseOverrides(
  value: unknown,
): { ok: true; overrides: MappingOverrides } | { ok: false; problem: LocalizedText } {
  let json: unknown = value;
  if (typeof value === "string") {
    try {
      json = JSON.parse(value);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        problem: {
          ja: `列の対応設定が JSON として読めません: ${detail}`,
          en: `The column mapping is not valid JSON: ${detail}`,
        },
      };
    }
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return {
      ok: false,
      problem: {
        ja: `列の対応設定が正しくありません: ${detail}`,
        en: `The column mapping is not valid: ${detail}`,
      },
    };
  }
  return { ok: true, overrides: parsed.data as MappingOverrides };
}

/**
 * Queues the loads of the saved settings without syncing, so they can ride on another sync (the first sync
 * of readSnapshots); call the returned function after that sync.
 */
export function queueSettingsLoad(context: ExcelContext): () => WorkbookSettings {
  const o = context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.overrides);
  const p = context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.profile);
  o.load("value");
  p.load("value");
  // The caller syncs before calling this; the lint rule cannot see across the closure.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return () => {
    const problems: LocalizedText[] = [];
    let overrides: MappingOverrides = {};
    if (!o.isNullObject) {
      const r = parseOverrides(o.value);
      if (r.ok) overrides = r.overrides;
      else problems.push(r.problem);
    }
    const profileJson = p.isNullObject ? null : text(p.value);
    const profile = profileJson === null ? null : parseProfileJson(profileJson);
    if (profile && !profile.ok) problems.push(...profile.errors.map((e) => e.message));
    return { overrides, profileJson, profile, problems };
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/** Reads the column-map overrides and the profile saved with this workbook (one sync). */
export async function loadWorkbookSettings(context: ExcelContext): Promise<WorkbookSettings> {
  const finish = queueSettingsLoad(context);
  await context.sync();
  return finish();
}

/** Saves the column-map overrides with the workbook; an empty map removes the setting. */
export async function saveMappingOverrides(
  context: ExcelContext,
  overrides: MappingOverrides,
): Promise<void> {
  const checked = parseOverrides(overrides);
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
): Promise<ProfileParseResult | null> {
  const parsed = json === null ? null : parseProfileJson(json);
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
