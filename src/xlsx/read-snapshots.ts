/**
 * The reader: bytes → one snapshot per worksheet, through the bounded zip, the relationships and one
 * streaming pass over each XML part, under one budget. No exceljs.
 * Why this and not SheetJS (measured on the same files, `npm run compare:readers`): docs/reader-choice.md.
 */
import type { SheetSnapshot } from "../core";
import type { ReadBudget } from "./budget";
import { readCellStyles, readSharedStrings } from "./book-xml";
import { openWorkbookPackage, type WorkbookPackage } from "./parts";
import { readSheetXml } from "./sheet-xml";
import type { ZipCodec } from "./zip/types";
import { buildSnapshot } from "./snapshot-build";

export interface SnapshotRead {
  readonly snapshots: SheetSnapshot[];
  readonly pkg: WorkbookPackage;
  /** cells all data validations and defined names cover together (summed, never expanded) */
  readonly validationCells: number;
  /** the cell formats that are unlocked (a save may write such cells of a protected sheet) */
  readonly unlockedFormats: ReadonlySet<number>;
}

/** Reads every worksheet the workbook's relationships name into a snapshot, in workbook order. */
export function readSnapshots(
  bytes: Uint8Array,
  budget: Partial<ReadBudget> = {},
  codec: ZipCodec | null = null,
): SnapshotRead {
  const pkg = openWorkbookPackage(bytes, budget, codec);
  const { zip, parts, meter } = pkg;
  const sharedStrings =
    parts.sharedStringsPath === null ? [] : readSharedStrings(zip, parts.sharedStringsPath, meter);
  const styles =
    parts.stylesPath === null
      ? { formats: [], unlocked: new Set<number>() }
      : readCellStyles(zip, parts.stylesPath, meter);
  const book = {
    sharedStrings,
    formats: styles.formats,
    unlocked: styles.unlocked,
    date1904: parts.date1904,
  };
  let validationCells = pkg.definedNameCells;
  const snapshots = parts.sheets.map((s) => {
    // which empty cells are unlocked matters only when some format is (a protected sheet's writable cells)
    const raw = readSheetXml(zip, s.partPath, meter, styles.unlocked.size > 0);
    validationCells += raw.validationCells;
    return buildSnapshot({ name: s.name, part: s.partPath, visibility: s.state }, raw, book, meter);
  });
  return { snapshots, pkg, validationCells, unlockedFormats: styles.unlocked };
}
