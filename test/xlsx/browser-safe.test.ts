import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// src/xlsx runs in the browser too (the standalone page lazy-loads it): no Node modules or globals.
const dir = resolve(__dirname, "../../src/xlsx");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("src/xlsx はブラウザでも動く (no Node APIs)", () => {
  test("there are files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [f]))("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const specs = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
    expect(
      specs.filter(
        (s) =>
          !(
            ["exceljs", "jszip", "fflate", "saxes", "numfmt"].includes(s) ||
            s.startsWith("./") ||
            s.startsWith("../core")
          ),
      ),
    ).toEqual([]);
    // exceljs-lazy.ts requires exceljs on first use (webpack bundles it into the same chunk)
    const code = file === "exceljs-lazy.ts" ? text.replace('require("exceljs")', "") : text;
    expect(code).not.toMatch(/\b(require\(|process\.|Buffer\.|__dirname|node:)/);
  });
});
