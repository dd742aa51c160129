import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { Lang, Translate } from "../i18n/strings";
import type { Handler } from "./handlers";

const useStyles = makeStyles({
  fileRow: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  fileName: {
    flex: "1 1 auto",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  noShrink: { flexShrink: 0, whiteSpace: "nowrap" },
});

export interface FileBarProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly fileName: string;
  /** a run is going on */
  readonly busy: boolean;
  /** a check has a result to download */
  readonly hasResult: boolean;
  /** why this workbook offers no marked copy (the notice above says more); null when it can */
  readonly readOnly: string | null;
  readonly onDownloadWorkbook: () => void;
  readonly onDownloadReport: () => void;
  readonly onOpenAnother: () => void;
  /** the marks still to write when the user asked for the workbook; null when no question is open */
  readonly askDownload: number | null;
  /** the answer: true to write the marks first, false to download the workbook as it is */
  readonly onAnswer: Handler<boolean>;
  readonly onCancel: () => void;
}

/**
 * The standalone page's file row — the file's name, the download menu, open another — and the question
 * before a download when marks are still to write. Excel never shows it: its menu, tooltip and dialog
 * (with Fluent's positioning and portals) load with it, in a chunk of their own (index.tsx).
 */
export function FileBar(p: FileBarProps) {
  const { t } = p;
  const styles = useStyles();
  return (
    <>
      <div className={styles.fileRow}>
        <Text size={200} weight="semibold" className={styles.fileName} data-testid="file-name">
          {t("openedFile", { name: p.fileName })}
        </Text>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              size="small"
              className={styles.noShrink}
              icon={<ArrowDownloadRegular />}
              disabled={p.busy || !p.hasResult}
            >
              {t("downloadMenu")}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {/* A workbook that cannot be saved here offers no marked copy; the notice above says why. */}
              <MenuItem
                onClick={p.onDownloadWorkbook}
                disabled={p.readOnly !== null}
                secondaryContent={p.readOnly !== null ? t("readOnlyShort") : null}
              >
                {t("downloadWorkbook")}
              </MenuItem>
              <MenuItem onClick={p.onDownloadReport}>{t("downloadReport")}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Tooltip content={t("openAnother")} relationship="label">
          <Button
            size="small"
            className={styles.noShrink}
            icon={<DocumentArrowUpRegular />}
            disabled={p.busy}
            onClick={p.onOpenAnother}
          />
        </Tooltip>
      </div>
      <Dialog open={p.askDownload !== null} onOpenChange={(_, d) => (d.open ? null : p.onCancel())}>
        <DialogSurface aria-describedby="kusei-dl-body">
          <DialogBody>
            <DialogTitle>{t("dlTitle")}</DialogTitle>
            <DialogContent id="kusei-dl-body">{t("dlBody", { count: p.askDownload ?? 0 })}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => p.onAnswer(true)}>
                {t("dlApplyFirst")}
              </Button>
              <Button onClick={() => p.onAnswer(false)}>{t("dlAsIs")}</Button>
              <Button appearance="subtle" onClick={p.onCancel}>
                {t("dlCancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
