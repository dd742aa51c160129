/**
 * numfmt (Excel number-format rendering: percents, separators, dates; 和暦 era tokens are done in entry.ts),
 * the same package and version the xlsx reader uses (src/xlsx/number-format.ts; 3.2.6, pinned in package.json).
 */
import * as numfmt from "numfmt";

export { numfmt };
