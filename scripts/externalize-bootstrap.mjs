// Trunk post-build hook: move Trunk's inline wasm bootstrap <script> into its own file,
// and start the wasm download after the first paint.
//
// Why: our Content-Security-Policy (see index.html) allows scripts from 'self'
// only — no 'unsafe-inline', no hashes to keep in sync. Trunk 0.21 always emits
// the bootstrap inline, so after each build we lift it into
// `bootstrap-<sha256 prefix>.js` (content-addressed, so it can be cached forever)
// and reference it with src=. The build fails loudly if the page layout changes
// in a way this script does not understand, rather than shipping a page the CSP blocks.
//
// The first paint, the start-up screen in index.html, needs only the HTML and the
// stylesheets; the wasm (~800 KB compressed) is only needed after it. Trunk preloads
// the wasm from <head>, so on a slow link it shares the bandwidth with the
// render-blocking stylesheets, and Lighthouse's simulated throttling counts every
// request that finished before the page painted as holding up that paint (its LCP
// then included the whole wasm download). So the preload link is dropped and the
// bootstrap waits for the first frame before it fetches the wasm: the download
// starts about one frame after the stylesheets have arrived. The JS glue stays
// modulepreloaded (it is small and the bootstrap imports it anyway).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("externalize-bootstrap: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

// Resolves after the next frame is painted (a task queued from requestAnimationFrame
// runs after that frame); the timeout covers tabs opened in the background, where
// frames do not run until the tab is shown.
const AFTER_FIRST_PAINT =
  "await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted, 0)); setTimeout(painted, 1000); });\n";

const wasmPreload = /<link rel="preload"[^>]*\bhref="[^"]*_bg\.wasm"[^>]*>/g;
const preloads = html.match(wasmPreload)?.length ?? 0;
if (preloads !== 1) {
  console.error(`externalize-bootstrap: expected one wasm preload link from Trunk, found ${preloads}; Trunk's output changed?`);
  process.exit(1);
}
html = html.replace(wasmPreload, "");

const inline = /<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_whole, _attrs, body) => {
  count += 1;
  const digest = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `bootstrap-${digest}.js`;
  writeFileSync(join(staging, name), AFTER_FIRST_PAINT + body.trim() + "\n");
  return `<script type="module" src="/${name}"></script>`;
});

if (count === 0) {
  console.error("externalize-bootstrap: found no inline module script in index.html; Trunk's output changed?");
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?\S[\s\S]*?<\/script>/.test(html)) {
  console.error("externalize-bootstrap: an inline script remains; the CSP would block it");
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`externalize-bootstrap: moved ${count} inline script(s) into files`);
