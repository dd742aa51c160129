/** A callback a component receives as a prop (kept in a .ts file: the .tsx lint config misreads parameter names in types). */
export type Handler<T> = (value: T) => void;
