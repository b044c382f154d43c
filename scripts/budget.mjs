#!/usr/bin/env node
// Performance budget for End-Use Check, run by hand after `./run build`:
//
//   node scripts/budget.mjs [--transfer-only] [dist]
//
// 1. Transfer size: what a first visit to Home and to /assess downloads (HTML,
//    scripts, stylesheets and wasm, measured in Chromium), brotli-compressed
//    with node:zlib at the quality static hosts use, must total ≤ 350 KB each.
// 2. Lighthouse 12.2.3 with Debian's Chromium on Home and /assess:
//    performance ≥ 0.95, accessibility = 1.0, best practices ≥ 0.95.
//    Lighthouse is installed into a temporary folder on each run (`npm install
//    --prefix`), so the project's package.json — and `npm ci` for the tests —
//    stays lean. Set LIGHTHOUSE_DIR to reuse an installation.
//
// Not part of `./run test`: Lighthouse scores depend on the machine's load,
// so this is a measurement to report, not a gate for every commit.
// Exit status: 0 when every budget holds, 1 when one is missed, 2 on a set-up error.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { createServer } from "node:http";
import { extname } from "node:path";

const args = process.argv.slice(2);
/** `--transfer-only`: skip Lighthouse (quick, and independent of the machine's load). */
const TRANSFER_ONLY = args.includes("--transfer-only");
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const TRANSFER_BUDGET = 350 * 1000;
const SCORES = { performance: [0.95, "≥"], accessibility: [1.0, "="], "best-practices": [0.95, "≥"] };
const PAGES = ["/", "/assess"];
/** The pages whose first load must fit the transfer budget: Home and the assessment's entry. */
const BUDGET_PAGES = PAGES;
/** Every routed page, for the report: first visits of the others are listed, not judged. */
const TRANSFER_PAGES = [...PAGES, "/screening", "/declare", "/verify", "/sources"].map((path) => ({ label: path, path }));
// The questionnaire needs a draft: open /assess, start one and open it, as a user does.
TRANSFER_PAGES.push({
  label: "/assess, then New draft and Open (the questionnaire)",
  path: "/assess",
  then: async (page) => {
    await page.getByRole("button", { name: "New draft" }).click();
    await page.getByRole("link", { name: "Open" }).first().click();
    await page.locator("main h1").filter({ hasNotText: "New assessment" }).first().waitFor();
  },
});
/** What the budget counts; data the pages fetch (config, ruleset) is listed apart. */
const COUNTED = new Set([".html", ".js", ".wasm", ".css"]);
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

if (!existsSync(join(dist, "index.html"))) {
  console.error(`budget: ${dist}/index.html not found; run ./run build first`);
  process.exit(2);
}

let failed = false;
const report = (ok, line) => {
  if (!ok) failed = true;
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
};

// Lighthouse measures what goes over the wire, so serve like a real host does:
// brotli when the browser accepts it, SPA fallback, the right types.
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".toml": "text/plain; charset=utf-8", ".csv": "text/csv", ".xml": "application/xml", ".webmanifest": "application/manifest+json" };
// Compressed up front: compressing the 3 MB wasm at quality 11 takes seconds,
// and doing it on the first request would block this server — and so the page's
// other requests — during the first Lighthouse run, which then measured the
// server, not the app.
const compressed = new Map();
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(dist)) {
  compressed.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  let file = join(dist, path.replace(/^\/+/, "").replace(/\.\.+/g, ""));
  if (!existsSync(file) || path === "/") {
    if (extname(path) && path !== "/") return res.writeHead(404).end();
    file = join(dist, "index.html");
  }
  let body = readFileSync(file);
  const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" };
  if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = compressed.get(file) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    headers["content-encoding"] = "br";
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
// --- 1. Initial transfer, brotli ---------------------------------------------------------
// Measured in the browser: each page is opened in a fresh Chromium profile and
// every same-origin response it receives until the network is idle is counted at
// its brotli size (quality 11, as served above). The pages are split into wasm
// chunks (src/web/routes.rs), so what a first visit downloads depends on the
// page: Home needs the main module, /assess also its chunk and the chunks it
// shares. The service worker is blocked: its precaching of the whole app runs
// after the page has loaded and is not part of the first load.
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({ executablePath: CHROME, args: ["--no-sandbox"] });
try {
  for (const { label, path, then } of TRANSFER_PAGES) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const fetched = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === origin) fetched.push(url.pathname);
    });
    await page.goto(origin + path, { waitUntil: "networkidle" });
    if (then) {
      await then(page);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1000);
    }
    await context.close();
    let total = 0;
    let other = 0;
    console.log(`initial transfer of ${label} (brotli, quality 11):`);
    for (const urlPath of [...new Set(fetched)].sort()) {
      let file = join(dist, urlPath.replace(/^\/+/, ""));
      if (!existsSync(file) || urlPath === "/" || !extname(urlPath)) file = join(dist, "index.html");
      const raw = statSync(file).size;
      const br = compressed.get(file).length;
      const counted = COUNTED.has(extname(file));
      if (counted) total += br;
      else other += br;
      console.log(`  ${urlPath.slice(0, 56).padEnd(56)} ${String(raw).padStart(9)} B raw ${String(br).padStart(8)} B br${counted ? "" : " (data)"}`);
    }
    const line = `${label}: ${(total / 1000).toFixed(1)} KB brotli of HTML, JS, wasm and CSS (budget ${TRANSFER_BUDGET / 1000} KB)` +
      (other ? `; data files ${(other / 1000).toFixed(1)} KB more` : "");
    if (!then && BUDGET_PAGES.includes(path)) report(total <= TRANSFER_BUDGET, line);
    else console.log(`info ${line}`);
  }
} finally {
  await browser.close();
}

if (TRANSFER_ONLY) {
  await new Promise((ok) => server.close(ok));
  process.exit(failed ? 1 : 0);
}

// --- 2. Lighthouse -----------------------------------------------------------------------
const lhDir = process.env.LIGHTHOUSE_DIR ?? mkdtempSync(join(tmpdir(), "enduse-lighthouse-"));
const lhBin = join(lhDir, "node_modules", ".bin", "lighthouse");
if (!existsSync(lhBin)) {
  console.log(`installing lighthouse@12.2.3 into ${lhDir} ...`);
  try {
    execFileSync("npm", ["install", "--prefix", lhDir, "--no-audit", "--no-fund", "--loglevel=error", "lighthouse@12.2.3"], { stdio: "inherit" });
  } catch {
    console.error("budget: could not install Lighthouse; transfer budget reported above");
    process.exit(2);
  }
}
if (!existsSync(CHROME)) {
  console.error(`budget: no Chromium at ${CHROME} (set CHROME_PATH)`);
  process.exit(2);
}
try {
  for (const path of PAGES) {
    let result;
    try {
      // Asynchronous on purpose: the static server runs in this process and
      // must keep answering while Lighthouse loads the page.
      const { stdout: out } = await promisify(execFile)(
        lhBin,
        [
          origin + path,
          "--quiet",
          "--output=json",
          "--output-path=stdout",
          "--only-categories=performance,accessibility,best-practices",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
      );
      result = JSON.parse(out);
    } catch (err) {
      report(false, `lighthouse ${path}: did not run (${String(err.message).split("\n")[0]})`);
      continue;
    }
    for (const [category, [min, op]] of Object.entries(SCORES)) {
      const score = result.categories?.[category]?.score;
      const ok = typeof score === "number" && (op === "=" ? score === min : score >= min);
      report(ok, `lighthouse ${path} ${category}: ${score ?? "no score"} (budget ${op} ${min})`);
      if (!ok && typeof score === "number") {
        for (const ref of result.categories[category].auditRefs ?? []) {
          const audit = result.audits?.[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            console.log(`       ${ref.id}: ${audit.score} ${audit.displayValue ?? ""}`);
          }
        }
      }
    }
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
      .map((id) => `${id} ${result.audits?.[id]?.displayValue ?? "?"}`)
      .join(", ");
    console.log(`       ${path}: ${metrics}`);
  }
} finally {
  await new Promise((ok) => server.close(ok));
}
process.exit(failed ? 1 : 0);
