// npm run demo: `kusei recalc` on the built-in sample workbook (Hirano ward FY2016), marked copy and HTML
// report under out/. The sample holds real mistakes (e.g. 「A」 in an 有効性 cell), so kusei exits 1 by
// design ("error findings present"); for the demo that is success, and only exit 2 (could not run) fails.
// Then the city view: 24 ward workbooks made from the sample (scripts/wards.js: other ward names, some
// other results) and `kusei summary` over that folder, with the dashboard under out/summary/.
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { writeWardFolder } = require("./wards");

const root = path.resolve(__dirname, "..");
// KUSEI_DEMO_OUT lets the demo's own test write to a temporary folder instead of out/.
const outDir = process.env.KUSEI_DEMO_OUT || "out";
const kusei = path.join(root, "bin", "kusei.js");

function run(args) {
  const r = spawnSync(process.execPath, [kusei, ...args], { cwd: root, stdio: "inherit" });
  if (r.error) {
    console.error(`demo: ${r.error.message}`);
    process.exit(2);
  }
  // 1 = error findings present: the sample's real entry errors, expected
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
  return r.status;
}

async function main() {
  const status = run([
    "recalc",
    path.join("assets", "samples", "hirano-fy2016.xlsx"),
    "--out",
    outDir,
    "--report",
    path.join(outDir, "report.html"),
    ...process.argv.slice(2),
  ]);
  const wardsDir = path.resolve(root, outDir, "wards");
  await writeWardFolder(wardsDir, 24);
  console.log(`\n24 区のブックを作りました / 24 ward workbooks made from the sample: ${wardsDir}\n`);
  const summaryDir = path.resolve(root, outDir, "summary");
  run(["summary", wardsDir, "--out", summaryDir]);
  console.log(
    `\n市全体のダッシュボード / City dashboard: ${path.join(summaryDir, "summary.html")}` +
      (status === 1
        ? "\nデモ完了: サンプルには実際の記入誤りがあるため、kusei は終了コード 1(エラーの指摘あり)を返します。" +
          "\nDemo done: the sample holds real entry errors, so kusei itself exits 1 (error findings present)."
        : "\nデモ完了 / Demo done."),
  );
}

main().catch((e) => {
  console.error(`demo: ${e && e.message ? e.message : String(e)}`);
  process.exit(2);
});
