// Runs the rules over hand-built records (no layout recogniser): a context, its issues and findings.
import type { Issue } from "../../../src/core/model/findings";
import type { SheetLayout, SheetRecord } from "../../../src/core/model/records";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { DEFAULT_PROFILE, type Profile } from "../../../src/core/profile/profile";
import { buildContext } from "../../../src/core/rules/context";
import { RULES } from "../../../src/core/rules";
import { runRules } from "../../../src/core/rules/runner";
import type { RuleContext } from "../../../src/core/rules/types";
import { toFinding } from "../../../src/core/messages/catalogue";
import { layout, snapshot } from "./builders";

export interface Run {
  readonly ctx: RuleContext;
  readonly issues: Issue[];
  readonly findings: ReturnType<typeof toFinding>[];
}

export function run(
  records: SheetRecord[],
  opts: {
    profile?: Profile;
    layouts?: SheetLayout[];
    snapshots?: SheetSnapshot[];
    layoutIssues?: Issue[];
  } = {},
): Run {
  const sheets = [...new Set(records.map((r) => r.sheet))];
  const layouts =
    opts.layouts ?? sheets.map((s) => layout(s, records.find((r) => r.sheet === s)?.kind ?? "initiative"));
  const snapshots = opts.snapshots ?? sheets.map((s) => snapshot(s));
  const ctx = buildContext({
    profile: opts.profile ?? DEFAULT_PROFILE,
    snapshots,
    layouts,
    records,
    layoutIssues: opts.layoutIssues ?? [],
  });
  const issues = runRules(RULES, ctx);
  return {
    ctx,
    issues,
    findings: issues.map((i) => toFinding(i, new Map(snapshots.map((s) => [s.name, s.origin])))),
  };
}
