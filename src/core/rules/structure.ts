import type { Issue } from "../model/findings";
import type { Rule, RuleContext } from "./types";

/** The layout recogniser's structure findings (unknown sheet, missing column, weak header, no records). */
export const layoutStructure: Rule = {
  id: "structure.layout",
  family: "structure",
  *run(ctx: RuleContext): Iterable<Issue> {
    for (const issue of ctx.layoutIssues) if (!issue.code.startsWith("duplicates.")) yield issue;
  },
};

/** structure.protected-sheet: a recognised sheet that is protected gets no writes; say so once. */
export const protectedSheet: Rule = {
  id: "structure.protected-sheet",
  family: "structure",
  *run(ctx: RuleContext): Iterable<Issue> {
    const already = new Set(
      ctx.layoutIssues.filter((i) => i.code === "structure.protected-sheet").map((i) => i.sheet),
    );
    for (const [name, layout] of ctx.layouts) {
      if (layout.kind === "other" || already.has(name)) continue;
      if (ctx.snapshots.get(name)?.protected === true)
        yield {
          code: "structure.protected-sheet",
          sheet: name,
          gridRow: null,
          gridCol: null,
          field: null,
          column: null,
          input: null,
          params: {},
        };
    }
  },
};

export const structureRules: ReadonlyArray<Rule> = [layoutStructure, protectedSheet];
