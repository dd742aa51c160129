import type {
  CellWrite,
  ChangeLogEntry,
  Evaluation,
  LocalizedText,
  MappingOverrides,
  Profile,
  SheetSnapshot,
  WriteConflict,
} from "../core";

/** A host failure described for the user in both languages (Office error, sync failure …). */
export interface PortFailure {
  readonly code: string;
  readonly message: LocalizedText;
}

/** What one apply is logged as in the change-log sheet. */
export interface LogStamp {
  /** the apply id (core's nextApplyId); a revert carries the id of the apply it undoes */
  readonly applyId: string;
  /** ISO 8601 */
  readonly time: string;
  readonly op: "apply" | "revert";
}

/** What an apply did. A port never overwrites a cell that changed since the read: it reports it here. */
export interface ApplyOutcome {
  /** the writes performed and logged; `cell` is the address actually written (a merged area's top-left) */
  readonly applied: ReadonlyArray<CellWrite>;
  /** writes left undone by the re-check just before writing */
  readonly conflicts: ReadonlyArray<WriteConflict>;
  /** writes that passed the re-check but are not known to be written, because the host failed mid-way */
  readonly notWritten: ReadonlyArray<CellWrite>;
  /** the host's failure, if any (then `applied` is exactly what was written and logged) */
  readonly failure: PortFailure | null;
}

/** Settings the workbook itself carries (the add-in keeps them in the workbook; a file has none). */
export interface SavedSettings {
  readonly overrides: MappingOverrides;
  /** the saved profile; null when none is saved or it could not be used (then `problems` says why) */
  readonly profile: Profile | null;
  /** settings that could not be used, to show the user */
  readonly problems: ReadonlyArray<LocalizedText>;
}

/** One read of the workbook. */
export interface WorkbookRead {
  /** every sheet, in workbook order, the change-log sheet included (the core knows to leave it alone) */
  readonly snapshots: ReadonlyArray<SheetSnapshot>;
  readonly settings: SavedSettings | null;
}

/** What drawing the findings on the cells did (only where the host can). */
export interface HighlightOutcome {
  /** the host could not highlight at all (too old an API) */
  readonly unsupported: boolean;
  /** highlighted, but without notes on the cells (the host or its office.js has none): say so, never silently */
  readonly notesUnsupported?: boolean;
  readonly failure: PortFailure | null;
}

/**
 * A workbook the use cases can read and write, wherever it lives: a file in memory (src/xlsx) or the
 * workbook open in Excel (src/excel). Data problems come back as values (conflicts); a workbook that cannot
 * be read at all rejects (each adapter's own error, carrying ja/en text).
 */
export interface WorkbookPort {
  /** the change-log sheet's name; CHANGE_LOG_SHEET when absent (the user may choose another, --log-sheet) */
  readonly logSheet?: string;
  /** Reads every sheet's snapshot (and the settings saved in the workbook, where it has any). */
  read(): Promise<WorkbookRead>;
  /** The change-log sheet's entries, in row order (empty when the workbook has none). */
  readChangeLog(): Promise<ChangeLogEntry[]>;
  /**
   * Performs the writes, each only if its cell still holds `expected` (never over a formula, an error value,
   * a protected sheet or inside a merged area), and appends the performed ones to the change-log sheet in
   * the same operation.
   */
  apply(writes: ReadonlyArray<CellWrite>, stamp: LogStamp): Promise<ApplyOutcome>;
  /** Throws (the adapter's error, ja/en) when this workbook cannot be written without losing content. */
  assertWritable(): void;
  /** Shows the findings on the cells, replacing the last check's; absent where the host has no grid. */
  readonly highlight?: (evaluation: Evaluation, lang: "ja" | "en") => Promise<HighlightOutcome>;
  /** Removes what `highlight` put on the cells; absent where the host has no grid. */
  readonly clearHighlights?: () => Promise<PortFailure | null>;
}
