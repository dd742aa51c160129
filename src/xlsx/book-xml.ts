/** The workbook-wide parts a sheet's cells refer to by index: the shared strings and the cell formats. */
import type { BudgetMeter } from "./budget";
import { overBudget } from "./budget";
import { builtinFormat } from "./number-format";
import { xsdTrue } from "./parts";
import { isMain, parseXmlPartFast, type XmlHandlers } from "./xml";
import type { BoundedZip } from "./zip/read";

/**
 * Decodes the `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot carry (ECMA-376 §22.9.2.19,
 * ST_Xstring): `_x000D_` is a carriage return; `_x005F_` escapes a literal underscore before such a code.
 */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x5f && s[i + 1] === "x" && s[i + 6] === "_") {
      const hex = s.slice(i + 2, i + 6);
      let ok = hex.length === 4;
      for (const ch of hex) if (!"0123456789abcdefABCDEF".includes(ch)) ok = false;
      if (ok) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 7;
        continue;
      }
    }
    out += s[i] ?? "";
    i++;
  }
  return out;
}

/**
 * The shared string table, each string flattened: plain `<t>` or rich-text runs `<r><t>` joined, phonetic
 * runs (`<rPh>`, furigana) left out. More strings than the cell budget allows → over-budget (a string table
 * that size would stand for more cells than any sheet may hold).
 */
export function readSharedStrings(zip: BoundedZip, path: string, meter: BudgetMeter): string[] {
  return parseXmlPartFast(zip, path, meter, () => sharedStringsReader(meter)).out;
}

/** The handlers reading one shared string table into `out` (fresh state each time parseXmlPartFast asks). */
function sharedStringsReader(meter: BudgetMeter): XmlHandlers & { readonly out: string[] } {
  const out: string[] = [];
  let current: string | null = null;
  /** depth of the <t> being collected, -1 when none */
  let inText = -1;
  return {
    out,
    open(el, depth) {
      if (!isMain(el)) return "skip";
      if (el.local === "si") {
        current = "";
        if (out.length >= meter.budget.maxCells) throw overBudget("cells", meter.budget.maxCells);
        return;
      }
      if (el.local === "rPh" || el.local === "phoneticPr" || el.local === "rPr" || el.local === "extLst")
        return "skip";
      if (el.local === "t" && current !== null) inText = depth;
      return;
    },
    text(t, depth) {
      if (inText === depth && current !== null) current += t;
    },
    close(local, _uri, depth) {
      if (local === "t" && inText === depth) inText = -1;
      else if (local === "si" && current !== null) {
        out.push(decodeXstring(current));
        current = null;
      }
    },
  };
}

/** The cell formats (`cellXfs`, the index a cell's `s` names): their number format codes and their locks. */
export interface CellStyles {
  /** the number format code of each cell format */
  readonly formats: ReadonlyArray<string>;
  /**
   * The cell formats whose cells stay writable on a protected sheet: `<protection locked="0"/>` (Excel
   * protects locked cells only, and cells are locked unless their format says otherwise). A format that
   * says applyProtection="0" takes its lock from its named style, which is not read: it counts as locked —
   * a write kusei skips is safe, one into a cell the user locked is not.
   */
  readonly unlocked: ReadonlySet<number>;
}

/**
 * The number format code of each cell format (`cellXfs` order): the workbook's own `numFmt` for an id when
 * it has one, else the built-in format of that id; and which formats are unlocked.
 */
export function readCellStyles(zip: BoundedZip, path: string, meter: BudgetMeter): CellStyles {
  return parseXmlPartFast(zip, path, meter, () => cellStylesReader(meter)).result();
}

/** The handlers reading the styles part (fresh state each time parseXmlPartFast asks). */
function cellStylesReader(meter: BudgetMeter): XmlHandlers & { result(): CellStyles } {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const unlocked = new Set<number>();
  let inCellXfs = false;
  /** the cellXfs entry being read, and whether it may carry its own protection */
  let xf: { index: number; applies: boolean } | null = null;
  return {
    result() {
      const formats = xfIds.map((id) =>
        Number.isInteger(id) ? (custom.get(id) ?? builtinFormat(id) ?? "General") : "General",
      );
      return { formats, unlocked };
    },
    open(el) {
      if (!isMain(el)) return "skip";
      switch (el.local) {
        case "numFmt": {
          const id = Number(el.attr("numFmtId"));
          if (Number.isInteger(id)) custom.set(id, el.attr("formatCode") ?? "");
          return "skip";
        }
        case "cellXfs":
          inCellXfs = true;
          return;
        case "xf": {
          if (!inCellXfs) return "skip";
          xfIds.push(Number(el.attr("numFmtId") ?? "0"));
          if (xfIds.length > meter.budget.maxCells) throw overBudget("cells", meter.budget.maxCells);
          const apply = el.attr("applyProtection");
          xf = { index: xfIds.length - 1, applies: apply === undefined || xsdTrue(apply) };
          return;
        }
        case "protection": {
          const locked = el.attr("locked");
          if (xf?.applies && locked !== undefined && !xsdTrue(locked)) unlocked.add(xf.index);
          return "skip";
        }
        case "styleSheet":
        case "numFmts":
          return;
        default:
          // fonts, fills, borders, cell styles, dxfs, colors, an xf's alignment: nothing a snapshot needs
          return "skip";
      }
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
      else if (local === "xf") xf = null;
    },
  };
}
