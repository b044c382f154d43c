// Trunk post-build step: compile the built-in ruleset for the browser.
//
// Why: the app used to fetch rules/default.toml and parse it in the browser,
// which needed the TOML parser and the rule compiler (an 88 KB brotli chunk)
// on every page that evaluates anything. `enduse ruleset compile` (the native
// CLI, same core) writes the validated ruleset as JSON
// (`src/ruleset/compiled.rs`); the app decodes that with the JSON reader it
// already has. default.toml stays in dist/ for hosts to copy and edit.
//
// Fails the build when the ruleset does not load: a site must never ship
// without its rules.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("compile-ruleset: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const out = join(staging, "default.ruleset.json");
// The native CLI, not the wasm: Trunk's target must not leak into this cargo run.
const env = { ...process.env };
delete env.CARGO_BUILD_TARGET;
try {
  execFileSync("cargo", ["run", "--quiet", "--bin", "enduse", "--", "ruleset", "compile", "rules/default.toml", "--output", out], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
} catch (error) {
  console.error(`compile-ruleset: enduse ruleset compile failed (status ${error.status ?? error.code})`);
  process.exit(1);
}
