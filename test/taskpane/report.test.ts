import { renderReport } from "../../src/taskpane/hosts/report";
import { sampleEvaluation } from "./evaluation";

test("単体モードのレポートは自己完結した HTML で、セルの文字はエスケープされる", () => {
  const e = sampleEvaluation();
  const plan = e.plan.map((m, i) => (i === 1 ? { ...m, current: "<script>alert(1)</script>" } : m));
  const html = renderReport("平野区<1>.xlsx", { evaluation: { ...e, plan }, origins: {} }, "ja", new Date(0));
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).toContain("平野区&lt;1&gt;.xlsx");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\b(?:src|href)=["']?https?:/i);
  expect(html).toContain("有効性の欄に「A」とあります。");
});
