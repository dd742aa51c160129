/**
 * One worksheet part, streamed into sparse cells: only the cells that hold something and the merged areas
 * are kept, each costing what it holds (a lone cell at XFD1048576 is one entry, a merge over
 * A30:XFD1048576 is four numbers). Declared ranges the snapshot does not need — validations, conditional
 * formats, hyperlinks — are counted against the ranges budget and never expanded.
 */
import type { BudgetMeter } from "./budget";
import { WorkbookReadError } from "./errors";
import { xsdTrue } from "./parts";
import { isMain, parseXmlPartFast, type XmlStart } from "./xml";
import type { BoundedZip } from "./zip/read";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** How a cell's `<v>` is to be read (its `t` attribute). */
export type RawKind = "n" | "s" | "str" | "inlineStr" | "b" | "e" | "d";

/** One cell as the part states it, before shared strings and formats are applied. */
export interface RawCell {
  readonly row: number;
  readonly col: number;
  readonly kind: RawKind;
  /** the cell format index (`s`), 0 when absent */
  readonly style: number;
  readonly formula: boolean;
  /** `<v>` text, or the inline string's flattened text; null when there is none */
  readonly text: string | null;
}

export interface RawRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface RawSheet {
  readonly cells: RawCell[];
  readonly merges: RawRange[];
  readonly protected: boolean;
  /** cells the sheet's data validations cover, summed (exceljs would expand each) */
  readonly validationCells: number;
  /** the styles a cell without a value takes (read only when the workbook has unlocked formats) */
  readonly styles: RawStyles | null;
}

/**
 * What decides the format of a cell that holds nothing, as Excel applies it: the cell's own `s` when it has a
 * `<c>` element, else its row's (customFormat), else its column's. Only the lock of that format is used.
 */
export interface RawStyles {
  /** `<col min max style>`, 0-based inclusive */
  readonly cols: ReadonlyArray<{ readonly min: number; readonly max: number; readonly style: number }>;
  /** row → style, for rows with customFormat */
  readonly rows: ReadonlyMap<number, number>;
  /** `<c>` elements with neither value nor formula: row, col, style, flattened */
  readonly empty: ReadonlyArray<number>;
}

/**
 * A cell reference ("B12", "$B$12") as 0-based row and column, or null when it is none or lies outside
 * the sheet. Hand-parsed: it runs once per cell.
 */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  let row = 0;
  if (ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLS) return null;
  }
  if (i === colStart) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return null;
  }
  if (i === rowStart || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" (or "B2" alone) as an inclusive range, or null. */
export function parseRange(ref: string): RawRange | null {
  const colon = ref.indexOf(":");
  const a = parseRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseRef(ref.slice(colon + 1));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The cells a space-separated list of ranges covers ("A1:B2 D4" → 5), overlaps counted twice. */
export function sqrefArea(sqref: string): number {
  let total = 0;
  for (const part of sqref.split(" ")) {
    const r = part === "" ? null : parseRange(part);
    if (r) total += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  return total;
}

/**
 * An upper bound on the cells the ranges in a formula cover (a defined name's `Sheet1!$A:$C`, `$A$1:$XFD$9`,
 * `1:1048576`): what a reader that expands names cell by cell (exceljs) would visit. A fixed pattern, never
 * one built from the text.
 */
export function formulaRangeCells(formula: string): number {
  let total = 0;
  for (const m of formula.matchAll(/(\$?[A-Za-z]{1,3})?(\$?\d{1,7})?:(\$?[A-Za-z]{1,3})?(\$?\d{1,7})?/g)) {
    const [, c1, r1, c2, r2] = m;
    if ((c1 === undefined) !== (c2 === undefined) || (r1 === undefined) !== (r2 === undefined)) continue;
    if (c1 === undefined && r1 === undefined) continue;
    const col = (c: string | undefined): number =>
      c === undefined ? -1 : (parseRef(`${c.replace("$", "")}1`)?.col ?? -1);
    const row = (r: string | undefined): number => (r === undefined ? -1 : Number(r.replace("$", "")) - 1);
    const cols = c1 === undefined ? MAX_COLS : Math.abs(col(c2) - col(c1)) + 1;
    const rows = r1 === undefined ? MAX_ROWS : Math.abs(row(r2) - row(r1)) + 1;
    total += cols * rows;
  }
  return total;
}

function kindOf(t: string | undefined): RawKind {
  switch (t) {
    case "s":
    case "str":
    case "inlineStr":
    case "b":
    case "e":
    case "d":
      return t;
    default:
      return "n";
  }
}

/** Elements whose children are declared ranges: counted, never expanded. */
const RANGE_LISTS: ReadonlySet<string> = new Set(["dataValidations", "conditionalFormatting", "hyperlinks"]);

class SheetReader {
  readonly cells: RawCell[] = [];
  readonly merges: RawRange[] = [];
  protected = false;
  /** how many cells the data validations cover (summed areas, never expanded) */
  validationCells = 0;
  private readonly meter: BudgetMeter;
  private readonly part: string;
  private row = -1;
  private col = -1;
  // the open <c>, as fields rather than an object: one allocation less per cell on the hot path
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellKind: RawKind = "n";
  private cellStyle = 0;
  private formula = false;
  private value: string | null = null;
  private inline: string | null = null;
  /** depth of the <v> or inline <t> whose text is being collected (-1: none) */
  private collect = -1;
  private inInline = false;
  private readonly styles: {
    cols: Array<{ min: number; max: number; style: number }>;
    rows: Map<number, number>;
    empty: number[];
  } | null;

  constructor(meter: BudgetMeter, part: string, trackStyles: boolean) {
    this.meter = meter;
    this.part = part;
    this.styles = trackStyles ? { cols: [], rows: new Map(), empty: [] } : null;
  }

  rawStyles(): RawStyles | null {
    return this.styles;
  }

  private bad(what: string): WorkbookReadError {
    return new WorkbookReadError("corrupt", { detail: `${this.part.slice(0, 100)}: ${what.slice(0, 80)}` });
  }

  open(el: XmlStart, depth: number): void | "skip" {
    if (!isMain(el)) return "skip";
    if (depth === 1) return el.local === "worksheet" ? undefined : "skip";
    if (depth === 2) return this.topLevel(el);
    switch (el.local) {
      case "row": {
        const r = el.attr("r");
        const n = r === undefined ? this.row + 1 : Number(r) - 1;
        if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw this.bad(`row ${r ?? ""}`);
        this.row = n;
        this.col = -1;
        if (this.styles && xsdTrue(el.attr("customFormat"))) {
          const style = Number(el.attr("s") ?? "0");
          if (Number.isInteger(style) && style >= 0) this.styles.rows.set(n, style);
        }
        return;
      }
      case "col": {
        const [min, max, style] = [el.attr("min"), el.attr("max"), el.attr("style")].map(Number);
        if (this.styles && [min, max, style].every((v) => Number.isInteger(v) && (v ?? -1) >= 0))
          this.styles.cols.push({ min: (min ?? 1) - 1, max: (max ?? 1) - 1, style: style ?? 0 });
        return "skip";
      }
      case "c":
        return this.openCell(el);
      case "f":
        if (this.inCell) this.formula = true;
        return "skip";
      case "v":
        if (this.inCell && !this.inInline) {
          this.value = "";
          this.collect = depth;
        }
        return;
      case "is":
        if (this.inCell) {
          this.inInline = true;
          this.inline = "";
        }
        return;
      case "t":
        if (this.inInline) this.collect = depth;
        return;
      case "r":
        return;
      case "rPh":
      case "rPr":
      case "phoneticPr":
        return "skip";
      case "mergeCell":
        this.merge(el.attr("ref") ?? "");
        return "skip";
      case "dataValidation":
        this.meter.chargeRanges(1);
        this.validationCells += sqrefArea(el.attr("sqref") ?? "");
        return "skip";
      case "hyperlink":
        this.meter.chargeRanges(1);
        return "skip";
      default:
        return "skip";
    }
  }

  private topLevel(el: XmlStart): void | "skip" {
    switch (el.local) {
      case "sheetData":
      case "mergeCells":
      case "cols":
        return;
      case "sheetProtection":
        // Excel writes sheet="1", LibreOffice sheet="true"
        this.protected = xsdTrue(el.attr("sheet"));
        return "skip";
      default:
        if (RANGE_LISTS.has(el.local)) {
          this.meter.chargeRanges(1);
          return el.local === "conditionalFormatting" ? "skip" : undefined;
        }
        return "skip";
    }
  }

  private openCell(el: XmlStart): void | "skip" {
    if (this.row < 0) return "skip";
    const r = el.attr("r");
    let col = this.col + 1;
    let row = this.row;
    if (r !== undefined) {
      const at = parseRef(r);
      if (!at) throw this.bad(`cell ${r}`);
      col = at.col;
      // the cell's own reference places it (as Excel and exceljs do), even in another <row>
      row = at.row;
    }
    if (col >= MAX_COLS) throw this.bad(`cell after column XFD`);
    this.col = col;
    const s = Number(el.attr("s") ?? "0");
    this.inCell = true;
    this.cellRow = row;
    this.cellCol = col;
    this.cellKind = kindOf(el.attr("t"));
    this.cellStyle = Number.isInteger(s) && s >= 0 ? s : 0;
    this.formula = false;
    this.value = null;
    this.inline = null;
    this.inInline = false;
    return;
  }

  private merge(ref: string): void {
    const range = parseRange(ref);
    if (!range) throw this.bad(`merged area ${ref}`);
    this.meter.chargeMerges(1);
    // a one-cell merge changes nothing Excel shows, so the snapshot drops it (snapshot-build.ts) — but it
    // is kept here, so one that overlaps a real merge is refused like any other overlap
    this.merges.push(range);
  }

  text(t: string, depth: number): void {
    if (depth !== this.collect) return;
    if (this.inInline) this.inline = (this.inline ?? "") + t;
    else this.value = (this.value ?? "") + t;
  }

  close(local: string, depth: number): void {
    if (depth === this.collect && (local === "v" || local === "t")) this.collect = -1;
    else if (local === "is") this.inInline = false;
    else if (local === "c") this.closeCell();
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    const kind = this.cellKind;
    // an inline string's own text wins; some writers put the string in <v> instead
    const text = kind === "inlineStr" ? (this.inline ?? this.value) : this.value;
    if (text === null && !this.formula) {
      this.styles?.empty.push(this.cellRow, this.cellCol, this.cellStyle);
      return;
    }
    this.meter.chargeCells(1);
    this.cells.push({
      row: this.cellRow,
      col: this.cellCol,
      kind,
      style: this.cellStyle,
      formula: this.formula,
      text,
    });
  }
}

/** Reads one worksheet part into sparse raw cells and merges (see the module comment). */
export function readSheetXml(
  zip: BoundedZip,
  part: string,
  meter: BudgetMeter,
  trackStyles = false,
): RawSheet {
  const { reader } = parseXmlPartFast(zip, part, meter, () => {
    const fresh = new SheetReader(meter, part, trackStyles);
    return {
      reader: fresh,
      open: (el: XmlStart, depth: number) => fresh.open(el, depth),
      text: (t: string, depth: number) => fresh.text(t, depth),
      close: (local: string, _uri: string, depth: number) => fresh.close(local, depth),
    };
  });
  return {
    cells: reader.cells,
    merges: reader.merges,
    protected: reader.protected,
    validationCells: reader.validationCells,
    styles: reader.rawStyles(),
  };
}
