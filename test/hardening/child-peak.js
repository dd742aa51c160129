/* eslint-disable no-undef */
// Preloaded (`node -r`) into the kusei child of test/hardening/fs-child.ts: at exit, writes the process's
// peak resident memory (bytes) and its CPU time (ms, user + system) to $KUSEI_PEAK_FILE, so the harness
// asserts memory and work without timing the test: CPU time does not grow when other processes share the
// machine, wall time does.
"use strict";
const file = process.env.KUSEI_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    // resourceUsage(): maxRSS in kilobytes, userCPUTime/systemCPUTime in microseconds (getrusage)
    const u = process.resourceUsage();
    const cpuMs = Math.round((u.userCPUTime + u.systemCPUTime) / 1000);
    require("fs").writeFileSync(file, JSON.stringify({ peakBytes: u.maxRSS * 1024, cpuMs }));
  });
}
