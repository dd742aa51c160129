import type { Handler } from "./handlers";
import {
  Button,
  Field,
  Input,
  makeStyles,
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
import { SaveRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useState } from "react";
import type { ColumnField, ColumnMatch, SheetKind } from "../../core";
import { fieldLabel, kindLabel } from "../i18n/labels";
import type { Lang, Translate } from "../i18n/strings";
import type { CheckResult } from "../host";
import { draftFromLayouts, isColumnLetters, type MappingDraft } from "../model/mapping";

const useStyles = makeStyles({
  sheet: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  meta: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "end" },
  col: { width: "72px" },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

const KINDS: ReadonlyArray<SheetKind> = ["strategy", "initiative", "other"];

const HOW_KEYS = { label: "howLabel", position: "howPosition", override: "howOverride" } as const;

export interface MappingTabProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly result: CheckResult | null;
  readonly busy: boolean;
  /** saves the edited draft (the parent turns it into overrides and re-validates) */
  readonly onSave: Handler<MappingDraft>;
}

/** The Mapping tab: per sheet its kind, header rows and each column's field and confidence, editable. */
export function MappingTab({ t, lang, result, busy, onSave }: MappingTabProps) {
  const styles = useStyles();
  const initial = useMemo(
    () => (result ? draftFromLayouts(result.evaluation.layouts, result.origins) : {}),
    [result],
  );
  const [draft, setDraft] = useState<MappingDraft>(initial);
  useEffect(() => setDraft(initial), [initial]);

  if (!result) {
    return (
      <section aria-label={t("tabMapping")}>
        <Text as="p">{t("notValidatedYet")}</Text>
      </section>
    );
  }
  const invalid = Object.values(draft).some((d) =>
    Object.values(d.columns).some((v) => !isColumnLetters(v ?? "")),
  );

  const setKind = (sheet: string, kind: SheetKind) => {
    const d = draft[sheet];
    if (d) setDraft({ ...draft, [sheet]: { ...d, kind } });
  };
  const setColumn = (sheet: string, field: ColumnField, letters: string) => {
    const d = draft[sheet];
    if (d)
      setDraft({ ...draft, [sheet]: { ...d, columns: { ...d.columns, [field]: letters.toUpperCase() } } });
  };

  return (
    <section aria-label={t("tabMapping")}>
      <Text as="p">{t("mappingIntro")}</Text>
      {result.evaluation.layouts.map((layout) => {
        const origin = result.origins[layout.sheet] ?? { row: 0, col: 0 };
        const d = draft[layout.sheet];
        return (
          <div key={layout.sheet} className={styles.sheet} data-testid="mapping-sheet">
            <h3 className={styles.heading}>{layout.sheet}</h3>
            <div className={styles.meta}>
              <Field label={t("kindSelectLabel", { sheet: layout.sheet })}>
                <Select
                  value={d?.kind ?? layout.kind}
                  disabled={busy}
                  onChange={(_, v) => setKind(layout.sheet, v.value as SheetKind)}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {kindLabel(t, k)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Text>
                {layout.header
                  ? t("mappingHeaderRows", {
                      top: origin.row + layout.header.top + 1,
                      bottom: origin.row + layout.header.bottom + 1,
                    })
                  : t("mappingNoHeader")}
              </Text>
              <Text>{t("mappingKindConfidence", { pct: Math.round(layout.kindConfidence * 100) })}</Text>
            </div>
            {layout.columns.length > 0 ? (
              <Table size="extra-small" aria-label={layout.sheet}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("colField")}</TableHeaderCell>
                    <TableHeaderCell>{t("colColumn")}</TableHeaderCell>
                    <TableHeaderCell>{t("colConfidence")}</TableHeaderCell>
                    <TableHeaderCell>{t("colHow")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {layout.columns.map((c: ColumnMatch) => {
                    const value = d?.columns[c.field] ?? "";
                    const ok = isColumnLetters(value);
                    return (
                      <TableRow key={c.field}>
                        <TableCell title={c.label}>{fieldLabel(lang, c.field)}</TableCell>
                        <TableCell>
                          <Input
                            className={styles.col}
                            size="small"
                            value={value}
                            disabled={busy}
                            aria-invalid={!ok}
                            aria-label={t("columnInputLabel", {
                              sheet: layout.sheet,
                              field: fieldLabel(lang, c.field),
                            })}
                            onChange={(_, v) => setColumn(layout.sheet, c.field, v.value)}
                          />
                        </TableCell>
                        <TableCell>{Math.round(c.confidence * 100)}%</TableCell>
                        <TableCell>{t(HOW_KEYS[c.how])}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            ) : null}
          </div>
        );
      })}
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          disabled={busy || invalid}
          onClick={() => onSave(draft)}
        >
          {t("mappingSave")}
        </Button>
        <Button disabled={busy} onClick={() => setDraft(initial)}>
          {t("mappingReset")}
        </Button>
      </div>
    </section>
  );
}
