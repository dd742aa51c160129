// A tiny static file server for dist/ on 127.0.0.1 (an ephemeral port), for the browser tests.
import { createReadStream, promises as fs } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  /** every path requested, in order (to assert what the page loaded) */
  readonly requested: string[];
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1; paths outside it are 404. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const requested: string[] = [];
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requested.push(urlPath);
    const file = path.resolve(base, "." + (urlPath.endsWith("/") ? urlPath + "taskpane.html" : urlPath));
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    fs.stat(file).then(
      (st) => {
        if (!st.isFile()) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, {
          "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "Content-Length": st.size,
          "Cache-Control": "no-store",
        });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
