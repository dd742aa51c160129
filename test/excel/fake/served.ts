/**
 * The members the served office.js really defines (Node only: it reads the file the build copies into
 * dist/office-js; the .debug.js twin of each host file, same API, unminified names). office.js defines each API member on its class prototype — methods as
 * `Range.prototype.getMergedAreasOrNullObject = function …`, properties through
 * `Object.defineProperty(Workbook.prototype, "notes", …)` — so a member missing from the file is undefined
 * in the add-in, whatever the host reports through isSetSupported (the 1.1.110 package stops at ExcelApi
 * 1.15 and has no `workbook.notes` while current hosts report 1.18).
 */
import { readFileSync } from "fs";
import path from "path";

export type ServedMembers = ReadonlySet<string>;

const cache = new Map<string, ServedMembers>();

/** "Class.member" for every member the given office.js host file defines. */
export function servedMembers(officeJsFile: string): ServedMembers {
  const hit = cache.get(officeJsFile);
  if (hit) return hit;
  const file = path.resolve(__dirname, "../../../node_modules/@microsoft/office-js/dist", officeJsFile);
  const js = readFileSync(file, "utf8");
  const out = new Set<string>();
  for (const m of js.matchAll(/\b([A-Z]\w*)\.prototype\.(\w+)\s*=\s*function\b/g)) out.add(`${m[1]}.${m[2]}`);
  for (const m of js.matchAll(/defineProperty\(\s*([A-Z]\w*)\.prototype\s*,\s*"(\w+)"/g))
    out.add(`${m[1]}.${m[2]}`);
  cache.set(officeJsFile, out);
  return out;
}
