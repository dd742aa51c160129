/**
 * Finds mutable module-level state in TypeScript source: what would outlive one evaluation in a long-lived
 * process (the task pane, the CLI over many files) and make the core's memory, timing or results depend on
 * what ran before. It reads the syntax tree of each file (the TypeScript compiler's parser, no type checker)
 * and reports, per module:
 *
 * 1. a top-level `let` or `var` (a binding that can be reassigned);
 * 2. a top-level binding initialised with a mutable container — `new Map/Set/WeakMap/WeakSet/Array`, a typed
 *    array, `Array(…)`/`Array.from(…)` — unless its declared type is `ReadonlyMap`, `ReadonlySet`,
 *    `ReadonlyArray`/`readonly T[]` (the compiler then refuses every mutation); WeakMap/WeakSet have no
 *    read-only type and are always reported;
 * 3. a mutation, anywhere in the module, of a top-level binding (or of a property path starting at one):
 *    assignment (`X.a = …`, `X[k] = …`, `X.n++`, `delete X[k]`) or a call of a mutating method
 *    (`set`, `add`, `delete`, `clear`, `push`, `pop`, `shift`, `unshift`, `splice`, `sort`, `reverse`,
 *    `fill`, `copyWithin`) — this catches object and array literals used as tables that get filled;
 * 4. a top-level call of a state factory: a function of the scanned files that creates a Map/Set/WeakMap/
 *    WeakSet/array and returns a function (a closure that keeps it, such as a memoiser);
 * 5. a top-level regular expression with the `g` or `y` flag on which `.exec` or `.test` is called (its
 *    `lastIndex` is state shared by every caller);
 * 6. a `static` class property that is not `readonly`.
 *
 * What it does not see: a mutation through an alias (`const m = CACHE; m.set(…)`), through a function that
 * receives the binding as an argument, or inside a frozen-looking object created by a call it does not know.
 * Those are rare in practice and would show in review; the checks above are the shapes the core used.
 */
import * as ts from "typescript";

export interface StateFinding {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly why: string;
}

const MUTABLE_CTORS = new Set([
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
]);
const MUTATING_METHODS = new Set([
  "set",
  "add",
  "delete",
  "clear",
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "sort",
  "reverse",
  "fill",
  "copyWithin",
]);
const READONLY_TYPES = new Set(["ReadonlyMap", "ReadonlySet", "ReadonlyArray"]);

function isMutableContainer(init: ts.Expression): string | null {
  let e = init;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e))
    e = e.expression;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && MUTABLE_CTORS.has(e.expression.text))
    return `new ${e.expression.text}`;
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    if (ts.isIdentifier(c) && c.text === "Array") return "Array(…)";
    if (
      ts.isPropertyAccessExpression(c) &&
      ts.isIdentifier(c.expression) &&
      MUTABLE_CTORS.has(c.expression.text) &&
      (c.name.text === "from" || c.name.text === "of")
    )
      return `${c.expression.text}.${c.name.text}`;
  }
  return null;
}

function isReadonlyType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return true;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName))
    return READONLY_TYPES.has(type.typeName.text);
  return false;
}

/** The top-level identifier a property path starts at (`A.b[c].d` → A), if any. */
function rootName(e: ts.Expression): string | null {
  let x = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) x = x.expression;
    else if (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isAsExpression(x))
      x = x.expression;
    else break;
  }
  return ts.isIdentifier(x) ? x.text : null;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
]);

/** Whether a function body creates a container and returns a function (a closure keeping state). */
function isStateFactory(body: ts.Node): boolean {
  let creates = false;
  let returnsFunction = false;
  const visit = (n: ts.Node, depth: number): void => {
    if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
      if (isMutableContainer(n) !== null) creates = true;
    }
    if (ts.isArrayLiteralExpression(n) && depth === 0) creates = true;
    if (ts.isReturnStatement(n) && depth === 0 && n.expression !== undefined) {
      const r = n.expression;
      if (ts.isArrowFunction(r) || ts.isFunctionExpression(r)) returnsFunction = true;
    }
    const inner = ts.isFunctionLike(n) ? depth + 1 : depth;
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  ts.forEachChild(body, (c) => visit(c, 0));
  return creates && returnsFunction;
}

/** Names of the functions in these sources that build a stateful closure (rule 4). */
export function stateFactories(sources: ReadonlyArray<ts.SourceFile>): Set<string> {
  const out = new Set<string>();
  for (const sf of sources) {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name !== undefined && st.body !== undefined) {
        if (isStateFactory(st.body)) out.add(st.name.text);
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const init = d.initializer;
          if (
            ts.isIdentifier(d.name) &&
            init !== undefined &&
            (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) &&
            isStateFactory(init.body)
          )
            out.add(d.name.text);
        }
      }
    }
  }
  return out;
}

/** Mutable module-level state in one source file (see the rules above). */
export function moduleState(sf: ts.SourceFile, factories: ReadonlySet<string>): StateFinding[] {
  const found: StateFinding[] = [];
  const at = (node: ts.Node, name: string, why: string): void => {
    found.push({
      file: sf.fileName,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      name,
      why,
    });
  };
  const topLevel = new Set<string>();
  const globalRegex = new Map<string, ts.Node>();

  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const list = st.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const names: string[] = [];
      const collect = (b: ts.BindingName): void => {
        if (ts.isIdentifier(b)) names.push(b.text);
        else for (const el of b.elements) if (!ts.isOmittedExpression(el)) collect(el.name);
      };
      collect(d.name);
      names.forEach((n) => topLevel.add(n));
      const label = names.join(", ");
      if (!isConst) at(d, label, `top-level ${list.flags & ts.NodeFlags.Let ? "let" : "var"}`);
      const init = d.initializer;
      if (init === undefined) continue;
      const container = isMutableContainer(init);
      if (container !== null) {
        const weak = container.includes("Weak");
        if (weak || !isReadonlyType(d.type)) at(d, label, `top-level ${container} (a mutable container)`);
      }
      if (
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        factories.has(init.expression.text)
      )
        at(d, label, `top-level call of the state factory ${init.expression.text}()`);
      if (
        ts.isRegularExpressionLiteral(init) &&
        /\/[a-z]*[gy][a-z]*$/.test(init.text) &&
        ts.isIdentifier(d.name)
      )
        globalRegex.set(d.name.text, d);
    }
  }

  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && ASSIGNMENTS.has(n.operatorToken.kind)) {
      const l = n.left;
      if (ts.isPropertyAccessExpression(l) || ts.isElementAccessExpression(l)) {
        const r = rootName(l);
        if (r !== null && topLevel.has(r)) at(n, r, "a property of a top-level binding is assigned");
      }
    }
    if (
      (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
      (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) &&
      (ts.isPropertyAccessExpression(n.operand) || ts.isElementAccessExpression(n.operand))
    ) {
      const r = rootName(n.operand);
      if (r !== null && topLevel.has(r)) at(n, r, "a property of a top-level binding is incremented");
    }
    if (ts.isDeleteExpression(n)) {
      const r = rootName(n.expression);
      if (r !== null && topLevel.has(r)) at(n, r, "a property of a top-level binding is deleted");
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const r = rootName(n.expression.expression);
      if (r !== null && topLevel.has(r) && MUTATING_METHODS.has(method))
        at(n, r, `.${method}() on a top-level binding`);
      if (
        ts.isIdentifier(n.expression.expression) &&
        globalRegex.has(n.expression.expression.text) &&
        (method === "exec" || method === "test")
      )
        at(n, n.expression.expression.text, `.${method}() on a top-level g/y regex (shared lastIndex)`);
    }
    if (ts.isPropertyDeclaration(n) && n.modifiers !== undefined) {
      const mods = n.modifiers.map((m) => m.kind);
      if (mods.includes(ts.SyntaxKind.StaticKeyword) && !mods.includes(ts.SyntaxKind.ReadonlyKeyword))
        at(n, n.name.getText(sf), "a static class property that is not readonly");
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** Parse sources (name → text) and report the mutable module-level state of each. */
export function findModuleState(files: ReadonlyArray<{ name: string; text: string }>): StateFinding[] {
  const sources = files.map((f) => ts.createSourceFile(f.name, f.text, ts.ScriptTarget.Latest, true));
  const factories = stateFactories(sources);
  return sources.flatMap((sf) => moduleState(sf, factories));
}
