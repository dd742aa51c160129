import { z } from "zod";
import type { LocalizedText } from "../model/findings";
import { DEFAULT_PROFILE, type Profile } from "./profile";
import { profileOverrideSchema, type ProfileOverride } from "./schema";

/** One reason a profile was rejected: where (`header.minConfidence`, or "" for the whole file) and why. */
export interface ProfileError {
  readonly path: string;
  readonly message: LocalizedText;
}

export type ProfileParseResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly errors: ReadonlyArray<ProfileError> };

const jaLocale = z.locales.ja();
const enLocale = z.locales.en();

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
}

/** DEFAULT_PROFILE (or `base`) with the override applied, one level deep for the nested groups. */
export function applyProfileOverride(override: ProfileOverride, base: Profile = DEFAULT_PROFILE): Profile {
  return {
    id: override.id ?? base.id,
    name: { ja: override.name?.ja ?? base.name.ja, en: override.name?.en ?? base.name.en },
    evaluationYear: override.evaluationYear ?? base.evaluationYear,
    periodStartYear: override.periodStartYear ?? base.periodStartYear,
    notation: override.notation ?? base.notation,
    outcomeOverallRule: override.outcomeOverallRule ?? base.outcomeOverallRule,
    strategyProgressRule: override.strategyProgressRule ?? base.strategyProgressRule,
    header: {
      minConfidence: override.header?.minConfidence ?? base.header.minConfidence,
      weakConfidence: override.header?.weakConfidence ?? base.header.weakConfidence,
      searchRows: override.header?.searchRows ?? base.header.searchRows,
    },
    defaultEra: override.defaultEra ?? base.defaultEra,
    maxCellLength: override.maxCellLength ?? base.maxCellLength,
  };
}

/** Rules across fields that a per-field schema cannot say. */
function crossFieldErrors(p: Profile): ProfileError[] {
  const errors: ProfileError[] = [];
  if (p.header.weakConfidence < p.header.minConfidence) {
    errors.push({
      path: "header.weakConfidence",
      message: {
        ja: `weakConfidence(${p.header.weakConfidence})は minConfidence(${p.header.minConfidence})以上にしてください。`,
        en: `weakConfidence (${p.header.weakConfidence}) must be at least minConfidence (${p.header.minConfidence}).`,
      },
    });
  }
  if (p.periodStartYear > p.evaluationYear) {
    errors.push({
      path: "periodStartYear",
      message: {
        ja: `計画期間の開始年度(${p.periodStartYear})が評価年度(${p.evaluationYear})より後になっています。`,
        en: `The plan period starts (${p.periodStartYear}) after the evaluation year (${p.evaluationYear}).`,
      },
    });
  }
  return errors;
}

/**
 * Validate a profile object (already parsed JSON) and merge it over DEFAULT_PROFILE. Never throws:
 * a bad profile comes back with every reason, in Japanese and English, and the path of the bad setting.
 */
export function parseProfile(json: unknown): ProfileParseResult {
  const ja = profileOverrideSchema.safeParse(json, { error: jaLocale.localeError });
  if (!ja.success) {
    const en = profileOverrideSchema.safeParse(json, { error: enLocale.localeError });
    const enIssues = en.success ? [] : en.error.issues;
    return {
      ok: false,
      errors: ja.error.issues.map((issue, i) => {
        const path = pathText(issue.path);
        const where = path === "" ? { ja: "プロファイル", en: "profile" } : { ja: path, en: path };
        return {
          path,
          message: {
            ja: `${where.ja}: ${issue.message}`,
            en: `${where.en}: ${enIssues[i]?.message ?? issue.message}`,
          },
        };
      }),
    };
  }
  const profile = applyProfileOverride(ja.data);
  const errors = crossFieldErrors(profile);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profile };
}

/** Parse the text of a profile file (JSON) and validate it; a JSON syntax error is reported, not thrown. */
export function parseProfileJson(text: string): ProfileParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: {
            ja: `プロファイルが JSON として読めません: ${detail}`,
            en: `The profile is not valid JSON: ${detail}`,
          },
        },
      ],
    };
  }
  return parseProfile(json);
}
