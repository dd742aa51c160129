import type { Handler } from "./handlers";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Link,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import { Fragment, useMemo, useState } from "react";
import type { Evaluation, PlanAction } from "../../core";
import { actionLabel } from "../i18n/labels";
import type { Lang, Translate } from "../i18n/strings";
import { recordIndex, recordTitle } from "../model/rows";
import { isChosen, sortPlan, toggleConflict, willWrite, type ConflictChoice } from "../model/selection";
import type { SelectCell } from "./handlers";
import { cellText } from "./format";
import { RowView } from "./RowView";
import { useAnchor, VirtualRows } from "./VirtualList";

const NARROW = "@media (max-width: 520px)";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    flexWrap: "wrap",
    marginBottom: tokens.spacingVerticalS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  cellButton: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    textAlign: "left",
  },
  title: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    maxWidth: "22em",
  },
  // At full width the reason gets the room; the opt-in column only needs a checkbox.
  reasonCol: { width: "40%" },
  narrowCol: { width: "6em" },
  rowViewCell: { display: "table-cell", height: "auto", [NARROW]: { display: "block" } },
  wrap: { whiteSpace: "pre-wrap", wordBreak: "break-all" },
  reason: { whiteSpace: "pre-wrap", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tableWrap: { overflowX: "auto" },
  // In a narrow task pane each plan row becomes a small card: cell, action and opt-in on top, current → new
  // below, the reason under that. The column names move into the cells (CSS labels, not text content).
  header: { [NARROW]: { display: "none" } },
  row: {
    [NARROW]: {
      display: "grid",
      gridTemplateColumns: "auto 1fr auto auto",
      gridTemplateAreas: `"cell cell action over" "cur new new new" "reason reason reason reason"`,
      alignItems: "center",
      columnGap: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalXS} 0`,
    },
  },
  cellArea: {
    [NARROW]: { gridArea: "cell", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  curArea: {
    [NARROW]: { gridArea: "cur", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  newArea: {
    [NARROW]: { gridArea: "new", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  reasonArea: {
    [NARROW]: { gridArea: "reason", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  actionArea: {
    [NARROW]: { gridArea: "action", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  overArea: {
    [NARROW]: { gridArea: "over", display: "block", height: "auto", minHeight: 0, padding: "1px 4px" },
  },
  labelled: {
    [NARROW]: {
      "::before": {
        content: "attr(data-label)",
        color: tokens.colorNeutralForeground3,
        fontSize: tokens.fontSizeBase200,
        marginRight: tokens.spacingHorizontalXS,
      },
    },
  },
});

const ACTION_COLOR: Record<PlanAction, "success" | "warning" | "subtle" | "informative"> = {
  write: "success",
  conflict: "warning",
  keep: "subtle",
  skip: "informative",
};

// The order rows are listed and offered in the filter: what needs a decision first.
const ACTIONS: ReadonlyArray<PlanAction> = ["conflict", "write", "skip", "keep"];

/** The filter of the list: an action, every row, or what needs attention (conflicts and writes). */
type ActionFilter = PlanAction | "all" | "attention";

function passes(filter: ActionFilter, action: PlanAction): boolean {
  if (filter === "all") return true;
  if (filter === "attention") return action === "conflict" || action === "write";
  return action === filter;
}

export interface ApplyProgress {
  readonly done: number;
  readonly total: number;
}

export interface MarksTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly mode: "excel" | "standalone";
  readonly evaluation: Evaluation | null;
  readonly choice: ConflictChoice;
  readonly onChoice: Handler<ConflictChoice>;
  readonly busy: boolean;
  /** set while an apply runs */
  readonly progress: ApplyProgress | null;
  /** why nothing can be written into this workbook here (shown by the disabled Apply); null when it can */
  readonly readOnly: string | null;
  readonly canRevert: boolean;
  readonly onApply: () => void;
  readonly onRevert: () => void;
  /** Excel: select the cell (the browser opens the row in place) */
  readonly onSelect: SelectCell;
}

/**
 * The Marks tab: the write plan as a table — conflicts first, then writes, then the rest; by default only
 * what needs attention — with each row's title, conflict opt-in per row or all at once, Apply and Revert.
 */
export function MarksTab({
  t,
  lang,
  mode,
  evaluation,
  choice,
  onChoice,
  busy,
  progress,
  readOnly,
  canRevert,
  onApply,
  onRevert,
  onSelect,
}: MarksTabProps) {
  const styles = useStyles();
  const plan = evaluation ? evaluation.plan : null;
  const [actionFilter, setActionFilter] = useState<ActionFilter>("attention");
  const [open, setOpen] = useState<string | null>(null);
  const recordAt = useMemo(() => recordIndex(evaluation?.records ?? []), [evaluation]);
  const anchor = useAnchor<HTMLDivElement>();
  const conflicts = useMemo(
    () => (plan ?? []).filter((m) => m.action === "conflict").map((m) => m.id),
    [plan],
  );
  const toWrite = useMemo(() => (plan ?? []).filter((m) => willWrite(m, choice)).length, [plan, choice]);
  const rows = useMemo(
    () => sortPlan((plan ?? []).filter((m) => passes(actionFilter, m.action))),
    [plan, actionFilter],
  );

  if (plan === null || plan.length === 0) {
    return (
      <section aria-label={t("tabMarks")}>
        <Text as="p">{t("marksEmpty")}</Text>
        {canRevert ? (
          <Button icon={<ArrowUndoRegular />} disabled={busy} onClick={onRevert}>
            {t("revert")}
          </Button>
        ) : null}
      </section>
    );
  }

  const allChecked = conflicts.length > 0 && choice.all;
  const someChecked = !choice.all && choice.ids.size > 0;

  return (
    <section aria-label={t("tabMarks")}>
      <Text as="p">{t("marksIntro")}</Text>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          disabled={busy || toWrite === 0 || readOnly !== null}
          {...(readOnly !== null ? { "aria-describedby": "kusei-apply-blocked" } : {})}
          onClick={onApply}
        >
          {t("applyCount", { count: toWrite })}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={busy || !canRevert} onClick={onRevert}>
          {t("revert")}
        </Button>
        <Field label={t("filterAction")}>
          <Select value={actionFilter} onChange={(_, d) => setActionFilter(d.value as ActionFilter)}>
            <option value="attention">
              {t("filterAttention")} ({plan.filter((m) => passes("attention", m.action)).length})
            </option>
            <option value="all">
              {t("filterAll")} ({plan.length})
            </option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)} ({plan.filter((m) => m.action === a).length})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {readOnly !== null ? (
        <MessageBar intent="warning" layout="multiline" data-testid="apply-blocked">
          <MessageBarBody id="kusei-apply-blocked">
            <MessageBarTitle>{t("readOnlyTitle")}</MessageBarTitle>
            {readOnly}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {conflicts.length > 0 ? (
        <Checkbox
          label={t("overwriteAll", { count: conflicts.length })}
          checked={allChecked ? true : someChecked ? "mixed" : false}
          disabled={busy}
          onChange={(_, d) => onChoice(d.checked === true ? { all: true } : { all: false, ids: new Set() })}
        />
      ) : null}
      {progress !== null ? (
        <Field
          validationMessage={t("applying", { done: progress.done, total: progress.total })}
          validationState="none"
        >
          {progress.total > 0 ? (
            <ProgressBar value={progress.done / progress.total} aria-label={t("busy")} />
          ) : (
            <ProgressBar aria-label={t("busy")} />
          )}
        </Field>
      ) : null}
      <div className={styles.tableWrap} ref={anchor}>
        <Table size="small" aria-label={t("tabMarks")}>
          <TableHeader className={styles.header}>
            <TableRow>
              <TableHeaderCell>{t("colCell")}</TableHeaderCell>
              <TableHeaderCell>{t("colCurrent")}</TableHeaderCell>
              <TableHeaderCell>{t("colNew")}</TableHeaderCell>
              <TableHeaderCell className={styles.reasonCol}>{t("colReason")}</TableHeaderCell>
              <TableHeaderCell className={styles.narrowCol}>{t("colAction")}</TableHeaderCell>
              <TableHeaderCell className={styles.narrowCol}>{t("colOverwrite")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <VirtualRows
              count={rows.length}
              estimate={44}
              anchor={anchor}
              spacer={(height, key) => <tr key={key} aria-hidden style={{ height }} />}
              row={(i, measure) => {
                const m = rows[i];
                if (!m) return null;
                const record = recordAt(m.sheet, m.row);
                return (
                  <Fragment key={m.id}>
                    <TableRow
                      className={styles.row}
                      data-testid="mark-row"
                      data-action={m.action}
                      data-index={i}
                      ref={measure}
                    >
                      <TableCell className={styles.cellArea}>
                        <Link
                          as="button"
                          className={styles.cellButton}
                          data-testid="mark-cell"
                          title={mode === "excel" ? t("selectCellHint") : t("rowShow")}
                          {...(mode === "standalone" ? { "aria-expanded": open === m.id } : {})}
                          onClick={() =>
                            mode === "excel"
                              ? onSelect(m.sheet, m.cell)
                              : setOpen(open === m.id ? null : m.id)
                          }
                        >
                          {m.sheet}!{m.cell}
                        </Link>
                        {record ? (
                          <span className={styles.title} data-testid="row-title">
                            {recordTitle(record)}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell
                        className={mergeClasses(styles.wrap, styles.curArea, styles.labelled)}
                        data-label={`${t("colCurrent")}:`}
                      >
                        {cellText(t, m.current)}
                      </TableCell>
                      <TableCell
                        className={mergeClasses(styles.wrap, styles.newArea, styles.labelled)}
                        data-label={`→ ${t("colNew")}:`}
                      >
                        {m.value ?? m.mark ?? "—"}
                      </TableCell>
                      <TableCell className={mergeClasses(styles.reason, styles.reasonArea)}>
                        {m.reason[lang]}
                      </TableCell>
                      <TableCell className={styles.actionArea}>
                        <Badge appearance="tint" color={ACTION_COLOR[m.action]}>
                          {actionLabel(t, m.action)}
                        </Badge>
                      </TableCell>
                      <TableCell className={styles.overArea}>
                        {m.action === "conflict" ? (
                          <Checkbox
                            aria-label={t("overwriteRow", { cell: `${m.sheet}!${m.cell}` })}
                            checked={isChosen(choice, m.id)}
                            disabled={busy}
                            onChange={() => onChoice(toggleConflict(choice, m.id, conflicts))}
                          />
                        ) : null}
                      </TableCell>
                    </TableRow>
                    {open === m.id ? (
                      <TableRow>
                        <TableCell colSpan={6} className={styles.rowViewCell}>
                          <RowView t={t} lang={lang} record={record} cell={m.cell} />
                        </TableCell>
                      </TableRow>
                    ) : null}
                  </Fragment>
                );
              }}
            />
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
