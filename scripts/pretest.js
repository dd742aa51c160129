/* eslint-disable no-undef */
// Runs before `npm test`: makes sure the browser tests can run on a fresh machine.
//  1. Chromium (Debian's package, never a downloaded browser) and a Japanese font: installed with apt-get when
//     /usr/bin/chromium is missing and we are root; otherwise a clear message and exit 1.
//     LibreOffice (libreoffice-calc-nogui) the same way, for the corpus of workbooks other software wrote.
//  2. dist/: built with `webpack --mode production` when missing or older than its sources.
// size.js and the e2e tests reuse ensureDist() from here.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
// Without a Japanese font the screenshots show boxes instead of text.
const JA_FONT_DIR = "/usr/share/fonts/opentype/ipafont-gothic";
// Written after each successful build (webpack leaves unchanged files, and their times, alone).
const DIST_MARK = path.join(ROOT, "dist", ".built");
// Everything the bundle is built from.
const SOURCES = ["src", "webpack.config.js", "package-lock.json", "tsconfig.json", "manifest.xml", "assets"];

function run(cmd, args) {
  console.log(`pretest: $ ${[cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pretest: ${cmd} ${args.join(" ")} exited with ${r.status}`);
}

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** True when dist/ is missing or older than any of its sources. */
function distIsStale() {
  if (!fs.existsSync(DIST_MARK)) return true;
  const built = fs.statSync(DIST_MARK).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

const LOCK = path.join(ROOT, "node_modules", ".cache", "kusei-dist.lock");
const LOCK_STALE_MS = 15 * 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ (production) unless it is fresh. Test files running in parallel jest workers may all call it:
 * a lock directory makes one of them build while the others wait, then find dist/ fresh.
 */
function ensureDist() {
  if (!distIsStale()) {
    console.log("pretest: dist/ is up to date");
    return;
  }
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // A lock left by a killed build is taken over after a while.
      if (Date.now() - fs.statSync(LOCK).mtimeMs > LOCK_STALE_MS)
        fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    if (!distIsStale()) {
      console.log("pretest: dist/ was built meanwhile");
      return;
    }
    run(process.execPath, [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
    ]);
    fs.writeFileSync(DIST_MARK, `${new Date().toISOString()}\n`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Installs Chromium and the IPA Gothic font with apt-get when Chromium is missing. */
function ensureChromium() {
  if (fs.existsSync(CHROMIUM) && fs.existsSync(JA_FONT_DIR)) {
    console.log(`pretest: ${CHROMIUM} and the IPA Gothic font present`);
    return;
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) {
    console.error(
      `pretest: ${CHROMIUM} or fonts-ipafont-gothic is missing and this user is not root. Install it once with\n` +
        "  sudo apt-get update && sudo apt-get install -y chromium fonts-ipafont-gothic\n" +
        "then run npm test again.",
    );
    process.exit(1);
  }
  console.log(
    "pretest: Chromium or its Japanese font is missing; installing Debian's chromium and fonts-ipafont-gothic with apt-get",
  );
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium", "fonts-ipafont-gothic"]);
}

const SOFFICE = "/usr/bin/soffice";

/**
 * Installs LibreOffice (Debian's libreoffice-calc-nogui, headless) with apt-get when soffice is missing: the
 * corpus of workbooks written by other software (test/world) re-saves fixtures with it and opens every save.
 */
function ensureLibreOffice() {
  if (fs.existsSync(SOFFICE)) {
    console.log(`pretest: ${SOFFICE} present`);
    return;
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) {
    console.error(
      `pretest: ${SOFFICE} is missing and this user is not root. Install it once with\n` +
        "  sudo apt-get update && sudo apt-get install -y libreoffice-calc-nogui\n" +
        "then run npm test again.",
    );
    process.exit(1);
  }
  console.log("pretest: LibreOffice is missing; installing Debian's libreoffice-calc-nogui with apt-get");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "libreoffice-calc-nogui"]);
}

/**
 * Rebuilds the CLI (lib/, what bin/kusei.js and `npm run demo` run) when it is older than its sources.
 * `npm install` builds it through `prepare`; this catches edits made since.
 */
function ensureCli() {
  const built = path.join(ROOT, "lib", "cli", "main.js");
  const mark = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = ["src/core", "src/xlsx", "src/cli", "tsconfig.cli.json", "tsconfig.json"];
  if (mark > 0 && !sources.some((s) => newestMtime(path.join(ROOT, s)) > mark)) {
    console.log("pretest: lib/ (the CLI) is up to date");
    return;
  }
  run(process.execPath, [
    path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.cli.json",
  ]);
}

module.exports = { ensureDist, ensureChromium, ensureLibreOffice, ensureCli, distIsStale, CHROMIUM };

if (require.main === module) {
  try {
    ensureChromium();
    ensureLibreOffice();
    ensureCli();
    ensureDist();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
