import {
  evaluatePreviousYear,
  inThisThread,
  PREVIOUS_UNREADABLE,
  withPreviousYear as addHistory,
} from "../app";
import { openXlsxPort } from "../app/xlsx-port";
import { ZLIB_CODEC } from "./zlib-codec";
import type { Evaluation, Profile } from "../core";
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
    return {
      file,
      evaluation: await evaluatePreviousYear(port, { profile: o.profile, evaluator: inThisThread }),
    };
  } catch (e) {
    const why = isWorkbookReadError(e)
      ? e.messages[o.lang]
      : e instanceof CliFileError || e instanceof Error
        ? e.message
        : String(e);
    throw new PreviousYearError(`${PREVIOUS_UNREADABLE[o.lang]}: ${file}: ${why}`);
  }
}

/** This year's evaluation with last year's history.* findings added, and the matching for the report. */
export function withPreviousYear(
  ev: Evaluation,
  previous: PreviousYear,
  profile: Profile,
): { evaluation: Evaluation; history: HistoryOut } {
  const { evaluation, comparison } = addHistory(ev, previous.evaluation, profile);
  return {
    evaluation,
    history: {
      previousFile: previous.file,
      currentYear: comparison.currentYear,
      previousYear: comparison.previousYear,
      matches: comparison.matches,
      added: comparison.added,
      removed: comparison.removed,
      ambiguous: comparison.ambiguous,
    },
  };
}
