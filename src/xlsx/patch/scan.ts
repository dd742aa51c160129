/**
 * A linear tokenizer over XML text that reports every element tag with its position, so a part can be
 * patched by splicing text at known offsets (the rest of the part stays byte for byte as it was). It does
 * not build a tree and does not validate: comments, processing instructions, CDATA sections and a DOCTYPE
 * are skipped whole, attribute values may hold '>' and either quote. saxes (used by the reader) reports
 * events but no start offsets of tags, which a splice needs; this scanner is the small piece it lacks.
 */

export interface Tag {
  readonly kind: "open" | "close" | "empty";
  /** the name as written, e.g. "x:c" */
  readonly qname: string;
  /** the name without its prefix, e.g. "c" */
  readonly local: string;
  /** the prefix with its colon ("x:") or "" */
  readonly prefix: string;
  /** offset of '<' */
  readonly start: number;
  /** offset just after '>' */
  readonly end: number;
}

function isNameChar(code: number): boolean {
  // Anything but whitespace, '/', '>', '=' and quotes ends a name; XML names allow far more than ASCII.
  return !(
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x3d ||
    code === 0x22 ||
    code === 0x27
  );
}

/** Offset just after the '>' closing a start or empty tag that begins at `lt`, skipping quoted values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x3e) return i + 1;
  }
  return -1;
}

function skipMarkup(xml: string, lt: number): number {
  if (xml.startsWith("<!--", lt)) {
    const e = xml.indexOf("-->", lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (xml.startsWith("<![CDATA[", lt)) {
    const e = xml.indexOf("]]>", lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  if (xml.startsWith("<?", lt)) {
    const e = xml.indexOf("?>", lt + 2);
    return e < 0 ? -1 : e + 2;
  }
  // <!DOCTYPE …> (an internal subset in brackets is not expected in OOXML; a '>' inside one would end early)
  return tagEnd(xml, lt + 2);
}

/** The next element tag at or after `from`, or null at the end. Throws on a tag that never ends. */
export function nextTag(xml: string, from: number): Tag | null {
  let lt = xml.indexOf("<", from);
  while (lt >= 0) {
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 || next === 0x3f) {
      const after = skipMarkup(xml, lt);
      if (after < 0) throw new Error("xml: unterminated markup");
      lt = xml.indexOf("<", after);
      continue;
    }
    const closing = next === 0x2f;
    const nameAt = closing ? lt + 2 : lt + 1;
    let i = nameAt;
    while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
    const qname = xml.slice(nameAt, i);
    const end = tagEnd(xml, i);
    if (end < 0 || qname === "") throw new Error("xml: unterminated tag");
    const colon = qname.indexOf(":");
    const kind = closing ? "close" : xml.charCodeAt(end - 2) === 0x2f ? "empty" : "open";
    return {
      kind,
      qname,
      local: colon < 0 ? qname : qname.slice(colon + 1),
      prefix: colon < 0 ? "" : qname.slice(0, colon + 1),
      start: lt,
      end,
    };
  }
  return null;
}

/**
 * elementEnd without a tag-by-tag walk: the next `</name>` is the matching one when the content before it
 * holds no start tag of the same name and no comment, CDATA section or processing instruction (where a
 * '<' need not start a tag). -1 when that is not so, and the walk decides. A row or a cell is thus found
 * at the speed of indexOf.
 */
function plainElementEnd(xml: string, open: Tag): number {
  const close = xml.indexOf(`</${open.qname}`, open.end);
  if (close < 0) return -1;
  const gt = close + open.qname.length + 2;
  if (xml.charCodeAt(gt) !== 0x3e) return -1;
  const content = xml.slice(open.end, close);
  if (content.includes("<!") || content.includes("<?") || content.includes(`<${open.qname}`)) return -1;
  return gt + 1;
}

/** The offset just after the element that `open` starts (its matching close tag), counting same-name nesting. */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === "empty") return open.end;
  const plain = plainElementEnd(xml, open);
  if (plain >= 0) return plain;
  let depth = 1;
  let at = open.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) throw new Error(`xml: <${open.qname}> is not closed`);
    if (t.qname === open.qname) {
      if (t.kind === "open") depth++;
      else if (t.kind === "close" && --depth === 0) return t.end;
    }
    at = t.end;
  }
}

const ENTITY: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces XML character and entity references. */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for element content or a double-quoted attribute value. */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/**
 * Calls `each` with every attribute of a start or empty tag, in order (the name as written, where its raw
 * value starts and ends); stops when `each` returns true.
 */
function eachAttribute(
  xml: string,
  tag: Tag,
  each: (name: string, valueAt: number, valueEnd: number) => boolean | void,
): void {
  const stop = tag.kind === "empty" ? tag.end - 2 : tag.end - 1;
  let i = tag.start + 1 + tag.qname.length;
  while (i < stop) {
    const ch = xml.charCodeAt(i);
    if (!isNameChar(ch) || ch === 0x2f) {
      i++;
      continue;
    }
    const nameAt = i;
    while (i < stop && isNameChar(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameAt, i);
    while (i < stop && xml.charCodeAt(i) !== 0x3d) i++;
    i++;
    while (i < stop && xml.charCodeAt(i) !== 0x22 && xml.charCodeAt(i) !== 0x27) i++;
    const quote = xml.charCodeAt(i);
    const valueAt = i + 1;
    const valueEnd = xml.indexOf(String.fromCharCode(quote), valueAt);
    if (valueEnd < 0 || valueEnd > stop) break;
    if (each(name, valueAt, valueEnd) === true) return;
    i = valueEnd + 1;
  }
}

/** The attributes of a start or empty tag, in order, unescaped (names as written, prefixes kept). */
export function attributes(xml: string, tag: Tag): Map<string, string> {
  const out = new Map<string, string>();
  eachAttribute(xml, tag, (name, at, end) => {
    out.set(name, unescapeXml(xml.slice(at, end)));
  });
  return out;
}

/** One attribute of a tag by its name as written, unescaped (what attributes(xml, tag).get(name) gives). */
export function attribute(xml: string, tag: Tag, wanted: string): string | undefined {
  let found: string | undefined;
  eachAttribute(xml, tag, (name, at, end) => {
    // the last of duplicate names wins, as in the Map
    if (name === wanted) found = unescapeXml(xml.slice(at, end));
  });
  return found;
}

/**
 * The character data of xml[from, to) (text and CDATA; element tags dropped), unescaped. With `only`, just
 * the text inside elements of that local name; with `skip`, not the text inside elements of those local names
 * (e.g. the phonetic runs <rPh> of a rich string).
 */
export function textIn(
  xml: string,
  from: number,
  to: number,
  opts: { readonly only?: string; readonly skip?: ReadonlySet<string> } = {},
): string {
  let out = "";
  let inOnly = opts.only === undefined ? 1 : 0;
  let skipped = 0;
  let at = from;
  const take = (a: number, b: number): void => {
    if (b <= a || skipped > 0 || inOnly === 0) return;
    const chunk = xml.slice(a, b);
    let i = 0;
    while (i < chunk.length) {
      const c = chunk.indexOf("<![CDATA[", i);
      if (c < 0) {
        out += unescapeXml(chunk.slice(i));
        break;
      }
      out += unescapeXml(chunk.slice(i, c));
      const e = chunk.indexOf("]]>", c + 9);
      out += chunk.slice(c + 9, e < 0 ? chunk.length : e);
      i = e < 0 ? chunk.length : e + 3;
    }
  };
  while (at < to) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= to) {
      take(at, to);
      break;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      const stop = e < 0 ? to : Math.min(e + 3, to);
      take(at, stop);
      at = stop;
      continue;
    }
    take(at, lt);
    const t = nextTag(xml, lt);
    if (!t || t.start >= to) break;
    // (comments and processing instructions between lt and t.start are not text: dropped)
    if (opts.skip?.has(t.local)) {
      if (t.kind === "open") skipped++;
      else if (t.kind === "close") skipped--;
    }
    if (opts.only !== undefined && t.local === opts.only) {
      if (t.kind === "open") inOnly++;
      else if (t.kind === "close") inOnly--;
    }
    at = t.end;
  }
  return out;
}
