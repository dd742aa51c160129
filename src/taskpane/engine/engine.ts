import type { EvaluateChoice, WorkbookRead } from "../../app";
import type { CellValue, CellWrite, Evaluation, GridPos, LocalizedText, MappingOverrides } from "../../core";
import type { ApplyResult, PhaseListener, RevertResult } from "../host";

export type { Phase, PhaseListener } from "../host";

/** A workbook file as the engine opened it. */
export interface OpenedFile {
  /** why marks cannot be written into it nor the file saved here; null when they can */
  readonly readOnly: LocalizedText | null;
}

/** Last year's workbook as the engine took it in (前年度のブックと比較). */
export interface PreviousOpened {
  /** the fiscal year its sheets are for (Western: 2015 for 平成27年度) */
  readonly year: number;
  /** the ward its sheet titles name, or null */
  readonly ward: string | null;
}

/** One check of the open file. */
export interface FileCheck {
  readonly evaluation: Evaluation;
  readonly origins: Readonly<Record<string, GridPos>>;
}

/**
 * Where the browser's pane reads and evaluates: the use cases of src/app over the xlsx port, either in a
 * Web Worker (remote.ts) or, where no worker can run, in the page's own thread (local.ts). Both answer
 * the same calls with the same values; the pane does not know which one it has.
 */
export interface Engine {
  /** Opens an .xlsx file (the one the next calls work on; opening another replaces it). */
  open(file: Blob, onPhase: PhaseListener): Promise<OpenedFile>;
  /** The check use case over the open file. */
  check(overrides: MappingOverrides, onPhase: PhaseListener): Promise<FileCheck>;
  /** Writes the cells into the open file and logs them (the apply-selected use case). */
  apply(writes: ReadonlyArray<CellWrite>): Promise<ApplyResult>;
  /** Undoes the last apply (the revert use case). */
  revert(overrides: MappingOverrides): Promise<RevertResult>;
  /** A cell of the open file as it is now. */
  cellValue(sheet: string, cell: string): Promise<CellValue>;
  /** The open file as .xlsx bytes, with every apply so far. */
  save(): Promise<Uint8Array>;
  /** true once the worker behind this engine has stopped: a new engine is needed (absent: never stops) */
  stopped?(): boolean;
  /**
   * Reads and evaluates last year's workbook (never written) and keeps it: from then on every check and
   * evaluate adds the history.* findings of this year against it (its marks and plan stay as they were).
   * A file that cannot be read rejects and leaves the one kept before, if any.
   */
  openPrevious(file: Blob, onPhase: PhaseListener): Promise<PreviousOpened>;
  /** Drops last year's workbook: checks and evaluations are this year's alone again. */
  closePrevious(): Promise<void>;
  /** Evaluates a read taken elsewhere (Excel: Office.js reads on the page's thread). */
  evaluate(
    read: WorkbookRead,
    choice: EvaluateChoice,
    logSheet: string,
    onPhase: PhaseListener,
  ): Promise<Evaluation>;
}
