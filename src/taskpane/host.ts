import type { CellValue, CellWrite, Evaluation, GridPos, LocalizedText, MappingOverrides } from "../core";

/** What one validation run gives the UI. */
export interface CheckResult {
  readonly evaluation: Evaluation;
  /** sheet name → origin of its snapshot (to show sheet rows and column letters of a layout) */
  readonly origins: Readonly<Record<string, GridPos>>;
  /** things the user should know that did not stop the check (e.g. highlights unavailable, bad settings) */
  readonly notices?: ReadonlyArray<LocalizedText>;
}

/** The outcome of one apply. */
export interface ApplyResult {
  /** cells written */
  readonly written: number;
  /** planned cells that changed since they were read and were left alone */
  readonly changed: number;
}

/** The outcome of one revert. */
export interface RevertResult {
  /** cells restored */
  readonly restored: number;
  /** logged cells changed since kusei wrote them: left alone, not restored */
  readonly skipped?: number;
}

/** A cell shown in the pane (standalone mode, where there is no grid to select in). */
export interface CellPeek {
  readonly sheet: string;
  readonly cell: string;
  readonly value: CellValue;
}

/** A file the user can download (standalone mode). */
export interface Download {
  readonly fileName: string;
  readonly blob: Blob;
}

/** Reports progress of a long run: done of total units. */
export type Progress = (done: number, total: number) => void;

/**
 * What a check is doing now, to tell the user (読み込み中… / 判定中…): reading the workbook, evaluating
 * it, or taking the results in from the worker that evaluated them.
 */
export type Phase = "reading" | "evaluating" | "receiving";

/** Told each phase as it starts. */
export type PhaseListener = (phase: Phase) => void;

/**
 * The use cases the task pane needs from wherever the workbook lives: Excel (Office.js) or a file opened in
 * the browser (the xlsx adapter). Components receive these functions and never touch a host API themselves.
 */
export interface TaskpaneHost {
  readonly mode: "excel" | "standalone";
  /** the file name in standalone mode; null in Excel */
  readonly fileName: string | null;
  /**
   * Why marks cannot be written here, nor the workbook saved (a digital signature a save would break …);
   * null when they can. The pane disables Apply and Download and shows this instead of failing on a click.
   */
  readonly readOnly: LocalizedText | null;
  /** Reads every sheet and evaluates it with the given mapping overrides, telling each phase as it starts. */
  check(overrides: MappingOverrides, onPhase?: PhaseListener): Promise<CheckResult>;
  /** Writes the cells (each only if it still holds `expected`) and logs them in the change-log sheet. */
  apply(writes: ReadonlyArray<CellWrite>, progress: Progress): Promise<ApplyResult>;
  /** Undoes the last apply exactly. */
  revert(): Promise<RevertResult>;
  /** Selects the cell in Excel (returns null), or returns the cell to show (standalone). */
  selectCell(sheet: string, cell: string): Promise<CellPeek | null>;
  /** Removes the highlights and notes a check put on the cells (Excel); null where there are none. */
  readonly clearHighlights: (() => Promise<void>) | null;
  /** The mapping overrides saved with the workbook (Excel) or in this session (standalone). */
  loadMapping(): Promise<MappingOverrides>;
  /** Saves the mapping overrides. */
  saveMapping(overrides: MappingOverrides): Promise<void>;
  /** Downloads, where the host has a file to give (standalone); null in Excel. */
  readonly downloads: {
    workbook(): Promise<Download>;
    report(result: CheckResult, lang: "ja" | "en"): Promise<Download>;
  } | null;
}

/** Excel: the ribbon's 検証 runs, shared with the pane in one runtime (src/excel/shared-runtime.ts). */
export interface RibbonRunSource {
  /** called with the latest run at once (if any), then with every later one; returns unsubscribe */
  subscribe(listener: (run: CheckResult) => void): () => void;
}

/** Opens a file as a standalone host, telling each phase of the reading as it starts. */
export type OpenFile = (file: File, onPhase?: PhaseListener) => Promise<TaskpaneHost>;
