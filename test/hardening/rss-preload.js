/* eslint-disable no-undef */
// Preloaded (node -r) into a child run by child-harness.ts: on exit, writes the process's peak resident set
// size (process.resourceUsage().maxRSS, kilobytes) to the file KUSEI_HARNESS_RSS names.
const file = process.env.KUSEI_HARNESS_RSS;
if (file) {
  process.on("exit", () => {
    require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
