/**
 * Validates manifest.xml offline against the vendored Office add-in manifest schemas (test/manifest/schemas),
 * the way `office-addin-manifest validate` would online. Used by `npm run validate:manifest` and the tests.
 * Usage: ts-node scripts/validate-manifest.ts [path/to/manifest.xml]
 */
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { validateXML } from "xmllint-wasm";

export const SCHEMA_DIR = resolve(__dirname, "../test/manifest/schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export interface ManifestValidation {
  readonly valid: boolean;
  /** libxml2's messages, with line numbers */
  readonly errors: ReadonlyArray<string>;
}

/**
 * The manifest without its `<Runtimes>` element. The vendored schemas are the 2020 copies, which predate the
 * shared runtime's `<Runtimes>` (a child of VersionOverrides' `<Host>`, "Runtimes element",
 * https://learn.microsoft.com/javascript/api/manifest/runtimes), so they would reject a manifest Office
 * accepts; everything else is still validated, and test/manifest checks `<Runtimes>` on its own.
 */
export function withoutRuntimes(xml: string): string {
  return xml.replace(/^[ \t]*<Runtimes>\s*(?:<Runtime\b[^<>]*\/>\s*)*<\/Runtimes>[ \t]*\r?\n?/gm, "");
}

/**
 * Validates manifest XML text against the schemas (OfficeAppManifestV1_1.xsd plus the ones it imports),
 * `<Runtimes>` left out (see withoutRuntimes); `strict` validates the text exactly as given.
 */
export async function validateManifest(
  xml: string,
  fileName = "manifest.xml",
  strict = false,
): Promise<ManifestValidation> {
  const schemaFile = (name: string) => ({
    fileName: name,
    contents: readFileSync(join(SCHEMA_DIR, name), "utf8"),
  });
  const preload = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .map(schemaFile);
  const result = await validateXML({
    xml: [{ fileName, contents: strict ? xml : withoutRuntimes(xml) }],
    schema: [schemaFile(MAIN_SCHEMA)],
    preload,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

async function main(): Promise<void> {
  const path = resolve(process.argv[2] ?? join(__dirname, "../manifest.xml"));
  const result = await validateManifest(readFileSync(path, "utf8"), path);
  if (result.valid) {
    console.log(`manifest valid: ${path}`);
    return;
  }
  console.error(`manifest INVALID: ${path}`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
