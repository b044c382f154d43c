// Trunk post-build hook: the steps that turn Trunk's staging folder into dist/.
//
// Trunk 0.21 starts all hooks of one stage at the same time, and these steps
// depend on each other, so they run here one after the other:
//   0. compile-ruleset.mjs       — rules/default.toml → default.ruleset.json (the browser's form)
//   1. split-wasm.mjs            — per-page wasm chunks (replaces Trunk's glue and wasm)
//   2. externalize-bootstrap.mjs — the inline bootstrap into a file, for the CSP
//   3. precache.mjs              — the service worker's file list and version (needs 1 and 2)
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ["compile-ruleset.mjs", "split-wasm.mjs", "externalize-bootstrap.mjs", "precache.mjs"]) {
  try {
    execFileSync(process.execPath, [join(here, step)], { stdio: "inherit" });
  } catch (error) {
    console.error(`post-build: ${step} failed (status ${error.status})`);
    process.exit(1);
  }
}
