/**
 * @jest-environment jsdom
 */
/**
 * Safety of what is shown (issue 6 §6): cell text reaches the HTML report as text, never as markup (the
 * script-text.xlsx fixture carries <script>, =HYPERLINK(…), a DDE payload, tags in a mark cell and in the
 * sheet name); the task pane renders through React only; a bad profile file is refused with its reason.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseProfile, parseProfileJson } from "../../src/core";
import { HOSTILE_DIR, SCRIPT_TEXTS } from "../fixtures/hostile/build-hostile";
import { fixturePath } from "../helpers/fixtures";
import { kusei, STACK_FRAME } from "./cli-harness";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kusei-safety-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the HTML report shows cell text as text", () => {
  let html = "";
  let doc: Document;
  beforeAll(async () => {
    const report = join(dir, "report.html");
    const r = await kusei("check", "--report", report, join(HOSTILE_DIR, "script-text.xlsx"));
    expect([0, 1]).toContain(r.status);
    html = readFileSync(report, "utf8");
    doc = new DOMParser().parseFromString(html, "text/html");
  });

  test("no script element, no event-handler attribute, no element the cells named", () => {
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.querySelectorAll("img, iframe, object, embed, b, a[href]:not(.toc)")).toHaveLength(0);
    // the report's own contents links: in-page, to a section id kusei made (the sheet name percent-encoded)
    for (const a of Array.from(doc.querySelectorAll("a.toc"))) {
      const href = a.getAttribute("href") ?? "";
      expect(href).toMatch(/^#[A-Za-z0-9()!*'._~-]+$/);
      expect(doc.getElementById(href.slice(1))).not.toBeNull();
    }
    for (const el of Array.from(doc.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith("on")).toBe(false);
    }
    // the report draws its own <svg> chart; none of them came from the sheet name
    for (const svg of Array.from(doc.querySelectorAll("svg"))) expect(svg.getAttribute("onload")).toBeNull();
  });

  test.each([
    ["<script> in a result cell", SCRIPT_TEXTS.result],
    ["=HYPERLINK(…) text in a result cell", SCRIPT_TEXTS.hyperlink],
    ["a DDE payload in a result cell", SCRIPT_TEXTS.dde],
    ["tags in a mark cell", SCRIPT_TEXTS.mark],
    ["tags in the sheet name", SCRIPT_TEXTS.sheetName],
  ])("%s is shown verbatim as text", (_what, text) => {
    expect(doc.body.textContent).toContain(text);
    // and never raw in the markup
    expect(html).not.toContain(text);
  });
});

describe("the task pane renders cell text through React only", () => {
  // React escapes text children; the one way around it is dangerouslySetInnerHTML (or the DOM's innerHTML).
  test("no source file of the task pane or the commands sets HTML from strings", () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name)) files.push(p);
      }
    };
    for (const root of ["src/taskpane", "src/commands"]) walk(join(__dirname, "../..", root));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(f, "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

const BAD_PROFILES: ReadonlyArray<readonly [string, string, string]> = [
  ["not JSON", "{ notation: circle", ""],
  ["an unknown key (a typo)", JSON.stringify({ notaion: "numbered" }), ""],
  ["a wrong type", JSON.stringify({ evaluationYear: "2016" }), "evaluationYear"],
  ["a year out of range", JSON.stringify({ evaluationYear: 1800 }), "evaluationYear"],
  ["a value outside its choices", JSON.stringify({ notation: "stars" }), "notation"],
  ["a confidence above 1", JSON.stringify({ header: { minConfidence: 2 } }), "header.minConfidence"],
  [
    "weak below min (cross-field)",
    JSON.stringify({ header: { minConfidence: 0.8, weakConfidence: 0.5 } }),
    "header.weakConfidence",
  ],
  [
    "a period starting after the evaluation year",
    JSON.stringify({ evaluationYear: 2016, periodStartYear: 2020 }),
    "periodStartYear",
  ],
  ["an array instead of an object", "[]", ""],
];

describe("a bad profile file is refused with the reason", () => {
  test.each(BAD_PROFILES)("parseProfileJson: %s", (_what, text, path) => {
    const r = parseProfileJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    const first = r.errors[0];
    expect(first?.path).toBe(path);
    expect(first?.message.ja.length).toBeGreaterThan(3);
    expect(first?.message.en.length).toBeGreaterThan(3);
    // the field is named in the text (the path, or its last part for cross-field rules)
    if (path !== "")
      expect(first?.message.en).toContain(
        path.split(".").pop() === "periodStartYear" ? "plan period" : (path.split(".").pop() ?? ""),
      );
  });

  test("parseProfile never throws on hostile values", () => {
    for (const v of [
      null,
      undefined,
      42,
      "x",
      Symbol.for("x"),
      () => 1,
      { __proto__: { notation: "x" } },
      Object.create(null) as object,
    ]) {
      expect(() => parseProfile(v)).not.toThrow();
    }
    expect(parseProfile({}).ok).toBe(true);
  });

  test.each(BAD_PROFILES)(
    "kusei check --profile (%s) → exit 2 with the reason, no stack trace",
    async (what, text, path) => {
      const file = join(dir, `${what.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, text);
      const r = await kusei("check", "--lang", "en", "--profile", file, fixturePath("hirano-fy2016"));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(file);
      if (path !== "") expect(r.stderr).toContain(path);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).toBe("");
    },
  );

  test("a missing profile file is refused the same way; a good one is used", async () => {
    const missing = await kusei("check", "--profile", join(dir, "none.json"), fixturePath("hirano-fy2016"));
    expect(missing.status).toBe(2);
    expect(missing.stdout + missing.stderr).not.toMatch(STACK_FRAME);
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ id: "test-profile", notation: "circle" }));
    const ok = await kusei("check", "--json", "--profile", good, fixturePath("hirano-fy2016"));
    expect([0, 1]).toContain(ok.status);
    expect(ok.stderr).toBe("");
  });
});
