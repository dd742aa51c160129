/** The workbook-wide parts a sheet's cells refer to by index: the shared strings and the cell formats. */
import type { BudgetMeter } from "./budget";
import { overBudget } from "./budget";
import { builtinFormat } from "./number-format";
import { isMain, parseXmlPart } from "./xml";
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
  const out: string[] = [];
  let current: string | null = null;
  /** depth of the <t> being collected, -1 when none */
  let inText = -1;
  parseXmlPart(zip, path, meter, {
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
  });
  return out;
}

/**
 * The number format code of each cell format (`cellXfs` order, the index a cell's `s` names): the
 * workbook's own `numFmt` for an id when it has one, else the built-in format of that id.
 */
export function readCellFormats(zip: BoundedZip, path: string, meter: BudgetMeter): string[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  parseXmlPart(zip, path, meter, {
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
        case "xf":
          if (inCellXfs) {
            xfIds.push(Number(el.attr("numFmtId") ?? "0"));
            if (xfIds.length > meter.budget.maxCells) throw overBudget("cells", meter.budget.maxCells);
          }
          return "skip";
        case "styleSheet":
        case "numFmts":
          return;
        default:
          // fonts, fills, borders, cell styles, dxfs, colors: nothing a snapshot needs
          return "skip";
      }
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return xfIds.map((id) =>
    Number.isInteger(id) ? (custom.get(id) ?? builtinFormat(id) ?? "General") : "General",
  );
}
