/**
 * Both XML parsers of src/xlsx/xml.ts over one part: saxes (parseXmlPart) and the fast scanner with its saxes
 * fallback (parseXmlPartFast), each writing down every event, so a test compares what they report.
 */
import { BudgetMeter, budgetOf, DEFAULT_BUDGET } from "../../src/xlsx/budget";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { parseXmlPart, parseXmlPartFast, REL_ATTR_NS, type XmlHandlers } from "../../src/xlsx/xml";
import type { BoundedZip } from "../../src/xlsx/zip/read";

const ATTRS = ["r", "s", "t", "ref", "sqref", "sheet", "customFormat", "min", "max", "style", "k", "a", "b"];
const XML_NS: ReadonlySet<string> = new Set(["http://www.w3.org/XML/1998/namespace"]);

/** Handlers that write down every event (adjacent text at one depth joined, as a reader concatenates it). */
export function recorder(
  skipLocal: ReadonlySet<string> = new Set(),
): XmlHandlers & { readonly events: string[] } {
  const events: string[] = [];
  const push = (e: string): void => {
    events.push(e);
  };
  return {
    events,
    open(el, depth) {
      const attrs = ATTRS.map((a) => el.attr(a) ?? "-").join("|");
      push(
        `open {${el.uri}}${el.local} ${depth} ${attrs} rid=${el.attrNs(REL_ATTR_NS, "id") ?? "-"} space=${el.attrNs(XML_NS, "space") ?? "-"}`,
      );
      return skipLocal.has(el.local) ? "skip" : undefined;
    },
    close(local, uri, depth) {
      push(`close {${uri}}${local} ${depth}`);
    },
    text(t, depth) {
      const last = events[events.length - 1];
      const head = `text ${depth} `;
      if (last?.startsWith(head)) events[events.length - 1] = last + t;
      else push(head + t);
    },
  };
}

export type Outcome = { events: string[] } | { refused: string };

function outcome(run: () => string[]): Outcome {
  try {
    return { events: run() };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: `${e.code} ${e.message}` };
    throw e;
  }
}

export const meter = (over: Partial<typeof DEFAULT_BUDGET> = {}): BudgetMeter =>
  new BudgetMeter(budgetOf(over));

/** Both parsers over one part of a zip; `fresh` counts how often the fast path asked for handlers. */
export function both(
  zip: () => BoundedZip,
  part: string,
  skip: ReadonlySet<string> = new Set(),
): { saxes: Outcome; fast: Outcome; bailed: boolean } {
  const saxes = outcome(() => {
    const h = recorder(skip);
    parseXmlPart(zip(), part, meter(), h);
    return h.events;
  });
  let made = 0;
  const fast = outcome(
    () =>
      parseXmlPartFast(zip(), part, meter(), () => {
        made++;
        return recorder(skip);
      }).events,
  );
  return { saxes, fast, bailed: made > 1 };
}
