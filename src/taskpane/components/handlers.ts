/** A callback a component receives as a prop (kept in a .ts file: the .tsx lint config misreads parameter names in types). */
export type Handler<T> = (value: T) => void;

/** A cell the user asked to see: in Excel the host selects it; in the browser the row opens in place. */
export type SelectCell = (sheet: string, cell: string) => void;

/** Renders a list of findings (keys prefixed, so one finding can be listed under a cause and elsewhere). */
export type RenderFindings<F, E> = (findings: ReadonlyArray<F>, keyPrefix: string) => E;
