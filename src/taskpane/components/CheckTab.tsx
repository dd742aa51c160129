import {
  Button,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Select,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  EraserRegular,
  ErrorCircleRegular,
  InfoRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement } from "react";
import type { Evaluation, Finding, Severity } from "../../core";
import { severityLabel } from "../i18n/labels";
import type { Lang, Translate, UiKey } from "../i18n/strings";
import type { CauseGroup, CauseInitiative, CauseKind } from "../model/causes";
import {
  arrangeFindings,
  countBySeverity,
  filterFindings,
  isFiltering,
  NO_FILTER,
  SEVERITY_ORDER,
  type FindingFilter,
} from "../model/findings";
import { recordIndex, recordTitle, type RecordAt } from "../model/rows";
import { cellText } from "./format";
import type { FindingRow, Handler, KeyedHandler, Measure, RenderFindings, SelectCell } from "./handlers";
import { RowView } from "./RowView";
import { useAnchor, VirtualRows } from "./VirtualList";

const useStyles = makeStyles({
  toolbar: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  filters: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    flexWrap: "wrap",
    alignItems: "center",
    marginTop: tokens.spacingVerticalXS,
  },
  filter: { minWidth: "120px", flex: "1 1 140px" },
  count: { display: "block", margin: `${tokens.spacingVerticalXS} 0` },
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
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, alignSelf: "center", display: "inline-flex" },
  itemHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  cellRef: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    flexShrink: 0,
  },
  rowTitle: {
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
  },
  message: { display: "block", marginTop: "2px" },
  input: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
  },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  subheading: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cause: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXS,
  },
  causeWarning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  causeTitle: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  causeList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  clean: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircleRegular color={tokens.colorPaletteRedForeground1} aria-hidden />,
  warning: <WarningRegular color={tokens.colorPaletteDarkOrangeForeground1} aria-hidden />,
  info: <InfoRegular color={tokens.colorBrandForeground1} aria-hidden />,
};

const CAUSE_KEYS: Record<CauseKind, UiKey> = {
  withdrawal: "causeWithdrawal",
  missed: "causeMissed",
  "not-computable": "causeNotComputable",
};

export interface CheckTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly evaluation: Evaluation | null;
  readonly busy: boolean;
  readonly onValidate: () => void;
  /** present in Excel, where a check highlights cells */
  readonly onClearHighlights: (() => void) | null;
  readonly onSelect: SelectCell;
  readonly onGoMapping: () => void;
}

function findingKey(f: Finding, i: number): string {
  return `${f.code}|${f.sheet}|${f.cell ?? ""}|${i}`;
}

/** One cause of a cascade in plain words: where, the row's title, what happened and why. */
export function causeText(t: Translate, lang: Lang, c: CauseInitiative): string {
  return t(CAUSE_KEYS[c.kind], {
    where: t("causeWhere", { sheet: c.sheet, row: c.row }),
    title: c.title,
    reason: c.reason[lang],
  });
}

interface ItemProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly finding: Finding;
  readonly recordAt: RecordAt;
  readonly open: boolean;
  readonly onClick: () => void;
  /** set when the list is virtual: the row's index and the measuring ref */
  readonly index?: number;
  readonly measure?: Measure;
}

function FindingItem({ t, lang, mode, finding: f, recordAt, open, onClick, index, measure }: ItemProps) {
  const styles = useStyles();
  const record = recordAt(f.sheet, f.row);
  const title = record ? recordTitle(record) : "";
  return (
    <li data-index={index} ref={measure}>
      <button
        type="button"
        className={styles.item}
        title={mode === "excel" ? t("selectCellHint") : t("rowShow")}
        data-testid="finding"
        data-code={f.code}
        {...(mode === "standalone" ? { "aria-expanded": open } : {})}
        onClick={onClick}
      >
        <span className={styles.itemHead}>
          <span className={styles.icon}>{ICONS[f.severity]}</span>
          <span className={styles.cellRef}>
            {f.sheet}!{f.cell ?? t("sheetLevel")}
          </span>
          {title !== "" ? (
            <span className={styles.rowTitle} data-testid="row-title">
              {title}
            </span>
          ) : null}
        </span>
        <span className={styles.message}>{f.message[lang]}</span>
        {f.input !== null ? (
          <span className={styles.input}>{t("cellText", { text: cellText(t, f.input) })}</span>
        ) : null}
      </button>
      {open ? <RowView t={t} lang={lang} record={record} cell={f.cell} /> : null}
    </li>
  );
}

/** What the user opened in a cause card: its findings, its cause's row (kept above the card: a card scrolled out of a virtual list is unmounted). */
export interface CauseOpen {
  readonly findings: boolean;
  readonly row: boolean;
}

const CLOSED: CauseOpen = { findings: false, row: false };

interface CauseProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly group: CauseGroup;
  readonly mode: "excel" | "standalone";
  readonly recordAt: RecordAt;
  readonly renderList: RenderFindings<Finding, ReactElement>;
  readonly onSelect: SelectCell;
  readonly open: CauseOpen;
  readonly onOpen: Handler<CauseOpen>;
}

function CauseCard({ t, lang, group, mode, recordAt, renderList, onSelect, open, onOpen }: CauseProps) {
  const styles = useStyles();
  const expanded = open.findings;
  const showRow = open.row;
  const setExpanded = (findings: boolean) => onOpen({ ...open, findings });
  const setShowRow = (row: boolean) => onOpen({ ...open, row });
  const counts = countBySeverity(group.findings);
  const summary = SEVERITY_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${severityLabel(t, s)} ${counts[s]}`)
    .join("・");
  const single = group.causes.length === 1 ? group.causes[0] : undefined;
  return (
    <div
      className={mergeClasses(styles.cause, group.severity !== "error" ? styles.causeWarning : undefined)}
      data-testid="cause-group"
      role="group"
      aria-label={t("causeLabel")}
    >
      {single ? (
        <p className={styles.causeTitle}>
          {t("causeLabel")}: {causeText(t, lang, single)}
        </p>
      ) : (
        <>
          <p className={styles.causeTitle}>{t("causeMany", { count: group.causes.length })}</p>
          <ul className={styles.causeList}>
            {group.causes.map((c) => (
              <li key={`${c.sheet}!${c.row}`}>{causeText(t, lang, c)}</li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.toolbar}>
        <Button
          size="small"
          appearance="subtle"
          icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t("causeHide") : t("causeShow", { count: group.findings.length })}
        </Button>
        <Text size={200}>({summary})</Text>
        {single?.cell ? (
          <Button
            size="small"
            appearance="subtle"
            {...(mode === "standalone" ? { "aria-expanded": showRow } : {})}
            onClick={() => {
              if (mode === "excel" && single.cell) onSelect(single.sheet, single.cell);
              else setShowRow(!showRow);
            }}
          >
            {t("causeGoTo")}
          </Button>
        ) : null}
      </div>
      {showRow && single ? (
        <RowView t={t} lang={lang} record={recordAt(single.sheet, single.row)} cell={single.cell} />
      ) : null}
      {expanded ? renderList(group.findings, group.key) : null}
    </div>
  );
}

interface CauseListProps extends Omit<CauseProps, "group" | "open" | "onOpen"> {
  readonly groups: ReadonlyArray<CauseGroup>;
  readonly opened: ReadonlyMap<string, CauseOpen>;
  readonly onOpened: KeyedHandler<CauseOpen>;
}

/** The cause cards of a section; a long list (a big workbook has thousands) renders only those near the viewport. */
function CauseList({ groups, opened, onOpened, ...card }: CauseListProps) {
  const anchor = useAnchor<HTMLDivElement>();
  return (
    <div ref={anchor}>
      <VirtualRows
        count={groups.length}
        estimate={96}
        anchor={anchor}
        spacer={(height, key) => <div key={key} aria-hidden style={{ height }} />}
        row={(i, measure) => {
          const g = groups[i];
          if (!g) return null;
          return (
            <div key={g.key} data-index={i} ref={measure} data-testid="cause-row">
              <CauseCard
                {...card}
                group={g}
                open={opened.get(g.key) ?? CLOSED}
                onOpen={(o) => onOpened(g.key, o)}
              />
            </div>
          );
        }}
      />
    </div>
  );
}

interface FindingListProps {
  readonly list: ReadonlyArray<Finding>;
  readonly keyPrefix: string;
  readonly render: FindingRow;
}

/** A list of findings; a long one renders only the rows near the viewport. */
function FindingList({ list, keyPrefix, render }: FindingListProps) {
  const styles = useStyles();
  const anchor = useAnchor<HTMLUListElement>();
  return (
    <ul className={styles.list} ref={anchor}>
      <VirtualRows
        count={list.length}
        estimate={64}
        anchor={anchor}
        spacer={(height, key) => <li key={key} aria-hidden style={{ height }} />}
        row={(i, measure) => {
          const f = list[i];
          return f ? render(f, `${keyPrefix}|${findingKey(f, i)}`, i, measure) : null;
        }}
      />
    </ul>
  );
}

/**
 * The Check tab: validate, then the findings — errors first, then warnings, then information; a cascade
 * (one withdrawal or missed target and every mark it turns) as one group under its cause; every finding
 * with its row's title. A click selects the cell in Excel, and opens the row in the browser.
 */
export function CheckTab({
  t,
  lang,
  mode,
  evaluation,
  busy,
  onValidate,
  onClearHighlights,
  onSelect,
  onGoMapping,
}: CheckTabProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [open, setOpen] = useState<string | null>(null);
  const [opened, setOpened] = useState<ReadonlyMap<string, CauseOpen>>(new Map());
  const onOpened = (key: string, o: CauseOpen) => setOpened(new Map(opened).set(key, o));
  const findings = useMemo(() => evaluation?.findings ?? null, [evaluation]);
  const recordAt = useMemo(() => recordIndex(evaluation?.records ?? []), [evaluation]);
  const shown = useMemo(
    () =>
      findings
        ? filterFindings(findings, filter, (f) => {
            const r = recordAt(f.sheet, f.row);
            return r ? recordTitle(r) : "";
          })
        : [],
    [findings, filter, recordAt],
  );
  const sections = useMemo(
    () => (evaluation ? arrangeFindings(evaluation, shown, recordAt) : []),
    [evaluation, shown, recordAt],
  );
  const counts = useMemo(() => countBySeverity(findings ?? []), [findings]);
  const sheets = useMemo(() => (evaluation ? evaluation.layouts.map((l) => l.sheet) : []), [evaluation]);
  const evaluated = useMemo(
    () => (evaluation ? evaluation.layouts.filter((l) => l.kind !== "other").map((l) => l.sheet) : []),
    [evaluation],
  );
  const clean = useMemo(
    () => evaluated.filter((s) => !(findings ?? []).some((f) => f.sheet === s)),
    [evaluated, findings],
  );

  const onFinding = (f: Finding, key: string) => {
    if (mode === "excel") {
      if (f.cell !== null) onSelect(f.sheet, f.cell);
      return;
    }
    setOpen(open === key ? null : key);
  };

  const renderList = (list: ReadonlyArray<Finding>, keyPrefix: string): ReactElement => (
    <FindingList
      key={keyPrefix}
      list={list}
      keyPrefix={keyPrefix}
      render={(f, key, i, measure) => (
        <FindingItem
          key={key}
          t={t}
          lang={lang}
          mode={mode}
          finding={f}
          recordAt={recordAt}
          open={open === key}
          onClick={() => onFinding(f, key)}
          index={i}
          measure={measure}
        />
      )}
    />
  );

  const noSheet = evaluation !== null && evaluated.length === 0;

  return (
    <section aria-label={t("tabCheck")}>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          size="small"
          icon={<CheckmarkCircleRegular />}
          disabled={busy}
          onClick={onValidate}
        >
          {findings === null ? t("validate") : t("revalidate")}
        </Button>
        {onClearHighlights && findings !== null ? (
          <Button size="small" icon={<EraserRegular />} disabled={busy} onClick={onClearHighlights}>
            {t("clearHighlights")}
          </Button>
        ) : null}
        {findings !== null && !noSheet
          ? SEVERITY_ORDER.map((s) => (
              <ToggleButton
                key={s}
                size="small"
                shape="circular"
                icon={ICONS[s]}
                checked={filter.severity === s}
                data-testid={`severity-${s}`}
                onClick={() => setFilter({ ...filter, severity: filter.severity === s ? "all" : s })}
              >
                {t("filterSeverityChip", { label: severityLabel(t, s), count: counts[s] })}
              </ToggleButton>
            ))
          : null}
      </div>
      {findings === null ? (
        <Text as="p">{t("notValidatedYet")}</Text>
      ) : noSheet ? (
        <MessageBar intent="warning" layout="multiline" data-testid="no-sheet">
          <MessageBarBody>
            <MessageBarTitle>{t("noSheetTitle")}</MessageBarTitle>
            {evaluation.layouts.length === 0
              ? t("noSheetEmpty")
              : `${t("noSheetBody", { sheets: evaluation.layouts.map((l) => l.sheet).join("、") })} ${t("noSheetHint")}`}
          </MessageBarBody>
          {evaluation.layouts.length > 0 ? (
            <MessageBarActions>
              <Button size="small" onClick={onGoMapping}>
                {t("noSheetGoMapping")}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : (
        <>
          <div className={styles.filters}>
            <Select
              className={styles.filter}
              size="small"
              aria-label={t("filterSheet")}
              value={filter.sheet}
              onChange={(_, d) => setFilter({ ...filter, sheet: d.value })}
            >
              <option value="all">
                {t("filterSheet")}: {t("filterAll")}
              </option>
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
            <Input
              className={styles.filter}
              size="small"
              type="search"
              aria-label={t("filterText")}
              value={filter.text}
              placeholder={t("filterTextPlaceholder")}
              onChange={(_, d) => setFilter({ ...filter, text: d.value })}
            />
          </div>
          <Text className={styles.count} size={200} role="status" aria-live="polite">
            {findings.length === 0
              ? t("noFindings")
              : t("findingsCount", { shown: shown.length, total: findings.length })}
            {isFiltering(filter) ? (
              <>
                {" "}
                <Link as="button" onClick={() => setFilter(NO_FILTER)}>
                  {t("filterClear")}
                </Link>
              </>
            ) : null}
          </Text>
          {sections.map((sec) => (
            <div key={sec.severity} data-testid={`section-${sec.severity}`}>
              <h3 className={styles.heading}>
                {severityLabel(t, sec.severity)} ({sec.count})
              </h3>
              <CauseList
                t={t}
                lang={lang}
                groups={sec.causes}
                mode={mode}
                recordAt={recordAt}
                renderList={renderList}
                onSelect={onSelect}
                opened={opened}
                onOpened={onOpened}
              />
              {sec.sheets.map((sh) => (
                <div key={sh.sheet}>
                  <h4 className={styles.subheading}>
                    {sh.sheet} ({sh.findings.length})
                  </h4>
                  {renderList(sh.findings, `${sec.severity}|${sh.sheet}`)}
                </div>
              ))}
            </div>
          ))}
          {!isFiltering(filter) && clean.length > 0 ? (
            <p className={styles.clean} data-testid="clean-sheets">
              <CheckmarkCircleRegular color={tokens.colorPaletteGreenForeground1} aria-hidden />{" "}
              {t("sheetsNone", { sheets: clean.join("、") })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
