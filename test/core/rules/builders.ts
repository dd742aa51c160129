// Hand-built records for rule and plan tests (no layout recogniser involved).
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import type {
  ColumnField,
  FieldCell,
  InitiativeRecord,
  RecordFields,
  SheetLayout,
  StrategyRecord,
} from "../../../src/core/model/records";
import { toA1 } from "../../../src/core/address/a1";

/** A fixed column per field, so hand-built records have stable addresses. */
export const COL: Readonly<Record<ColumnField, number>> = {
  itemMark: 0,
  itemName: 1,
  indicator: 2,
  indicatorTarget: 3,
  activity: 4,
  state: 4,
  performanceTarget: 5,
  outcomeIndicator: 5,
  withdrawalCriterion: 6,
  strategy: 6,
  history: 7,
  strategyEffectiveness: 7,
  done: 8,
  outcomeResult: 8,
  achievementResult: 9,
  outcomePrevious: 9,
  achievement: 10,
  outcome: 10,
  execution: 11,
  outcomeOverall: 11,
  initiativeEffectiveness: 12,
  strategyProgress: 12,
  issue: 13,
  plan: 14,
  department: 15,
};

export interface CellSpec {
  readonly value: CellValue;
  readonly formula?: boolean;
  readonly error?: string;
}
type FieldSpec = Partial<Record<ColumnField, CellValue | CellSpec | ReadonlyArray<CellValue>>>;

export function fieldCell(row: number, col: number, spec: CellValue | CellSpec): FieldCell {
  const s: CellSpec = spec !== null && typeof spec === "object" ? spec : { value: spec };
  const raw = s.value;
  return {
    row,
    col,
    address: toA1(row, col),
    raw,
    text: raw === null ? "" : String(raw),
    formula: s.formula ?? false,
    error: s.error ?? null,
  };
}

function fields(row: number, spec: FieldSpec): RecordFields {
  const out: Partial<Record<ColumnField, FieldCell[]>> = {};
  for (const [k, v] of Object.entries(spec) as [
    ColumnField,
    CellValue | CellSpec | ReadonlyArray<CellValue>,
  ][]) {
    const col = COL[k];
    if (Array.isArray(v)) out[k] = v.map((x, i) => fieldCell(row + i, col, x as CellValue));
    else out[k] = [fieldCell(row, col, v as CellValue | CellSpec)];
  }
  return out;
}

export function initiative(
  row: number,
  spec: FieldSpec,
  over: Partial<Omit<InitiativeRecord, "fields" | "kind">> = {},
): InitiativeRecord {
  const sheet = over.sheet ?? "具体的取組";
  const code = over.initiativeCode === undefined ? "3-1" : over.initiativeCode;
  return {
    kind: "initiative",
    sheet,
    id: `${sheet}!${row + 1}`,
    rowStart: row,
    rowEnd: row,
    area: null,
    objective: null,
    itemMark: "ア",
    itemName: "人と人とのつながりづくりの促進",
    duplicateOf: null,
    initiativeCode: code,
    strategyCode: code === null ? null : (code.split("-")[0] ?? null),
    ...over,
    fields: fields(row, { achievement: null, ...spec }),
  };
}

export function strategy(
  row: number,
  spec: FieldSpec,
  over: Partial<Omit<StrategyRecord, "fields" | "kind">> = {},
): StrategyRecord {
  const sheet = over.sheet ?? "戦略";
  return {
    kind: "strategy",
    sheet,
    id: `${sheet}!${row + 1}`,
    rowStart: row,
    rowEnd: row,
    area: null,
    objective: null,
    itemMark: "ア",
    itemName: "人と人とのつながりづくりの促進",
    duplicateOf: null,
    strategyCode: "3",
    ...over,
    fields: fields(row, { outcome: null, outcomeOverall: null, strategyProgress: null, ...spec }),
  };
}

export function layout(
  sheet: string,
  kind: "strategy" | "initiative",
  over: Partial<SheetLayout> = {},
): SheetLayout {
  return {
    sheet,
    origin: { row: 0, col: 0 },
    kind,
    kindConfidence: 1,
    header: { top: 0, bottom: 2 },
    legendRow: 2,
    repeatedHeaders: [],
    columns: [],
    notation: "circle",
    notationSource: "profile",
    titleYear: 2016,
    ward: "平野区",
    ...over,
  };
}

export function snapshot(name: string, over: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values: [[null]],
    formulas: [],
    errors: [],
    merges: [],
    visibility: "visible",
    protected: false,
    ...over,
  };
}
