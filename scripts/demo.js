// npm run demo: `kusei recalc` on the built-in sample workbook (Hirano ward FY2016), marked copy and HTML
// report under out/. The sample holds real mistakes (e.g. 「A」 in an 有効性 cell), so kusei exits 1 by
// design ("error findings present"); for the demo that is success, and only exit 2 (could not run) fails.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// KUSEI_DEMO_OUT lets the demo's own test write to a temporary folder instead of out/.
const outDir = process.env.KUSEI_DEMO_OUT || "out";
const args = [
  path.join(root, "bin", "kusei.js"),
  "recalc",
  path.join("assets", "samples", "hirano-fy2016.xlsx"),
  "--out",
  outDir,
  "--report",
  path.join(outDir, "report.html"),
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
if (run.error) {
  console.error(`demo: ${run.error.message}`);
  process.exit(2);
}
if (run.status === 1) {
  console.log(
    "\nデモ完了: サンプルには実際の記入誤りがあるため、kusei は終了コード 1(エラーの指摘あり)を返します。" +
      "\nDemo done: the sample holds real entry errors, so kusei itself exits 1 (error findings present).",
  );
  process.exit(0);
}
process.exit(run.status ?? 2);
