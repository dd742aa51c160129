import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState, useTransition } from "react";
import type { CellWrite, Evaluation, MappingOverrides } from "../../core";
import type {
  ApplyResult,
  CheckResult,
  Download,
  OpenFile,
  Phase,
  RibbonRunSource,
  TaskpaneHost,
} from "../host";
import { fiscalYearJa } from "../i18n/era";
import type { PreviousYearSource } from "../engine/previous-year";
import type { Lang, Translate, UiKey } from "../i18n/strings";
import { overridesFromDraft, InvalidColumnError, type MappingDraft } from "../model/mapping";
import { NO_CONFLICTS, selectWrites, type ConflictChoice } from "../model/selection";
import { CheckTab } from "./CheckTab";
import { DismissAction, ErrorBar, type UiError } from "./ErrorBar";
import { FileOpen } from "./FileOpen";
import { describeError } from "./format";
import type { ApplyProgress } from "./MarksTab";
import type { PaneParts } from "./parts";
import { PreviousYear } from "./PreviousYear";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Room under the list for the status bar, so that it never covers the last finding.
  withStatus: { paddingBottom: "120px" },
  // The status bar with nothing to say: no box, but its live region stays in the page (a live region
  // added together with its first text is not announced).
  statusIdle: { position: "fixed", left: 0, bottom: 0, width: 0, height: 0, overflow: "hidden" },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  titleRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
  },
  noShrink: { flexShrink: 0, whiteSpace: "nowrap" },
  subtitle: {
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  // One status bar for busy, errors and notices, fixed at the bottom: it never pushes the list under the
  // pointer (a click that shows a message leaves every finding where it was).
  status: {
    position: "fixed",
    left: 0,
    right: 0,
    bottom: 0,
    zIndex: 10,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow8,
  },
});

type TabId = "check" | "marks" | "mapping" | "summary";
const TABS: ReadonlyArray<{ id: TabId; key: UiKey }> = [
  { id: "check", key: "tabCheck" },
  { id: "marks", key: "tabMarks" },
  { id: "mapping", key: "tabMapping" },
  { id: "summary", key: "tabSummary" },
];

export interface AppProps {
  readonly t: Translate;
  readonly lang: Lang;
  /** the Excel host, or null in standalone mode until a file is opened */
  readonly host: TaskpaneHost | null;
  /** present in standalone mode */
  readonly openFile?: OpenFile;
  /** an error found before the app started (e.g. Office never became ready) */
  readonly startupError?: UiError;
  /** something to know from the start that is not an error (e.g. the page was opened as a file) */
  readonly startupNotice?: UiKey;
  /** Excel: the ribbon's 検証 runs, shared with the pane in one runtime (src/excel/shared-runtime.ts) */
  readonly ribbonRuns?: RibbonRunSource;
  /** 前年度のブックと比較: last year's workbook, read in the page's engine */
  readonly previousYear?: PreviousYearSource;
  /** the parts not on screen at first, loaded when first shown (index.tsx) */
  readonly parts: PaneParts;
}

interface Busy {
  readonly label: string;
}

/** The subtitle: the fiscal year and ward read from the sheets' titles, or the general line before a check. */
function subtitle(t: Translate, evaluation: Evaluation | null): string {
  const layout = evaluation?.layouts.find((l) => l.titleYear !== null);
  if (!layout || layout.titleYear === null) return t("appSubtitle");
  const ward = evaluation?.layouts.find((l) => l.ward !== null)?.ward ?? null;
  const params = { fy: fiscalYearJa(layout.titleYear), year: layout.titleYear };
  return ward ? t("subtitleYearWard", { ...params, ward }) : t("subtitleYear", params);
}

/** Hands a Blob to the browser as a download. */
function saveDownload(d: Download): void {
  const url = URL.createObjectURL(d.blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = d.fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke on the next turn: Chromium starts the download asynchronously from the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The status text of each phase of a check. */
const PHASE_KEYS: Record<Phase, UiKey> = {
  reading: "phaseReading",
  evaluating: "phaseEvaluating",
  receiving: "phaseReceiving",
};

/** The task pane (and standalone page): header, messages, and the Check / Marks / Mapping / Summary tabs. */
export function App({
  t,
  lang,
  host: initialHost,
  openFile,
  startupError,
  startupNotice,
  ribbonRuns,
  previousYear,
  parts,
}: AppProps) {
  const { MarksTab, MappingTab, SummaryTab, FileBar } = parts;
  const styles = useStyles();
  const [host, setHost] = useState<TaskpaneHost | null>(initialHost);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [choice, setChoice] = useState<ConflictChoice>(NO_CONFLICTS);
  const [canRevert, setCanRevert] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  // What a running check is doing now (読み込み中… / 判定中…); null between the phases' runs.
  const [phase, setPhase] = useState<Phase | null>(null);
  const [startNotice, setStartNotice] = useState<UiKey | null>(startupNotice ?? null);
  // A new result renders as a transition: React renders a big workbook's lists in slices, so the page
  // keeps painting (and the status keeps saying so) until they are on screen.
  const [showing, startShowing] = useTransition();
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  const [error, setError] = useState<UiError | null>(startupError ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>("check");
  // Cells written in this session and still in the workbook (standalone: what a download carries).
  const [written, setWritten] = useState(0);
  // Written since the last download (standalone): leaving the page would lose them.
  const [unsaved, setUnsaved] = useState(false);
  // The download is waiting for the user's answer: write the pending marks first, or not.
  const [askDownload, setAskDownload] = useState<number | null>(null);

  useEffect(() => {
    if (!unsaved) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [unsaved]);

  /** Runs one use case: busy while it runs, any failure shown with its remedy, never swallowed. */
  const run = useCallback(
    async <T,>(label: UiKey, hint: UiKey, work: () => Promise<T>): Promise<T | undefined> => {
      setBusy({ label: t(label) });
      setError(null);
      setNotice(null);
      try {
        return await work();
      } catch (e) {
        setError(
          e instanceof InvalidColumnError
            ? { hint: "invalidColumn", hintParams: { value: e.value }, detail: null }
            : { hint, detail: describeError(e, lang) },
        );
        return undefined;
      } finally {
        setBusy(null);
        setPhase(null);
        setProgress(null);
      }
    },
    [t, lang],
  );

  // The ribbon's 検証 opens the pane on its findings (same runtime): show them as if the pane had checked.
  useEffect(
    () =>
      ribbonRuns?.subscribe((r) => {
        setResult(r);
        setChoice(NO_CONFLICTS);
        setTab("check");
      }),
    [ribbonRuns],
  );

  const validate = useCallback(async (h: TaskpaneHost, o: MappingOverrides) => {
    const r = await h.check(o, setPhase);
    startShowing(() => {
      setResult(r);
      setChoice(NO_CONFLICTS);
    });
    return r;
  }, []);

  const onOpen = (file: File) => {
    if (!openFile) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setError({ hint: "errorNotXlsx", hintParams: { name: file.name }, detail: null });
      return;
    }
    void run("phaseReading", "errorOpen", async () => {
      const h = await openFile(file, setPhase);
      const o = await h.loadMapping();
      setHost(h);
      setOverrides(o);
      setResult(null);
      setCanRevert(false);
      setWritten(0);
      setUnsaved(false);
      await validate(h, o);
    });
  };

  const onValidate = () => {
    if (!host) return;
    void run("validating", "errorCheck", async () => {
      const o = await host.loadMapping();
      setOverrides(o);
      await validate(host, o);
    });
  };

  const onClearHighlights = () => {
    const clear = host?.clearHighlights;
    if (!clear) return;
    void run("busy", "errorClear", async () => {
      await clear();
      setNotice(t("highlightsCleared"));
    });
  };

  // Excel only: the components open the row in place in the browser, where there is no grid.
  const onSelect = (sheet: string, cell: string) => {
    if (!host) return;
    void run("busy", "errorSelect", async () => {
      await host.selectCell(sheet, cell);
      setNotice(t("cellSelected", { sheet, cell }));
    });
  };

  /** Writes the cells, re-validates, and says what happened and what is left to do. */
  const applyWrites = async (h: TaskpaneHost, writes: ReadonlyArray<CellWrite>): Promise<ApplyResult> => {
    setProgress({ done: 0, total: writes.length });
    const r = await h.apply(writes, (done, total) => setProgress({ done, total }));
    setCanRevert(true);
    setWritten((w) => w + r.written);
    if (r.written > 0 && h.mode === "standalone") setUnsaved(true);
    await validate(h, overrides);
    return r;
  };

  const appliedNotice = (h: TaskpaneHost, r: ApplyResult): string =>
    r.changed > 0
      ? t("appliedWithChanges", { written: r.written, changed: r.changed })
      : h.mode === "standalone"
        ? t("appliedStandalone", { written: r.written })
        : t("appliedExcel", { written: r.written });

  const onApply = () => {
    if (!host || !result) return;
    const writes = selectWrites(result.evaluation.plan, choice);
    void run("busy", "errorApply", async () => {
      const r = await applyWrites(host, writes);
      setNotice(appliedNotice(host, r));
    });
  };

  const onRevert = () => {
    if (!host) return;
    void run("reverting", "errorRevert", async () => {
      const r = await host.revert();
      setCanRevert(false);
      setWritten((w) => Math.max(0, w - r.restored));
      await validate(host, overrides);
      setNotice(
        r.skipped
          ? t("revertedWithSkipped", { count: r.restored, skipped: r.skipped })
          : t("reverted", { count: r.restored }),
      );
    });
  };

  const onSaveMapping = (draft: MappingDraft) => {
    if (!host || !result) return;
    void run("validating", "errorMapping", async () => {
      const next = overridesFromDraft(overrides, result.evaluation.layouts, result.origins, draft);
      await host.saveMapping(next);
      setOverrides(next);
      await validate(host, next);
      setNotice(host.mode === "excel" ? t("mappingSavedExcel") : t("mappingSavedSession"));
    });
  };

  const downloadReport = () => {
    const downloads = host?.downloads;
    if (!downloads || !result) return;
    void run("busy", "errorDownload", async () => {
      const d = await downloads.report(result, lang);
      saveDownload(d);
      setNotice(t("downloadReady", { name: d.fileName }));
    });
  };

  /** Downloads the workbook; with `writeFirst`, the pending marks are written before. Says what it holds. */
  const downloadWorkbook = (writeFirst: boolean) => {
    setAskDownload(null);
    const h = host;
    const downloads = h?.downloads;
    if (!h || !downloads) return;
    void run("busy", "errorDownload", async () => {
      let total = written;
      if (writeFirst && result) {
        const r = await applyWrites(h, selectWrites(result.evaluation.plan, choice));
        total += r.written;
      }
      const d: Download = await downloads.workbook();
      saveDownload(d);
      setUnsaved(false);
      setNotice(
        total > 0
          ? t("downloadReadyMarked", { name: d.fileName, count: total })
          : t("downloadReadyUnmarked", { name: d.fileName }),
      );
    });
  };

  // The trap this avoids: a download before 「書き込む」 silently gave the workbook without its marks.
  const onDownloadWorkbook = () => {
    const pending = result ? selectWrites(result.evaluation.plan, choice).length : 0;
    if (pending > 0) setAskDownload(pending);
    else downloadWorkbook(false);
  };

  const standalone = openFile !== undefined;
  const isBusy = busy !== null || showing;
  const evaluation = result ? result.evaluation : null;
  const hasStatus = isBusy || error !== null || notice !== null;
  const readOnly = host?.readOnly ? host.readOnly[lang] : null;
  const busyText = phase ? t(PHASE_KEYS[phase]) : busy ? busy.label : t("phaseReceiving");

  return (
    <main className={hasStatus ? `${styles.root} ${styles.withStatus}` : styles.root} aria-busy={isBusy}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{t("appTitle")}</h1>
          {/* Inside Excel a badge saying so tells nothing; outside it says why there is no grid. */}
          {standalone ? (
            <Badge appearance="outline" color="informative" size="small" className={styles.noShrink}>
              {t("modeStandalone")}
            </Badge>
          ) : null}
        </div>
        <Text size={200} className={styles.subtitle} data-testid="subtitle">
          {subtitle(t, evaluation)}
        </Text>
        {standalone && host ? (
          <FileBar
            t={t}
            lang={lang}
            fileName={host.fileName ?? ""}
            busy={isBusy}
            hasResult={result !== null}
            readOnly={readOnly}
            onDownloadWorkbook={onDownloadWorkbook}
            onDownloadReport={downloadReport}
            onOpenAnother={() => setHost(null)}
            askDownload={askDownload}
            onAnswer={downloadWorkbook}
            onCancel={() => setAskDownload(null)}
          />
        ) : null}
      </header>
      {startNotice ? (
        <MessageBar intent="info" layout="multiline" data-testid="startup-notice">
          <MessageBarBody>{t(startNotice)}</MessageBarBody>
          <DismissAction t={t} onDismiss={() => setStartNotice(null)} />
        </MessageBar>
      ) : null}
      {result?.notices && result.notices.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="check-notices">
          <MessageBarBody>
            <MessageBarTitle>{t("noticeTitle")}</MessageBarTitle>
            {result.notices.map((n, i) => (
              <div key={i}>{n[lang]}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {standalone && !host ? (
        <FileOpen t={t} disabled={isBusy} onFile={onOpen} />
      ) : (
        <>
          {previousYear && host ? (
            <PreviousYear
              t={t}
              source={previousYear}
              disabled={isBusy}
              run={run}
              recheck={() => validate(host, overrides)}
              Hint={parts.Hint}
            />
          ) : null}
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={t("tabListLabel")}
            size="small"
          >
            {TABS.map((x) => (
              <Tab key={x.id} value={x.id} id={`kusei-tab-${x.id}`} aria-controls="kusei-tabpanel">
                {t(x.key)}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id="kusei-tabpanel" aria-labelledby={`kusei-tab-${tab}`}>
            {tab === "check" ? (
              <CheckTab
                t={t}
                lang={lang}
                mode={host?.mode ?? "standalone"}
                evaluation={evaluation}
                busy={isBusy}
                onValidate={onValidate}
                onClearHighlights={host?.clearHighlights ? onClearHighlights : null}
                onSelect={onSelect}
                onGoMapping={() => setTab("mapping")}
              />
            ) : tab === "marks" ? (
              <MarksTab
                t={t}
                lang={lang}
                mode={host?.mode ?? "standalone"}
                evaluation={evaluation}
                choice={choice}
                onChoice={setChoice}
                busy={isBusy}
                progress={progress}
                readOnly={readOnly}
                canRevert={canRevert}
                onApply={onApply}
                onRevert={onRevert}
                onSelect={onSelect}
              />
            ) : tab === "mapping" ? (
              <MappingTab t={t} lang={lang} result={result} busy={isBusy} onSave={onSaveMapping} />
            ) : (
              <SummaryTab
                t={t}
                lang={lang}
                mode={host?.mode ?? "standalone"}
                evaluation={evaluation}
                onSelect={onSelect}
              />
            )}
          </div>
        </>
      )}
      <div
        className={hasStatus ? styles.status : styles.statusIdle}
        role="region"
        aria-label={t("statusRegion")}
      >
        {/* What a run is doing, phase by phase (読み込み中… / 判定中…), read out as it changes. */}
        <div role="status" aria-live="polite" data-testid="busy-status">
          {isBusy && progress === null ? (
            <Spinner size="tiny" label={busyText} labelPosition="after" />
          ) : null}
        </div>
        {error ? <ErrorBar t={t} error={error} onDismiss={() => setError(null)} /> : null}
        {notice ? (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>{notice}</MessageBarBody>
            <DismissAction t={t} onDismiss={() => setNotice(null)} />
          </MessageBar>
        ) : null}
      </div>
    </main>
  );
}
