/**
 * Streaming, namespace-aware XML over the zip reader: every XML part is parsed once, front to back, by saxes
 * (linear in its size — no regular expression ever scans a part or is built from its content). saxes is
 * non-validating and never expands entities a DTD declares, so entity bombs cannot grow.
 *
 * Elements are matched by namespace URI and local name, so `<x:c>` (OpenXML SDK output with prefixes),
 * `<c>` under a default namespace and Strict OOXML's URIs all read the same.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { BudgetMeter } from "./budget";
import { WorkbookReadError } from "./errors";
import { scanXmlFast } from "./xml-fast";
import type { XmlHandlers, XmlStart } from "./xml-events";
import type { BoundedZip } from "./zip/read";

/** SpreadsheetML's main namespace, transitional and strict. */
export const MAIN_NS: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);
/** The namespace of `r:id` attributes, transitional and strict. */
export const REL_ATTR_NS: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
export const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/**
 * Deepest element nesting accepted. SpreadsheetML parts nest a dozen levels at most; saxes's namespace
 * bookkeeping costs grow with the depth of the open-tag stack (300k unclosed tags took minutes), so a part
 * nested deeper is refused at the first element beyond this.
 */
export const MAX_XML_DEPTH = 128;

export type { XmlHandlers, XmlStart } from "./xml-events";

class Start implements XmlStart {
  private readonly tag: SaxesTagNS;
  constructor(tag: SaxesTagNS) {
    this.tag = tag;
  }
  get local(): string {
    return this.tag.local;
  }
  get uri(): string {
    return this.tag.uri;
  }
  attr(local: string): string | undefined {
    // an attribute without a prefix is keyed by its local name and has no namespace
    const a = this.tag.attributes[local];
    return a !== undefined && a.uri === "" ? a.value : undefined;
  }
  attrNs(uris: ReadonlySet<string>, local: string): string | undefined {
    for (const a of Object.values(this.tag.attributes))
      if (a.local === local && uris.has(a.uri)) return a.value;
    return undefined;
  }
}

/** True for an element of SpreadsheetML's main namespace (or of none: hand-written parts without xmlns). */
export function isMain(el: { readonly uri: string }): boolean {
  return el.uri === "" || MAIN_NS.has(el.uri);
}

/**
 * Parses one zip entry as XML, streaming it out of the inflater, calling the handlers in document order.
 * Not well-formed XML → WorkbookReadError "corrupt" naming the part. The time budget is checked as it goes.
 * Markup-compatibility: `mc:Choice` subtrees are skipped (they hold what newer versions understand) and
 * `mc:Fallback` is read, as an application that knows none of the Choice namespaces does.
 */
export function parseXmlPart(zip: BoundedZip, part: string, meter: BudgetMeter, handlers: XmlHandlers): void {
  parseWithSaxes(part, meter, handlers, (write) => zip.textChunks(part, write));
}

/**
 * Parts larger than this are streamed through saxes: the fast scanner needs the whole part as one string
 * (a JavaScript string holds at most 2^29 characters, and memory should not double for a huge part).
 */
const FAST_MAX_BYTES = 96 * 1024 * 1024;

/**
 * parseXmlPart for the big parts (worksheets, shared strings): the part is read as one string and scanned by
 * xml-fast.ts when it can vouch for the text; otherwise the same text goes through saxes. `fresh` makes the
 * handlers: after the scanner gives up part-way it is called again, so saxes starts from clean state (the
 * budget's counters are set back too). Returns the handlers that read the whole part.
 */
export function parseXmlPartFast<H extends XmlHandlers>(
  zip: BoundedZip,
  part: string,
  meter: BudgetMeter,
  fresh: () => H,
): H {
  const size = zip.get(part)?.size ?? 0;
  if (size > FAST_MAX_BYTES) {
    const handlers = fresh();
    parseXmlPart(zip, part, meter, handlers);
    return handlers;
  }
  // kept for the save's patcher, which reads the same worksheet next (zip/read.ts textKept)
  const text = zip.textKept(part);
  const counted = meter.counters();
  const first = fresh();
  let events = 0;
  const done = scanXmlFast(text, first, {
    onElement: (depth) => {
      if (depth > MAX_XML_DEPTH) throw tooDeep(part);
      if ((++events & 0x3fff) === 0) meter.checkTime();
    },
    skips: (uri, local) => uri === MC_NS && local === "Choice",
    transparent: (uri) => uri === MC_NS,
  });
  if (done) return first;
  meter.restoreCounters(counted);
  const again = fresh();
  parseWithSaxes(part, meter, again, (write) => write(text));
  return again;
}

function tooDeep(part: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", { detail: `${part.slice(0, 100)}: nested too deeply` });
}

/** saxes over the text `feed` hands it (in one piece or in chunks), as parseXmlPart describes. */
function parseWithSaxes(
  part: string,
  meter: BudgetMeter,
  handlers: XmlHandlers,
  feed: (write: (chunk: string) => void) => void,
): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  /** the depth at which a skipped subtree started (-1: not skipping) */
  let skipFrom = -1;
  let events = 0;
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > MAX_XML_DEPTH) throw tooDeep(part);
    if ((++events & 0x3fff) === 0) meter.checkTime();
    if (skipFrom >= 0) return;
    if (tag.uri === MC_NS && tag.local === "Choice") {
      skipFrom = depth;
      return;
    }
    if (tag.uri === MC_NS) return;
    if (handlers.open?.(new Start(tag), depth) === "skip") skipFrom = depth;
  });
  parser.on("closetag", (tag) => {
    if (skipFrom === depth) skipFrom = -1;
    else if (skipFrom < 0 && tag.uri !== MC_NS) handlers.close?.(tag.local ?? "", tag.uri ?? "", depth);
    depth--;
  });
  const onText = (t: string): void => {
    if (skipFrom < 0 && depth > 0) handlers.text?.(t, depth);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    feed((chunk) => {
      if (failure === null) parser.write(chunk);
    });
    if (failure === null) parser.close();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure !== null) {
    const detail = (failure.message.split("\n")[0] ?? "").slice(0, 160);
    throw new WorkbookReadError("corrupt", { detail: `${part.slice(0, 100)}: ${detail}` });
  }
}
