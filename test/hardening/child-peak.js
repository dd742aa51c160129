/* eslint-disable no-undef */
// Preloaded (`node -r`) into the kusei child of test/hardening/fs-child.ts: at exit, writes the process's
// peak resident memory (bytes) to $KUSEI_PEAK_FILE, so the harness asserts memory without timing the test.
"use strict";
const file = process.env.KUSEI_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    // resourceUsage().maxRSS is in kilobytes (getrusage); on every platform Node supports
    require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
