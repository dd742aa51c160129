/* eslint-disable no-undef */
// `npm run size`: the task pane's initial JavaScript in Excel mode (the scripts taskpane.html loads, office.js
// aside, which is Microsoft's and served as is) and the lazy xlsx chunk of standalone mode, both gzip.
// Fails when the initial JavaScript passes the budget.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { ensureDist } = require("./pretest");

const BUDGET_KB = 300;
const DIST = path.resolve(__dirname, "..", "dist");

function gzipKb(file) {
  return zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;
}

/** The bundle scripts taskpane.html loads at start (its own <script src>, not office-js/). */
function initialScripts(html) {
  // html-webpack-plugin minifies the page: attribute quotes may be gone.
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith("office-js/") && !/^[a-z]+:/i.test(src));
}

// Strings only the xlsx adapter carries (src/xlsx: the bounded zip reader's own message, the surgical
// writer's scanner) — and exceljs's URL, which no bundle should carry any more: the initial scripts must hold
// none of them.
const XLSX_MARKERS = ["is larger than it declares", "exceljs/exceljs"];

/** Measures dist/ (built if needed): initial and lazy gzip sizes, and which initial scripts carry exceljs. */
function measure() {
  ensureDist();
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const initial = initialScripts(html);
  if (initial.length === 0) throw new Error("size: taskpane.html loads no bundle script");
  const lazy = fs.readdirSync(DIST).filter((f) => /^xlsx\.[0-9a-f]+\.js$/.test(f));
  if (lazy.length !== 1) throw new Error(`size: expected one lazy xlsx chunk in dist/, found ${lazy.length}`);
  const initialKb = initial.reduce((sum, f) => sum + gzipKb(f), 0);
  const lazyKb = lazy.reduce((sum, f) => sum + gzipKb(f), 0);
  const carries = (f) => {
    const text = fs.readFileSync(path.join(DIST, f), "utf8");
    return XLSX_MARKERS.some((m) => text.includes(m));
  };
  return {
    initial,
    lazy,
    initialKb,
    lazyKb,
    leaked: initial.filter(carries),
    lazyCarriesXlsx: lazy.every(carries),
  };
}

function main() {
  const m = measure();
  console.log(`size initial_scripts=${m.initial.join(",")} lazy_chunk=${m.lazy.join(",")}`);
  console.log(
    `size taskpane_initial_gzip_kb=${m.initialKb.toFixed(1)} standalone_lazy_gzip_kb=${m.lazyKb.toFixed(1)}`,
  );
  if (m.leaked.length > 0) {
    console.error(`size: the xlsx adapter found in the initial scripts: ${m.leaked.join(", ")}`);
    process.exit(1);
  }
  if (m.initialKb > BUDGET_KB) {
    console.error(
      `size: initial JavaScript ${m.initialKb.toFixed(1)} KB gzip exceeds the budget of ${BUDGET_KB} KB`,
    );
    process.exit(1);
  }
}

module.exports = { measure, BUDGET_KB };

if (require.main === module) main();
