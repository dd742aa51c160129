/**
 * Just enough of the Open Packaging Conventions to carry parts over from one .xlsx package to another:
 * relationship files, content types, part names. The XML here is machine-written and flat, so attributes
 * are read with regular expressions rather than a full parser (none is available in the browser bundle).
 */

export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** One relationship of a .rels part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Escapes text for an XML attribute value in double quotes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The attributes of one start tag's inner text (`name="v" other='w'`), unescaped. */
export function attributesOf(tagInner: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagInner.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? "", unescapeXml(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** Every start (or empty) tag named `name` (no namespace prefix), as attribute maps, in document order. */
export function tagsOf(xml: string, name: string): Array<Map<string, string>> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)/?>`, "g");
  return [...xml.matchAll(re)].map((m) => attributesOf(m[1] ?? ""));
}

/** The relationships of a .rels part. */
export function parseRelationships(xml: string): Relationship[] {
  return tagsOf(xml, "Relationship").map((a) => ({
    id: a.get("Id") ?? "",
    type: a.get("Type") ?? "",
    target: a.get("Target") ?? "",
    external: a.get("TargetMode") === "External",
  }));
}

/** The .rels part holding the relationships of `part` ("" is the package itself). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part whose relationships a .rels path holds ("" for the package), or null when it is no .rels part. */
export function sourceOfRels(relsPath: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  if (!m) return null;
  return `${m[1] ?? ""}${m[2] ?? ""}`;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A relationship target resolved against its source part: a zip entry name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  const raw = decodePath(target.split("#")[0] ?? "");
  const joined = raw.startsWith("/") ? raw.slice(1) : dirOf(source) + raw;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The target text that points from `source` to `part` (relative, as Excel writes it). */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source)
    .split("/")
    .filter((s) => s !== "");
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...new Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

/** A new .rels part with no relationships. */
export function emptyRelationships(): string {
  return `${XML_HEAD}<Relationships xmlns="${RELS_NS}"></Relationships>`;
}

/** An id no relationship of `xml` uses: rId + one more than the highest number in use. */
export function unusedRelationshipId(xml: string): string {
  const used = new Set(parseRelationships(xml).map((r) => r.id));
  let n = 0;
  for (const id of used) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let id = `rId${n + 1}`;
  while (used.has(id)) id = `rId${++n + 1}`;
  return id;
}

/** Adds one relationship (an unused id) before </Relationships>; returns the new xml and the id. */
export function addRelationship(
  xml: string,
  rel: { readonly type: string; readonly target: string },
): { xml: string; id: string } {
  const id = unusedRelationshipId(xml);
  const tag = `<Relationship Id="${id}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  const at = xml.search(/<\/(?:[\w.-]+:)?Relationships\s*>/);
  if (at >= 0) return { xml: xml.slice(0, at) + tag + xml.slice(at), id };
  // an empty element <Relationships .../>: open it up
  return {
    xml: xml.replace(/<((?:[\w.-]+:)?Relationships\b[^>]*?)\s*\/>/, `<$1>${tag}</Relationships>`),
    id,
  };
}

/** [Content_Types].xml: Default entries by lower-case extension, Override entries by lower-case part name. */
export interface ContentTypes {
  readonly defaults: Map<string, string>;
  readonly overrides: Map<string, string>;
}

/** Reads [Content_Types].xml. Override part names are zip entry names (no leading slash), lower-cased. */
export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const a of tagsOf(xml, "Default"))
    defaults.set((a.get("Extension") ?? "").toLowerCase(), a.get("ContentType") ?? "");
  for (const a of tagsOf(xml, "Override"))
    overrides.set(
      decodePath(a.get("PartName") ?? "")
        .replace(/^\//, "")
        .toLowerCase(),
      a.get("ContentType") ?? "",
    );
  return { defaults, overrides };
}

/** Adds Default (extension) and Override (part name) entries before </Types>. */
export function addContentTypes(
  xml: string,
  add: {
    readonly defaults: ReadonlyArray<readonly [string, string]>;
    readonly overrides: ReadonlyArray<readonly [string, string]>;
  },
): string {
  const tags = [
    ...add.defaults.map(
      ([ext, ct]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(ct)}"/>`,
    ),
    ...add.overrides.map(
      ([part, ct]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(ct)}"/>`,
    ),
  ].join("");
  if (tags === "") return xml;
  const at = xml.search(/<\/(?:[\w.-]+:)?Types\s*>/);
  return at < 0 ? xml : xml.slice(0, at) + tags + xml.slice(at);
}
