import type { RecalcResult } from "../app";
import type { LocalizedText } from "../core";

/** A one-line ja/en summary of a recalculation, for the ribbon's dialog. */
export function recalcSummary(result: RecalcResult): LocalizedText {
  const plan = result.evaluation.plan;
  const { outcome } = result;
  const conflicts = plan.filter((m) => m.action === "conflict").length + outcome.conflicts.length;
  const skipped = plan.filter((m) => m.action === "skip").length;
  const kept = plan.filter((m) => m.action === "keep").length;
  const n = outcome.applied.length;
  if (outcome.failure) {
    return {
      ja: `${outcome.failure.message.ja}(書き込み済み ${n} 件、未書き込み ${outcome.notWritten.length} 件)`,
      en: `${outcome.failure.message.en} (${n} written, ${outcome.notWritten.length} not written)`,
    };
  }
  return {
    ja: `一括再計算: ${n} 件を書き込みました。変更なし ${kept} 件、食い違い ${conflicts} 件(上書きしていません)、計算不可 ${skipped} 件。`,
    en: `Recalculated: ${n} marks written, ${kept} unchanged, ${conflicts} conflicts (not overwritten), ${skipped} not computable.`,
  };
}
