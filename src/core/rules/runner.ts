import type { Issue } from "../model/findings";
import type { Rule, RuleContext } from "./types";

/** An issue's place and code; with its params (as JSON) it says whether two issues are the same. */
function headKey(i: Issue): string {
  return `${i.code}\u0000${i.sheet}\u0000${i.gridRow ?? ""}\u0000${i.gridCol ?? ""}\u0000${i.field ?? ""}`;
}

/**
 * Run every rule over the context and collect their issues, in rule order, each distinct issue once.
 * A rule that throws is a bug in kusei, not in the data: it is rethrown with the rule's id.
 */
export function runRules(rules: ReadonlyArray<Rule>, ctx: RuleContext): Issue[] {
  // head key → the first issue seen there, or the params (JSON) of every issue kept there. Params are only
  // serialised when two issues share a head key, which is rare: most issues are told apart by place alone.
  const seen = new Map<string, Issue | Set<string>>();
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
      const head = headKey(issue);
      const entry = seen.get(head);
      if (entry === undefined) {
        seen.set(head, issue);
        out.push(issue);
        continue;
      }
      let params: Set<string>;
      if (entry instanceof Set) params = entry;
      else {
        params = new Set([JSON.stringify(entry.params)]);
        seen.set(head, params);
      }
      const p = JSON.stringify(issue.params);
      if (params.has(p)) continue;
      params.add(p);
      out.push(issue);
    }
  }
  return out;
}
