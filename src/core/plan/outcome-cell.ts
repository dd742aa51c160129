/**
 * Whether the 個別 marks entered in one cell agree with the marks derived for the strategy's outcome
 * indicators. Templates often give several indicators a single 個別 cell and staff then type one mark
 * for all of them (Hirano FY2016, 戦略(1) page 2: one 「A」 for two indicators that are both A): a single
 * entered mark that equals every derived mark agrees; otherwise the marks must match one to one, in order.
 */
export function outcomeCellAgrees(entered: ReadonlyArray<string>, derived: ReadonlyArray<string>): boolean {
  if (derived.length === 0) return false;
  if (entered.length === 1 && derived.length > 1) return derived.every((m) => m === entered[0]);
  return entered.length === derived.length && entered.every((m, i) => m === derived[i]);
}
