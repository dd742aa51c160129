/**
 * Test helpers for the surgical writer: the package structure through the relationships (TEST ONLY, until
 * xlsxread's parts reader lands on main), and the zip-entry comparison every surgical save must pass — only
 * the planned cells' `<c>` elements of their sheet parts and the change-log sheet's parts may differ.
 */
import { inflateSync } from "fflate";
import { fromA1 } from "../../src/core/address/a1";
import { parseRelationships, resolveTarget, tagsOf } from "../../src/xlsx/opc";
import { cellsOfRow } from "../../src/xlsx/patch/sheet-cells";
import { indexSheet } from "../../src/xlsx/patch/sheet-index";
import type { WorkbookParts, ZipArchive } from "../../src/xlsx/zip/types";
import { testZipArchive } from "./zip-test-reader";

/** TEST ONLY: WorkbookParts found as the real reader must (officeDocument relationship, then the workbook's). */
export function testWorkbookParts(zip: ZipArchive): WorkbookParts {
  const text = (name: string): string => (zip.get(name) ? zip.text(name) : "");
  const main = parseRelationships(text("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"));
  if (!main) throw new Error("test parts: no officeDocument relationship");
  const workbookPath = resolveTarget("", main.target);
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const workbookRelsPath = `${dir}_rels/${workbookPath.slice(dir.length)}.rels`;
  const rels = parseRelationships(text(workbookRelsPath));
  const wb = text(workbookPath);
  const sheets = tagsOf(wb, "sheet").map((a): WorkbookParts["sheets"][number] => {
    const relId = [...a].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.find((r) => r.id === relId);
    const state = a.get("state");
    return {
      name: a.get("name") ?? "",
      partPath: rel ? resolveTarget(workbookPath, rel.target) : "",
      relId,
      sheetId: Number(a.get("sheetId")),
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    };
  });
  const byType = (t: string): string | null => {
    const r = rels.find((x) => x.type.endsWith(t));
    return r ? resolveTarget(workbookPath, r.target) : null;
  };
  const pr = tagsOf(wb, "workbookPr")[0];
  return {
    workbookPath,
    sheets,
    sharedStringsPath: byType("/sharedStrings"),
    stylesPath: byType("/styles"),
    workbookRelsPath,
    date1904: pr?.get("date1904") === "1" || pr?.get("date1904") === "true",
  };
}

/** Every entry inflated, by name. */
export function entriesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = testZipArchive(bytes);
  const out = new Map<string, Uint8Array>();
  for (const e of zip.entries) out.set(e.name, e.method === 0 ? e.raw() : inflateSync(e.raw()));
  return out;
}

/** The worksheet XML with the `<c>` elements at these 0-based positions cut out, and bare rows that held only them. */
function withoutCells(xml: string, cells: ReadonlyArray<{ row: number; col: number }>): string {
  const index = indexSheet(xml);
  const cuts: Array<[number, number]> = [];
  for (const row of index.rows) {
    const mine = cells.filter((c) => c.row + 1 === row.r);
    if (mine.length === 0) continue;
    const all = cellsOfRow(xml, row, index.prefix);
    const cut = all.filter((c) => mine.some((m) => m.col === c.col));
    if (
      cut.length === all.length &&
      xml.slice(row.start, row.openEnd) === `<${index.prefix}row r="${row.r}">`
    )
      cuts.push([row.start, row.end]);
    else for (const c of cut) cuts.push([c.start, c.end]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [a, b] of cuts) {
    out += xml.slice(at, a);
    at = b;
  }
  return out + xml.slice(at);
}

export interface SurgicalDiff {
  /** entries that differ although nothing planned touches them */
  readonly unexpected: string[];
  /** entries in the input missing from the output */
  readonly missing: string[];
  /** entries in the output that are neither in the input nor the change-log sheet's new part */
  readonly extra: string[];
}

/**
 * Compares every zip entry of a save with its input after decompression. Allowed to differ: the sheet parts
 * of the planned cells, and only in those `<c>` elements (plus a bare row kusei added for them); the
 * change-log sheet's own part; and, when the log sheet is new, the workbook part, its relationships and
 * [Content_Types].xml — each only by the one element the new sheet needs.
 */
export function surgicalDiff(
  input: Uint8Array,
  output: Uint8Array,
  planned: ReadonlyArray<{ readonly sheet: string; readonly cell: string }>,
  logSheet: string,
): SurgicalDiff {
  const a = entriesOf(input);
  const b = entriesOf(output);
  const partsIn = testWorkbookParts(testZipArchive(input));
  const partsOut = testWorkbookParts(testZipArchive(output));
  const dec = new TextDecoder();
  const unexpected: string[] = [];
  const missing = [...a.keys()].filter((n) => !b.has(n));
  const logIn = partsIn.sheets.find((s) => s.name === logSheet)?.partPath ?? null;
  const logOut = partsOut.sheets.find((s) => s.name === logSheet)?.partPath ?? null;
  const extra = [...b.keys()].filter((n) => !a.has(n) && n !== logOut);
  const newLog = logIn === null && logOut !== null;
  const oneMore = (name: string, tag: string): boolean => {
    const x = dec.decode(a.get(name));
    const y = dec.decode(b.get(name));
    // the output is the input with exactly one element inserted
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    while (i > 0 && x[i] !== "<") i--;
    const rest = x.slice(i);
    return (
      y.endsWith(rest) &&
      y.length > x.length &&
      new RegExp(`^<(\\w+:)?${tag}\\b[^>]*/>$`).test(y.slice(i, y.length - rest.length))
    );
  };
  for (const [name, data] of a) {
    const out = b.get(name);
    if (!out) continue;
    if (Buffer.from(data).equals(Buffer.from(out))) continue;
    if (name === logIn) continue;
    const sheet = partsIn.sheets.find((s) => s.partPath === name);
    if (sheet) {
      const cells = planned
        .filter((p) => p.sheet === sheet.name)
        .map((p) => fromA1(p.cell))
        .filter((p): p is { row: number; col: number } => p !== null);
      if (cells.length > 0 && withoutCells(dec.decode(data), cells) === withoutCells(dec.decode(out), cells))
        continue;
    }
    if (newLog && name === partsIn.workbookPath && oneMore(name, "sheet")) continue;
    if (newLog && name === partsIn.workbookRelsPath && oneMore(name, "Relationship")) continue;
    if (newLog && name === "[Content_Types].xml" && oneMore(name, "Override")) continue;
    unexpected.push(name);
  }
  return { unexpected, missing, extra };
}
