import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

// src/xlsx runs in the browser too (the standalone page lazy-loads it): no Node modules or globals.
const dir = resolve(__dirname, "../../src/xlsx");
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
/** libraries that run in the browser too (exceljs and jszip for now; fflate, saxes and numfmt are pure JS) */
const BROWSER_LIBS: ReadonlySet<string> = new Set(["exceljs", "jszip", "fflate", "saxes", "numfmt"]);

describe("src/xlsx はブラウザでも動く (no Node APIs)", () => {
  test("there are files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [f]))("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const specs = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
    expect(
      specs.filter((s) => {
        if (BROWSER_LIBS.has(s)) return false;
        if (!s.startsWith(".")) return true;
        // a relative import stays inside src/xlsx or reaches the pure core
        const target = resolve(dir, dirname(file), s);
        return !(target.startsWith(dir) || target.startsWith(resolve(dir, "../core")));
      }),
    ).toEqual([]);
    // exceljs-lazy.ts requires exceljs on first use (webpack bundles it into the same chunk)
    const code = file === "exceljs-lazy.ts" ? text.replace('require("exceljs")', "") : text;
    expect(code).not.toMatch(/\b(require\(|process\.|Buffer\.|__dirname|node:)/);
  });
});
