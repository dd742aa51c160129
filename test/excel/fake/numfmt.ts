/**
 * numfmt (Excel number-format rendering: percents, separators, dates, 和暦 era formats), loaded by path:
 * numfmt 4.0.1's package.json points `require` and `types` at dist/index.cjs / index.d.cts, which the
 * package does not ship; dist/index.js is its CommonJS build and dist/index.d.ts its types.
 */
import type * as Numfmt from "../../../node_modules/numfmt/dist/index.js";

export const numfmt = require("../../../node_modules/numfmt/dist/index.js") as typeof Numfmt;
