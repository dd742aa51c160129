import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import type { Lang, Translate } from "../i18n/strings";
import type { FileBarProps } from "./FileBar";
import { describeError } from "./format";
import type { HintProps } from "./Hint";
import type { MappingTabProps } from "./MappingTab";
import type { MarksTabProps } from "./MarksTab";
import type { SummaryTabProps } from "./SummaryTab";

/**
 * The parts of the pane that are not on screen when it opens: the tabs after 検証, and the standalone page's
 * file row with its menu and dialog (never in Excel). The composition root gives them: index.tsx as lazy
 * parts (lazyPart), each loaded from the pane's own origin when first shown, so the pane's first script
 * carries none of them; the tests give the components as they are (test/taskpane/parts.ts). Only their
 * types are imported here and in App, so nothing of them is bundled with App.
 */
export interface PaneParts {
  readonly MarksTab: ComponentType<MarksTabProps>;
  readonly MappingTab: ComponentType<MappingTabProps>;
  readonly SummaryTab: ComponentType<SummaryTabProps>;
  readonly FileBar: ComponentType<FileBarProps>;
  /** the hover and focus hints of the controls shown from the start (lazyHint) */
  readonly Hint: ComponentType<HintProps>;
}

/** What every part gets: the language, to say it is loading or could not load. */
interface Localized {
  readonly t: Translate;
  readonly lang: Lang;
}

interface BoundaryState {
  readonly error: unknown;
}

/** A part whose code could not be loaded: says so where it would have been; the rest of the pane goes on. */
class PartError extends Component<Localized & { readonly children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override render() {
    const { t, lang, children } = this.props;
    if (this.state.error === null) return children;
    // No ×: React keeps a lazy part's failed load, so only reopening the pane tries again.
    return (
      <MessageBar intent="error" role="alert" layout="multiline" data-testid="part-error">
        <MessageBarBody>
          <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
          {t("errorPart")}
          <div data-testid="error-detail">{describeError(this.state.error, lang)}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

/**
 * A part whose code loads when it is first shown: a spinner in its place meanwhile (its chunk comes from
 * the pane's own origin), then the part; a failed load says so in its place. The pane's state lives above
 * it, in App, so the first open of a tab loses nothing (the selection, the findings' filter).
 */
export function lazyPart<P extends Localized>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  // The same props go on to the part; the cast is React's own typing of lazy components' props.
  const Loaded = Lazy as unknown as ComponentType<P>;
  function Part(props: P) {
    return (
      <PartError t={props.t} lang={props.lang}>
        <Suspense
          fallback={<Spinner size="small" label={props.t("loadingPart")} data-testid="part-loading" />}
        >
          <Loaded {...props} />
        </Suspense>
      </PartError>
    );
  }
  return Part;
}

/**
 * A hint whose code loads as soon as the page starts (before the pane is shown, while Office gets ready):
 * the control shows at once, as it is, and has its hint once the code is there — in practice before the
 * pane first renders, so the control is never rendered twice.
 */
export function lazyHint(load: () => Promise<ComponentType<HintProps>>): ComponentType<HintProps> {
  let loaded: ComponentType<HintProps> | null = null;
  const loading = load().then((c) => (loaded = c));
  const Lazy = lazy(async () => ({ default: await loading }));
  function LazyHint(props: HintProps) {
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    // Until then the control without its hint; a failed load leaves it so (the hint is not needed to work).
    return (
      <HintError fallback={props.children}>
        <Suspense fallback={props.children}>
          <Lazy {...props} />
        </Suspense>
      </HintError>
    );
  }
  return LazyHint;
}

/** The control without its hint when the hint's code could not be loaded. */
class HintError extends Component<
  { readonly fallback: ReactNode; readonly children: ReactNode },
  BoundaryState
> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override render() {
    return this.state.error === null ? this.props.children : this.props.fallback;
  }
}
