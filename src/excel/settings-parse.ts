import { z } from "zod";
import type { MappingOverrides, LocalizedText } from "../core";
import { parseProfileJson } from "../core";
import type { SettingsParser } from "./settings";

// The checks of the saved settings, apart from their reads and writes (settings.ts): zod and the core's
// profile schema with its ja/en messages are a fifth of the task pane's first chunk, and most workbooks have
// no saved settings. The hosts load this module when a workbook has some (or the pane saves some):
// src/taskpane/index.tsx and src/commands/commands.ts as a lazy chunk, the tests and the CLI directly.

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

/** The settings' checks, for the functions of settings.ts and the Excel port. */
export const settingsParser: SettingsParser = { parseOverrides, parseProfileJson };

/** settingsParser as a loader that loads nothing (tests, and hosts that carry zod anyway). */
export const eagerSettingsParser = (): Promise<SettingsParser> => Promise.resolve(settingsParser);
