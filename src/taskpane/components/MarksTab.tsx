import type { Handler } from "./handlers";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
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
import { useMemo, useState } from "react";
import type { PlanAction, PlannedMark } from "../../core";
import { actionLabel } from "../i18n/labels";
import type { Lang, Translate } from "../i18n/strings";
import { isChosen, toggleConflict, willWrite, type ConflictChoice } from "../model/selection";
import { cellText } from "./format";

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

const ACTIONS: ReadonlyArray<PlanAction> = ["write", "conflict", "keep", "skip"];

export interface ApplyProgress {
  readonly done: number;
  readonly total: number;
}

export interface MarksTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly plan: ReadonlyArray<PlannedMark> | null;
  readonly choice: ConflictChoice;
  readonly onChoice: Handler<ConflictChoice>;
  readonly busy: boolean;
  /** set while an apply runs */
  readonly progress: ApplyProgress | null;
  readonly canRevert: boolean;
  readonly onApply: () => void;
  readonly onRevert: () => void;
}

/** The Marks tab: the write plan as a table, conflict opt-in per row or all at once, Apply and Revert. */
export function MarksTab({
  t,
  lang,
  plan,
  choice,
  onChoice,
  busy,
  progress,
  canRevert,
  onApply,
  onRevert,
}: MarksTabProps) {
  const styles = useStyles();
  const [actionFilter, setActionFilter] = useState<PlanAction | "all">("all");
  const conflicts = useMemo(
    () => (plan ?? []).filter((m) => m.action === "conflict").map((m) => m.id),
    [plan],
  );
  const toWrite = useMemo(() => (plan ?? []).filter((m) => willWrite(m, choice)).length, [plan, choice]);
  const rows = useMemo(
    () => (plan ?? []).filter((m) => actionFilter === "all" || m.action === actionFilter),
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
          disabled={busy || toWrite === 0}
          onClick={onApply}
        >
          {t("applyCount", { count: toWrite })}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={busy || !canRevert} onClick={onRevert}>
          {t("revert")}
        </Button>
        <Field label={t("filterAction")}>
          <Select value={actionFilter} onChange={(_, d) => setActionFilter(d.value as PlanAction | "all")}>
            <option value="all">{t("filterAll")}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)} ({plan.filter((m) => m.action === a).length})
              </option>
            ))}
          </Select>
        </Field>
      </div>
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
      <div className={styles.tableWrap}>
        <Table size="small" aria-label={t("tabMarks")}>
          <TableHeader className={styles.header}>
            <TableRow>
              <TableHeaderCell>{t("colCell")}</TableHeaderCell>
              <TableHeaderCell>{t("colCurrent")}</TableHeaderCell>
              <TableHeaderCell>{t("colNew")}</TableHeaderCell>
              <TableHeaderCell>{t("colReason")}</TableHeaderCell>
              <TableHeaderCell>{t("colAction")}</TableHeaderCell>
              <TableHeaderCell>{t("colOverwrite")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((m) => (
              <TableRow key={m.id} className={styles.row} data-testid="mark-row" data-action={m.action}>
                <TableCell className={mergeClasses(styles.mono, styles.cellArea)}>
                  {m.sheet}!{m.cell}
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
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
