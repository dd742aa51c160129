/**
 * The city view as one self-contained HTML page: wards × results (sortable), a bar per ward (inline SVG),
 * the indicators several wards share side by side, links to each ward's report. No external resource; every
 * text is escaped; readable at 360 px (rows become cards) and printed on A4 landscape.
 */
import type { CommonIndicator, WardCounts, WardSummary } from "./dashboard-model";

export type DashboardLang = "ja" | "en";

const TEXT = {
  title: { ja: "区政運営基本方針 取組状況 全区一覧", en: "Ward evaluation sheets: city overview" },
  generated: { ja: "作成", en: "generated" },
  files: { ja: "ブック数", en: "workbooks" },
  unreadable: { ja: "読み取れないブック", en: "unreadable workbooks" },
  wardTable: { ja: "区別の達成状況と指摘", en: "Results and findings by ward" },
  sortHint: {
    ja: "見出しを押すと並べ替えます。",
    en: "Press a column heading to sort.",
  },
  ward: { ja: "区", en: "ward" },
  year: { ja: "年度", en: "FY" },
  achieved: { ja: "目標達成", en: "achieved" },
  missed: { ja: "目標未達成", en: "not achieved" },
  withdrawal: { ja: "撤退基準", en: "withdrawal" },
  notComputable: { ja: "算定不可", en: "not computable" },
  errors: { ja: "エラー", en: "errors" },
  warnings: { ja: "警告", en: "warnings" },
  chart: { ja: "取組の内訳", en: "initiatives" },
  report: { ja: "詳細", en: "details" },
  open: { ja: "レポート", en: "report" },
  cannotRead: { ja: "読み取れません", en: "cannot be read" },
  total: { ja: "合計", en: "total" },
  common: { ja: "複数の区に共通する指標", en: "Indicators shared by several wards" },
  commonHint: {
    ja: "指標名の類似度で区をまたいで対応付けています。",
    en: "Matched across wards by the similarity of their names.",
  },
  noCommon: {
    ja: "複数の区に共通する指標は見つかりませんでした。",
    en: "No indicator was found in more than one ward.",
  },
  outcome: { ja: "アウトカム", en: "outcome" },
  initiative: { ja: "業績目標", en: "performance target" },
  target: { ja: "目標", en: "target" },
  result: { ja: "実績", en: "result" },
  mark: { ja: "評価", en: "mark" },
  wards: { ja: "区", en: "wards" },
  none: { ja: "算定不可", en: "not computable" },
  contents: { ja: "目次", en: "Contents" },
} as const;

type Key = keyof typeof TEXT;
const tx = (lang: DashboardLang, k: Key): string => TEXT[k][lang];

/** Escapes text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const COLORS = {
  achieved: "#2e7d32",
  missed: "#ef6c00",
  withdrawal: "#c62828",
  notComputable: "#9e9e9e",
} as const;
const PARTS = ["achieved", "missed", "withdrawal", "notComputable"] as const;

/** A ward's initiatives as one stacked bar, scaled to the largest ward (`max`); counts in the title. */
export function wardBarSvg(c: WardCounts, max: number, lang: DashboardLang): string {
  const total = PARTS.reduce((n, k) => n + c[k], 0);
  const label = PARTS.map((k) => `${tx(lang, k)} ${c[k]}`).join("、");
  const parts: string[] = [
    `<svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">`,
    `<title>${esc(label)}</title>`,
  ];
  let x = 0;
  for (const k of PARTS) {
    if (c[k] === 0) continue;
    const w = (c[k] / Math.max(1, max)) * 100;
    parts.push(`<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="12" fill="${COLORS[k]}"/>`);
    x += w;
  }
  if (total === 0) parts.push(`<rect x="0" y="5" width="100" height="2" fill="#ddd"/>`);
  parts.push("</svg>");
  return parts.join("");
}

const CSS = `
*{box-sizing:border-box}
body{font-family:"Yu Gothic","Meiryo","Hiragino Sans","Noto Sans CJK JP","IPAGothic",sans-serif;margin:0;padding:16px;color:#222;line-height:1.5;word-break:normal;overflow-wrap:anywhere;line-break:strict}
h1{font-size:1.35em;margin:0 0 .3em}h2{font-size:1.15em;border-bottom:2px solid #446;padding-bottom:2px;margin-top:1.6em}h3{font-size:1em;margin:1.2em 0 .3em}
.meta{color:#555;font-size:.9em}nav ul{margin:.3em 0;padding-left:1.2em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0 1em}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef;white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit;width:100%}
th button::after{content:" ⇅";color:#889;font-weight:normal}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.chart{min-width:120px;width:22%}svg.bar{display:block;width:100%;height:14px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:.3em 0;font-size:.85em}.legend span::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:4px;vertical-align:-1px;background:var(--c);forced-color-adjust:none}
.err{color:#b00020;font-weight:bold}.warn{color:#a15c00}.bad{background:#fde}
.mark-A,.mark-ok{color:#0a6b2b;font-weight:bold}.mark-B,.mark-ng{color:#b00020;font-weight:bold}.mark-none{color:#666}
@media (max-width:640px){
 body{padding:10px}
 table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
 table.cards thead{display:none}
 table.cards tr{border:1px solid #bbb;margin:0 0 10px;padding:4px 0}
 table.cards td{border:0;padding:2px 8px;display:flex;gap:8px;justify-content:space-between;text-align:right}
 table.cards td::before{content:attr(data-label);font-weight:bold;color:#445;text-align:left;flex:0 0 auto}
 table.cards td.chart{display:block;width:100%}table.cards td.chart::before{display:block}
 .sorter{display:flex;flex-wrap:wrap;gap:6px;margin:.4em 0}
}
@media (min-width:641px){.sorter{display:none}}
.sorter button{font:inherit;font-size:.85em;padding:2px 8px;border:1px solid #889;background:#f6f6fb;border-radius:3px}
@media print{@page{size:A4 landscape;margin:10mm}body{padding:0;font-size:10pt}th button::after{content:""}.sorter{display:none}a{color:inherit;text-decoration:none}tr{break-inside:avoid}thead{display:table-header-group}h2{break-after:avoid}}
`;

// Sorting without a library: click a heading (or a button on narrow screens) to sort the rows by that
// column's data-v values (numbers compare as numbers). Works without it too: the table is in file order.
const SCRIPT = `
document.querySelectorAll("table[data-sortable]").forEach(function(t){
 var body=t.tBodies[0];var heads=t.tHead.rows[0].cells;
 function sort(i){var h=heads[i];var asc=h.getAttribute("aria-sort")!=="ascending";
  for(var j=0;j<heads.length;j++)heads[j].removeAttribute("aria-sort");h.setAttribute("aria-sort",asc?"ascending":"descending");
  var rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){var x=a.cells[i].getAttribute("data-v"),y=b.cells[i].getAttribute("data-v");var nx=Number(x),ny=Number(y);
   var c=(x!==""&&y!==""&&!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y),"ja");return asc?c:-c;});
  rows.forEach(function(r){body.appendChild(r);});}
 Array.prototype.forEach.call(heads,function(h,i){var b=h.querySelector("button");if(b)b.addEventListener("click",function(){sort(i);});});
 var s=document.querySelector('.sorter[data-for="'+t.id+'"]');
 if(s)s.querySelectorAll("button").forEach(function(b){b.addEventListener("click",function(){sort(Number(b.getAttribute("data-col")));});});
});
`;

interface Column {
  readonly key: Key;
  readonly num: boolean;
  readonly value: (w: WardSummary) => string | number;
  readonly html: (w: WardSummary, max: number, lang: DashboardLang) => string;
}

const count =
  (k: keyof WardCounts, cls = "") =>
  (w: WardSummary): string =>
    w.error !== null
      ? "—"
      : cls !== "" && w.counts[k] > 0
        ? `<span class="${cls}">${w.counts[k]}</span>`
        : String(w.counts[k]);

const COLUMNS: ReadonlyArray<Column> = [
  {
    key: "ward",
    num: false,
    value: (w) => w.ward,
    html: (w, _m, lang) =>
      `${esc(w.ward)}${w.error !== null ? `<br><span class="err">${esc(tx(lang, "cannotRead"))}: ${esc(w.error)}</span>` : ""}`,
  },
  {
    key: "year",
    num: true,
    value: (w) => w.year ?? "",
    html: (w) => (w.year === null ? "" : String(w.year)),
  },
  ...(["achieved", "missed", "withdrawal", "notComputable"] as const).map((k): Column => ({
    key: k,
    num: true,
    value: (w) => (w.error !== null ? -1 : w.counts[k]),
    html: count(k, k === "withdrawal" ? "err" : ""),
  })),
  {
    key: "errors",
    num: true,
    value: (w) => (w.error !== null ? 1e9 : w.counts.errors),
    html: count("errors", "err"),
  },
  {
    key: "warnings",
    num: true,
    value: (w) => (w.error !== null ? -1 : w.counts.warnings),
    html: count("warnings", "warn"),
  },
];

function wardTable(wards: ReadonlyArray<WardSummary>, lang: DashboardLang): string {
  const max = Math.max(1, ...wards.map((w) => PARTS.reduce((n, k) => n + w.counts[k], 0)));
  const out: string[] = [];
  out.push(
    `<div class="sorter" data-for="wards">${COLUMNS.map((c, i) => `<button type="button" data-col="${i}">${esc(tx(lang, c.key))}</button>`).join("")}</div>`,
  );
  out.push(`<table id="wards" class="cards" data-sortable><thead><tr>`);
  for (const c of COLUMNS)
    out.push(
      `<th scope="col"${c.num ? ' class="num"' : ""}><button type="button">${esc(tx(lang, c.key))}</button></th>`,
    );
  out.push(
    `<th scope="col">${esc(tx(lang, "chart"))}</th><th scope="col">${esc(tx(lang, "report"))}</th></tr></thead><tbody>`,
  );
  for (const w of wards) {
    out.push(`<tr${w.error !== null ? ' class="bad"' : ""}>`);
    for (const c of COLUMNS)
      out.push(
        `<td${c.num ? ' class="num"' : ""} data-label="${esc(tx(lang, c.key))}" data-v="${esc(String(c.value(w)))}">${c.html(w, max, lang)}</td>`,
      );
    out.push(
      `<td class="chart" data-label="${esc(tx(lang, "chart"))}" data-v="">${w.error === null ? wardBarSvg(w.counts, max, lang) : ""}</td>`,
    );
    out.push(
      `<td data-label="${esc(tx(lang, "report"))}" data-v="">${w.report === null ? "" : `<a href="${esc(w.report)}">${esc(tx(lang, "open"))}</a>`}</td></tr>`,
    );
  }
  out.push("</tbody>");
  const sum = (k: keyof WardCounts): number => wards.reduce((n, w) => n + w.counts[k], 0);
  out.push(
    `<tfoot><tr><th scope="row" data-label="">${esc(tx(lang, "total"))}</th><td></td>${(["achieved", "missed", "withdrawal", "notComputable", "errors", "warnings"] as const).map((k) => `<td class="num" data-label="${esc(tx(lang, k))}">${sum(k)}</td>`).join("")}<td></td><td></td></tr></tfoot></table>`,
  );
  return out.join("");
}

function markClass(mark: string | null): string {
  if (mark === null) return "mark-none";
  if (mark === "A") return "mark-A";
  if (mark === "B") return "mark-B";
  return mark === "○" ? "mark-ok" : "mark-ng";
}

function commonSection(common: ReadonlyArray<CommonIndicator>, lang: DashboardLang): string {
  if (common.length === 0) return `<p class="meta">${esc(tx(lang, "noCommon"))}</p>`;
  const out: string[] = [`<p class="meta">${esc(tx(lang, "commonHint"))}</p>`];
  common.forEach((g, i) => {
    out.push(
      `<h3 id="ind-${i + 1}">${esc(g.label)} <span class="meta">(${esc(tx(lang, g.kind))} · ${g.entries.length} ${esc(tx(lang, "wards"))})</span></h3>`,
    );
    out.push(
      `<table class="cards" id="ind-t-${i + 1}" data-sortable><thead><tr>${(["ward", "target", "result", "mark"] as const).map((k) => `<th scope="col"><button type="button">${esc(tx(lang, k))}</button></th>`).join("")}</tr></thead><tbody>`,
    );
    for (const e of g.entries) {
      const m = e.indicator.mark;
      out.push(
        `<tr><td data-label="${esc(tx(lang, "ward"))}" data-v="${esc(e.ward)}">${esc(e.ward)}</td><td data-label="${esc(tx(lang, "target"))}" data-v="${esc(e.indicator.target)}">${esc(e.indicator.target)}</td><td data-label="${esc(tx(lang, "result"))}" data-v="${esc(e.indicator.result)}">${esc(e.indicator.result)}</td><td data-label="${esc(tx(lang, "mark"))}" data-v="${esc(m ?? "")}" class="${markClass(m)}">${esc(m ?? tx(lang, "none"))}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
  });
  return out.join("\n");
}

/** The dashboard page. `generatedAt` is shown as given (the caller formats it for its reader). */
export function dashboardHtml(input: {
  readonly wards: ReadonlyArray<WardSummary>;
  readonly common: ReadonlyArray<CommonIndicator>;
  readonly lang: DashboardLang;
  readonly generatedAt: string;
}): string {
  const { wards, common, lang } = input;
  const unreadable = wards.filter((w) => w.error !== null).length;
  const legend = PARTS.map((k) => `<span style="--c:${COLORS[k]}">${esc(tx(lang, k))}</span>`).join("");
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${esc(tx(lang, "title"))}</title><style>${CSS}</style></head><body>`,
    `<header><h1>${esc(tx(lang, "title"))}</h1>`,
    `<p class="meta">${esc(tx(lang, "generated"))}: ${esc(input.generatedAt)} · ${esc(tx(lang, "files"))}: ${wards.length}${unreadable > 0 ? ` · <span class="err">${esc(tx(lang, "unreadable"))}: ${unreadable}</span>` : ""}</p>`,
    `<nav aria-label="${esc(tx(lang, "contents"))}"><ul><li><a href="#by-ward">${esc(tx(lang, "wardTable"))}</a></li><li><a href="#common">${esc(tx(lang, "common"))}</a> (${common.length})</li></ul></nav></header>`,
    `<main><section id="by-ward"><h2>${esc(tx(lang, "wardTable"))}</h2><p class="meta">${esc(tx(lang, "sortHint"))}</p><div class="legend">${legend}</div>`,
    wardTable(wards, lang),
    `</section><section id="common"><h2>${esc(tx(lang, "common"))}</h2>`,
    commonSection(common, lang),
    `</section></main><script>${SCRIPT}</script></body></html>`,
    "",
  ].join("\n");
}
