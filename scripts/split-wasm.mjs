// Trunk post-build step: split the app's wasm into a main module and one chunk
// per page, so the first load carries only the shell and Home.
//
// Why: one module with every page was ~790 KB brotli; the budget for the first
// load is 350 KB (issue #6). The pages are split points (`src/web/routes.rs`,
// Leptos `#[lazy_route]` → `#[wasm_split]`), and `wasm-split-cli` (crate
// `wasm_split_cli_support`, the splitter cargo-leptos uses) moves each one's
// functions into chunks, with code shared by several pages in shared chunks.
// Trunk 0.21 cannot run a step between cargo and wasm-bindgen, so this runs
// after Trunk and redoes that part from cargo's output:
//
//   target/wasm32-unknown-unknown/<profile>/enduse-web.wasm   (linked with --emit-relocs)
//     → wasm-split-cli  → main module + chunk_*.wasm + split_*.wasm + __wasm_split.js
//     → wasm-bindgen (main module) → enduse-web-<H>.js + enduse-web-<H>_bg.wasm
//     → wasm-opt -Oz on every module (release builds)
//
// and replaces Trunk's glue and wasm (same names, so Trunk's bootstrap still
// fits). The chunks and the loader get Trunk's content hash <H> in their names
// too: they must never be mixed with another build's main module (their imports
// name its exports and table slots), and hashed names can be cached forever.
// The glue's `integrity` attributes in index.html are recomputed.
//
// Fails the build loudly when a tool is missing or Trunk's output looks different
// from what this script understands; a half-split app must never be shipped.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { sizeByOwner } from "./wasm-size.mjs";

const BIN = "enduse-web";
const fail = (message) => {
  console.error(`split-wasm: ${message}`);
  process.exit(1);
};

const staging = process.env.TRUNK_STAGING_DIR ?? fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
const profile = process.env.TRUNK_PROFILE === "release" ? "release" : "debug";

// Trunk's output: enduse-web-<H>.js and enduse-web-<H>_bg.wasm.
const glues = readdirSync(staging).filter((f) => new RegExp(`^${BIN}-[0-9a-f]+\\.js$`).test(f));
if (glues.length !== 1) fail(`expected one ${BIN}-<hash>.js from Trunk, found ${glues.length}`);
const stem = glues[0].slice(0, -".js".length);
const hash = stem.slice(BIN.length + 1);
if (!existsSync(join(staging, `${stem}_bg.wasm`))) fail(`${stem}_bg.wasm is missing`);

// cargo's linked module, before wasm-bindgen (which drops the relocations).
const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { encoding: "utf8" }));
const linked = join(metadata.target_directory, "wasm32-unknown-unknown", profile, `${BIN}.wasm`);
if (!existsSync(linked)) fail(`${linked} not found`);

/** Why a tool run failed: missing, or its exit status. */
const why = (error) => (error.code === "ENOENT" ? "not installed; run ./run setup" : `status ${error.status ?? error.code}`);

const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    fail(`${tool} failed (${why(error)})`);
  }
};

const runAsync = (tool, args) =>
  new Promise((done) => {
    execFile(tool, args, (error, _stdout, stderr) => {
      if (error) {
        process.stderr.write(stderr);
        fail(`${tool} failed on ${args.at(-3)} (${why(error)})`);
      }
      done();
    });
  });

const work = mkdtempSync(join(tmpdir(), "split-wasm-"));
// On every exit, including fail()'s.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
{
  const split = join(work, "split");
  run("wasm-split-cli", ["--target", "web", "--out-name", stem, linked, split]);
  const bindgen = join(work, "bindgen");
  run("wasm-bindgen", [
    "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
    "--out-name", stem, "--out-dir", bindgen, join(split, `${stem}.wasm`),
  ]);

  // Hash the chunk and loader names: old_name → new_name.
  const loader = "__wasm_split.js";
  const chunks = readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`);
  if (chunks.length === 0) fail("the splitter produced no chunks; are the routes still #[lazy_route]?");
  const renamed = new Map(chunks.map((f) => [f, `${f.slice(0, -".wasm".length)}-${hash}.wasm`]));
  let loaderJs = readFileSync(join(split, loader), "utf8");
  for (const [from, to] of renamed) {
    const ref = `"./${from}"`;
    if (!loaderJs.includes(ref)) fail(`${loader} does not reference ${from}`);
    loaderJs = loaderJs.replaceAll(ref, `"./${to}"`);
  }
  const loaderName = `__wasm_split-${hash}.js`;
  writeFileSync(join(staging, loaderName), loaderJs);

  let glue = readFileSync(join(bindgen, `${stem}.js`), "utf8");
  // Only the ES imports: the wasm's own import module name (the key in the
  // imports object) stays "./__wasm_split.js".
  const loaderImport = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!loaderImport.test(glue)) fail(`the wasm-bindgen glue does not import ./${loader}`);
  glue = glue.replace(loaderImport, `$1"./${loaderName}"`);
  writeFileSync(join(staging, `${stem}.js`), glue);

  const modules = [[join(bindgen, `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`)]];
  for (const [from, to] of renamed) modules.push([join(split, from), join(staging, to)]);
  // Who owns each module's bytes, while the names are still there (wasm-opt
  // drops them): printed by scripts/budget.mjs for the same build.
  const report = { build: hash, profile, modules: {} };
  for (const [from, to] of modules) report.modules[basename(to)] = sizeByOwner(readFileSync(from));
  writeFileSync(`${linked.slice(0, -".wasm".length)}.size-report.json`, JSON.stringify(report));
  if (profile === "release") {
    // Largest first, on every core: wasm-opt is most of this step's time.
    modules.sort(([a], [b]) => statSync(b).size - statSync(a).size);
    const queue = [...modules];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [from, to] = next;
        // The features Rust enables for wasm32 by default; -Oz as Trunk's data-wasm-opt="z" did.
        await runAsync("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
          "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
          from, "-o", to]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  } else {
    for (const [from, to] of modules) renameSync(from, to);
  }

  // index.html: Trunk's integrity attributes describe the files it wrote, not ours.
  const indexPath = join(staging, "index.html");
  let html = readFileSync(indexPath, "utf8");
  for (const file of [`${stem}.js`, `${stem}_bg.wasm`]) {
    const sri = `sha384-${createHash("sha384").update(readFileSync(join(staging, file))).digest("base64")}`;
    html = html.replace(new RegExp(`(href="/?${file}"[^>]*\\bintegrity=")[^"]*"`, "g"), `$1${sri}"`);
  }
  writeFileSync(indexPath, html);
  console.log(`split-wasm: main module and ${chunks.length} chunks (${profile})`);
}
