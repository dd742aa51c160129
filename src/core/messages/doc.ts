import { FINDING_CODES } from "./codes";
import { severityOf } from "./catalogue";
import { messageTemplate } from "./sentences";

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
