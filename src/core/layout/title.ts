import type { Grid } from "./grid";
import { normalizeText } from "../text/normalize";
import { eraToFiscalYear } from "../values/era";

/** What the rows above the table say: the form title, the ward, the fiscal year, the kind words. */
export interface TitleInfo {
  /** 「区政運営基本方針の成果目標の達成に向けた取組状況について(○○区)」 was found */
  readonly hasTitle: boolean;
  readonly ward: string | null;
  readonly titleYear: number | null;
}

const TITLE = /区政運営基本方針.*取組状況/su;
const WARD = /[(（]\s*([^()（）\s]{1,10}区)\s*[)）]/u;
const ERA_YEAR = /(平成|令和)\s*(元|\d{1,2})\s*年度/u;
const MAX_COLS = 64;
const MAX_TEXT = 400;

/** Fiscal year of 平成N年度 (1988+N) or 令和N年度 (2018+N); 元 is 1. */
export function eraFiscalYear(era: string, n: string): number {
  return eraToFiscalYear(era === "令和" ? "reiwa" : "heisei", n === "元" ? 1 : Number(n));
}

/** Reads the title, ward and year from rows [0, lastRow]. */
export function readTitle(grid: Grid, lastRow: number): TitleInfo {
  let hasTitle = false;
  let ward: string | null = null;
  let titleYear: number | null = null;
  const rows = Math.min(grid.height - 1, lastRow);
  const cols = Math.min(grid.width, MAX_COLS);
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c < cols; c++) {
      const raw = grid.text(r, c);
      if (raw.trim() === "" || raw.length > MAX_TEXT) continue;
      const t = normalizeText(raw);
      if (TITLE.test(t)) {
        if (!hasTitle) ward = WARD.exec(t)?.[1] ?? null;
        hasTitle = true;
      }
      if (titleYear === null) {
        const y = ERA_YEAR.exec(t);
        if (y !== null && y[1] !== undefined && y[2] !== undefined) titleYear = eraFiscalYear(y[1], y[2]);
      }
    }
  }
  return { hasTitle, ward, titleYear };
}
