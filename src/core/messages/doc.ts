import type { FindingCode, LocalizedText } from "../model/findings";
import { FINDING_CODES } from "./codes";
import { message, severityOf } from "./catalogue";

/** A params object that answers `{name}` for every name, so a message shows its template. */
const placeholders: Readonly<Record<string, string>> = new Proxy(
  {},
  { get: (_t, key) => (typeof key === "string" ? `{${key}}` : undefined) },
);

/** The message of a code with `{param}` placeholders in place of values (for docs/findings.md). */
export function messageTemplate(code: FindingCode): LocalizedText {
  return message(code, placeholders);
}

/** The generated table of docs/findings.md: every code, its severity and its ja/en template. */
export function renderFindingsTable(): string {
  const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = ["| code | severity | 日本語 | English |", "|---|---|---|---|"];
  for (const code of FINDING_CODES) {
    const t = messageTemplate(code);
    lines.push(`| \`${code}\` | ${severityOf(code)} | ${esc(t.ja)} | ${esc(t.en)} |`);
  }
  return lines.join("\n");
}
