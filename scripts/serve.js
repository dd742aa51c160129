/* eslint-disable no-undef */
// `npm run serve`: serves dist/ on http://127.0.0.1:3000/ (another port with PORT=…), so the standalone checker
// opens as a web page (http://127.0.0.1:3000/taskpane.html). Node's own http module, no dependency: a page
// opened as a file (file://) cannot load office.js's parts and starts without them.
const { createReadStream, statSync } = require("fs");
const { createServer } = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "dist");
const PORT = Number(process.env.PORT || 3000);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

function fileOf(url) {
  const p = decodeURIComponent(new URL(url, "http://127.0.0.1").pathname);
  const file = path.resolve(ROOT, "." + (p.endsWith("/") ? p + "taskpane.html" : p));
  return file.startsWith(ROOT + path.sep) ? file : null;
}

try {
  statSync(path.join(ROOT, "taskpane.html"));
} catch {
  console.error("serve: dist/taskpane.html is missing; run `npm run build` first");
  process.exit(1);
}

createServer((req, res) => {
  const file = fileOf(req.url || "/");
  let size = -1;
  try {
    if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
  } catch {
    size = -1;
  }
  if (!file || size < 0) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
    "Content-Length": size,
  });
  createReadStream(file).pipe(res);
}).listen(PORT, "127.0.0.1", () => {
  console.log(`kusei: http://127.0.0.1:${PORT}/taskpane.html  (Ctrl+C で終了 / to stop)`);
});
