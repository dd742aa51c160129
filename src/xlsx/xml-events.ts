/** What the XML parsers (xml.ts over saxes, xml-fast.ts) report to a part's reader. */

/** One element start as the handlers see it. */
export interface XmlStart {
  readonly local: string;
  readonly uri: string;
  /** attribute value by local name, for attributes without a namespace */
  attr(local: string): string | undefined;
  /** attribute value by namespace set and local name (e.g. r:id) */
  attrNs(uris: ReadonlySet<string>, local: string): string | undefined;
}

export interface XmlHandlers {
  /** return "skip" to pass over the element's whole subtree (its children and text are not reported) */
  open?(el: XmlStart, depth: number): void | "skip";
  close?(local: string, uri: string, depth: number): void;
  /** character data (text and CDATA) of the element at `depth` */
  text?(text: string, depth: number): void;
}
