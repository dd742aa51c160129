// The built add-in (dist/) against the support matrix (README): its JavaScript parses in the oldest web view
// kusei supports, and the office.js it serves is Microsoft's, unmodified, with its licence.
import { createHash } from "crypto";
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";

const { ensureDist } = require("../../scripts/pretest.js") as { ensureDist: () => void };

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const PACKAGE = join(ROOT, "node_modules/@microsoft/office-js");
const ES_CHECK = join(ROOT, "node_modules/es-check/lib/cli/index.js");
/**
 * WebView2 (Chromium) on Windows and Safari 16.4+ (WKWebView) on Mac run ES2022 — class static blocks and regex
 * lookbehind included (Safari 16.4 added both); ES2023 syntax (hashbang) and ES2024 regexes (the v flag) are
 * beyond Safari 16.4. So: ES2022 ("Browsers and webview controls used by Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 */
const TARGET = "es2022";

beforeAll(() => ensureDist(), 900_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** es-check over the given files; its exit status and output. */
function esCheck(version: string, files: string[]): { ok: boolean; out: string } {
  const r = spawnSync(process.execPath, [ES_CHECK, version, ...files, "--noColor"], { encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const bundles = (): string[] =>
  readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(DIST, f));

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("dist/ JavaScript", () => {
  test(`every bundle kusei builds parses as ${TARGET} (es-check)`, () => {
    const files = bundles();
    expect(files.map((f) => relative(DIST, f).replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(
      expect.arrayContaining(["taskpane", "commands", "xlsx"]),
    );
    const r = esCheck(TARGET, files);
    expect({ ok: r.ok, out: r.ok ? "" : r.out }).toEqual({ ok: true, out: "" });
  });

  test("the check has teeth: a v-flag regex (ES2024) fails it, and the bundle itself needs ES2022", () => {
    const dir = mkdtempSync(join(tmpdir(), "kusei-es-"));
    try {
      const tooNew = join(dir, "too-new.js");
      writeFileSync(tooNew, "export const kana = /[\\p{Script=Hiragana}--[ぁ]]/v;\n");
      expect(esCheck(TARGET, [tooNew]).ok).toBe(false);
      // ES2021 engines (Safari before 16.4, Chromium before 94) cannot run the pane: that is why the
      // support matrix starts where it does.
      const taskpane = bundles().filter((f) => /taskpane\.[0-9a-f]{8}\.js$/.test(f));
      expect(taskpane).toHaveLength(1);
      expect(esCheck("es2021", taskpane).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test("taskpane.html is the shared runtime's page: office.js, then one bundle with the pane and the commands, blocking", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    const src = scripts.map((a) => /src="?([^" >]+)"?/.exec(a)?.[1]?.replace(/\.[0-9a-f]{8}\.js$/, ""));
    expect(src).toEqual(["office-js/office.js", "taskpane"]);
    // the commands' own code is in the pane's bundle (the ribbon's summary text, from src/commands/actions.ts)
    const pane = bundles().find((f) => /taskpane\.[0-9a-f]{8}\.js$/.test(f)) ?? "";
    expect(readFileSync(pane, "utf8")).toContain("検証しました");
    for (const a of scripts) expect(a).not.toMatch(/\b(defer|async|type="module")\b/);
    const dialog = readFileSync(join(DIST, "commands.html"), "utf8");
    expect(
      [...dialog.matchAll(/<script\b[^>]*src="?([^" >]+)"?/g)].map((m) =>
        m[1]?.replace(/\.[0-9a-f]{8}\.js$/, ""),
      ),
    ).toEqual(["office-js/office.js", "commands"]);
  });
});

test("an engine too old for the bundle still shows why: the page's own text, replaced when the pane renders", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const root = /<div id="?root"?>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  expect(root).toMatch(/Office LTSC 2021/);
  expect(root).toMatch(/対応していません/);
});

describe("dist/office-js: Microsoft's files as published", () => {
  test("every served file is byte-identical to @microsoft/office-js, and its licence is there", () => {
    const served = filesUnder(join(DIST, "office-js")).map((f) => relative(join(DIST, "office-js"), f));
    expect(served).toEqual(
      expect.arrayContaining([
        "office.js",
        "excel-win32-16.01.js",
        "excel-web-16.00.js",
        "excel-mac-16.00.js",
        "ja-jp/office_strings.js",
        "en-us/office_strings.js",
        "LICENSE.md",
      ]),
    );
    const differ = served.filter((f) => {
      const original = f === "LICENSE.md" ? join(PACKAGE, f) : join(PACKAGE, "dist", f);
      return sha(join(DIST, "office-js", f)) !== sha(original);
    });
    expect(differ).toEqual([]);
    // no licence text split off by a minifier
    expect(served.filter((f) => f.endsWith(".LICENSE.txt"))).toEqual([]);
  });
});
