import {
  applySelected,
  checkWith,
  evaluatePreviousYear,
  evaluateRead,
  revertWith,
  withPreviousYear,
  type WorkbookPort,
} from "../../app";
import { openXlsxPort, type XlsxPort } from "../../app/xlsx-port";
import {
  DEFAULT_PROFILE,
  fromA1,
  type CellValue,
  type Evaluation,
  type LocalizedText,
  type SheetSnapshot,
} from "../../core";
import type { Engine, PhaseListener } from "./engine";
import { afterPaint } from "./paint";

/** The cell's value in the snapshots (null when the sheet or cell is outside them). */
export function cellValueAt(snapshots: ReadonlyArray<SheetSnapshot>, sheet: string, cell: string): CellValue {
  const snap = snapshots.find((s) => s.name === sheet);
  const pos = fromA1(cell);
  if (!snap || !pos) return null;
  return snap.values[pos.row - snap.origin.row]?.[pos.col - snap.origin.col] ?? null;
}

/** Why a workbook with content a save here would break cannot be written (the pane shows it by its buttons). */
export function readOnlyReason(parts: ReadonlyArray<string>): LocalizedText | null {
  if (parts.length === 0) return null;
  const list = parts.join(", ");
  return {
    ja: `このブックには、ここで保存すると失われる内容があります(${list})。検証はできますが、記号の書き込みとダウンロードはできません。Excel のアドインで書き込んでください。`,
    en: `This workbook holds content a save here would drop (${list}). It can be checked, but marks cannot be written or downloaded here: use the Excel add-in.`,
  };
}

function noFile(): never {
  throw new Error("kusei: no workbook is open");
}

/**
 * The engine in this thread: the use cases over the xlsx port of the open file. The worker runs exactly
 * this (engine.worker.ts); the page runs it itself only where no worker can start.
 */
export function createLocalEngine(): Engine {
  let port: XlsxPort | null = null;
  // last year's workbook, evaluated once when picked (its port is dropped: it is never written)
  let previous: Evaluation | null = null;
  const opened = (): XlsxPort => port ?? noFile();
  // this year's findings with last year's history.* ones, when a previous year is kept
  const compared = (ev: Evaluation): Evaluation =>
    previous ? withPreviousYear(ev, previous, DEFAULT_PROFILE).evaluation : ev;
  const now = () => new Date();
  const evaluating =
    (onPhase: PhaseListener) =>
    async (...args: Parameters<typeof evaluateRead>) => {
      onPhase("evaluating");
      await afterPaint();
      return evaluateRead(...args);
    };
  return {
    async open(file, onPhase) {
      onPhase("reading");
      await afterPaint();
      port = null;
      const bytes = new Uint8Array(await file.arrayBuffer());
      port = await openXlsxPort(bytes);
      return { readOnly: readOnlyReason(port.lossyParts) };
    },
    async check(overrides, onPhase) {
      onPhase("reading");
      const p: WorkbookPort = opened();
      const r = await checkWith(p, {
        profile: DEFAULT_PROFILE,
        overrides,
        ...(previous ? { previous } : {}),
        evaluator: evaluating(onPhase),
      });
      return { evaluation: compared(r.evaluation), origins: r.origins };
    },
    async apply(writes) {
      const p = opened();
      const { outcome } = await applySelected(p, writes, now);
      // The next check reads what a download contains: take that read now.
      await p.read();
      return { written: outcome.applied.length, changed: outcome.conflicts.length };
    },
    async revert(overrides) {
      const { outcome } = await revertWith(opened(), {
        profile: DEFAULT_PROFILE,
        overrides,
        now,
        evaluator: evaluating(() => undefined),
      });
      return { restored: outcome.applied.length };
    },
    async cellValue(sheet, cell) {
      const { snapshots } = await opened().read();
      return cellValueAt(snapshots, sheet, cell);
    },
    save: () => opened().save(),
    async evaluate(read, choice, logSheet, onPhase) {
      const withPrevious = previous ? { ...choice, previous } : choice;
      return compared(await evaluating(onPhase)(read, withPrevious, logSheet));
    },
    async openPrevious(file, onPhase) {
      onPhase("reading");
      await afterPaint();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ev = await evaluatePreviousYear(await openXlsxPort(bytes), {
        profile: DEFAULT_PROFILE,
        evaluator: evaluating(onPhase),
      });
      // kept only once it is read: a file that fails leaves the comparison as it was
      previous = ev;
      return { year: ev.evaluationYear, ward: ev.layouts.find((l) => l.ward !== null)?.ward ?? null };
    },
    async closePrevious() {
      previous = null;
    },
  };
}
