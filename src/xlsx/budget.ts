import { WorkbookReadError } from "./errors";

/**
 * One resource budget per workbook read: what a file may make the reader spend, checked while it streams
 * (never after inflating or parsing the whole thing). A file over any of them is refused with a
 * WorkbookReadError naming the budget and the CLI flag that raises it.
 */
export interface ReadBudget {
  /** uncompressed bytes of every zip entry together (--max-size, in MB) */
  readonly maxUncompressedBytes: number;
  /** grid cells of all sheets together: the dense area each snapshot covers (--max-cells) */
  readonly maxCells: number;
  /** merged areas of all sheets together (--max-merges) */
  readonly maxMerges: number;
  /** declared ranges the reader passes over (validations, conditional formats, hyperlinks) (--max-ranges) */
  readonly maxRanges: number;
  /** defined names (--max-names) */
  readonly maxNames: number;
  /** zip entries, and relationships in any one .rels part (--max-parts) */
  readonly maxParts: number;
  /** wall-clock milliseconds for the whole read (--max-seconds) */
  readonly maxMillis: number;
}

export type BudgetName = "cells" | "merges" | "ranges" | "names" | "parts" | "time";

/** The defaults: far above any real 区政運営 workbook, low enough that a hostile file stays small and fast. */
export const DEFAULT_BUDGET: ReadBudget = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCells: 5_000_000,
  maxMerges: 200_000,
  maxRanges: 2_000_000,
  maxNames: 100_000,
  maxParts: 20_000,
  maxMillis: 120_000,
};

/** The CLI flag that raises each budget, and the budget's name in both languages. */
export const BUDGET_FLAGS: Record<BudgetName, { flag: string; ja: string; en: string }> = {
  cells: { flag: "--max-cells", ja: "セル数", en: "cells" },
  merges: { flag: "--max-merges", ja: "結合セル範囲の数", en: "merged areas" },
  ranges: { flag: "--max-ranges", ja: "範囲指定 (入力規則・条件付き書式など) の数", en: "declared ranges" },
  names: { flag: "--max-names", ja: "名前定義の数", en: "defined names" },
  parts: {
    flag: "--max-parts",
    ja: "パッケージの部品・リレーションシップの数",
    en: "package parts and relationships",
  },
  time: { flag: "--max-seconds", ja: "読み取り時間 (秒)", en: "reading time (seconds)" },
};

/** The error for a budget exceeded. */
export function overBudget(name: BudgetName, limit: number): WorkbookReadError {
  const b = BUDGET_FLAGS[name];
  return new WorkbookReadError("over-budget", { budgetJa: b.ja, budgetEn: b.en, limit, flag: b.flag });
}

/** The error for too many uncompressed bytes (the existing --max-size message). */
export function tooLarge(bytes: number, limit: number): WorkbookReadError {
  const mb = (b: number): string => (b / 1024 / 1024).toFixed(1);
  return new WorkbookReadError("too-large", { size: mb(bytes), limit: mb(limit) });
}

/** A full budget from a partial one (unset fields take the defaults). */
export function budgetOf(partial: Partial<ReadBudget> = {}): ReadBudget {
  return { ...DEFAULT_BUDGET, ...partial };
}

/**
 * What one read has spent so far. Each `charge*` throws the budget's WorkbookReadError the moment a count
 * goes over, so a caller charging as it streams stops at the first element beyond the limit.
 */
/** BudgetMeter's running counts, as counters() hands them out. */
export interface MeterCounts {
  readonly cells: number;
  readonly grid: number;
  readonly merges: number;
  readonly ranges: number;
  readonly names: number;
}

export class BudgetMeter {
  readonly budget: ReadBudget;
  private deadline: number;
  private readonly clock: () => number;
  private bytes = 0;
  private cells = 0;
  private grid = 0;
  private merges = 0;
  private ranges = 0;
  private names = 0;

  constructor(budget: ReadBudget, clock: () => number = Date.now) {
    this.budget = budget;
    this.clock = clock;
    this.deadline = clock() + budget.maxMillis;
  }

  /** Uncompressed bytes inflated (over the total → "too-large"). */
  chargeBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.budget.maxUncompressedBytes)
      throw tooLarge(this.bytes, this.budget.maxUncompressedBytes);
  }

  /** How many more uncompressed bytes the budget allows. */
  bytesLeft(): number {
    return this.budget.maxUncompressedBytes - this.bytes;
  }

  chargeCells(n: number): void {
    this.cells += n;
    if (this.cells > this.budget.maxCells) throw overBudget("cells", this.budget.maxCells);
  }

  /** Dense grid cells the snapshots will hold (rows × columns of each sheet's grid). */
  chargeGrid(n: number): void {
    this.grid += n;
    if (this.grid > this.budget.maxCells) throw overBudget("cells", this.budget.maxCells);
  }

  /** How many more grid cells the budget allows. */
  gridLeft(): number {
    return this.budget.maxCells - this.grid;
  }

  chargeMerges(n: number): void {
    this.merges += n;
    if (this.merges > this.budget.maxMerges) throw overBudget("merges", this.budget.maxMerges);
  }

  chargeRanges(n: number): void {
    this.ranges += n;
    if (this.ranges > this.budget.maxRanges) throw overBudget("ranges", this.budget.maxRanges);
  }

  chargeNames(n: number): void {
    this.names += n;
    if (this.names > this.budget.maxNames) throw overBudget("names", this.budget.maxNames);
  }

  /** A count of parts (zip entries, relationships of one .rels part) against the parts budget. */
  checkParts(count: number): void {
    if (count > this.budget.maxParts) throw overBudget("parts", this.budget.maxParts);
  }

  /**
   * The read is over: later inflations (a save re-reading a patched part) are bounded by the sizes
   * already checked, not by the clock — a pane left open for minutes must still be able to save.
   */
  finishReading(): void {
    this.deadline = Number.POSITIVE_INFINITY;
  }

  /** The counts charged so far (cells, merges, ranges, names; not bytes, which are charged once per part). */
  counters(): MeterCounts {
    return {
      cells: this.cells,
      grid: this.grid,
      merges: this.merges,
      ranges: this.ranges,
      names: this.names,
    };
  }

  /** Sets the counts back to `counts`: a part parsed again from its start is not charged twice. */
  restoreCounters(counts: MeterCounts): void {
    ({
      cells: this.cells,
      grid: this.grid,
      merges: this.merges,
      ranges: this.ranges,
      names: this.names,
    } = counts);
  }

  /** Throws once the read has run longer than its time budget. */
  checkTime(): void {
    if (this.clock() > this.deadline) throw overBudget("time", Math.round(this.budget.maxMillis / 1000));
  }
}
