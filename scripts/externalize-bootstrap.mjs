// Trunk post-build hook: move Trunk's inline wasm bootstrap <script> into its own file.
//
// Why: our Content-Security-Policy (see index.html) allows scripts from 'self'
// only — no 'unsafe-inline', no hashes to keep in sync. Trunk 0.21 always emits
// the bootstrap inline, so after each build we lift it into
// `bootstrap-<sha256 prefix>.js` (content-addressed, so it can be cached forever)
// and reference it with src=. The build fails loudly if the page layout changes
// in a way this script does not understand, rather than shipping a page the CSP blocks.
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

const inline = /<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_whole, _attrs, body) => {
  count += 1;
  const digest = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `bootstrap-${digest}.js`;
  writeFileSync(join(staging, name), body.trim() + "\n");
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
