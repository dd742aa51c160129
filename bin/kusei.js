#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (npm run build:cli, run by `prepare` on install).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main\.js/.test(String(e.message))) {
    process.stderr.write("kusei: the CLI is not built yet; run `npm run build:cli` (npm install does it).\n");
    process.exit(2);
  }
  throw e;
}
cli.main().catch((e) => {
  process.stderr.write(`kusei: ${e && e.message ? String(e.message).split("\n")[0] : String(e)}\n`);
  process.exitCode = 2;
});
