/**
 * @jest-environment jsdom
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { FUNCTION_IDS } from "../../src/commands/actions";
import { MIN_EXCEL_API } from "../../src/excel/capabilities";
import { validateManifest, withoutRuntimes } from "../../scripts/validate-manifest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

function all(doc: Document, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", local));
}

function rewritten(base: string | undefined): string {
  const saved = process.env.ADDIN_BASE_URL;
  if (base === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = base;
  try {
    const config = require("../../webpack.config.js") as { rewriteManifest(content: string): string };
    return config.rewriteManifest(MANIFEST);
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
}

describe("manifest.xml", () => {
  test("is valid against the vendored Office add-in manifest schemas (offline)", async () => {
    const result = await validateManifest(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("the 2020 schemas predate <Runtimes>: only that element is left out of the validation", async () => {
    // Office accepts <Runtimes> (https://learn.microsoft.com/javascript/api/manifest/runtimes); the vendored
    // schemas do not know it, which is why validateManifest leaves it out.
    const strict = await validateManifest(MANIFEST, "manifest.xml", true);
    expect(strict.valid).toBe(false);
    expect(strict.errors.join("\n")).toMatch(/Runtimes/);
    const stripped = withoutRuntimes(MANIFEST);
    expect(all(parse(stripped), "Runtimes")).toHaveLength(0);
    // nothing but the <Runtimes> lines went
    const gone = MANIFEST.split("\n").filter((l) => !stripped.split("\n").includes(l));
    expect(gone.map((l) => l.trim())).toEqual([
      "<Runtimes>",
      '<Runtime resid="Taskpane.Url" lifetime="long" />',
      "</Runtimes>",
    ]);
  });

  test("a broken element inside <Runtimes>' Host is still caught (the rest is validated)", async () => {
    const broken = MANIFEST.replace("<DesktopFormFactor>", "<DesktopFormFactor><Bogus />");
    expect(broken).not.toBe(MANIFEST);
    expect((await validateManifest(broken)).valid).toBe(false);
  });

  test("the validator does reject a broken manifest (<Requirements> before <Hosts>)", async () => {
    const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(MANIFEST)?.[0] ?? "";
    expect(requirements).not.toBe("");
    const broken = MANIFEST.replace(requirements, "").replace(
      '  <Hosts>\n    <Host Name="Workbook" />',
      `${requirements}\n  <Hosts>\n    <Host Name="Workbook" />`,
    );
    expect(broken).not.toBe(MANIFEST);
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Requirements|Hosts/);
  });

  test("ADDIN_BASE_URL rewrites every URL: no localhost left, still valid", async () => {
    const base = "https://intranet.example/kusei/";
    const out = rewritten(base);
    expect(out).not.toMatch(/localhost/);
    const urls = [...out.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u?.startsWith(base)).toBe(true);
    expect((await validateManifest(out)).valid).toBe(true);
    // without the variable the dev URL stays
    expect(rewritten(undefined)).toBe(MANIFEST);
  });

  test("Excel host, ReadWriteDocument, the lowest ExcelApi set after <Hosts>, ja-JP with en-US overrides", () => {
    const doc = parse(MANIFEST);
    const root = doc.documentElement;
    const children = Array.from(root.children).map((e) => e.localName);
    expect(children.indexOf("Requirements")).toBeGreaterThan(children.indexOf("Hosts"));
    expect(all(doc, "Host")[0]?.getAttribute("Name")).toBe("Workbook");
    expect(all(doc, "Permissions")[0]?.textContent).toBe("ReadWriteDocument");
    const excelSet = all(doc, "Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(excelSet?.getAttribute("MinVersion")).toBe(MIN_EXCEL_API);
    expect(all(doc, "DefaultLocale")[0]?.textContent).toBe("ja-JP");
    const strings = all(doc, "String");
    expect(strings.length).toBeGreaterThan(5);
    for (const s of strings) {
      const en = Array.from(s.children).find(
        (c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US",
      );
      expect({ id: s.getAttribute("id"), en: Boolean(en?.getAttribute("Value")) }).toEqual({
        id: s.getAttribute("id"),
        en: true,
      });
      expect(s.getAttribute("DefaultValue")).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  test("shared runtime: <Runtimes> first in the Workbook host, lifetime long, one page for the ribbon and the pane", () => {
    // "Configure your Office Add-in to use a shared runtime"
    // (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime):
    // <Runtimes> right after <Host>, lifetime long, FunctionFile → Taskpane.Url, SharedRuntime 1.1 required;
    // "The shared runtime won't load if the resid uses different values in the manifest".
    const doc = parse(MANIFEST);
    const urls = new Map(all(doc, "Url").map((u) => [u.getAttribute("id"), u.getAttribute("DefaultValue")]));
    const host = all(doc, "Host").find((h) => h.getAttribute("xsi:type") === "Workbook");
    expect(host?.firstElementChild?.localName).toBe("Runtimes");
    const runtimes = all(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.getAttribute("lifetime")).toBe("long");
    const resid = runtimes[0]?.getAttribute("resid") ?? "";
    expect(urls.get(resid)).toBe("https://localhost:3000/taskpane.html");
    expect(all(doc, "FunctionFile")[0]?.getAttribute("resid")).toBe(resid);
    const showPane = all(doc, "Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    const paneSource = Array.from(showPane?.children ?? []).find((c) => c.localName === "SourceLocation");
    expect(paneSource?.getAttribute("resid")).toBe(resid);
    expect(all(doc, "SourceLocation")[0]?.getAttribute("DefaultValue")).toBe(urls.get(resid));
    // no second page left over for the commands
    expect([...urls.values()].filter((u) => u?.endsWith(".html"))).toEqual([
      "https://localhost:3000/taskpane.html",
    ]);
    const shared = all(doc, "Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(shared?.getAttribute("MinVersion")).toBe("1.1");
    expect(all(doc, "OfficeTab")[0]?.getAttribute("id")).toBe("TabHome");
    const actions = all(doc, "Action").map((a) => a.getAttribute("xsi:type"));
    expect(actions).toEqual(["ExecuteFunction", "ExecuteFunction", "ShowTaskpane"]);
  });

  test("the build puts the commands into taskpane.html's bundle (the shared runtime's page) and keeps commands.html as the dialog", () => {
    const config = (
      require("../../webpack.config.js") as (
        e: unknown,
        a: { mode: string },
      ) => {
        entry: Record<string, string | string[]>;
        plugins: { userOptions?: { filename?: string; chunks?: string[] } }[];
      }
    )({}, { mode: "production" });
    const pages = new Map(
      config.plugins
        .map((p) => p.userOptions)
        .filter((o): o is { filename: string; chunks: string[] } => typeof o?.filename === "string")
        .map((o) => [o.filename, o.chunks]),
    );
    expect(pages.get("taskpane.html")).toEqual(["taskpane"]);
    expect(config.entry.taskpane).toEqual(["./src/taskpane/index.tsx", "./src/commands/commands.ts"]);
    expect(pages.get("commands.html")).toEqual(["commands"]);
  });

  test("SupportUrl is a page the build ships; the high-resolution icon is 64 px", () => {
    const doc = parse(MANIFEST);
    const support = all(doc, "SupportUrl")[0]?.getAttribute("DefaultValue") ?? "";
    expect(support).toBe("https://localhost:3000/support.html");
    const html = readFileSync(resolve(ROOT, "assets/support.html"), "utf8");
    expect(html).toMatch(/<html lang="ja">/);
    expect(html).toMatch(/問い合わせ/);
    // "For content and task pane apps, the image resolution must be 64 x 64 pixels"
    // (https://learn.microsoft.com/javascript/api/manifest/highresolutioniconurl); checked as a PNG below.
    expect(all(doc, "HighResolutionIconUrl")[0]?.getAttribute("DefaultValue")).toBe(
      "https://localhost:3000/assets/icon-64.png",
    );
  });

  test("every icon is a real PNG in assets/ of the declared size", () => {
    const doc = parse(MANIFEST);
    const images = all(doc, "Image").filter((i) => i.getAttribute("DefaultValue"));
    const icons = [
      ...images.map((i) => ({
        size: Number(/(\d+)x\d+/.exec(i.getAttribute("id") ?? "")?.[1]),
        url: i.getAttribute("DefaultValue") ?? "",
      })),
    ];
    icons.push({ size: 32, url: all(doc, "IconUrl")[0]?.getAttribute("DefaultValue") ?? "" });
    icons.push({ size: 64, url: all(doc, "HighResolutionIconUrl")[0]?.getAttribute("DefaultValue") ?? "" });
    for (const { size, url } of icons) {
      const file = resolve(ROOT, url.replace("https://localhost:3000/", ""));
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("<FunctionName>s equal the ids commands.ts passes to Office.actions.associate", () => {
    const doc = parse(MANIFEST);
    const inManifest = all(doc, "FunctionName")
      .map((f) => f.textContent)
      .sort();
    const source = readFileSync(resolve(ROOT, "src/commands/commands.ts"), "utf8");
    const associated = [
      ...source.matchAll(/Office\.actions\.associate\(\s*(?:FUNCTION_IDS\.(\w+)|"([^"]+)")/g),
    ].map((m) => (m[1] ? FUNCTION_IDS[m[1] as keyof typeof FUNCTION_IDS] : m[2]));
    expect(associated.sort()).toEqual(inManifest);
    expect(inManifest).toEqual(Object.values(FUNCTION_IDS).sort());
  });
});
