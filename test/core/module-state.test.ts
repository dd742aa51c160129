import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { findModuleState, type StateFinding } from "./module-state";

// No mutable module-level state in src/core: memo tables belong to one evaluation (TextMemo, LayoutMemo,
// the context's parsers), never to a module. What counts as state is listed in ./module-state.ts.
const coreDir = resolve(__dirname, "../../src/core");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const show = (f: StateFinding): string => `${f.file}:${f.line} ${f.name}: ${f.why}`;

describe("src/core holds no mutable module-level state", () => {
  const files = tsFiles(coreDir).map((p) => ({
    name: relative(coreDir, p).split("\\").join("/"),
    text: readFileSync(p, "utf8"),
  }));
  const found = findModuleState(files);

  test("there are core files to check", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test("no module keeps state", () => {
    expect(found.map(show)).toEqual([]);
  });
});

describe("the module-state check finds what it claims to", () => {
  const check = (text: string, extra: ReadonlyArray<{ name: string; text: string }> = []): string[] =>
    findModuleState([{ name: "m.ts", text }, ...extra])
      .filter((f) => f.file === "m.ts")
      .map((f) => `${f.name}: ${f.why}`);

  test.each([
    ["let n = 0;", "n: top-level let"],
    ["var n = 0;", "n: top-level var"],
    ["const m = new Map<string, number>();", "m: top-level new Map (a mutable container)"],
    ["const w = new WeakMap<object, number>();", "w: top-level new WeakMap (a mutable container)"],
    ["const rows = new Int32Array(64);", "rows: top-level new Int32Array (a mutable container)"],
    ["const xs = Array.from([1]);", "xs: top-level Array.from (a mutable container)"],
    [
      "const t: Record<string, number> = {};\nexport function f(k: string) { t[k] = 1; }",
      "t: a property of a top-level binding is assigned",
    ],
    [
      "const t = { n: 0 };\nexport function f() { t.n++; }",
      "t: a property of a top-level binding is incremented",
    ],
    [
      "const t: Record<string, number> = { a: 1 };\nexport function f() { delete t.a; }",
      "t: a property of a top-level binding is deleted",
    ],
    [
      "const list: number[] = [];\nexport function f() { list.push(1); }",
      "list: .push() on a top-level binding",
    ],
    [
      "const s: ReadonlySet<string> = new Set(['a']);\nexport function f() { (s as Set<string>).add('b'); }",
      "s: .add() on a top-level binding",
    ],
    [
      "const R = /a/g;\nexport function f(x: string) { return R.exec(x); }",
      "R: .exec() on a top-level g/y regex (shared lastIndex)",
    ],
    [
      "const R = /a/y;\nexport function f(x: string) { return R.test(x); }",
      "R: .test() on a top-level g/y regex (shared lastIndex)",
    ],
    ["export class C { static count = 0; }", "count: a static class property that is not readonly"],
  ])("%s", (text, expected) => {
    expect(check(text)).toContain(expected);
  });

  test("a call of a state factory (a function that returns a closure over a Map) is state", () => {
    const factory = {
      name: "memo.ts",
      text: "export function memoize(fn: (s: string) => number) {\n  const cache = new Map<string, number>();\n  return (s: string) => cache.get(s) ?? fn(s);\n}",
    };
    expect(check("const cached = memoize((s) => s.length);", [factory])).toEqual([
      "cached: top-level call of the state factory memoize()",
    ]);
  });

  test.each([
    ["const T: ReadonlyMap<string, number> = new Map([['a', 1]]);"],
    ["const S: ReadonlySet<string> = new Set(['a']);"],
    ["const A: readonly number[] = Array.from([1]);"],
    ["const R = /a/g;\nexport function f(x: string) { return x.replace(R, ''); }"],
    ["const TABLE = { a: 1 } as const;\nexport function f(k: 'a') { return TABLE[k]; }"],
    ["export function f() { const m = new Map<string, number>(); m.set('a', 1); let n = 0; n++; return n; }"],
    ["export class C { static readonly LIMIT = 3; private readonly cache = new Map<string, number>(); }"],
    ["const LIST = [1, 2, 3];\nexport function f() { return LIST.map((x) => x * 2); }"],
  ])("not state: %s", (text) => {
    expect(check(text)).toEqual([]);
  });
});
