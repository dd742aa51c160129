import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Finding, MappingOverrides } from "../../core";
import type { CellPeek, CheckResult, Download, OpenFile, RibbonRunSource, TaskpaneHost } from "../host";
import type { Lang, Translate, UiKey } from "../i18n/strings";
import { overridesFromDraft, InvalidColumnError, type MappingDraft } from "../model/mapping";
import { NO_CONFLICTS, selectWrites, type ConflictChoice } from "../model/selection";
import { CheckTab } from "./CheckTab";
import { ErrorBar, type UiError } from "./ErrorBar";
import { FileOpen } from "./FileOpen";
import { cellText, describeError } from "./format";
import { MappingTab } from "./MappingTab";
import { MarksTab, type ApplyProgress } from "./MarksTab";
import { SummaryTab } from "./SummaryTab";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  titleRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  fileRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  peek: { whiteSpace: "pre-wrap", wordBreak: "break-all" },
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
  /** Excel: the ribbon's 検証 runs, shared with the pane in one runtime (src/excel/shared-runtime.ts) */
  readonly ribbonRuns?: RibbonRunSource;
}

interface Busy {
  readonly label: string;
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

/** The task pane (and standalone page): header, messages, and the Check / Marks / Mapping / Summary tabs. */
export function App({ t, lang, host: initialHost, openFile, startupError, ribbonRuns }: AppProps) {
  const styles = useStyles();
  const [host, setHost] = useState<TaskpaneHost | null>(initialHost);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [choice, setChoice] = useState<ConflictChoice>(NO_CONFLICTS);
  const [canRevert, setCanRevert] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  const [error, setError] = useState<UiError | null>(startupError ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [peek, setPeek] = useState<CellPeek | null>(null);
  const [tab, setTab] = useState<TabId>("check");

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
    const r = await h.check(o);
    setResult(r);
    setChoice(NO_CONFLICTS);
    return r;
  }, []);

  const onOpen = (file: File) => {
    if (!openFile) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setError({ hint: "errorNotXlsx", hintParams: { name: file.name }, detail: null });
      return;
    }
    void run("loadingWorkbook", "errorOpen", async () => {
      const h = await openFile(file);
      const o = await h.loadMapping();
      setHost(h);
      setOverrides(o);
      setResult(null);
      setCanRevert(false);
      setPeek(null);
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

  const onSelect = (f: Finding) => {
    if (!host || f.cell === null) return;
    const cell = f.cell;
    void run("busy", "errorSelect", async () => {
      const p = await host.selectCell(f.sheet, cell);
      setPeek(p);
      if (p === null) setNotice(t("cellSelected", { sheet: f.sheet, cell }));
    });
  };

  const onApply = () => {
    if (!host || !result) return;
    const writes = selectWrites(result.evaluation.plan, choice);
    setProgress({ done: 0, total: writes.length });
    void run("busy", "errorApply", async () => {
      const r = await host.apply(writes, (done, total) => setProgress({ done, total }));
      setCanRevert(true);
      await validate(host, overrides);
      setNotice(
        r.changed > 0
          ? t("appliedWithChanges", { written: r.written, changed: r.changed })
          : t("applied", { written: r.written }),
      );
    });
  };

  const onRevert = () => {
    if (!host) return;
    void run("reverting", "errorRevert", async () => {
      const r = await host.revert();
      setCanRevert(false);
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

  const onDownload = (which: "workbook" | "report") => {
    const downloads = host?.downloads;
    if (!downloads) return;
    void run("busy", "errorDownload", async () => {
      const d =
        which === "workbook"
          ? await downloads.workbook()
          : result
            ? await downloads.report(result, lang)
            : null;
      if (!d) return;
      saveDownload(d);
      setNotice(t("downloadReady", { name: d.fileName }));
    });
  };

  const sheets = useMemo(() => (result ? result.evaluation.layouts.map((l) => l.sheet) : []), [result]);
  const standalone = openFile !== undefined;
  const isBusy = busy !== null;

  return (
    <main className={styles.root} aria-busy={isBusy}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{t("appTitle")}</h1>
          <Badge appearance="outline" color="brand">
            {standalone ? t("modeStandalone") : t("modeExcel")}
          </Badge>
        </div>
        <Text size={200}>{t("appSubtitle")}</Text>
        {standalone && host ? (
          <div className={styles.fileRow}>
            <Text weight="semibold" data-testid="file-name">
              {t("openedFile", { name: host.fileName ?? "" })}
            </Text>
            <Button
              size="small"
              icon={<ArrowDownloadRegular />}
              disabled={isBusy || !result}
              onClick={() => onDownload("workbook")}
            >
              {t("downloadWorkbook")}
            </Button>
            <Button
              size="small"
              icon={<ArrowDownloadRegular />}
              disabled={isBusy || !result}
              onClick={() => onDownload("report")}
            >
              {t("downloadReport")}
            </Button>
            <Button
              size="small"
              icon={<DocumentArrowUpRegular />}
              disabled={isBusy}
              onClick={() => setHost(null)}
            >
              {t("openAnother")}
            </Button>
          </div>
        ) : null}
      </header>
      {error ? <ErrorBar t={t} error={error} onDismiss={() => setError(null)} /> : null}
      {notice ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("errorDismiss")}
                icon={<DismissRegular />}
                onClick={() => setNotice(null)}
              />
            }
          />
        </MessageBar>
      ) : null}
      {peek ? (
        <MessageBar intent="info" layout="multiline" data-testid="cell-peek">
          <MessageBarBody>
            <MessageBarTitle>{t("cellPreviewTitle", { sheet: peek.sheet, cell: peek.cell })}</MessageBarTitle>
            <span className={styles.peek}>{cellText(t, peek.value)}</span>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("cellPreviewClose")}
                icon={<DismissRegular />}
                onClick={() => setPeek(null)}
              />
            }
          />
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
      {busy && progress === null ? <Spinner size="tiny" label={busy.label} labelPosition="after" /> : null}
      {standalone && !host ? (
        <FileOpen t={t} disabled={isBusy} onFile={onOpen} />
      ) : (
        <>
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
                findings={result ? result.evaluation.findings : null}
                sheets={sheets}
                busy={isBusy}
                onValidate={onValidate}
                onClearHighlights={host?.clearHighlights ? onClearHighlights : null}
                onSelect={onSelect}
              />
            ) : tab === "marks" ? (
              <MarksTab
                t={t}
                lang={lang}
                plan={result ? result.evaluation.plan : null}
                choice={choice}
                onChoice={setChoice}
                busy={isBusy}
                progress={progress}
                canRevert={canRevert}
                onApply={onApply}
                onRevert={onRevert}
              />
            ) : tab === "mapping" ? (
              <MappingTab t={t} lang={lang} result={result} busy={isBusy} onSave={onSaveMapping} />
            ) : (
              <SummaryTab t={t} evaluation={result ? result.evaluation : null} />
            )}
          </div>
        </>
      )}
    </main>
  );
}
