import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SheetRecord } from "../../core";
import type { Lang, Translate } from "../i18n/strings";
import { recordRows, rowCells } from "../model/rows";

const useStyles = makeStyles({
  box: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(5em, max-content) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalXXS} 0 0`,
  },
  term: { color: tokens.colorNeutralForeground3, margin: 0 },
  value: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  current: { fontWeight: tokens.fontWeightSemibold, outline: `1px solid ${tokens.colorBrandStroke1}` },
});

export interface RowViewProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly record: SheetRecord | null;
  /** the cell the user came from, marked in the row */
  readonly cell: string | null;
}

/**
 * A row of the sheet as the evaluation read it, column by column: what the browser shows where Excel would
 * select the cell (there is no grid outside Excel).
 */
export function RowView({ t, lang, record, cell }: RowViewProps) {
  const styles = useStyles();
  if (!record) {
    return (
      <div className={styles.box} data-testid="row-view">
        {t("rowNone")}
      </div>
    );
  }
  const cells = rowCells(record, lang);
  return (
    <div className={styles.box} data-testid="row-view">
      <p className={styles.title}>{t("rowOf", { sheet: record.sheet, row: recordRows(record).first })}</p>
      <dl className={styles.list}>
        {cells.map((c) => (
          <div key={c.field} style={{ display: "contents" }}>
            <dt className={styles.term}>
              {c.label} ({c.address})
            </dt>
            <dd className={mergeClasses(styles.value, c.address === cell ? styles.current : undefined)}>
              {c.text === "" ? t("cellEmpty") : c.text}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
