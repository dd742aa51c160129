// Hand-made Evaluation objects for the component tests (the core builds real ones; these only need the shape).
import type {
  Evaluation,
  Finding,
  InitiativeDerivation,
  InitiativeRecord,
  PlannedMark,
  SheetLayout,
} from "../../src/core/model";
import { at } from "../helpers/cell-write";

export function finding(partial: Partial<Finding> & Pick<Finding, "code" | "severity" | "sheet">): Finding {
  return {
    cell: null,
    row: null,
    col: null,
    field: null,
    column: null,
    input: null,
    message: { ja: `${partial.code} のメッセージ`, en: `${partial.code} message` },
    ...partial,
  };
}

export function mark(
  partial: Partial<PlannedMark> & Pick<PlannedMark, "sheet" | "cell" | "action">,
): PlannedMark {
  return {
    id: `${partial.sheet}!${partial.cell}`,
    // the cell's own row and column, as the core's plan carries them
    row: at(partial.cell).row,
    col: at(partial.cell).col,
    field: "achievement",
    recordId: `${partial.sheet}!12`,
    mark: "○",
    value: partial.action === "keep" || partial.action === "skip" ? null : "○",
    current: null,
    reason: { ja: "55.9% ≥ 30%以上 → ○", en: "55.9% ≥ 30% → ○" },
    ...partial,
  };
}

export const initiativeLayout: SheetLayout = {
  sheet: "具体的取組",
  origin: { row: 0, col: 0 },
  kind: "initiative",
  kindConfidence: 0.95,
  header: { top: 2, bottom: 4 },
  legendRow: 4,
  repeatedHeaders: [],
  columns: [
    { field: "activity", col: 2, label: "取組内容", confidence: 1, how: "label" },
    { field: "withdrawalCriterion", col: 4, label: "撤退基準", confidence: 0.9, how: "label" },
    { field: "achievement", col: 11, label: "業績目標の達成状況", confidence: 0.7, how: "position" },
  ],
  notation: "circle",
  notationSource: "legend",
  titleYear: 2016,
  ward: "平野区",
};

export function initiative(
  id: string,
  area: string,
  code: string,
  achievement: InitiativeDerivation["achievement"],
  withdrawal?: { raw: string; action: "restructure" | "reconsider" },
): InitiativeDerivation {
  const record: InitiativeRecord = {
    kind: "initiative",
    sheet: "具体的取組",
    id,
    rowStart: 10,
    rowEnd: 10,
    area: { number: area, title: `経営課題${area}`, row: 5 },
    objective: null,
    itemMark: "ア",
    itemName: "防災",
    fields: {
      activity: [
        {
          row: 10,
          col: 2,
          address: "C11",
          raw: `[${code}] 取組`,
          text: `[${code}] 取組 ${id}`,
          formula: false,
          error: null,
        },
      ],
      achievement: [{ row: 10, col: 11, address: "L11", raw: null, text: "", formula: false, error: null }],
    },
    duplicateOf: null,
    initiativeCode: code,
    strategyCode: code.split("-")[0] ?? null,
  };
  return {
    record,
    targets: [],
    withdrawals: withdrawal
      ? [
          {
            criterion: {
              raw: withdrawal.raw,
              label: null,
              refersToTarget: true,
              threshold: 30,
              unit: "%",
              comparator: "lt",
              action: withdrawal.action,
              actionText: withdrawal.action === "restructure" ? "事業を再構築する" : "手法を再検討する",
            },
            results: [{ raw: "12.5%", label: null, value: 12.5, unit: "%", note: null }],
            fired: true,
            explanation: { ja: "12.5% < 30%", en: "12.5% < 30%" },
          },
        ]
      : [],
    achievement,
    withdrawalFlag: achievement === "withdrawal",
    reason: { ja: "理由", en: "reason" },
  };
}

export function sampleEvaluation(): Evaluation {
  return {
    profileId: "osaka-ward-2016",
    evaluationYear: 2016,
    layouts: [initiativeLayout, { ...initiativeLayout, sheet: "戦略", kind: "strategy", columns: [] }],
    records: [],
    initiatives: [
      initiative("具体的取組!11", "1", "1-1", "achieved"),
      initiative("具体的取組!12", "1", "1-2", "missed"),
      initiative("具体的取組!13", "2", "3-1", "withdrawal", {
        raw: "左記目標が30%未満であれば、事業を再構築する。",
        action: "restructure",
      }),
    ],
    strategies: [],
    plan: [
      mark({ sheet: "具体的取組", cell: "L11", action: "write" }),
      mark({ sheet: "具体的取組", cell: "L12", action: "conflict", current: "×", value: "○" }),
      mark({ sheet: "具体的取組", cell: "L13", action: "conflict", current: "○", value: "×" }),
      mark({ sheet: "具体的取組", cell: "L14", action: "keep", current: "○" }),
    ],
    findings: [
      finding({
        code: "vocabulary.not-a-mark",
        severity: "error",
        sheet: "戦略",
        cell: "H8",
        row: 8,
        input: "A",
        message: {
          ja: "有効性の欄に「A」とあります。ア/イのどちらかを入れてください。",
          en: "Effectiveness holds “A”; expected ア/イ.",
        },
      }),
      finding({
        code: "narrative.missing-issue",
        severity: "warning",
        sheet: "戦略",
        cell: "M9",
        row: 9,
        input: "-",
      }),
      finding({
        code: "structure.weak-header",
        severity: "info",
        sheet: "具体的取組",
        cell: "L4",
        row: 4,
        input: "達成状況",
      }),
      finding({
        code: "derive.withdrawal-fired",
        severity: "warning",
        sheet: "具体的取組",
        cell: "L13",
        row: 13,
        input: "<script>alert(1)</script>",
      }),
    ],
  };
}
