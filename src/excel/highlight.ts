import type { Evaluation, FieldCell, GridPos, LocalizedText, Severity } from "../core";
import { rectAddress, rectLocal, parseLocalRange } from "./address";
import { features, officeSupports, type Supports } from "./capabilities";
import { describeExcelError, type ExcelFailure } from "./errors";
import type { ExcelContext, XConditionalFormatCollection, XNote, XWorksheet } from "./office";

/** What a highlight shows: a finding's severity, or a row flagged for withdrawal (撤退基準). */
export type HighlightKind = Severity | "withdrawal";

/** One place to highlight: a cell ("F5") or a row span ("A7:K8") of a sheet, with an optional note text. */
export interface HighlightTarget {
  readonly sheet: string;
  readonly address: string;
  readonly kind: HighlightKind;
  readonly note: string | null;
}

/** Fill colours of kusei's conditional formats (Excel's own light red / yellow / blue / orange). */
export const HIGHLIGHT_FILL: Readonly<Record<HighlightKind, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
  withdrawal: "#F8CBAD",
};

/** What the user reads where the cells get kusei's fills but no notes (unsupported: "notes"). */
export const NOTES_UNAVAILABLE: LocalizedText = {
  ja: "この Excel ではセルにメモを付けられません (ExcelApi 1.18 と、それを備えた office.js が必要)。指摘は作業ウィンドウの一覧で確認してください。",
  en: "This Excel cannot add notes to the cells (needs ExcelApi 1.18 and an office.js that has them). See the findings in the task pane's list.",
};

/** The workbook setting where kusei records the notes it added, so Clear removes exactly those. */
export const HIGHLIGHTS_SETTING = "kusei.highlights";

/**
 * kusei's conditional formats carry their own marker in their rule: a formula that is TRUE everywhere and
 * names kusei in a string no person writes. Clear and re-validate recognise kusei's formats by it, never by
 * `ConditionalFormat.id`, which the reference documents as "the priority of the conditional format in the
 * current ConditionalFormatCollection" (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat):
 * it shifts whenever a format is added ("at the first/top priority", ConditionalFormatCollection.add) or
 * removed, so a stored id can name a person's own format later.
 */
export function highlightFormula(kind: HighlightKind): string {
  return `=ISTEXT("${MARKER}${kind}")`;
}

const MARKER = "kusei-highlight:";

/** True for a rule formula kusei wrote (Excel may re-case the function; the string stays as written). */
export function isKuseiFormula(formula: string): boolean {
  return formula.includes(`"${MARKER}`);
}

/** Every note kusei writes starts with this, so a person can tell it from their own. */
export const NOTE_PREFIX = "[kusei] ";

interface HighlightRecord {
  readonly v: 2;
  readonly notes: ReadonlyArray<{ readonly sheet: string; readonly cell: string; readonly content: string }>;
}

export interface HighlightResult {
  /** conditional formats added (one per sheet, kind and address list, or per place without ExcelApi 1.9) */
  readonly formatsAdded: number;
  /** places highlighted */
  readonly highlighted: number;
  readonly notesAdded: number;
  /** cells that already had a person's note: left alone, no kusei note there */
  readonly notesSkipped: number;
  /** places on protected or missing sheets: not highlighted */
  readonly skipped: number;
  /** formats and notes of the previous run removed */
  readonly formatsRemoved: number;
  readonly notesRemoved: number;
  /** kusei notes a person edited since: kept (they are theirs now) */
  readonly notesKept: number;
  /**
   * what this Excel cannot do: highlights need ExcelApi 1.6, notes 1.18 and an office.js that has
   * `workbook.notes` (the 1.1.110 package kusei serves does not, whatever the host reports)
   */
  readonly unsupported: ReadonlyArray<"highlight" | "notes">;
  readonly error: ExcelFailure | null;
}

export interface HighlightOptions {
  readonly supports?: Supports;
  /** add notes with the finding text where the host supports them (default true) */
  readonly notes?: boolean;
}

/** The rows of a record across the columns its cells span, in sheet positions (the layout's origin applied). */
function rowSpan(
  cells: ReadonlyArray<FieldCell>,
  origin: GridPos,
  rowStart: number,
  rowEnd: number,
): string | null {
  if (cells.length === 0) return null;
  let left = Infinity;
  let right = -Infinity;
  for (const c of cells) {
    left = Math.min(left, origin.col + c.col);
    right = Math.max(right, origin.col + c.col);
  }
  return rectLocal({ top: origin.row + rowStart, bottom: origin.row + rowEnd, left, right });
}

/** The places to highlight for an evaluation: every finding with a cell, and every row flagged for withdrawal. */
export function highlightTargets(evaluation: Evaluation, lang: "ja" | "en" = "ja"): HighlightTarget[] {
  const out: HighlightTarget[] = [];
  for (const d of evaluation.initiatives) {
    if (!d.withdrawalFlag) continue;
    const cells = Object.values(d.record.fields).flatMap((f) => f ?? []);
    const origin = evaluation.layouts.find((l) => l.sheet === d.record.sheet)?.origin ?? { row: 0, col: 0 };
    const span = rowSpan(cells, origin, d.record.rowStart, d.record.rowEnd);
    if (span) out.push({ sheet: d.record.sheet, address: span, kind: "withdrawal", note: null });
  }
  for (const f of evaluation.findings) {
    if (f.cell) out.push({ sheet: f.sheet, address: f.cell, kind: f.severity, note: f.message[lang] });
  }
  return out;
}

function parseRecord(setting: { readonly isNullObject: boolean; readonly value: unknown }): HighlightRecord {
  const empty: HighlightRecord = { v: 2, notes: [] };
  if (setting.isNullObject) return empty;
  const raw: unknown = setting.value;
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      // A damaged record cannot name anything to remove; it is replaced by this run's record.
      return empty;
    }
  }
  if (typeof parsed !== "object" || parsed === null) return empty;
  const rec = parsed as Partial<HighlightRecord>;
  // A v1 record also listed conditional-format ids: they are ignored (formats are found by their marker).
  return { v: 2, notes: Array.isArray(rec.notes) ? rec.notes : [] };
}

/** Address lists for getRanges, each short enough for one call. */
function chunks(addresses: ReadonlyArray<string>, maxLength = 2000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > maxLength) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const ORDER: ReadonlyArray<HighlightKind> = ["withdrawal", "info", "warning", "error"];

/**
 * Replaces kusei's highlights with these, in three syncs: finds kusei's conditional formats on every
 * writable sheet by their marker formula (and the notes the last run recorded), removes them, then adds one
 * custom conditional format per sheet and kind — the user's own fills and formats stay untouched — and notes
 * with the finding text where the host and its office.js allow and the cell has no note of a person's.
 * Degrades visibly (`unsupported`) without conditional formats or notes.
 */
export async function showHighlights(
  context: ExcelContext,
  targets: ReadonlyArray<HighlightTarget>,
  opts: HighlightOptions = {},
): Promise<HighlightResult> {
  const supports = opts.supports ?? officeSupports;
  const unsupported: ("highlight" | "notes")[] = [];
  const result = {
    formatsAdded: 0,
    highlighted: 0,
    notesAdded: 0,
    notesSkipped: 0,
    skipped: 0,
    formatsRemoved: 0,
    notesRemoved: 0,
    notesKept: 0,
    unsupported,
    error: null as ExcelFailure | null,
  };

  try {
    // Sync A: the notes the last run added, and which sheets exist and are protected.
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING);
    setting.load("value");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await context.sync();
    const first = sheets.items[0];
    const feats = first
      ? features(supports, { workbook: context.workbook, sheet: first, range: first.getRange("A1") })
      : { specialCells: false, mergedAreas: false, conditionalFormats: false, notes: false };
    const cfOk = feats.conditionalFormats;
    const notesOk = (opts.notes ?? true) && feats.notes;
    if (!cfOk) unsupported.push("highlight");
    if ((opts.notes ?? true) && !feats.notes) unsupported.push("notes");
    const prev = parseRecord(setting);
    const wsByName = new Map(sheets.items.map((ws) => [ws.name, ws]));
    const writable = (sheet: string): XWorksheet | null => {
      const ws = wsByName.get(sheet);
      return ws && !ws.protection.protected ? ws : null;
    };

    // Sync B: every writable sheet's conditional formats (type and rule), the notes on note cells.
    const cfSheets: { sheet: string; coll: XConditionalFormatCollection }[] = [];
    if (cfOk) {
      for (const ws of sheets.items) {
        if (ws.protection.protected) continue;
        const coll = ws.getRange().conditionalFormats;
        coll.load("items/type,items/customOrNullObject/rule/formula");
        cfSheets.push({ sheet: ws.name, coll });
      }
    }
    const noteTexts = new Map<string, { sheet: string; cell: string; lines: string[] }>();
    if (notesOk) {
      for (const t of targets) {
        const rect = parseLocalRange(t.address);
        if (!t.note || !rect || !writable(t.sheet)) continue;
        const cell = rectLocal({ ...rect, bottom: rect.top, right: rect.left });
        const key = rectAddress(t.sheet, parseLocalRange(cell) ?? rect);
        const entry = noteTexts.get(key) ?? { sheet: t.sheet, cell, lines: [] };
        if (!entry.lines.includes(t.note)) entry.lines.push(t.note);
        noteTexts.set(key, entry);
      }
    }
    const noteKeys = new Set<string>(noteTexts.keys());
    const prevNotes = new Map<string, string>();
    for (const n of prev.notes) {
      const rect = parseLocalRange(n.cell);
      if (!rect || !writable(n.sheet)) continue;
      const key = rectAddress(n.sheet, rect);
      prevNotes.set(key, n.content);
      noteKeys.add(key);
    }
    const noteObjs = new Map<string, XNote>();
    if (feats.notes) {
      for (const key of noteKeys)
        noteObjs.set(key, context.workbook.notes.getItemOrNullObject(key).load("content"));
    }
    if (cfSheets.length > 0 || noteObjs.size > 0) await context.sync();

    // Sync C: remove the last run's marks, add this run's, record the notes.
    for (const { coll } of cfSheets) {
      // Highest priority number first: removing a format renumbers those after it, never those before.
      const mine = coll.items.filter(
        (cf) =>
          cf.type === "Custom" &&
          !cf.customOrNullObject.isNullObject &&
          isKuseiFormula(cf.customOrNullObject.rule.formula),
      );
      for (const cf of mine.reverse()) {
        cf.delete();
        result.formatsRemoved++;
      }
    }
    const freed = new Set<string>();
    for (const [key, content] of prevNotes) {
      const note = noteObjs.get(key);
      if (!note || note.isNullObject) continue;
      if (note.content === content) {
        note.delete();
        freed.add(key);
        result.notesRemoved++;
      } else result.notesKept++;
    }
    if (cfOk) {
      for (const kind of ORDER) {
        const bySheet = new Map<string, string[]>();
        for (const t of targets) {
          if (t.kind !== kind) continue;
          if (!writable(t.sheet) || !parseLocalRange(t.address)) {
            result.skipped++;
            continue;
          }
          bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t.address]);
          result.highlighted++;
        }
        for (const [sheet, addresses] of bySheet) {
          const ws = writable(sheet);
          if (!ws) continue;
          const ranges = feats.specialCells
            ? chunks([...new Set(addresses)]).map((list) => ws.getRanges(list).conditionalFormats)
            : [...new Set(addresses)].map((a) => ws.getRange(a).conditionalFormats);
          for (const coll of ranges) {
            const cf = coll.add("Custom");
            cf.custom.rule.formula = highlightFormula(kind);
            cf.custom.format.fill.color = HIGHLIGHT_FILL[kind];
            result.formatsAdded++;
          }
        }
      }
    }
    const notesAdded: { sheet: string; cell: string; content: string }[] = [];
    for (const [key, n] of noteTexts) {
      const existing = noteObjs.get(key);
      if (existing && !existing.isNullObject && !freed.has(key)) {
        result.notesSkipped++;
        continue;
      }
      const content = `${NOTE_PREFIX}${n.lines.join("\n")}`;
      context.workbook.notes.add(key, content);
      notesAdded.push({ sheet: n.sheet, cell: n.cell, content });
    }
    result.notesAdded = notesAdded.length;
    const changed = result.formatsAdded + result.formatsRemoved + notesAdded.length + result.notesRemoved > 0;
    if (notesAdded.length > 0) {
      const record: HighlightRecord = { v: 2, notes: notesAdded };
      context.workbook.settings.add(HIGHLIGHTS_SETTING, JSON.stringify(record));
    } else if (!setting.isNullObject) setting.delete();
    if (changed || !setting.isNullObject) await context.sync();
    return result;
  } catch (error) {
    return { ...result, error: describeExcelError(error) };
  }
}

/** Removes every highlight and note kusei added (and nothing else); notes a person has edited are kept. */
export async function clearHighlights(
  context: ExcelContext,
  opts: HighlightOptions = {},
): Promise<HighlightResult> {
  return showHighlights(context, [], opts);
}

/** Activates the sheet and selects the cell (or range), to jump to a finding. */
export async function selectCell(
  context: ExcelContext,
  sheet: string,
  address: string,
): Promise<ExcelFailure | null> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
    return null;
  } catch (error) {
    return describeExcelError(error);
  }
}
