import { fromA1 } from "../core";
import type { Evaluation, FieldCell, Severity } from "../core";
import { rectAddress, rectLocal, parseLocalRange } from "./address";
import { API, officeSupports, type Supports } from "./capabilities";
import { describeExcelError, type ExcelFailure } from "./errors";

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

/** The workbook setting where kusei records what it added, so Clear removes exactly that. */
export const HIGHLIGHTS_SETTING = "kusei.highlights";

/** Every note kusei writes starts with this, so a person can tell it from their own. */
export const NOTE_PREFIX = "[kusei] ";

interface HighlightRecord {
  readonly v: 1;
  readonly cfs: ReadonlyArray<{ readonly sheet: string; readonly id: string }>;
  readonly notes: ReadonlyArray<{ readonly sheet: string; readonly cell: string; readonly content: string }>;
}

export interface HighlightResult {
  /** conditional formats added (one per sheet and kind, or per place without ExcelApi 1.9) */
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
  /** what this Excel cannot do: highlights need ExcelApi 1.6, notes 1.18 */
  readonly unsupported: ReadonlyArray<"highlight" | "notes">;
  readonly error: ExcelFailure | null;
}

export interface HighlightOptions {
  readonly supports?: Supports;
  /** add notes with the finding text where the host supports them (default true) */
  readonly notes?: boolean;
}

function rowSpan(cells: ReadonlyArray<FieldCell>, rowStart: number, rowEnd: number): string | null {
  let origin: number | null = null;
  let left = Infinity;
  let right = -Infinity;
  for (const c of cells) {
    const pos = fromA1(c.address);
    if (!pos) continue;
    origin ??= pos.row - c.row;
    left = Math.min(left, pos.col);
    right = Math.max(right, pos.col);
  }
  if (origin === null) return null;
  return rectLocal({ top: origin + rowStart, bottom: origin + rowEnd, left, right });
}

/** The places to highlight for an evaluation: every finding with a cell, and every row flagged for withdrawal. */
export function highlightTargets(evaluation: Evaluation, lang: "ja" | "en" = "ja"): HighlightTarget[] {
  const out: HighlightTarget[] = [];
  for (const d of evaluation.initiatives) {
    if (!d.withdrawalFlag) continue;
    const cells = Object.values(d.record.fields).flatMap((f) => f ?? []);
    const span = rowSpan(cells, d.record.rowStart, d.record.rowEnd);
    if (span) out.push({ sheet: d.record.sheet, address: span, kind: "withdrawal", note: null });
  }
  for (const f of evaluation.findings) {
    if (f.cell) out.push({ sheet: f.sheet, address: f.cell, kind: f.severity, note: f.message[lang] });
  }
  return out;
}

function parseRecord(setting: Excel.Setting): HighlightRecord {
  const empty: HighlightRecord = { v: 1, cfs: [], notes: [] };
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
  return {
    v: 1,
    cfs: Array.isArray(rec.cfs) ? rec.cfs : [],
    notes: Array.isArray(rec.notes) ? rec.notes : [],
  };
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
 * Replaces kusei's highlights with these: removes what the last run added (recorded in the workbook
 * settings: conditional-format ids and note texts), then adds one custom conditional format per sheet and
 * kind — the user's own fills and formats stay untouched — and notes with the finding text where
 * ExcelApi 1.18 allows and the cell has no note of a person's. Degrades without ExcelApi 1.6 (no highlight).
 */
export async function showHighlights(
  context: Excel.RequestContext,
  targets: ReadonlyArray<HighlightTarget>,
  opts: HighlightOptions = {},
): Promise<HighlightResult> {
  const supports = opts.supports ?? officeSupports;
  const cfOk = supports(API.conditionalFormats);
  const notesOk = (opts.notes ?? true) && supports(API.notes);
  const areasOk = supports(API.specialCells);
  const unsupported: ("highlight" | "notes")[] = [];
  if (!cfOk) unsupported.push("highlight");
  if ((opts.notes ?? true) && !notesOk) unsupported.push("notes");
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
    // Sync A: what the last run added, and which sheets exist and are protected.
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING);
    setting.load("value");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await context.sync();
    const prev = parseRecord(setting);
    const wsByName = new Map(sheets.items.map((ws) => [ws.name, ws]));
    const writable = (sheet: string): Excel.Worksheet | null => {
      const ws = wsByName.get(sheet);
      return ws && !ws.protection.protected ? ws : null;
    };

    // Sync B: which recorded formats still exist; the notes on recorded and new note cells.
    const cfSheets = [...new Set(prev.cfs.map((c) => c.sheet))].flatMap((sheet) => {
      const ws = writable(sheet);
      return ws && cfOk ? [{ sheet, coll: ws.getRange().conditionalFormats.load("items/id") }] : [];
    });
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
    const noteObjs = new Map<string, Excel.Note>();
    if (supports(API.notes)) {
      for (const key of noteKeys)
        noteObjs.set(key, context.workbook.notes.getItemOrNullObject(key).load("content"));
    }
    if (cfSheets.length > 0 || noteObjs.size > 0) await context.sync();

    // Sync C: remove the last run's marks, add this run's.
    for (const { sheet, coll } of cfSheets) {
      const present = new Set(coll.items.map((cf) => cf.id));
      for (const c of prev.cfs) {
        if (c.sheet !== sheet || !present.has(c.id)) continue;
        coll.getItem(c.id).delete();
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
    const added: { sheet: string; cf: Excel.ConditionalFormat }[] = [];
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
          const ranges = areasOk
            ? chunks([...new Set(addresses)]).map((list) => ws.getRanges(list).conditionalFormats)
            : [...new Set(addresses)].map((a) => ws.getRange(a).conditionalFormats);
          for (const coll of ranges) {
            const cf = coll.add("Custom");
            cf.custom.rule.formula = "=TRUE";
            cf.custom.format.fill.color = HIGHLIGHT_FILL[kind];
            cf.load("id");
            added.push({ sheet, cf });
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
    result.formatsAdded = added.length;
    const adding = added.length > 0 || notesAdded.length > 0;
    if (!adding && setting.isNullObject) return result;
    if (!adding) setting.delete();
    await context.sync();

    // Sync D: record what was added (the format ids are known only now).
    if (added.length > 0 || notesAdded.length > 0) {
      const record: HighlightRecord = {
        v: 1,
        cfs: added.map((a) => ({ sheet: a.sheet, id: a.cf.id })),
        notes: notesAdded,
      };
      context.workbook.settings.add(HIGHLIGHTS_SETTING, JSON.stringify(record));
      await context.sync();
    }
    return result;
  } catch (error) {
    return { ...result, error: describeExcelError(error) };
  }
}

/** Removes every highlight and note kusei added (and nothing else); notes a person has edited are kept. */
export async function clearHighlights(
  context: Excel.RequestContext,
  opts: HighlightOptions = {},
): Promise<HighlightResult> {
  return showHighlights(context, [], opts);
}

/** Activates the sheet and selects the cell (or range), to jump to a finding. */
export async function selectCell(
  context: Excel.RequestContext,
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
