import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Evaluation } from "../../core";
import { withdrawalActionLabel } from "../i18n/labels";
import type { Translate } from "../i18n/strings";
import { summarize, type AreaSummary } from "../model/summary";

const useStyles = makeStyles({
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  area: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  legend: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    flexWrap: "wrap",
  },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
  wrap: { whiteSpace: "pre-wrap", wordBreak: "break-all" },
  tableWrap: { overflowX: "auto" },
});

// Colours with enough contrast on white, and told apart by the legend text, not by colour alone.
const COLORS = { achieved: "#107c10", missed: "#ca5010", withdrawal: "#a4262c" } as const;

function areaName(t: Translate, a: AreaSummary): string {
  if (a.areaNumber === null) return t("noArea");
  return a.areaTitle ? `${a.areaNumber} ${a.areaTitle}` : a.areaNumber;
}

interface ChartProps {
  readonly t: Translate;
  readonly areas: ReadonlyArray<AreaSummary>;
}

/** Stacked horizontal bars per area: achieved / not achieved / withdrawal, as an inline SVG with a text title. */
function Chart({ t, areas }: ChartProps) {
  const styles = useStyles();
  const max = Math.max(1, ...areas.map((a) => a.counts.achieved + a.counts.missed + a.counts.withdrawal));
  const rowH = 22;
  const labelW = 40;
  const barW = 220;
  const height = areas.length * rowH + 4;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby="kusei-chart-title"
        width={labelW + barW + 40}
        height={height}
        viewBox={`0 0 ${labelW + barW + 40} ${height}`}
        data-testid="summary-chart"
      >
        <title id="kusei-chart-title">{t("chartTitle")}</title>
        {areas.map((a, i) => {
          const y = i * rowH + 2;
          const parts = [
            ["achieved", a.counts.achieved],
            ["missed", a.counts.missed],
            ["withdrawal", a.counts.withdrawal],
          ] as const;
          let x = labelW;
          const total = a.counts.achieved + a.counts.missed + a.counts.withdrawal;
          return (
            <g key={`${a.areaNumber ?? ""}-${i}`}>
              <title>
                {t("chartBar", {
                  area: areaName(t, a),
                  achieved: a.counts.achieved,
                  missed: a.counts.missed,
                  withdrawal: a.counts.withdrawal,
                })}
              </title>
              <text x={0} y={y + 14} fontSize={12} fill={tokens.colorNeutralForeground1}>
                {a.areaNumber ?? "—"}
              </text>
              {parts.map(([key, n]) => {
                const w = (n / max) * barW;
                const rect = <rect key={key} x={x} y={y} width={w} height={rowH - 6} fill={COLORS[key]} />;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 14} fontSize={12} fill={tokens.colorNeutralForeground2}>
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.swatch} style={{ background: COLORS.achieved }} aria-hidden />
          {t("colAchieved")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: COLORS.missed }} aria-hidden />
          {t("colMissed")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: COLORS.withdrawal }} aria-hidden />
          {t("colWithdrawal")}
        </span>
      </figcaption>
    </figure>
  );
}

export interface SummaryTabProps {
  readonly t: Translate;
  readonly evaluation: Evaluation | null;
}

/** The Summary tab: counts per area and strategy with a chart, and the withdrawal rows with their action. */
export function SummaryTab({ t, evaluation }: SummaryTabProps) {
  const styles = useStyles();
  const summary = useMemo(() => (evaluation ? summarize(evaluation) : null), [evaluation]);
  if (!summary || summary.areas.length === 0) {
    return (
      <section aria-label={t("tabSummary")}>
        <Text as="p">{t("summaryEmpty")}</Text>
      </section>
    );
  }
  return (
    <section aria-label={t("tabSummary")}>
      <Text as="p">{t("summaryIntro")}</Text>
      <Chart t={t} areas={summary.areas} />
      <div className={styles.tableWrap}>
        <Table size="small" aria-label={t("chartTitle")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("colStrategy")}</TableHeaderCell>
              <TableHeaderCell>{t("colAchieved")}</TableHeaderCell>
              <TableHeaderCell>{t("colMissed")}</TableHeaderCell>
              <TableHeaderCell>{t("colWithdrawal")}</TableHeaderCell>
              <TableHeaderCell>{t("colNoMark")}</TableHeaderCell>
              <TableHeaderCell>{t("colProgress")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.areas.flatMap((a, ai) => [
              // The area heads its strategies on a row of its own: long titles get the full width.
              <TableRow key={`${ai}`} data-testid="summary-area">
                <TableCell colSpan={6} className={styles.area}>
                  {t("colArea")}: {areaName(t, a)}
                </TableCell>
              </TableRow>,
              ...a.strategies.map((s, si) => (
                <TableRow key={`${ai}-${si}`} data-testid="summary-row">
                  <TableCell>{s.label ?? t("noStrategy")}</TableCell>
                  <TableCell className={styles.num}>{s.counts.achieved}</TableCell>
                  <TableCell className={styles.num}>{s.counts.missed}</TableCell>
                  <TableCell className={styles.num}>{s.counts.withdrawal}</TableCell>
                  <TableCell className={styles.num}>{s.counts.none}</TableCell>
                  <TableCell>{s.progress ?? "—"}</TableCell>
                </TableRow>
              )),
            ])}
          </TableBody>
        </Table>
      </div>
      <h3 className={styles.heading}>{t("withdrawalTitle")}</h3>
      {summary.withdrawals.length === 0 ? (
        <Text as="p">{t("withdrawalNone")}</Text>
      ) : (
        <div className={styles.tableWrap}>
          <Table size="small" aria-label={t("withdrawalTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("colCell")}</TableHeaderCell>
                <TableHeaderCell>{t("colItem")}</TableHeaderCell>
                <TableHeaderCell>{t("colCriterion")}</TableHeaderCell>
                <TableHeaderCell>{t("colResult")}</TableHeaderCell>
                <TableHeaderCell>{t("colWithdrawalAction")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.withdrawals.map((w, i) => (
                <TableRow key={`${w.sheet}-${w.cell ?? ""}-${i}`} data-testid="withdrawal-row">
                  <TableCell>
                    {w.sheet}
                    {w.cell ? `!${w.cell}` : ""}
                  </TableCell>
                  <TableCell className={styles.wrap}>{w.item}</TableCell>
                  <TableCell className={styles.wrap}>{w.criterion}</TableCell>
                  <TableCell className={styles.wrap}>{w.results}</TableCell>
                  <TableCell>{withdrawalActionLabel(t, w.action, w.actionText)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
