import type { Handler } from "./handlers";
import { Badge, Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  EraserRegular,
  ErrorCircleRegular,
  InfoRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement } from "react";
import type { Finding, Severity } from "../../core";
import { severityLabel } from "../i18n/labels";
import type { Lang, Translate } from "../i18n/strings";
import {
  countBySeverity,
  filterFindings,
  groupFindings,
  NO_FILTER,
  SEVERITY_ORDER,
  type FindingFilter,
} from "../model/findings";
import { cellText } from "./format";

const useStyles = makeStyles({
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  filter: { minWidth: "120px", flex: "1 1 120px" },
  sheet: { marginTop: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, alignSelf: "center" },
  itemHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  cellRef: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  input: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
  },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  subheading: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200 },
});

const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircleRegular color={tokens.colorPaletteRedForeground1} aria-hidden />,
  warning: <WarningRegular color={tokens.colorPaletteDarkOrangeForeground1} aria-hidden />,
  info: <InfoRegular color={tokens.colorBrandForeground1} aria-hidden />,
};

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface CheckTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly findings: ReadonlyArray<Finding> | null;
  readonly sheets: ReadonlyArray<string>;
  readonly busy: boolean;
  readonly onValidate: () => void;
  /** present in Excel, where a check highlights cells */
  readonly onClearHighlights: (() => void) | null;
  readonly onSelect: Handler<Finding>;
}

/** The Check tab: validate, then the findings grouped by sheet and severity, filterable; a click goes to the cell. */
export function CheckTab({
  t,
  lang,
  mode,
  findings,
  sheets,
  busy,
  onValidate,
  onClearHighlights,
  onSelect,
}: CheckTabProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const shown = useMemo(() => (findings ? filterFindings(findings, filter) : []), [findings, filter]);
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const counts = useMemo(() => countBySeverity(findings ?? []), [findings]);
  const hint = mode === "excel" ? t("selectCellHint") : t("showCellHint");

  return (
    <section aria-label={t("tabCheck")}>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled={busy} onClick={onValidate}>
          {findings === null ? t("validate") : t("revalidate")}
        </Button>
        {onClearHighlights && findings !== null ? (
          <Button icon={<EraserRegular />} disabled={busy} onClick={onClearHighlights}>
            {t("clearHighlights")}
          </Button>
        ) : null}
        {findings !== null
          ? SEVERITY_ORDER.map((s) => (
              <Badge key={s} appearance="tint" color={BADGE[s]} icon={ICONS[s]}>
                {severityLabel(t, s)} {counts[s]}
              </Badge>
            ))
          : null}
      </div>
      {findings === null ? (
        <Text as="p">{t("notValidatedYet")}</Text>
      ) : (
        <>
          <div className={styles.filters}>
            <Field label={t("filterSeverity")} className={styles.filter}>
              <Select
                value={filter.severity}
                onChange={(_, d) => setFilter({ ...filter, severity: d.value as Severity | "all" })}
              >
                <option value="all">{t("filterAll")}</option>
                {SEVERITY_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {severityLabel(t, s)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("filterSheet")} className={styles.filter}>
              <Select value={filter.sheet} onChange={(_, d) => setFilter({ ...filter, sheet: d.value })}>
                <option value="all">{t("filterAll")}</option>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("filterText")} className={styles.filter}>
              <Input
                type="search"
                value={filter.text}
                placeholder={t("filterTextPlaceholder")}
                onChange={(_, d) => setFilter({ ...filter, text: d.value })}
              />
            </Field>
          </div>
          <Text as="p" role="status" aria-live="polite">
            {findings.length === 0
              ? t("noFindings")
              : t("findingsCount", { shown: shown.length, total: findings.length })}
          </Text>
          {groups.map((g) => (
            <div key={g.sheet} className={styles.sheet}>
              <h3 className={styles.heading}>{g.sheet}</h3>
              {g.groups.map((sg) => (
                <div key={sg.severity}>
                  <h4 className={styles.subheading}>
                    {severityLabel(t, sg.severity)} ({sg.findings.length})
                  </h4>
                  <ul className={styles.list}>
                    {sg.findings.map((f, i) => (
                      <li key={`${f.code}-${f.cell ?? ""}-${i}`}>
                        <button
                          type="button"
                          className={styles.item}
                          title={hint}
                          data-testid="finding"
                          data-code={f.code}
                          onClick={() => onSelect(f)}
                        >
                          <span className={styles.itemHead}>
                            <span className={styles.icon}>{ICONS[f.severity]}</span>
                            <span className={styles.cellRef}>{f.cell ?? t("sheetLevel")}</span>
                            <span>{f.message[lang]}</span>
                          </span>
                          {f.input !== null ? (
                            <span className={styles.input}>
                              {t("cellText", { text: cellText(t, f.input) })}
                            </span>
                          ) : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
