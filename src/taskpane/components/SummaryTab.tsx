import { Link, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { Fragment, useMemo, useState } from "react";
import type { Evaluation } from "../../core";
import { withdrawalActionLabel } from "../i18n/labels";
import type { Lang, Translate, UiKey } from "../i18n/strings";
import { recordIndex, recordTitle, type RecordAt } from "../model/rows";
import { summarize, type AreaSummary, type Counts, type WithdrawalRow } from "../model/summary";
import type { SelectCell } from "./handlers";
import { RowView } from "./RowView";

// Below this width the tables become cards: a strategy name gets the whole line, its counts the next.
const NARROW = "@media (max-width: 600px)";
const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    [NARROW]: { display: "block" },
  },
  head: { [NARROW]: { display: "none" } },
  body: { [NARROW]: { display: "block" } },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
  },
  // Numbers and their headers both align right, so a count sits under its own header.
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", width: "6.5em" },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
    [NARROW]: { display: "inline-block", border: "none", padding: "1px 6px 1px 0", width: "auto" },
  },
  tdName: { [NARROW]: { display: "block", fontWeight: tokens.fontWeightSemibold } },
  row: {
    [NARROW]: {
      display: "block",
      padding: `${tokens.spacingVerticalXS} 0`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  labelled: {
    [NARROW]: {
      "::before": {
        content: "attr(data-label)",
        color: tokens.colorNeutralForeground3,
        marginRight: "4px",
      },
    },
  },
  area: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    [NARROW]: { display: "block" },
  },
  legend: {
    display: "flex",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    flexWrap: "wrap",
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  // Colours stay in forced-colours mode (they carry the legend); an outline keeps each swatch visible.
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: "4px",
    verticalAlign: "middle",
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
    forcedColorAdjust: "none",
    [FORCED]: { outline: "1px solid CanvasText" },
  },
  svg: { display: "block", width: "100%", maxWidth: "420px", height: "auto", forcedColorAdjust: "none" },
  svgText: { fill: tokens.colorNeutralForeground1, [FORCED]: { fill: "CanvasText" } },
  svgMuted: { fill: tokens.colorNeutralForeground2, [FORCED]: { fill: "CanvasText" } },
  total: { fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXXS} 0` },
  wd: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  wdCard: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
  },
  wdGrid: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXXS} 0 0`,
  },
  dt: { color: tokens.colorNeutralForeground3, margin: 0 },
  dd: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  cellLink: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** The four categories, in the report's order and colours (src/report/html.ts), 判定不能 included. */
const CATEGORIES: ReadonlyArray<{ key: keyof Counts; label: UiKey; color: string }> = [
  { key: "achieved", label: "colAchieved", color: "#2e7d32" },
  { key: "missed", label: "colMissed", color: "#ef6c00" },
  { key: "withdrawal", label: "colWithdrawal", color: "#c62828" },
  { key: "none", label: "colNoMark", color: "#9e9e9e" },
];

const sum = (c: Counts): number => c.achieved + c.missed + c.withdrawal + c.none;

function areaName(t: Translate, a: AreaSummary): string {
  if (a.areaNumber === null) return t("noArea");
  return a.areaTitle ? `${a.areaNumber} ${a.areaTitle}` : a.areaNumber;
}

/**
 * A strategy's name as the sheet gives it. The shared summary names a coded strategy 「[3]」 (its code);
 * the strategy sheet's 戦略 cell carries the words after the code (「【地域活動力の向上】…」).
 */
function strategyName(evaluation: Evaluation, code: string | null, label: string | null): string | null {
  if (code === null) return label;
  for (const r of evaluation.records) {
    if (r.kind !== "strategy" || r.strategyCode !== code) continue;
    const text = r.fields.strategy?.map((c) => c.text).join("\n") ?? "";
    const line = text
      .split("\n")
      .map((s) => s.replace(/[[［]\s*\d+(?:-\d+)?\s*[\]］]/g, "").trim())
      .find((s) => s !== "");
    if (line) return `${line} [${code}]`;
  }
  return label;
}

interface ChartProps {
  readonly t: Translate;
  readonly areas: ReadonlyArray<AreaSummary>;
}

/** Stacked bars per area in the report's four categories, scaled to the pane; the legend says the colours. */
function Chart({ t, areas }: ChartProps) {
  const styles = useStyles();
  const max = Math.max(1, ...areas.map((a) => sum(a.counts)));
  const rowH = 24;
  const labelW = 28;
  const barW = 240;
  const width = labelW + barW + 36;
  const height = areas.length * rowH + 4;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby="kusei-chart-title"
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        data-testid="summary-chart"
      >
        <title id="kusei-chart-title">
          {[
            t("chartTitle"),
            ...areas.map((a) =>
              t("chartBar", {
                area: areaName(t, a),
                achieved: a.counts.achieved,
                missed: a.counts.missed,
                withdrawal: a.counts.withdrawal,
                none: a.counts.none,
              }),
            ),
          ].join("。")}
        </title>
        {areas.map((a, i) => {
          const y = i * rowH + 2;
          let x = labelW;
          return (
            <g key={`${a.areaNumber ?? ""}-${i}`} data-testid="chart-area">
              <text x={0} y={y + 15} fontSize={12} className={styles.svgText}>
                {a.areaNumber ?? "—"}
              </text>
              {CATEGORIES.map(({ key, color }) => {
                const n = a.counts[key];
                const w = (n / max) * barW;
                const rect =
                  n > 0 ? (
                    <rect
                      key={key}
                      x={x}
                      y={y}
                      width={w}
                      height={rowH - 6}
                      fill={color}
                      stroke="#ffffff"
                      data-category={key}
                      data-count={n}
                    />
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 15} fontSize={12} className={styles.svgMuted}>
                {sum(a.counts)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend} data-testid="summary-legend">
        {CATEGORIES.map(({ key, label, color }) => (
          <span key={key}>
            <span className={styles.swatch} style={{ background: color }} aria-hidden />
            {t(label)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

interface WithdrawalProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly row: WithdrawalRow;
  readonly recordAt: RecordAt;
  readonly onSelect: SelectCell;
}

function WithdrawalCard({ t, lang, mode, row: w, recordAt, onSelect }: WithdrawalProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const record = w.row !== null ? recordAt(w.sheet, w.row) : null;
  const title = record ? recordTitle(record) : w.item;
  return (
    <li className={styles.wdCard} data-testid="withdrawal-row">
      <div>
        {w.cell ? (
          <Link
            as="button"
            className={styles.cellLink}
            title={mode === "excel" ? t("selectCellHint") : t("rowShow")}
            {...(mode === "standalone" ? { "aria-expanded": open } : {})}
            onClick={() => (mode === "excel" && w.cell ? onSelect(w.sheet, w.cell) : setOpen(!open))}
          >
            {w.sheet}!{w.cell}
          </Link>
        ) : (
          w.sheet
        )}{" "}
        <strong>{title}</strong>
      </div>
      <dl className={styles.wdGrid}>
        <dt className={styles.dt}>{t("colCriterion")}</dt>
        <dd className={styles.dd}>{w.criterion}</dd>
        <dt className={styles.dt}>{t("colResult")}</dt>
        <dd className={styles.dd}>{w.results}</dd>
        <dt className={styles.dt}>{t("colWithdrawalAction")}</dt>
        <dd className={styles.dd}>{withdrawalActionLabel(t, w.action, w.actionText)}</dd>
      </dl>
      {open ? <RowView t={t} lang={lang} record={record} cell={w.cell} /> : null}
    </li>
  );
}

export interface SummaryTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly evaluation: Evaluation | null;
  readonly onSelect: SelectCell;
}

/**
 * The Summary tab: counts per area and strategy in the report's four categories (判定不能 included) with a
 * chart, and the initiatives whose withdrawal criterion fired with criterion, result and action. A table at
 * full width with numbers under their own headers; cards at task-pane width.
 */
export function SummaryTab({ t, lang, mode, evaluation, onSelect }: SummaryTabProps) {
  const styles = useStyles();
  const summary = useMemo(() => (evaluation ? summarize(evaluation) : null), [evaluation]);
  const recordAt = useMemo(() => recordIndex(evaluation?.records ?? []), [evaluation]);
  if (!evaluation || !summary || summary.areas.length === 0) {
    return (
      <section aria-label={t("tabSummary")}>
        <Text as="p">{t("summaryEmpty")}</Text>
      </section>
    );
  }
  const numCell = (key: UiKey, n: number) => (
    <td className={mergeClasses(styles.td, styles.num, styles.labelled)} data-label={`${t(key)}`}>
      {n}
    </td>
  );
  return (
    <section aria-label={t("tabSummary")}>
      <Text as="p" size={200}>
        {t("summaryIntro")}
      </Text>
      <Chart t={t} areas={summary.areas} />
      <p className={styles.total} data-testid="summary-total">
        {t("summaryTotal", {
          achieved: summary.total.achieved,
          missed: summary.total.missed,
          withdrawal: summary.total.withdrawal,
          none: summary.total.none,
        })}
      </p>
      <table className={styles.table} aria-label={t("chartTitle")} data-testid="summary-table">
        <thead className={styles.head}>
          <tr>
            <th className={styles.th} scope="col">
              {t("colStrategy")}
            </th>
            {CATEGORIES.map((c) => (
              <th key={c.key} className={mergeClasses(styles.th, styles.num)} scope="col">
                {t(c.label)}
              </th>
            ))}
            <th className={mergeClasses(styles.th, styles.num)} scope="col">
              {t("colProgress")}
            </th>
          </tr>
        </thead>
        <tbody className={styles.body}>
          {summary.areas.map((a, ai) => (
            <Fragment key={ai}>
              <tr data-testid="summary-area" className={styles.row}>
                <th colSpan={6} scope="colgroup" className={styles.area}>
                  {t("colArea")}: {areaName(t, a)}
                </th>
              </tr>
              {a.strategies.map((s, si) => (
                <tr key={`${ai}-${si}`} data-testid="summary-row" className={styles.row}>
                  <td className={mergeClasses(styles.td, styles.tdName)}>
                    {strategyName(evaluation, s.strategyCode, s.label) ?? t("noStrategy")}
                  </td>
                  {CATEGORIES.map((c) => (
                    <Fragment key={c.key}>{numCell(c.label, s.counts[c.key])}</Fragment>
                  ))}
                  <td
                    className={mergeClasses(styles.td, styles.num, styles.labelled)}
                    data-label={t("colProgress")}
                  >
                    {s.progress ?? "—"}
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
      <h3 className={styles.heading}>{t("withdrawalTitle")}</h3>
      {summary.withdrawals.length === 0 ? (
        <Text as="p">{t("withdrawalNone")}</Text>
      ) : (
        <ul className={styles.wd}>
          {summary.withdrawals.map((w, i) => (
            <WithdrawalCard
              key={`${w.sheet}-${w.cell ?? ""}-${i}`}
              t={t}
              lang={lang}
              mode={mode}
              row={w}
              recordAt={recordAt}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
