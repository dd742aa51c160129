import type { ReactElement, ReactNode } from "react";
import type { Finding } from "../../core";
import type { UiKey } from "../i18n/strings";

/** A callback a component receives as a prop (kept in a .ts file: the .tsx lint config misreads parameter names in types). */
export type Handler<T> = (value: T) => void;

/** How the pane runs a use case: busy with `label`, a failure shown with `hint` and its reason. */
export type RunUseCase = <T>(label: UiKey, hint: UiKey, work: () => Promise<T>) => Promise<T | undefined>;

/** A cell the user asked to see: in Excel the host selects it; in the browser the row opens in place. */
export type SelectCell = (sheet: string, cell: string) => void;

/** Renders a list of findings (keys prefixed, so one finding can be listed under a cause and elsewhere). */
export type RenderFindings<F, E> = (findings: ReadonlyArray<F>, keyPrefix: string) => E;

/** Renders one finding of a list: its key, its index and, in a virtual list, the measuring ref. */
export type FindingRow = (
  finding: Finding,
  key: string,
  index: number,
  measure: ((el: Element | null) => void) | undefined,
) => ReactElement;

/** Measures a rendered row of a virtual list (undefined when the list is rendered whole). */
export type Measure = ((el: Element | null) => void) | undefined;

/** Renders row `index` of a virtual list, the measuring ref on its outermost element. */
export type RenderRow = (index: number, measure: Measure) => ReactNode;

/** Renders a spacer of a height (an <li>, a <tr> …) standing for the rows not rendered. */
export type RenderSpacer = (height: number, key: string) => ReactNode;

/** A callback for one item of a list, named by its key. */
export type KeyedHandler<T> = (key: string, value: T) => void;
