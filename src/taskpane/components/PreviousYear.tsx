import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { DismissRegular, HistoryRegular } from "@fluentui/react-icons";
import { useRef, useState, type ComponentType } from "react";
import type { PreviousYearInfo, PreviousYearSource } from "../engine/previous-year";
import { fiscalYearJa } from "../i18n/era";
import type { Translate } from "../i18n/strings";
import type { RunUseCase } from "./handlers";
import type { HintProps } from "./Hint";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // wraps rather than cuts: the file name is what the officer needs to read (the pane may be 320 px wide)
  status: { flex: "1 1 auto", minWidth: 0, overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  noShrink: { flexShrink: 0 },
});

export interface PreviousYearProps {
  readonly t: Translate;
  readonly source: PreviousYearSource;
  readonly disabled: boolean;
  readonly run: RunUseCase;
  /** checks this year's workbook again (its findings then carry the comparison, or no longer do) */
  readonly recheck: () => Promise<unknown>;
  /** the button's hover hint (the pane's Hint part: Fluent's Tooltip, loaded as a chunk of its own) */
  readonly Hint: ComponentType<HintProps>;
}

/**
 * 「前年度のブックと比較」: picks last year's workbook (read in the engine, never written), says which one
 * is compared and lets the officer stop comparing. The file input is hidden behind a button, which is what
 * the keyboard reaches and what is labelled.
 */
export function PreviousYear({ t, source, disabled, run, recheck, Hint }: PreviousYearProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [info, setInfo] = useState<PreviousYearInfo | null>(() => source.current());

  const onFile = async (file: File) => {
    const picked = await run("previousReading", "errorPrevious", () => source.pick(file, () => undefined));
    if (picked === undefined) return; // the error bar says why; the comparison is as it was
    setInfo(picked);
    await run("validating", "errorCheck", recheck);
  };

  const onRemove = async () => {
    await run("busy", "errorCheck", async () => {
      await source.clear();
      setInfo(null);
      await recheck();
    });
  };

  return (
    <div className={styles.row} data-testid="previous-year">
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm"
        hidden
        tabIndex={-1}
        aria-hidden
        data-testid="previous-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void onFile(file);
        }}
      />
      {info ? (
        <>
          <Text size={200} className={styles.status} role="status" data-testid="previous-status">
            {t("previousComparing", { name: info.name, fy: fiscalYearJa(info.year), year: info.year })}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            className={styles.noShrink}
            icon={<DismissRegular />}
            disabled={disabled}
            onClick={() => void onRemove()}
          >
            {t("previousRemove")}
          </Button>
        </>
      ) : (
        <Hint content={t("previousPickHint")} relationship="description">
          <Button
            size="small"
            icon={<HistoryRegular />}
            disabled={disabled}
            onClick={() => input.current?.click()}
          >
            {t("previousPick")}
          </Button>
        </Hint>
      )}
    </div>
  );
}
