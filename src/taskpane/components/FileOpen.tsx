import type { Handler } from "./handlers";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useId, useState, type DragEvent } from "react";
import type { Translate } from "../i18n/strings";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-within": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  input: {
    // visually hidden but focusable and announced (the label is the visible control)
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface FileOpenProps {
  readonly t: Translate;
  readonly disabled: boolean;
  readonly onFile: Handler<File>;
}

/** "Open an .xlsx": a file input and a drop zone (standalone mode). */
export function FileOpen({ t, disabled, onFile }: FileOpenProps) {
  const styles = useStyles();
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      role="region"
      aria-label={t("dropZoneLabel")}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <DocumentArrowUpRegular fontSize={40} aria-hidden />
      <Text as="h2" size={400} weight="semibold">
        {t("openTitle")}
      </Text>
      <Text as="p">{t("openHint")}</Text>
      <label htmlFor={inputId} className={styles.label}>
        {t("openInputLabel")}
        <input
          id={inputId}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          data-testid="file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
    </div>
  );
}
