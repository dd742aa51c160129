import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Translate, UiKey } from "../i18n/strings";

/** An error the user has to see: what to do (a catalogue key) and what went wrong (the raw detail). */
export interface UiError {
  readonly hint: UiKey;
  readonly hintParams?: Readonly<Record<string, string | number>>;
  readonly detail: string | null;
}

interface ErrorBarProps {
  readonly t: Translate;
  readonly error: UiError;
  readonly onDismiss: () => void;
}

/** The × that closes a message bar (every dismissible bar of the pane has the same one). */
export function DismissAction({ t, onDismiss }: { readonly t: Translate; readonly onDismiss: () => void }) {
  return (
    <MessageBarActions
      containerAction={
        <Button
          appearance="transparent"
          aria-label={t("errorDismiss")}
          icon={<DismissRegular />}
          onClick={onDismiss}
        />
      }
    />
  );
}

/** Shows an error with its remedy; it stays until dismissed. */
export function ErrorBar({ t, error, onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {t(error.hint, error.hintParams)}
        {error.detail ? <div data-testid="error-detail">{error.detail}</div> : null}
      </MessageBarBody>
      <DismissAction t={t} onDismiss={onDismiss} />
    </MessageBar>
  );
}
