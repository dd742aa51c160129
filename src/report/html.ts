import { reportFieldLabel, type ReportField } from "../core";
import { reportText as t, type Lang } from "./i18n";
import type { AreaCount, FileReport } from "./model";
import { overviewHtml, sheetAnchor, titleAt } from "./overview";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const CSS = `
body{font-family:"Yu Gothic","Meiryo","Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:24px;color:#222;line-height:1.5}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:2px solid #446;padding-bottom:2px;margin-top:2em}h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#eef}td.num{text-align:right}.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#a15c00}.sev-info{color:#555}
.act-write{color:#0a6b2b;font-weight:bold}.act-conflict{color:#b00020;font-weight:bold}.act-keep{color:#333}.act-skip{color:#777}
.rowtitle{display:block;color:#555;font-size:.85em;font-family:inherit}.overview{border:1px solid #ccd;background:#f8f8fc;padding:4px 12px;margin:.6em 0}
.err{background:#fde;border:1px solid #b00020;padding:6px}.meta{color:#555;font-size:.9em}pre{white-space:pre-wrap;margin:0;font:inherit}
`;

const COLORS = {
  achieved: "#2e7d32",
  missed: "#ef6c00",
  withdrawal: "#c62828",
  notComputable: "#9e9e9e",
} as const;

/** An inline SVG of stacked bars: achieved / not achieved / withdrawal / not computable per area. */
export function areaChartSvg(areas: ReadonlyArray<AreaCount>, lang: Lang): string {
  if (areas.length === 0) return "";
  const width = 640;
  const barWidth = 420;
  const rowH = 40;
  const legendH = 26;
  const height = legendH + areas.length * rowH + 4;
  const max = Math.max(1, ...areas.map((a) => a.achieved + a.missed + a.withdrawal + a.notComputable));
  const keys = ["achieved", "missed", "withdrawal", "notComputable"] as const;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(t(lang, "chartTitle"))}">`,
  );
  let lx = 0;
  for (const k of keys) {
    parts.push(
      `<rect x="${lx}" y="4" width="12" height="12" fill="${COLORS[k]}"/><text x="${lx + 16}" y="15" font-size="12">${escapeHtml(t(lang, k))}</text>`,
    );
    lx += 130;
  }
  areas.forEach((a, i) => {
    const y = legendH + i * rowH;
    const label = a.area === "" ? t(lang, "noArea") : a.area;
    parts.push(
      `<text x="0" y="${y + 12}" font-size="12">${escapeHtml(label.length > 48 ? `${label.slice(0, 47)}…` : label)}</text>`,
    );
    let x = 0;
    for (const k of keys) {
      const n = a[k];
      if (n === 0) continue;
      const w = (n / max) * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y + 17}" width="${w.toFixed(1)}" height="16" fill="${COLORS[k]}"><title>${escapeHtml(`${t(lang, k)}: ${n}`)}</title></rect>`,
      );
      if (w >= 14)
        parts.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 29}" font-size="11" fill="#fff" text-anchor="middle">${n}</text>`,
        );
      x += w;
    }
    const total = a.achieved + a.missed + a.withdrawal + a.notComputable;
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 29}" font-size="11">${total}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

function fieldText(field: ReportField | null, lang: Lang): string | null {
  return field === null ? null : reportFieldLabel(field)[lang];
}

function cell(text: string | number | null, cls = ""): string {
  const c = cls ? ` class="${cls}"` : "";
  return `<td${c}>${text === null ? "" : `<pre>${escapeHtml(String(text))}</pre>`}</td>`;
}

/** A cell address with the title of its row beneath it (so the report reads outside Excel). */
function addressCell(address: string | null, title: string): string {
  if (address === null && title === "") return "<td></td>";
  return `<td><pre>${escapeHtml(address ?? "")}</pre>${title === "" ? "" : `<span class="rowtitle">${escapeHtml(title)}</span>`}</td>`;
}

/** The HTML section of one file: its chart, then per sheet the findings and the marks with reasons. */
export function fileSection(r: FileReport, lang: Lang, index = 0): string {
  const out: string[] = [`<section><h2>${escapeHtml(r.file)}</h2>`];
  if (r.error !== null) {
    out.push(`<p class="err">${escapeHtml(t(lang, "cannotRead"))}: ${escapeHtml(r.error)}</p></section>`);
    return out.join("\n");
  }
  if (r.output !== null)
    out.push(`<p class="meta">${escapeHtml(t(lang, "wroteTo"))}: ${escapeHtml(r.output)}</p>`);
  out.push(overviewHtml(r, lang, index));
  if (r.areas.length > 0)
    out.push(`<h3>${escapeHtml(t(lang, "chartTitle"))}</h3>`, areaChartSvg(r.areas, lang));
  const sheetNames = [...r.sheets.map((s) => s.name)];
  for (const f of r.findings) if (!sheetNames.includes(f.sheet)) sheetNames.push(f.sheet);
  for (const name of sheetNames) {
    const s = r.sheets.find((x) => x.name === name);
    const findings = r.findings.filter((f) => f.sheet === name);
    const marks = r.marks.filter((m) => m.sheet === name);
    if (s?.kind === "other" && findings.length === 0 && marks.length === 0) continue;
    out.push(
      `<h3 id="${sheetAnchor(index, name)}">${escapeHtml(name)} <span class="meta">(${escapeHtml(t(lang, s?.kind ?? "other"))} · ${escapeHtml(t(lang, "records"))} ${s?.records ?? 0})</span></h3>`,
    );
    out.push(`<h4>${escapeHtml(t(lang, "findings"))} (${findings.length})</h4>`);
    if (findings.length === 0) out.push(`<p class="meta">${escapeHtml(t(lang, "noFindings"))}</p>`);
    else {
      out.push(
        `<table><thead><tr><th>${[t(lang, "cell"), t(lang, "severity"), t(lang, "field"), t(lang, "message"), t(lang, "code")].map(escapeHtml).join("</th><th>")}</th></tr></thead><tbody>`,
      );
      for (const f of findings) {
        out.push(
          `<tr>${addressCell(f.cell, titleAt(r, f.sheet, f.row))}${cell(t(lang, f.severity), `sev-${f.severity}`)}${cell(fieldText(f.field, lang))}${cell(f.message)}${cell(f.code)}</tr>`,
        );
      }
      out.push("</tbody></table>");
    }
    out.push(`<h4>${escapeHtml(t(lang, "marks"))} (${marks.length})</h4>`);
    if (marks.length === 0) out.push(`<p class="meta">${escapeHtml(t(lang, "noMarks"))}</p>`);
    else {
      out.push(
        `<table><thead><tr><th>${[t(lang, "cell"), t(lang, "field"), t(lang, "value"), t(lang, "current"), t(lang, "action"), t(lang, "reason")].map(escapeHtml).join("</th><th>")}</th></tr></thead><tbody>`,
      );
      for (const m of marks) {
        out.push(
          `<tr>${addressCell(m.cell, titleAt(r, m.sheet, m.row))}${cell(fieldText(m.field, lang))}${cell(m.value)}${cell(m.current)}${cell(t(lang, m.action), `act-${m.action}`)}${cell(m.reason)}</tr>`,
        );
      }
      out.push("</tbody></table>");
    }
  }
  out.push("</section>");
  return out.join("\n");
}

/** The start of the report document (inline CSS, no external assets). */
export function reportHead(lang: Lang, command: string, generatedAt: string): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(t(lang, "reportTitle"))}</title><style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(t(lang, "reportTitle"))}</h1>`,
    `<p class="meta">${escapeHtml(t(lang, "command"))}: <code>${escapeHtml(command)}</code> · ${escapeHtml(t(lang, "generated"))}: ${escapeHtml(generatedAt)}</p>`,
  ].join("\n");
}

/** The end of the report document. */
export function reportTail(): string {
  return "</body></html>\n";
}
