// A minimal static file server for dist/, used by `./run serve` and the browser tests.
//
// It behaves like the static hosts we document: correct MIME types (notably
// application/wasm, needed for streaming compilation), and any path that is not
// a file falls back to index.html so deep links into the single-page app survive
// a reload. It listens on 127.0.0.1 only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".toml": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/** Starts serving `root` on 127.0.0.1:`port` (0 = any free port); resolves to the server. */
export function startServer(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const wanted = normalize(join(base, decodeURIComponent(url.pathname)));
      if (wanted !== base && !wanted.startsWith(base + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      let file = wanted;
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        // An asset that does not exist is a 404; a route is the app's business.
        if (extname(url.pathname)) {
          res.writeHead(404, { "content-type": "text/plain" }).end("not found");
          return;
        }
        file = join(base, "index.html");
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(err));
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const server = await startServer(root, Number(port));
  console.log(`End-Use Check: http://127.0.0.1:${server.address().port}/`);
}
