/**
 * Withdrawal criteria (撤退基準): triggers like 「15%未満であれば、事業を再構築する。」 or
 * 「左記目標が30%未満であれば、手法を再検討する。」 (domain.md §3). Several per cell, one per sentence
 * (or per quantity when a sentence has several).
 */
import type { ParseFailure, Parsed, WithdrawalAction, WithdrawalCriterion } from "../model/values";
import { normalizeText } from "../text/normalize";
import type { ParseContext } from "./context";
import { scanQuantities } from "./scan";
import { badEraFailures, cleanLabel } from "./segments";
import { precheck, uncertainty } from "./target";

const AMBIGUOUS = /撤退基準(?:を|に)?(?:達成|該当|未達成|に該当)/;
const REFERS =
  /^(?:[\s・]*)(?:左記(?:の)?(?:目標|業績目標|指標)?|上記(?:の)?(?:目標)?|目標値?|同目標)(?:が|は|の値が)?/;
// what links the condition to the action
const CONDITION_END =
  /^\s?(?:で(?:あれば|ある場合|あった場合)|の場合(?:は|には)?|となった場合(?:は|には)?|となれば|になれば|ならば|なら|場合(?:は|には)?)[、,\s]*/;
const SENTENCE = /[^。\n]+[。]?/g;

/** The action class of an action text. */
export function actionOf(text: string): WithdrawalAction {
  if (/再構築/.test(text)) return "restructure";
  if (/廃止|撤退|休止|中止/.test(text)) return "abolish";
  if (/再検討|見直|検討/.test(text)) return "reconsider";
  return "other";
}

/**
 * Every criterion in a cell. 「左記目標が…」 sets refersToTarget. Text with no threshold (「実施できなかった
 * 場合」, or only a number inside a parenthesis like 「…件数(平成26年度実績 1件)」) → "not-computable";
 * 「撤退基準達成」「撤退基準に該当」 wording → "ambiguous-wording"; a threshold without 未満/以下/… →
 * "no-comparator". Never throws.
 */
export function parseCriteria(text: string, ctx: ParseContext): Parsed<WithdrawalCriterion> {
  const raw = typeof text === "string" ? text : "";
  const pre = precheck(raw, ctx);
  if (pre !== null) return { items: [], failures: [pre] };
  const s = normalizeText(raw);
  if (AMBIGUOUS.test(s)) return { items: [], failures: [{ raw, code: "ambiguous-wording" }] };
  const items: WithdrawalCriterion[] = [];
  const failures: ParseFailure[] = [];
  for (const m of s.matchAll(SENTENCE)) {
    const sentence = m[0].trim();
    if (sentence === "" || /^[-ー・\s。]*$/.test(sentence)) continue;
    const scan = scanQuantities(sentence, ctx);
    failures.push(...badEraFailures(scan));
    const uncertain = uncertainty(scan, sentence);
    if (uncertain !== null) {
      failures.push(uncertain);
      continue;
    }
    if (scan.quantities.length === 0) {
      failures.push({ raw: sentence, code: "not-computable" });
      continue;
    }
    const last = scan.quantities[scan.quantities.length - 1];
    const afterLast = sentence.slice(last?.end ?? sentence.length);
    const cond = CONDITION_END.exec(afterLast);
    const actionText = (cond === null ? afterLast : afterLast.slice(cond[0].length))
      .replace(/[。\s]+$/, "")
      .trim();
    let prevEnd = 0;
    for (const q of scan.quantities) {
      const labelRaw = sentence.slice(prevEnd, q.index);
      prevEnd = q.end;
      const ref = REFERS.exec(labelRaw);
      const rest = ref === null ? labelRaw : labelRaw.slice(ref[0].length);
      const years = scan.years.filter((y) => y.index >= q.index - labelRaw.length && y.end <= q.index);
      const label = cleanLabel(
        rest.replace(/^(?:、|,|または|又は|もしくは|かつ)+/, ""),
        years,
        q.index - rest.length,
      );
      if (q.comparator === null) {
        failures.push({ raw: sentence, code: "no-comparator" });
        continue;
      }
      items.push({
        raw: sentence,
        label: label === null ? null : label.replace(/(?:が|は|の値が)$/, "") || null,
        refersToTarget: ref !== null && /左記|上記|目標/.test(ref[0]),
        threshold: q.value,
        unit: q.unit,
        comparator: q.comparator,
        action: actionOf(actionText),
        actionText,
        figure: q.figure,
      });
    }
  }
  if (items.length === 0 && failures.length === 0) failures.push({ raw, code: "not-computable" });
  return { items, failures };
}
