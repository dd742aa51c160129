import type { Engine, PhaseListener, PreviousOpened } from "./engine";

/** Last year's workbook the pane compares with: its file name and what the engine read in it. */
export interface PreviousYearInfo extends PreviousOpened {
  readonly name: string;
}

/** 前年度のブックと比較, as the pane's components use it. */
export interface PreviousYearSource {
  /** the workbook compared with now, or null */
  current(): PreviousYearInfo | null;
  /** Reads `file` in the engine as last year's workbook; on failure the comparison stays as it was. */
  pick(file: File, onPhase: PhaseListener): Promise<PreviousYearInfo>;
  /** Stops comparing. */
  clear(): Promise<void>;
}

/**
 * The page's choice of last year's workbook, over the page's engine (engineOnDemand). The engine keeps
 * the workbook it read; a worker that stopped is replaced by a new engine that has none, so `engine()`
 * hands it the same file again before the next call: the pane never says it compares when it does not.
 */
export function previousYearOn(
  engineNow: () => Promise<Engine>,
): PreviousYearSource & { engine(): Promise<Engine> } {
  let picked: { file: File; info: PreviousYearInfo; into: Engine } | null = null;
  return {
    current: () => picked?.info ?? null,
    async pick(file, onPhase) {
      const into = await engineNow();
      const opened = await into.openPrevious(file, onPhase);
      const info: PreviousYearInfo = { name: file.name, year: opened.year, ward: opened.ward };
      picked = { file, info, into };
      return info;
    },
    async clear() {
      const was = picked;
      picked = null;
      if (was && !was.into.stopped?.()) await was.into.closePrevious();
    },
    async engine() {
      const e = await engineNow();
      if (picked && picked.into !== e) {
        await e.openPrevious(picked.file, () => undefined);
        picked = { ...picked, into: e };
      }
      return e;
    },
  };
}
