import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FINDING_CODES } from "../../../src/core/messages/codes";
import { severityOf } from "../../../src/core/messages/catalogue";
import { withTable } from "./write-findings-doc";

const doc = readFileSync(resolve(__dirname, "../../../docs/findings.md"), "utf8");

describe("docs/findings.md", () => {
  test.each(FINDING_CODES.map((c) => [c]))("lists %s with its severity", (code) => {
    const line = doc.split("\n").find((l) => l.startsWith(`| \`${code}\` |`));
    expect(line).toBeDefined();
    expect(line).toContain(`| ${severityOf(code)} |`);
  });

  test("its generated table matches the catalogue (regenerate: see the doc)", () => {
    expect(withTable(doc)).toBe(doc);
  });
});
