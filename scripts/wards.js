// Ward workbooks made from the sample (assets/samples/hirano-fy2016.xlsx), as the city office would collect
// them: each ward's title names the ward, and some wards report other results (a withdrawal fired, a target
// met, the sample's entry error corrected). Deterministic: the same n gives the same files.
// Used by `npm run demo` (the summary over a folder), the summary tests and `npm run bench`.
// Run alone: node scripts/wards.js DIR [N]
"use strict";
const fs = require("node:fs/promises");
const path = require("node:path");
const ExcelJS = require("exceljs");

const SAMPLE = path.resolve(__dirname, "..", "assets", "samples", "hirano-fy2016.xlsx");
const TITLE = "区政運営基本方針の成果目標の達成に向けた取組状況について";

/** The 24 wards of Osaka City, in the city's order. */
const WARDS = [
  "北区",
  "都島区",
  "福島区",
  "此花区",
  "中央区",
  "西区",
  "港区",
  "大正区",
  "天王寺区",
  "浪速区",
  "西淀川区",
  "淀川区",
  "東淀川区",
  "東成区",
  "生野区",
  "旭区",
  "城東区",
  "鶴見区",
  "阿倍野区",
  "住之江区",
  "住吉区",
  "東住吉区",
  "平野区",
  "西成区",
];

/** The cell edits of ward number i ("sheet!A1" → value; "*" = every sheet). */
function wardEdits(i) {
  const ward = WARDS[i % WARDS.length];
  const edits = { "*!A1": `${TITLE}(${ward})` };
  if (i % 4 === 1) edits["取組(2)!J14"] = "窓口サービス満足度:40%"; // below 左記目標が50%未満: withdrawal
  if (i % 4 === 2) edits["取組(2)!J24"] = "来庁者等に対する窓口サービス格付結果:3.6"; // meets 3.5以上
  if (i % 3 === 0) edits["戦略(2)!H9"] = "ア"; // the sample's 「A」 in an ア/イ cell, corrected
  return edits;
}

/** Writes n ward workbooks into dir as NN-<ward>.xlsx; resolves to their paths in order. */
async function writeWardFolder(dir, n, sample = SAMPLE) {
  await fs.mkdir(dir, { recursive: true });
  const out = [];
  for (let i = 0; i < n; i++) {
    // a fresh copy per ward: read the sample's bytes again (exceljs has no deep clone)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    for (const [key, value] of Object.entries(wardEdits(i))) {
      const at = key.lastIndexOf("!");
      const sheet = key.slice(0, at);
      const sheets = sheet === "*" ? wb.worksheets : [wb.getWorksheet(sheet)];
      for (const ws of sheets) ws.getCell(key.slice(at + 1)).value = value;
    }
    const file = path.join(dir, `${String(i + 1).padStart(3, "0")}-${WARDS[i % WARDS.length]}.xlsx`);
    await wb.xlsx.writeFile(file);
    out.push(file);
  }
  return out;
}

module.exports = { WARDS, wardEdits, writeWardFolder };

if (require.main === module) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/wards.js DIR [N=24]");
    process.exit(2);
  }
  writeWardFolder(dir, Number(n ?? 24)).then(
    (files) => console.log(`${files.length} ward workbooks in ${path.resolve(dir)}`),
    (e) => {
      console.error(`wards: ${e && e.message ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
