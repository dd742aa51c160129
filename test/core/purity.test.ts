import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

// The architecture's dependency rule, checked on the source text so it cannot silently rot:
// every import in src/core stays inside src/core, except zod (a pure schema library).
const coreDir = resolve(__dirname, "../../src/core");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importPattern =
  /(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

describe("src/core は純粋 (pure core)", () => {
  const files = tsFiles(coreDir);

  test("there are core files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [relative(coreDir, f), f]))(
    "%s imports only core modules or zod",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      const offenders: string[] = [];
      for (const m of text.matchAll(importPattern)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? "";
        if (spec === "zod") continue;
        if (!spec.startsWith(".")) {
          offenders.push(spec);
          continue;
        }
        const target = resolve(file, "..", spec);
        if (!(target + sep).startsWith(coreDir + sep)) offenders.push(spec);
      }
      expect(offenders).toEqual([]);
    },
  );
});
