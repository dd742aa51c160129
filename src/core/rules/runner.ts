import type { Issue } from "../model/findings";
import type { Rule, RuleContext } from "./types";

function key(i: Issue): string {
  return `${i.code}\u0000${i.sheet}\u0000${i.gridRow ?? ""}\u0000${i.gridCol ?? ""}\u0000${i.field ?? ""}\u0000${JSON.stringify(i.params)}`;
}

/**
 * Run every rule over the context and collect their issues, in rule order, each distinct issue once.
 * A rule that throws is a bug in kusei, not in the data: it is rethrown with the rule's id.
 */
export function runRules(rules: ReadonlyArray<Rule>, ctx: RuleContext): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const rule of rules) {
    let issues: Iterable<Issue>;
    try {
      issues = [...rule.run(ctx)];
    } catch (e) {
      throw new Error(`kusei rule ${rule.id} failed: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    for (const issue of issues) {
      const k = key(issue);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(issue);
    }
  }
  return out;
}
