import JSZip from "jszip";
import { WorkbookReadError } from "./errors";
import {
  addContentTypes,
  addRelationship,
  emptyRelationships,
  parseContentTypes,
  parseRelationships,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  sourceOfRels,
  tagsOf,
  type Relationship,
} from "./opc";
import { guardWorkbookBytes, isLossyPart } from "./zip-guard";

/**
 * Parts exceljs writes from its own model, under names of its own choosing (sheet3.xml may come back as
 * sheet1.xml, comments2.xml as comments4.xml). A missing original of one kind is a rename when the output
 * holds a new part of the same kind; any missing beyond that count was dropped.
 */
const MODEL_KINDS: ReadonlyArray<RegExp> = [
  /^xl\/workbook\d*\.xml$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedstrings\.xml$/,
  /^xl\/theme\/[^/]+\.xml$/,
  /^xl\/comments[^/]*\.xml$/,
  /^xl\/drawings\/[^/]+\.vml$/,
  /^xl\/drawings\/[^/]+\.xml$/,
  /^xl\/media\/[^/]+$/,
  /^xl\/tables\/[^/]+\.xml$/,
  /^docprops\/core\.xml$/,
  /^docprops\/app\.xml$/,
];

/** The calculation chain is a cache Excel rebuilds on open; exceljs leaves it out on purpose. */
const REBUILT_BY_EXCEL = /^xl\/calcchain\.xml$/;

/**
 * Parts known to stand on their own (document-level metadata, add-in bindings, people, printer blobs): they
 * hold no sheet or cell index, so a verbatim copy stays right after exceljs rewrote the sheets.
 */
const VERBATIM: ReadonlyArray<RegExp> = [
  /^docprops\/custom\.xml$/,
  /^docprops\/thumbnail\.[^/]+$/,
  /^customxml\//,
  /^xl\/printersettings\//,
  /^xl\/persons\//,
  /^xl\/webextensions\//,
];

const RELS_FILE = /(^|\/)_rels\/[^/]*\.rels$/i;
const WORKSHEET_REL = "/relationships/worksheet";
const OFFICE_DOCUMENT_REL = "/relationships/officeDocument";
const MAX_NAMED = 8;

interface Referrer {
  /** the part holding the relationship ("" for the package) */
  readonly source: string;
  readonly rel: Relationship;
}

function lower(s: string): string {
  return s.toLowerCase();
}

function entriesOf(bytes: Uint8Array): string[] {
  return guardWorkbookBytes(bytes, Number.POSITIVE_INFINITY).entries.filter((e) => !e.endsWith("/"));
}

/** Missing parts that need a decision (not .rels, which follow their parts, nor the calculation chain). */
function undecided(original: ReadonlyArray<string>, written: ReadonlyArray<string>): string[] {
  const kept = new Set(written.map(lower));
  return original.filter(
    (n) => !kept.has(lower(n)) && !RELS_FILE.test(n) && !REBUILT_BY_EXCEL.test(lower(n)),
  );
}

/** Original part names (actual case) that are renames of exceljs's own parts, by kind and count. */
function renamed(
  missing: ReadonlyArray<string>,
  original: ReadonlyArray<string>,
  written: ReadonlyArray<string>,
) {
  const before = new Set(original.map(lower));
  const fresh = written.filter((n) => !before.has(lower(n)));
  const out = new Set<string>();
  for (const kind of MODEL_KINDS) {
    let room = fresh.filter((n) => kind.test(lower(n))).length;
    for (const m of missing) {
      if (room > 0 && kind.test(lower(m))) {
        out.add(m);
        room--;
      }
    }
  }
  return out;
}

async function bytesOf(zip: JSZip, name: string): Promise<Uint8Array> {
  const f = zip.file(name);
  if (f === null) throw new Error(`xlsx: no part ${name}`);
  return f.async("uint8array");
}

async function text(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f === null ? null : f.async("string");
}

/** Worksheet part by sheet name, read from the package's workbook part and its relationships. */
async function sheetParts(zip: JSZip): Promise<{ workbook: string; byName: Map<string, string> }> {
  const root = parseRelationships((await text(zip, "_rels/.rels")) ?? "");
  const main = root.find((r) => r.type.endsWith(OFFICE_DOCUMENT_REL));
  const workbook = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const rels = parseRelationships((await text(zip, relsPathOf(workbook))) ?? "");
  const byName = new Map<string, string>();
  for (const s of tagsOf((await text(zip, workbook)) ?? "", "sheet")) {
    const rel = rels.find((r) => r.id === (s.get("r:id") ?? "") && r.type.endsWith(WORKSHEET_REL));
    if (rel) byName.set(s.get("name") ?? "", resolveTarget(workbook, rel.target));
  }
  return { workbook, byName };
}

/** Every relationship of the package, by the lower-cased part it points to. */
async function referrersOf(zip: JSZip, names: ReadonlyArray<string>): Promise<Map<string, Referrer[]>> {
  const out = new Map<string, Referrer[]>();
  for (const name of names) {
    const source = sourceOfRels(name);
    if (source === null || !RELS_FILE.test(name)) continue;
    for (const rel of parseRelationships((await text(zip, name)) ?? "")) {
      if (rel.external) continue;
      const target = lower(resolveTarget(source, rel.target));
      const list = out.get(target) ?? [];
      list.push({ source, rel });
      out.set(target, list);
    }
  }
  return out;
}

/** A short list of part names for a message. */
function describeParts(parts: ReadonlyArray<string>): string {
  const shown = parts.slice(0, MAX_NAMED).join(", ");
  return parts.length > MAX_NAMED ? `${shown} … (+${parts.length - MAX_NAMED})` : shown;
}

/**
 * exceljs writes only what it models and silently leaves out every other part of the package. This puts back
 * each dropped part that is safe to copy verbatim (with its content type, its own relationships and the
 * relationship that pointed to it, under an unused id), and refuses (WorkbookReadError
 * "would-lose-content", naming the parts) when a dropped part cannot be carried over, unless `allowLoss`.
 * Returns `written` itself when nothing was dropped.
 */
export async function keepDroppedParts(
  original: Uint8Array,
  written: Uint8Array,
  allowLoss: boolean,
): Promise<Uint8Array> {
  if (undecided(entriesOf(original), entriesOf(written)).length === 0) return written;

  const [src, out] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(written)]);
  const names = (z: JSZip): string[] =>
    Object.values(z.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  const srcNames = names(src);
  const outNames = names(out);
  const missing = undecided(srcNames, outNames);
  const renames = renamed(missing, srcNames, outNames);
  const candidates = missing.filter((m) => !renames.has(m));
  const referrers = await referrersOf(src, srcNames);
  const outHas = new Set(outNames.map(lower));

  // Copyable: a known self-standing kind, or a part only the package itself or other copied parts point to
  // (anything a sheet or the workbook points to may be tied to their indices: refused).
  const copy = new Set(candidates.filter((p) => !isLossyPart(p)).map(lower));
  for (let changed = true; changed;) {
    changed = false;
    for (const p of [...copy]) {
      if (VERBATIM.some((re) => re.test(p))) continue;
      const ok = (referrers.get(p) ?? []).every((r) => r.source === "" || copy.has(lower(r.source)));
      if (!ok) {
        copy.delete(p);
        changed = true;
      }
    }
  }
  const refused = candidates.filter((p) => !copy.has(lower(p)));
  if (refused.length > 0 && !allowLoss) {
    throw new WorkbookReadError("would-lose-content", { parts: describeParts(refused) });
  }
  const toCopy = candidates.filter((p) => copy.has(lower(p)));
  if (toCopy.length === 0) return written;

  const srcSheets = await sheetParts(src);
  const outSheets = await sheetParts(out);
  const sheetName = new Map([...srcSheets.byName].map(([n, p]) => [lower(p), n]));
  /** Where a relationship of the original `source` part belongs in the output, or null when nowhere. */
  const targetSource = (source: string): string | null => {
    if (source === "") return "";
    const name = sheetName.get(lower(source));
    if (name !== undefined) return outSheets.byName.get(name) ?? null;
    if (lower(source) === lower(srcSheets.workbook)) return outSheets.workbook;
    return outHas.has(lower(source)) ? source : null;
  };

  const srcTypes = parseContentTypes((await text(src, "[Content_Types].xml")) ?? "");
  const typesXml = (await text(out, "[Content_Types].xml")) ?? "";
  const outTypes = parseContentTypes(typesXml);
  const addDefaults = new Map<string, string>();
  const addOverrides: Array<readonly [string, string]> = [];
  const relsEdits = new Map<string, string>();
  const sheetEdits = new Map<string, string>();

  for (const part of toCopy) {
    out.file(part, await bytesOf(src, part));
    const ownRels = srcNames.find((n) => lower(n) === lower(relsPathOf(part)));
    if (ownRels !== undefined && !outHas.has(lower(ownRels))) out.file(ownRels, await bytesOf(src, ownRels));
    const override = srcTypes.overrides.get(lower(part));
    if (override !== undefined) {
      if (!outTypes.overrides.has(lower(part))) addOverrides.push([part, override]);
    } else {
      const ext = lower(part.slice(part.lastIndexOf(".") + 1));
      const def = srcTypes.defaults.get(ext);
      if (def !== undefined && !outTypes.defaults.has(ext) && !addDefaults.has(ext))
        addDefaults.set(ext, def);
    }
    for (const { source, rel } of referrers.get(lower(part)) ?? []) {
      if (copy.has(lower(source))) continue; // its .rels part is copied verbatim with it
      const to = targetSource(source);
      if (to === null) continue;
      const relsPath = relsPathOf(to);
      const current =
        relsEdits.get(relsPath) ??
        (await text(out, outNames.find((n) => lower(n) === lower(relsPath)) ?? relsPath)) ??
        emptyRelationships();
      const exists = parseRelationships(current).some(
        (r) => r.type === rel.type && lower(resolveTarget(to, r.target)) === lower(part),
      );
      if (exists) continue;
      const added = addRelationship(current, { type: rel.type, target: relativeTarget(to, part) });
      relsEdits.set(relsPath, added.xml);
      // Printer settings are used through the sheet's <pageSetup r:id>, which exceljs does not write.
      if (/^xl\/printersettings\//i.test(part) && to !== "" && source !== "") {
        const before = (await text(src, source)) ?? "";
        // the id is compared as text: a RegExp built from it (regex metacharacters in a hostile Id) could backtrack
        const used = /<pageSetup\b[^>]*\br:id="([^"]*)"/.exec(before)?.[1];
        if (used === rel.id) {
          const sheet = sheetEdits.get(to) ?? (await text(out, to)) ?? "";
          if (/<worksheet\b[^>]*xmlns:r=/.test(sheet) && /<pageSetup\b(?![^>]*\br:id=)/.test(sheet))
            sheetEdits.set(to, sheet.replace(/<pageSetup\b/, `<pageSetup r:id="${added.id}"`));
        }
      }
    }
  }
  for (const [path, xml] of relsEdits) out.file(path, xml);
  for (const [path, xml] of sheetEdits) out.file(path, xml);
  out.file(
    "[Content_Types].xml",
    addContentTypes(typesXml, { defaults: [...addDefaults], overrides: addOverrides }),
  );
  const result = await out.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  // The safety net: whatever was not renamed, refused-with-consent or rebuilt by Excel must be there now.
  const stillMissing = undecided(srcNames, names(await JSZip.loadAsync(result))).filter(
    (p) => !renames.has(p) && !(allowLoss && refused.includes(p)),
  );
  if (stillMissing.length > 0) {
    throw new WorkbookReadError("would-lose-content", { parts: describeParts(stillMissing) });
  }
  return result;
}
