import { check } from "../app";
import { openXlsxPort } from "../app/xlsx-port";
import { ZLIB_CODEC } from "./zlib-codec";
import { compareYears, type Evaluation, type Profile } from "../core";
import { isWorkbookReadError } from "../xlsx";
import { CliFileError, readInput } from "./files";
import type { Lang } from "./i18n";
import type { HistoryOut } from "../report";

/** Last year's workbook, evaluated once for the whole run (it is only read: nothing is ever written to it). */
export interface PreviousYear {
  readonly file: string;
  readonly evaluation: Evaluation;
}

/** The --previous workbook could not be used (why, in the run's language). */
export class PreviousYearError extends Error {
  override readonly name = "PreviousYearError";
}

/** Reads and evaluates `file` as last year's workbook; a failure is a PreviousYearError naming the file. */
export async function loadPreviousYear(
  file: string,
  o: { readonly lang: Lang; readonly profile: Profile; readonly maxUncompressedBytes: number },
): Promise<PreviousYear> {
  try {
    const { bytes } = await readInput(file, o.lang, o.maxUncompressedBytes);
    const port = await openXlsxPort(bytes, {
      maxUncompressedBytes: o.maxUncompressedBytes,
      codec: ZLIB_CODEC,
    });
    return { file, evaluation: (await check(port, { profile: o.profile })).evaluation };
  } catch (e) {
    const why = isWorkbookReadError(e)
      ? e.messages[o.lang]
      : e instanceof CliFileError || e instanceof Error
        ? e.message
        : String(e);
    const label =
      o.lang === "ja" ? "前年度のブックを読めません" : "the previous year's workbook cannot be read";
    throw new PreviousYearError(`${label}: ${file}: ${why}`);
  }
}

/**
 * This year's evaluation with last year's history.* findings added (in reading order after the workbook's
 * own findings of the same sheet), and the matching for the report.
 */
export function withPreviousYear(
  ev: Evaluation,
  previous: PreviousYear,
  profile: Profile,
): { evaluation: Evaluation; history: HistoryOut } {
  const c = compareYears(ev, previous.evaluation, { defaultEra: profile.defaultEra });
  const order = new Map(ev.layouts.map((l, i) => [l.sheet, i] as const));
  const findings = [...ev.findings, ...c.findings]
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (order.get(a.f.sheet) ?? 1e9) - (order.get(b.f.sheet) ?? 1e9) ||
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
  return {
    evaluation: { ...ev, findings },
    history: {
      previousFile: previous.file,
      currentYear: c.currentYear,
      previousYear: c.previousYear,
      matches: c.matches,
      added: c.added,
      removed: c.removed,
      ambiguous: c.ambiguous,
    },
  };
}
