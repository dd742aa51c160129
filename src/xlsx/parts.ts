/**
 * The package structure through the relationships, never fixed paths (issue 14 §4, issue 15 §2):
 * `_rels/.rels` → the workbook part (any name) → its relationships → every worksheet whatever its part name,
 * the shared strings and the styles.
 */
import { BudgetMeter, budgetOf, type ReadBudget } from "./budget";
import { WorkbookReadError } from "./errors";
import { resolveTarget, relsPathOf } from "./opc";
import { formulaRangeCells } from "./sheet-xml";
import { isMain, parseXmlPartFast, PACKAGE_RELS_NS, REL_ATTR_NS, type XmlHandlers } from "./xml";
import { readZip, type BoundedZip } from "./zip/read";
import type { WorkbookParts, ZipCodec } from "./zip/types";

/** One relationship of a .rels part, its target resolved to a zip entry name (null when external). */
export interface PartRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  /** the zip entry the target names (resolved against the source part), null for an external target */
  readonly part: string | null;
}

/** Relationship types by their last path segment: the transitional and the strict URIs end alike. */
function typeIs(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/**
 * The relationships of `source` ("" for the package): empty when it has no .rels part. More relationships
 * than the parts budget allows → WorkbookReadError. Streaming and linear (a .rels with 300k unclosed tags
 * costs one pass, then is refused as not well-formed).
 */
export function readRelationships(zip: BoundedZip, source: string, meter: BudgetMeter): PartRelationship[] {
  const path = relsPathOf(source);
  if (zip.get(path) === undefined) return [];
  return parseXmlPartFast(zip, path, meter, () => relationshipsReader(source, meter)).out;
}

/** The handlers reading one .rels part into `out` (fresh state each time parseXmlPartFast asks). */
function relationshipsReader(
  source: string,
  meter: BudgetMeter,
): XmlHandlers & { readonly out: PartRelationship[] } {
  const out: PartRelationship[] = [];
  return {
    out,
    open(el) {
      if (el.local !== "Relationship" || (el.uri !== PACKAGE_RELS_NS && el.uri !== "")) return;
      const target = el.attr("Target") ?? "";
      const external = el.attr("TargetMode") === "External";
      out.push({
        id: el.attr("Id") ?? "",
        type: el.attr("Type") ?? "",
        target,
        part: external ? null : resolveTarget(source, target),
      });
      meter.checkParts(out.length);
    },
  };
}

interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
}

interface WorkbookXml {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly definedNames: number;
  /** cells the defined names' ranges cover together (an upper bound; never expanded) */
  readonly definedNameCells: number;
}

function stateOf(s: string | undefined): SheetEntry["state"] {
  return s === "hidden" ? "hidden" : s === "veryHidden" ? "veryHidden" : "visible";
}

/** An xsd:boolean attribute ("1"/"true"; LibreOffice writes "true", Excel "1"). */
export function xsdTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** The workbook part: its sheets (in order), date1904, and how many defined names (counted, not read). */
function readWorkbookXml(zip: BoundedZip, path: string, meter: BudgetMeter): WorkbookXml {
  return parseXmlPartFast(zip, path, meter, () => workbookXmlReader(meter)).result();
}

/** The handlers reading the workbook part (fresh state each time parseXmlPartFast asks). */
function workbookXmlReader(meter: BudgetMeter): XmlHandlers & { result(): WorkbookXml } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let definedNames = 0;
  let definedNameCells = 0;
  let nameText: string | null = null;
  return {
    result: () => ({ sheets, date1904, definedNames, definedNameCells }),
    text(t) {
      if (nameText !== null) nameText += t;
    },
    close(local) {
      if (local === "definedName" && nameText !== null) {
        definedNameCells += formulaRangeCells(nameText);
        nameText = null;
      }
    },
    open(el) {
      if (!isMain(el)) return;
      switch (el.local) {
        case "sheet":
          sheets.push({
            name: el.attr("name") ?? "",
            sheetId: Number(el.attr("sheetId") ?? "0"),
            relId: el.attrNs(REL_ATTR_NS, "id") ?? "",
            state: stateOf(el.attr("state")),
          });
          meter.checkParts(sheets.length);
          return;
        case "workbookPr":
          date1904 = xsdTrue(el.attr("date1904"));
          return;
        case "definedName":
          // A defined name over whole columns costs one count: its formula text is never expanded.
          meter.chargeNames(1);
          definedNames++;
          nameText = "";
          return;
        case "extLst":
          return "skip";
        default:
          return;
      }
    },
  };
}

/**
 * The package's structure: the workbook part through `_rels/.rels`, every worksheet through the workbook's
 * relationships (chartsheets and dialog sheets are not worksheets and are left out), the shared strings and
 * styles through their relationship types. No officeDocument relationship, or one to a part that is not
 * there → "not-workbook"; a sheet whose relationship or part is missing → "corrupt".
 */
export function workbookParts(zip: BoundedZip, meter: BudgetMeter): WorkbookParts {
  return workbookStructure(zip, meter).parts;
}

function workbookStructure(
  zip: BoundedZip,
  meter: BudgetMeter,
): { parts: WorkbookParts; definedNameCells: number } {
  if (zip.get("[Content_Types].xml") === undefined) throw new WorkbookReadError("not-workbook");
  const root = readRelationships(zip, "", meter);
  const main = root.find((r) => typeIs(r.type, "officeDocument") && r.part !== null);
  const mainEntry = main?.part ? zip.get(main.part) : undefined;
  if (!mainEntry) {
    // xl/workbook.xml without the relationship to it: a damaged workbook rather than some other zip
    if (zip.get("xl/workbook.xml") !== undefined)
      throw new WorkbookReadError("corrupt", { detail: "_rels/.rels does not name the workbook part" });
    throw new WorkbookReadError("not-workbook");
  }
  const workbookPath = mainEntry.name;
  const rels = readRelationships(zip, workbookPath, meter);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const wb = readWorkbookXml(zip, workbookPath, meter);
  const sheets: Array<WorkbookParts["sheets"][number]> = [];
  for (const s of wb.sheets) {
    const rel = byId.get(s.relId);
    if (rel === undefined || rel.part === null)
      throw new WorkbookReadError("corrupt", { detail: `sheet ${s.name.slice(0, 60)} has no part` });
    if (!typeIs(rel.type, "worksheet")) continue;
    const entry = zip.get(rel.part);
    if (!entry)
      throw new WorkbookReadError("corrupt", {
        detail: `sheet ${s.name.slice(0, 60)}: no part ${rel.part.slice(0, 100)}`,
      });
    sheets.push({ name: s.name, partPath: entry.name, relId: s.relId, sheetId: s.sheetId, state: s.state });
  }
  const partOf = (kind: string): string | null => {
    const rel = rels.find((r) => typeIs(r.type, kind) && r.part !== null);
    const entry = rel?.part ? zip.get(rel.part) : undefined;
    return entry ? entry.name : null;
  };
  const parts: WorkbookParts = {
    workbookPath,
    sheets,
    sharedStringsPath: partOf("sharedStrings"),
    stylesPath: partOf("styles"),
    workbookRelsPath: zip.get(relsPathOf(workbookPath))?.name ?? relsPathOf(workbookPath),
    date1904: wb.date1904,
  };
  return { parts, definedNameCells: wb.definedNameCells };
}

/** An opened package: the bounded zip, its structure and the meter charged so far (xlsxwrite builds on it). */
export interface WorkbookPackage {
  readonly zip: BoundedZip;
  readonly parts: WorkbookParts;
  readonly meter: BudgetMeter;
  /** cells the defined names' ranges cover together (an upper bound, never expanded) */
  readonly definedNameCells: number;
}

/** Opens the bytes as a workbook package under the budget (see readZip and workbookParts). */
export function openWorkbookPackage(
  bytes: Uint8Array,
  budget: Partial<ReadBudget> = {},
  codec: ZipCodec | null = null,
): WorkbookPackage {
  const meter = new BudgetMeter(budgetOf(budget));
  const zip = readZip(bytes, meter, codec);
  const { parts, definedNameCells } = workbookStructure(zip, meter);
  return { zip, parts, meter, definedNameCells };
}
