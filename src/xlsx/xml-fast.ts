/**
 * A fast path under parseXmlText (xml.ts) for the parts that hold nearly all of a workbook's bytes (worksheets,
 * shared strings). saxes walks a part character by character through a state machine; on a 20,000-row sheet
 * that was a third of a whole recalc. This scanner jumps between '<' and '>' with indexOf and reports the same
 * events (XmlHandlers: open with namespace URI and attributes, close, text) — but only for documents it can
 * vouch for. It checks well-formedness as strictly as saxes does for the subset of XML that spreadsheet
 * writers produce (ASCII names, the five predefined entities and character references, comments, CDATA, one
 * XML declaration), and for anything else — a DOCTYPE, a processing instruction, a carriage return, a
 * non-ASCII name, whitespace inside an attribute value, an error of any kind — it gives up ("bails") and the
 * caller parses the same text again with saxes and fresh handlers, so what is read, and every refusal and
 * its message, stays saxes's. No library does this: sax-style parsers all pay per character, and a regex
 * tokenizer would not check well-formedness.
 */
import type { XmlHandlers, XmlStart } from "./xml-events";

/** Thrown inside the scan when the text is not in the subset it vouches for; never leaves this module. */
class Bail {
  constructor(readonly why: string) {}
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates), a carriage
 * return (XML turns CR LF into LF, which this scanner does not do), or "]]>" outside a CDATA section are
 * handed to saxes. Checked once over the whole text by one native regular expression.
 */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\x00-\x08\x0b-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/** An XML declaration as spreadsheet writers write it (anything else goes to saxes). */
const DECLARATION =
  /^<\?xml[ \t\n]+version=(["'])1\.[0-9]+\1(?:[ \t\n]+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone=(["'])(?:yes|no)\3)?[ \t\n]*\?>/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

/** [A-Za-z_] */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** [A-Za-z0-9_.-] */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

/** A char reference's code point is an XML Char. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** s[from, to) with its entity and character references replaced; bails on one XML does not define here. */
function decode(s: string, from: number, to: number): string {
  // sliced first: an unbounded indexOf("&") from here would rescan the rest of the part for every value
  const raw = s.slice(from, to);
  return raw.includes("&") ? replaceReferences(raw) : raw;
}

function replaceReferences(raw: string): string {
  let out = "";
  let at = 0;
  let amp = raw.indexOf("&");
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) throw new Bail("unterminated reference");
    const ref = raw.slice(amp + 1, semi);
    out += raw.slice(at, amp);
    if (ref.charCodeAt(0) === 0x23) {
      const hex = ref.charCodeAt(1) === 0x78;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new Bail("bad char reference");
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) throw new Bail("char reference to a non-character");
      out += String.fromCodePoint(cp);
    } else {
      const named = NAMED[ref];
      if (named === undefined) throw new Bail("entity");
      out += named;
    }
    at = semi + 1;
    amp = raw.indexOf("&", at);
  }
  return out + raw.slice(at);
}

/** The end of an ASCII name starting at i (bails when none starts there); at most one colon, not first or last. */
function nameEnd(s: string, i: number): number {
  if (!isNameStart(s.charCodeAt(i))) throw new Bail("name");
  let j = i + 1;
  let colon = -1;
  for (;;) {
    const c = s.charCodeAt(j);
    if (isNameChar(c)) j++;
    else if (c === 0x3a && colon < 0 && isNameStart(s.charCodeAt(j + 1))) {
      colon = j;
      j++;
    } else return j;
  }
}

/** One namespace scope: the bindings an element declares, over its parent's. */
interface Scope {
  readonly parent: Scope | null;
  readonly prefix: string;
  readonly uri: string;
}

function lookup(scope: Scope | null, prefix: string): string | undefined {
  for (let s = scope; s !== null; s = s.parent) if (s.prefix === prefix) return s.uri;
  return prefix === "xml" ? XML_NS : prefix === "" ? "" : undefined;
}

/** The start tag as handlers see it; attributes as parallel arrays of qnames and decoded values. */
class FastStart implements XmlStart {
  constructor(
    readonly local: string,
    readonly uri: string,
    private readonly names: string[],
    private readonly values: string[],
    private readonly scope: Scope | null,
  ) {}
  attr(local: string): string | undefined {
    const i = this.names.indexOf(local);
    return i < 0 ? undefined : this.values[i];
  }
  attrNs(uris: ReadonlySet<string>, local: string): string | undefined {
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[i] ?? "";
      const colon = name.indexOf(":");
      if (colon < 0 || name.slice(colon + 1) !== local) continue;
      const uri = lookup(this.scope, name.slice(0, colon));
      if (uri !== undefined && uris.has(uri)) return this.values[i];
    }
    return undefined;
  }
}

interface Open {
  readonly qname: string;
  readonly local: string;
  readonly uri: string;
  readonly scope: Scope | null;
}

/** What parseXmlText's saxes loop does with an element beyond calling the handlers (mc: handling, depth). */
export interface FastHooks {
  /** called for every start tag with its depth (depth limit, time budget); may throw a WorkbookReadError */
  readonly onElement: (depth: number) => void;
  /** true for elements whose subtree is passed over without handlers (mc:Choice) */
  readonly skips: (uri: string, local: string) => boolean;
  /** true for elements that are transparent: no handler calls, their children are reported (mc:*) */
  readonly transparent: (uri: string) => boolean;
}

/**
 * Scans `xml` calling `handlers` as parseXmlText's saxes loop would. Returns false, having called the
 * handlers with a prefix of the events, when the text is outside the subset it vouches for: the caller must
 * then discard the handlers' state and parse again with saxes. Errors the handlers or hooks throw pass through.
 */
export function scanXmlFast(xml: string, handlers: XmlHandlers, hooks: FastHooks): boolean {
  try {
    scan(xml, handlers, hooks);
    return true;
  } catch (e) {
    if (e instanceof Bail) return false;
    throw e;
  }
}

/** Text between tags (s[from, to)) at `depth`: outside the root it must be blank; inside, it is reported. */
function textRun(
  xml: string,
  from: number,
  to: number,
  depth: number,
  report: boolean,
  h: XmlHandlers,
  cdataEnds: boolean,
): void {
  if (to <= from) return;
  // "]]>" may only end a CDATA section, never stand in character data
  if (cdataEnds && xml.slice(from, to).includes("]]>")) throw new Bail("]]> in text");
  if (depth === 0) {
    for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) throw new Bail("text outside the root");
    return;
  }
  if (report && h.text) h.text(decode(xml, from, to), depth);
  else decode(xml, from, to);
}

function scan(xml: string, h: XmlHandlers, hooks: FastHooks): void {
  if (OUTSIDE_SUBSET.test(xml) || xml.includes("\r")) throw new Bail("characters");
  const cdataEnds = xml.includes("]]>");
  let at = 0;
  if (xml.startsWith("<?xml")) {
    const m = DECLARATION.exec(xml);
    if (!m) throw new Bail("declaration");
    at = m[0].length;
  }
  const stack: Open[] = [];
  let scope: Scope | null = null;
  let rootSeen = false;
  /** stack depth at which a skipped subtree started (-1: not skipping) */
  let skipFrom = -1;
  for (;;) {
    const lt = xml.indexOf("<", at);
    const depth = stack.length;
    if (lt < 0) {
      textRun(xml, at, xml.length, depth, false, h, cdataEnds);
      break;
    }
    textRun(xml, at, lt, depth, skipFrom < 0, h, cdataEnds);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21) {
      at = markup(xml, lt, depth, skipFrom < 0, h);
      continue;
    }
    if (next === 0x3f) throw new Bail("processing instruction");
    if (next === 0x2f) {
      const end = nameEnd(xml, lt + 2);
      const qname = xml.slice(lt + 2, end);
      let gt = end;
      while (isSpace(xml.charCodeAt(gt))) gt++;
      if (xml.charCodeAt(gt) !== 0x3e) throw new Bail("close tag");
      const open = stack.pop();
      if (open === undefined || open.qname !== qname) throw new Bail("mismatched close tag");
      closeElement(open, depth, h, hooks, skipFrom);
      if (skipFrom === depth) skipFrom = -1;
      scope = open.scope;
      at = gt + 1;
      continue;
    }
    if (depth === 0 && rootSeen) throw new Bail("second root");
    const tag = startTag(xml, lt, scope);
    rootSeen = true;
    const d = depth + 1;
    hooks.onElement(d);
    const parentScope = scope;
    let skipping = skipFrom >= 0;
    if (!skipping) {
      if (hooks.skips(tag.uri, tag.local)) {
        skipFrom = d;
        skipping = true;
      } else if (!hooks.transparent(tag.uri) && h.open) {
        const start = new FastStart(tag.local, tag.uri, tag.names, tag.values, tag.scope);
        if (h.open(start, d) === "skip") {
          skipFrom = d;
          skipping = true;
        }
      }
    }
    const open: Open = { qname: tag.qname, local: tag.local, uri: tag.uri, scope: parentScope };
    if (tag.empty) {
      closeElement(open, d, h, hooks, skipFrom);
      if (skipFrom === d) skipFrom = -1;
    } else {
      stack.push(open);
      scope = tag.scope;
    }
    at = tag.end;
  }
  if (!rootSeen || stack.length > 0) throw new Bail("unclosed");
}

/** The handlers' close, unless the element is skipped (or inside a skipped subtree) or transparent. */
function closeElement(open: Open, depth: number, h: XmlHandlers, hooks: FastHooks, skipFrom: number): void {
  if (skipFrom >= 0 || hooks.transparent(open.uri)) return;
  h.close?.(open.local, open.uri, depth);
}

/** A comment or CDATA section at `lt`; returns the offset after it. DOCTYPE and anything else bail. */
function markup(xml: string, lt: number, depth: number, report: boolean, h: XmlHandlers): number {
  if (xml.startsWith("<!--", lt)) {
    const end = xml.indexOf("-->", lt + 4);
    if (end < 0) throw new Bail("comment");
    const body = xml.slice(lt + 4, end);
    if (body.includes("--") || body.endsWith("-")) throw new Bail("comment");
    return end + 3;
  }
  if (xml.startsWith("<![CDATA[", lt)) {
    if (depth === 0) throw new Bail("CDATA outside the root");
    const end = xml.indexOf("]]>", lt + 9);
    if (end < 0) throw new Bail("CDATA");
    if (report && end > lt + 9) h.text?.(xml.slice(lt + 9, end), depth);
    return end + 3;
  }
  throw new Bail("markup");
}

interface StartTag {
  readonly qname: string;
  readonly local: string;
  readonly uri: string;
  readonly names: string[];
  readonly values: string[];
  readonly scope: Scope | null;
  readonly empty: boolean;
  readonly end: number;
}

function startTag(xml: string, lt: number, parentScope: Scope | null): StartTag {
  const nameAt = lt + 1;
  const nameStop = nameEnd(xml, nameAt);
  const qname = xml.slice(nameAt, nameStop);
  const names: string[] = [];
  const values: string[] = [];
  let scope = parentScope;
  let i = nameStop;
  let empty = false;
  for (;;) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) {
      i++;
      break;
    }
    if (c === 0x2f) {
      if (xml.charCodeAt(i + 1) !== 0x3e) throw new Bail("slash");
      empty = true;
      i += 2;
      break;
    }
    if (!isSpace(c)) throw new Bail("attribute without space");
    while (isSpace(xml.charCodeAt(i))) i++;
    const a = xml.charCodeAt(i);
    if (a === 0x3e || a === 0x2f) continue;
    const attrStop = nameEnd(xml, i);
    const name = xml.slice(i, attrStop);
    i = attrStop;
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 0x3d) throw new Bail("attribute without =");
    i++;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) throw new Bail("unquoted attribute");
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) throw new Bail("unterminated attribute");
    for (let k = i + 1; k < close; k++) {
      const v = xml.charCodeAt(k);
      if (v === 0x3c || v === 0x0a || v === 0x09) throw new Bail("attribute value");
    }
    const value = decode(xml, i + 1, close);
    i = close + 1;
    const c2 = xml.charCodeAt(i);
    if (!isSpace(c2) && c2 !== 0x3e && c2 !== 0x2f) throw new Bail("attribute without space");
    if (name === "xmlns" || name.startsWith("xmlns:")) {
      const prefix = name === "xmlns" ? "" : name.slice(6);
      // rebinding xml or xmlns, or undeclaring a prefix, are errors or oddities saxes judges
      if (prefix === "xml" || prefix === "xmlns" || (prefix !== "" && value === "") || value === XML_NS)
        throw new Bail("namespace declaration");
      if (value === "http://www.w3.org/2000/xmlns/") throw new Bail("namespace declaration");
      if (declaredHere(scope, parentScope, prefix)) throw new Bail("duplicate namespace declaration");
      scope = { parent: scope, prefix, uri: value };
      continue;
    }
    if (names.includes(name)) throw new Bail("duplicate attribute");
    names.push(name);
    values.push(value);
  }
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  const uri = lookup(scope, prefix);
  if (uri === undefined) throw new Bail("unbound prefix");
  if (prefix === "xmlns") throw new Bail("xmlns element");
  checkAttributeNamespaces(names, scope);
  return {
    qname,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    uri,
    names,
    values,
    scope,
    empty,
    end: i,
  };
}

function declaredHere(scope: Scope | null, parent: Scope | null, prefix: string): boolean {
  for (let s = scope; s !== null && s !== parent; s = s.parent) if (s.prefix === prefix) return true;
  return false;
}

/** Every prefixed attribute's prefix is bound, and no two name the same {uri}local. */
function checkAttributeNamespaces(names: readonly string[], scope: Scope | null): void {
  let seen: string[] | null = null;
  for (const name of names) {
    const colon = name.indexOf(":");
    if (colon < 0) continue;
    const prefix = name.slice(0, colon);
    if (prefix === "xmlns") throw new Bail("xmlns attribute");
    const uri = lookup(scope, prefix);
    if (uri === undefined) throw new Bail("unbound attribute prefix");
    const key = `{${uri}}${name.slice(colon + 1)}`;
    seen ??= [];
    if (seen.includes(key)) throw new Bail("duplicate attribute");
    seen.push(key);
  }
}
