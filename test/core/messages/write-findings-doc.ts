// Regenerates the catalogue table in docs/findings.md (between the markers) from the message catalogue.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderFindingsTable } from "../../../src/core/messages/doc";

export const BEGIN = "<!-- findings:begin (generated) -->";
export const END = "<!-- findings:end -->";
const path = resolve(__dirname, "../../../docs/findings.md");

/** The doc with its generated section replaced by the current catalogue. */
export function withTable(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  const body = `${BEGIN}\n${renderFindingsTable()}\n${END}`;
  if (start < 0 || end < 0) return `${doc.trimEnd()}\n\n${body}\n`;
  return doc.slice(0, start) + body + doc.slice(end + END.length);
}

if (require.main === module) {
  writeFileSync(path, withTable(readFileSync(path, "utf8")));
}
