// Trunk post-build hook: write the list of built files, and a version derived
// from their contents, into the service worker (sw.js).
//
// Why: the worker must know every file the app needs to start offline, and a
// new deployment must produce a byte-different sw.js so browsers install it on
// the next visit (and drop the old cache). Hashing the file contents gives a
// version that changes exactly when something users download changes.
//
// Runs after scripts/split-wasm.mjs and externalize-bootstrap.mjs (see
// scripts/post-build.mjs), so the wasm chunks, the bootstrap file and the
// final index.html are included. Fails the build loudly if sw.js is missing or
// no longer has the placeholders this script fills in.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("precache: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}

/** Files the worker itself must not cache: itself, and host files added after the build. */
const EXCLUDED = new Set(["sw.js", "config.json", "config.example.json"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(staging)
  .map((full) => ({ full, path: relative(staging, full).split(sep).join("/") }))
  .filter(({ path }) => !EXCLUDED.has(path))
  .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

if (!files.some(({ path }) => path === "index.html")) {
  console.error("precache: index.html is not in the build; nothing to precache");
  process.exit(1);
}

const digest = createHash("sha256");
for (const { full, path } of files) {
  digest.update(path).update("\0").update(readFileSync(full)).update("\0");
}
const version = digest.digest("hex").slice(0, 16);
// index.html is fetched as "./" so hosts that redirect /index.html to / still work.
const list = files.map(({ path }) => (path === "index.html" ? "./" : path));

const swPath = join(staging, "sw.js");
let sw;
try {
  sw = readFileSync(swPath, "utf8");
} catch {
  console.error("precache: sw.js is not in the build (is it copied by index.html?)");
  process.exit(1);
}
const versionLine = /^const VERSION = "[^"]*";$/m;
const listLine = /^const PRECACHE = \[[^\]]*\];$/m;
if (!versionLine.test(sw) || !listLine.test(sw)) {
  console.error("precache: sw.js lacks the `const VERSION = ...;` / `const PRECACHE = [...];` lines to fill in");
  process.exit(1);
}
sw = sw
  .replace(versionLine, `const VERSION = ${JSON.stringify(version)};`)
  .replace(listLine, `const PRECACHE = ${JSON.stringify(list)};`);
writeFileSync(swPath, sw);
const bytes = files.reduce((sum, { full }) => sum + statSync(full).size, 0);
console.log(`precache: ${files.length} files (${Math.round(bytes / 1024)} KiB), version ${version}`);
