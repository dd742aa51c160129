import type { FindingCode, IssueOf, IssueParams, ReportField } from "../model/findings";
import type { ColumnField, FieldCell, SheetRecord } from "../model/records";

/** An issue at a record's cell (the cell's text is the input). */
export function cellIssue<C extends FindingCode>(
  code: C,
  record: Pick<SheetRecord, "sheet">,
  cell: FieldCell,
  column: ColumnField | null,
  field: ReportField | null,
  params: IssueParams[C],
): IssueOf<C> {
  return {
    code,
    sheet: record.sheet,
    gridRow: cell.row,
    gridCol: cell.col,
    field,
    column,
    input: cell.error ?? cell.text,
    params,
  };
}

/** An issue on a record's row when no cell fits (the row, no column). */
export function rowIssue<C extends FindingCode>(
  code: C,
  record: SheetRecord,
  field: ReportField | null,
  params: IssueParams[C],
): IssueOf<C> {
  return {
    code,
    sheet: record.sheet,
    gridRow: record.rowStart,
    gridCol: null,
    field,
    column: null,
    input: null,
    params,
  };
}

const BLANK = /^\s*(?:[-‐−–—ー―]+|なし|該当なし|特になし)?\s*$/;
/** Empty, or a placeholder such as "-", "ー", "なし". */
export function isBlank(text: string): boolean {
  return BLANK.test(text.normalize("NFKC"));
}

/** The anchor cell of a field, if the column exists. */
export function anchorOf(record: SheetRecord, field: ColumnField): FieldCell | undefined {
  return record.fields[field]?.[0];
}

/** Every cell of a field (anchor first). */
export function cellsOf(record: SheetRecord, field: ColumnField): ReadonlyArray<FieldCell> {
  return record.fields[field] ?? [];
}
