// A TaskpaneHost test double: answers from a hand-made Evaluation and records every call.
import type { CellWrite, Evaluation, MappingOverrides } from "../../src/core/model";
import type { ApplyResult, CheckResult, Phase, TaskpaneHost } from "../../src/taskpane/host";

export interface FakeHost extends TaskpaneHost {
  readonly calls: {
    check: MappingOverrides[];
    apply: CellWrite[][];
    revert: number;
    select: Array<[string, string]>;
    saveMapping: MappingOverrides[];
    clear: number;
  };
}

export interface FakeOptions {
  readonly mode?: "excel" | "standalone";
  readonly evaluation: () => Evaluation;
  readonly checkError?: unknown;
  readonly applyResult?: ApplyResult;
  readonly notices?: CheckResult["notices"];
  readonly revertSkipped?: number;
  /** phases the check tells, in order, each followed by waiting for `gate` (if given) */
  readonly phases?: ReadonlyArray<Phase>;
  readonly gate?: () => Promise<void>;
  /** why the workbook cannot be written here (null: it can) */
  readonly readOnly?: TaskpaneHost["readOnly"];
}

export function fakeHost(options: FakeOptions): FakeHost {
  const calls: FakeHost["calls"] = { check: [], apply: [], revert: 0, select: [], saveMapping: [], clear: 0 };
  let saved: MappingOverrides = {};
  const mode = options.mode ?? "excel";
  return {
    mode,
    fileName: mode === "standalone" ? "hirano.xlsx" : null,
    readOnly: options.readOnly ?? null,
    calls,
    async check(overrides, onPhase): Promise<CheckResult> {
      calls.check.push(overrides);
      for (const p of options.phases ?? []) {
        onPhase?.(p);
        await options.gate?.();
      }
      if (options.checkError !== undefined) throw options.checkError;
      return {
        evaluation: options.evaluation(),
        origins: { 具体的取組: { row: 0, col: 0 }, 戦略: { row: 0, col: 0 } },
        ...(options.notices ? { notices: options.notices } : {}),
      };
    },
    async apply(writes, progress) {
      calls.apply.push([...writes]);
      progress(writes.length, writes.length);
      return options.applyResult ?? { written: writes.length, changed: 0 };
    },
    async revert() {
      calls.revert += 1;
      return { restored: 3, ...(options.revertSkipped ? { skipped: options.revertSkipped } : {}) };
    },
    async selectCell(sheet, cell) {
      calls.select.push([sheet, cell]);
      return mode === "excel" ? null : { sheet, cell, value: "セルの値" };
    },
    clearHighlights:
      mode === "excel"
        ? async () => {
            calls.clear += 1;
          }
        : null,
    async loadMapping() {
      return saved;
    },
    async saveMapping(overrides) {
      calls.saveMapping.push(overrides);
      saved = overrides;
    },
    downloads: null,
  };
}
