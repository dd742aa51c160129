// fflate's UTF-8 codecs: TextEncoder/TextDecoder are missing in some hosts (jsdom), and fflate is here anyway
import { strFromU8, strToU8 } from "fflate";
import { UNTIMED, type CellValue, type PhaseTimer } from "../../core";
import type { ZipArchive, ZipEntryRef, ZipOutEntry, WorkbookParts } from "../zip/types";
import { writeZip } from "../zip/write";
import { cellsOfRow, readCell, spanOfElement, type CellRead, type CellSpan } from "./sheet-cells";
import { attributes } from "./scan";
import { indexSheet, SheetXmlError, type SheetIndex } from "./sheet-index";
import { patchSheet, type CellEdit } from "./sheet-patch";
import { sharedStrings, type SharedStrings } from "./shared-strings";

/** One cell's pending change: its element now, and the element it had before kusei touched it. */
export interface PendingCell {
  readonly row: number;
  readonly col: number;
  /** the element kusei will write ("" removes the cell) */
  xml: string;
  /** the cell's element in the file as read ("" when it was absent) */
  readonly original: string;
}

/** A worksheet part opened for patching: its text, its index and its pending cells. */
export interface SheetState {
  readonly name: string;
  readonly partPath: string;
  readonly xml: string;
  readonly index: SheetIndex;
  readonly pending: Map<string, PendingCell>;
}

/** A cell as the guard sees it now (a pending write included). */
export interface CellNow {
  /** the element as it stands ("" when absent) */
  readonly element: string;
  readonly span: CellSpan | null;
  /** the text `span` points into */
  readonly text: string;
  readonly read: CellRead;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/**
 * The workbook as a surgical save sees it: the archive as read, the parts the reader found, and the cells
 * kusei will change. Nothing is decoded that a write does not need: a worksheet part is opened on its first
 * write, the shared strings on the first t="s" cell the guard reads.
 */
export class XlsxDocument {
  readonly archive: ZipArchive;
  readonly parts: WorkbookParts;
  private readonly opened = new Map<string, SheetState | SheetXmlError>();
  private sst: SharedStrings | null = null;
  /** parts replaced by new content (package edits, the change-log sheet), by entry name */
  readonly replaced = new Map<string, Uint8Array>();
  /** new parts, in the order they were added */
  readonly added = new Map<string, Uint8Array>();
  /** the rows of a change-log sheet this save creates (header first); empty when none is created */
  readonly newLogRows: CellValue[][] = [];

  /** cell format indexes whose cells a protected sheet leaves writable (the reader's readCellStyles) */
  private readonly unlockedFormats: ReadonlySet<number>;

  constructor(archive: ZipArchive, parts: WorkbookParts, unlockedFormats: ReadonlySet<number> = new Set()) {
    this.archive = archive;
    this.parts = parts;
    this.unlockedFormats = unlockedFormats;
  }

  /**
   * Whether the cell is unlocked (writable on a protected sheet): the format of its own element, else of its
   * row or column, is one the styles part marks `locked="0"`.
   */
  isUnlocked(state: SheetState, row: number, col: number, now: CellNow): boolean {
    if (this.unlockedFormats.size === 0) return false;
    const own = now.span ? attributes(now.text, now.span.tag).get("s") : undefined;
    const style = own ?? this.styleFor(state, row, col) ?? "0";
    return this.unlockedFormats.has(Number(style));
  }

  /** The zip entry of a part name (OPC part names are case-insensitive). */
  entry(name: string): ZipEntryRef | undefined {
    const exact = this.archive.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.archive.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** A part's text as it will be saved (an earlier edit included). */
  text(name: string): string | null {
    const e = this.entry(name);
    const edited = this.replaced.get(e?.name ?? name) ?? this.added.get(name);
    if (edited) return strFromU8(edited);
    return e ? this.archive.text(e.name) : null;
  }

  sharedStrings(): SharedStrings {
    this.sst ??= sharedStrings(
      this.parts.sharedStringsPath === null ? null : this.text(this.parts.sharedStringsPath),
    );
    return this.sst;
  }

  /** The worksheet opened for patching, or the reason it cannot be; null when there is no such sheet. */
  sheet(name: string): SheetState | SheetXmlError | null {
    const info = this.parts.sheets.find((s) => s.name === name);
    if (!info) return null;
    const open = this.opened.get(info.partPath);
    if (open) return open;
    let state: SheetState | SheetXmlError;
    try {
      const xml = this.text(info.partPath);
      if (xml === null) throw new SheetXmlError(`no part ${info.partPath}`);
      state = { name, partPath: info.partPath, xml, index: indexSheet(xml), pending: new Map() };
    } catch (e) {
      state = e instanceof SheetXmlError ? e : new SheetXmlError(e instanceof Error ? e.message : String(e));
    }
    this.opened.set(info.partPath, state);
    return state;
  }

  /** The cell at (row, col) as it stands, pending writes included. */
  cellNow(state: SheetState, row: number, col: number): CellNow {
    const pending = state.pending.get(key(row, col));
    const sst = this.sharedStrings();
    if (pending) {
      const span = pending.xml === "" ? null : spanOfElement(pending.xml, col);
      return {
        element: pending.xml,
        span,
        text: pending.xml,
        read: readCell(pending.xml, span, state.index.prefix, sst),
      };
    }
    const rowSpan = state.index.rowAt.get(row + 1) ?? null;
    const span = rowSpan
      ? (cellsOfRow(state.xml, rowSpan, state.index.prefix).find((c) => c.col === col) ?? null)
      : null;
    const element = span ? state.xml.slice(span.start, span.end) : "";
    return { element, span, text: state.xml, read: readCell(state.xml, span, state.index.prefix, sst) };
  }

  /** The style a new cell at (row, col) gets: the row's (customFormat), else its column's, as Excel does. */
  styleFor(state: SheetState, row: number, col: number): string | null {
    const rowSpan = state.index.rowAt.get(row + 1);
    if (rowSpan?.style) return rowSpan.style;
    return state.index.cols.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? null;
  }

  /** Stages a cell's new element (the first original seen is kept). */
  stage(state: SheetState, row: number, col: number, xml: string, now: CellNow): void {
    const k = key(row, col);
    const prior = state.pending.get(k);
    if (prior) prior.xml = xml;
    else state.pending.set(k, { row, col, xml, original: now.element });
  }

  /** Every opened sheet with pending cells. */
  private patchedSheets(): Map<string, string> {
    const out = new Map<string, string>();
    for (const state of this.opened.values()) {
      if (state instanceof SheetXmlError || state.pending.size === 0) continue;
      const edits: CellEdit[] = [...state.pending.values()].map((p) => ({
        row: p.row,
        col: p.col,
        xml: p.xml,
      }));
      const entryName = this.entry(state.partPath)?.name ?? state.partPath;
      out.set(entryName, patchSheet(state.xml, state.index, edits));
    }
    return out;
  }

  /** True when a save would differ from the file as read. */
  changed(): boolean {
    if (this.replaced.size > 0 || this.added.size > 0) return true;
    for (const s of this.opened.values())
      if (!(s instanceof SheetXmlError) && s.pending.size > 0) return true;
    return false;
  }

  /** The package: every entry kept as stored unless a patch, a package edit or a new part replaces it. */
  save(timer: PhaseTimer = UNTIMED): Uint8Array {
    const patched = timer.time("save-patch", () => this.patchedSheets());
    const out: ZipOutEntry[] = [];
    for (const entry of this.archive.entries) {
      const sheet = patched.get(entry.name);
      const edit = this.replaced.get(entry.name);
      if (sheet !== undefined) out.push({ kind: "new", name: entry.name, data: strToU8(sheet) });
      else if (edit !== undefined) out.push({ kind: "new", name: entry.name, data: edit });
      else {
        // carried as stored, so checked first (size and CRC under the budget): see ZipArchive.verify
        timer.time("save-carry", () => this.archive.verify(entry.name));
        out.push({ kind: "keep", entry });
      }
    }
    for (const [name, data] of this.added) {
      const sheet = patched.get(name);
      out.push({ kind: "new", name, data: sheet === undefined ? data : strToU8(sheet) });
    }
    return timer.time("save-zip", () => writeZip(out, this.archive.codec));
  }
}
