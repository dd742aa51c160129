/** Compile-time exhaustiveness guard: a switch that forgets a case fails to type-check here. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
