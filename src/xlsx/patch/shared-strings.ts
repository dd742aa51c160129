import { elementEnd, nextTag, textIn } from "./scan";

/** The shared strings a write guard needs to see what a t="s" cell holds. */
export interface SharedStrings {
  /** the text of item `index` (rich runs joined, phonetic runs left out); null when there is no such item */
  text(index: number): string | null;
  /** whether item `index` is rich text (has <r> runs): formatting a plain value cannot carry */
  rich(index: number): boolean;
}

const PHONETIC: ReadonlySet<string> = new Set(["rPh"]);

/**
 * The <si> items of a shared strings part, found by one linear scan (positions only); an item's text is
 * decoded when asked for. The guard reads only the few cells it writes, so the table is never decoded whole.
 */
export function sharedStrings(xml: string | null): SharedStrings {
  const spans: Array<readonly [number, number]> = [];
  if (xml !== null) {
    const root = nextTag(xml, 0);
    let at = root ? root.end : xml.length;
    for (;;) {
      const t = nextTag(xml, at);
      if (!t || t.kind === "close") break;
      const end = elementEnd(xml, t);
      if (t.local === "si") spans.push([t.end, t.kind === "empty" ? t.end : end]);
      at = end;
    }
  }
  return {
    text(index) {
      const span = spans[index];
      if (!span) return null;
      return textIn(xml ?? "", span[0], span[1], { only: "t", skip: PHONETIC });
    },
    rich(index) {
      const span = spans[index];
      return span !== undefined && hasRun(xml ?? "", span[0], span[1]);
    },
  };
}

/** Whether the XML between `from` and `to` holds an <r> (rich text run) element, under any prefix. */
export function hasRun(xml: string, from: number, to: number): boolean {
  for (let at = from; at < to;) {
    const t = nextTag(xml, at);
    if (!t || t.start >= to) return false;
    if (t.local === "r" && t.kind !== "close") return true;
    at = t.end;
  }
  return false;
}
