// The layers of the architecture, checked on the import statements of src (eslint.config.js says the same
// as lint rules; this test also sees dynamic import() and fails the suite, not only the lint):
// hosts → app → adapters/core; adapters → core; core → nothing; no host wires the pipeline itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(tsx?|mts)$/.test(name) ? [path] : [];
  });
}

interface Import {
  readonly names: ReadonlyArray<string>;
  /** the imported module as a path under src ("core", "xlsx/index", "app/xlsx-port" …) */
  readonly target: string;
}

/** Every static and dynamic import of a file, resolved to a path under src (package imports left out). */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  const stat = /import\s+(?:type\s+)?([\s\S]*?)\s+from\s+"(\.[^"]+)"/g;
  for (const m of text.matchAll(stat)) {
    const names = (/\{([\s\S]*)\}/.exec(m[1] ?? "")?.[1] ?? "")
      .split(",")
      .map(
        (n) =>
          n
            .replace(/^\s*type\s+/, "")
            .split(/\s+as\s+/)[0]
            ?.trim() ?? "",
      )
      .filter((n) => n !== "");
    out.push({ names, target: targetOf(file, m[2] ?? "") });
  }
  for (const m of text.matchAll(/import\(\s*(?:\/\*[^*]*\*\/\s*)?"(\.[^"]+)"\s*\)/g))
    out.push({ names: ["*"], target: targetOf(file, m[1] ?? "") });
  return out;
}

function targetOf(file: string, spec: string): string {
  return relative(SRC, resolve(file, "..", spec))
    .replace(/\.js$/, "")
    .replace(/\\/g, "/");
}

const layerOf = (target: string): string => target.split("/")[0] ?? "";

const HOSTS = ["cli", "taskpane", "commands"];
const ADAPTERS = ["xlsx", "excel"];
const PIPELINE = new Set([
  "evaluateWorkbook",
  "writesFromPlan",
  "buildPlan",
  "planRevert",
  "nextApplyId",
  "entriesForApply",
  "readChangeLog",
  "changeLogOf",
  "readWorkbook",
  "writeWorkbook",
  "applyWrites",
  "appendChangeLog",
  "readSnapshots",
  "showHighlights",
]);

const ALLOWED: Readonly<Record<string, ReadonlyArray<string>>> = {
  core: ["core"],
  report: ["report", "core"],
  xlsx: ["xlsx", "core"],
  excel: ["excel", "core"],
  app: ["app", "core", "xlsx", "excel"],
  cli: ["cli", "app", "report", "core", "xlsx"],
  taskpane: ["taskpane", "app", "report", "core", "excel"],
  commands: ["commands", "app", "core", "excel"],
};

const FILES = filesUnder(SRC).map((f) => [relative(SRC, f).replace(/\\/g, "/"), f] as const);

test.each(FILES)("%s imports only the layers below it, and the core only through its door", (name, file) => {
  const layer = layerOf(name);
  const allowed = ALLOWED[layer];
  expect(allowed).toBeDefined();
  for (const imp of importsOf(file)) {
    const to = layerOf(imp.target);
    expect({ import: imp.target, allowed: allowed?.includes(to) }).toEqual({
      import: imp.target,
      allowed: true,
    });
    if (layer !== "core" && to === "core") expect(imp.target).toBe("core");
  }
});

test.each(FILES.filter(([name]) => HOSTS.includes(layerOf(name))))(
  "host %s leaves the pipeline to the use cases (no adapter or core pipeline function imported)",
  (_name, file) => {
    const wired = importsOf(file).flatMap((imp) =>
      [...ADAPTERS, "core"].includes(layerOf(imp.target))
        ? imp.names.filter((n) => PIPELINE.has(n)).map((n) => `${n} from ${imp.target}`)
        : [],
    );
    expect(wired).toEqual([]);
  },
);

test("the checks above see a host that wires its own pipeline", () => {
  const fake = join(SRC, "cli", "wired.ts");
  const imports = [
    { names: ["evaluateWorkbook"], target: targetOf(fake, "../core") },
    { names: ["readWorkbook", "applyWrites"], target: targetOf(fake, "../xlsx") },
  ];
  const wired = imports.flatMap((imp) => imp.names.filter((n) => PIPELINE.has(n)));
  expect(wired).toEqual(["evaluateWorkbook", "readWorkbook", "applyWrites"]);
  expect(importsOf(join(SRC, "cli", "per-file.ts")).map((i) => i.target)).toContain("app");
});

// Positions are data (issue 13 item 5): the evaluation, its plan and its writes carry row and column
// numbers, so A1 text is parsed back only where a person or a file wrote it: the change-log sheet's cells
// (core/changelog), the <mergeCell ref> of a worksheet part (xlsx/patch/sheet-index), and a cell address
// the pane's UI hands its engine (taskpane/engine/local).
const READS_A1 = new Set([
  "core/changelog/changelog.ts",
  "xlsx/patch/sheet-index.ts",
  "taskpane/engine/local.ts",
]);

test("no module parses A1 text back into a position except where A1 is what was written", () => {
  const parsers = FILES.filter(([name]) => !name.startsWith("core/address/") && name !== "core/index.ts")
    .filter(([, file]) => importsOf(file).some((imp) => imp.names.includes("fromA1")))
    .map(([name]) => name);
  expect(parsers.filter((name) => !READS_A1.has(name))).toEqual([]);
  // the check sees an import of fromA1 at all
  expect(parsers).toContain("core/changelog/changelog.ts");
});
