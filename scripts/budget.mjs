#!/usr/bin/env node
// Performance budget for End-Use Check, run by hand after `./run build`:
//
//   node scripts/budget.mjs [--transfer-only] [dist]
//
// 1. Transfer size: what a first visit downloads (HTML, scripts, stylesheets
//    and wasm, measured in Chromium), brotli-compressed with node:zlib at the
//    quality static hosts use. Budgets (issue #18): Home ≤ 200 KB; /declare
//    opened from a request link (a counterparty's phone) ≤ 300 KB; the
//    questionnaire opened from a new draft ≤ 400 KB; every other page ≤ 350 KB.
// 2. Where each wasm module's bytes go, per crate and per module of our crates
//    (written by scripts/split-wasm.mjs for the same build), so that the next
//    regression has a name.
// 3. Lighthouse 12.2.3 (its default mobile profile: simulated slow 4G, 4× CPU
//    throttling) with Debian's Chromium on every page a fresh profile can open:
//    performance ≥ 0.95, accessibility = 1.0, best practices ≥ 0.95, and no
//    more than 200 ms of total blocking time. The questionnaire needs a stored
//    draft, which Lighthouse's fresh profile does not have: it is judged by its
//    transfer budget only.
//    Lighthouse is installed into a temporary folder on each run (`npm install
//    --prefix`), so the project's package.json — and `npm ci` for the tests —
//    stays lean. Set LIGHTHOUSE_DIR to reuse an installation.
//
// Not part of `./run test`: Lighthouse scores depend on the machine's load,
// so this is a measurement to report, not a gate for every commit. It tells
// the truth either way: a page above its budget is a FAIL line and exit 1.
// Exit status: 0 when every budget holds, 1 when one is missed, 2 on a set-up error.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { createServer } from "node:http";
import { extname } from "node:path";
import { exporterDraft } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
/** `--transfer-only`: skip Lighthouse (quick, and independent of the machine's load). */
const TRANSFER_ONLY = args.includes("--transfer-only");
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const KB = 1000;
const SCORES = { performance: [0.95, "≥"], accessibility: [1.0, "="], "best-practices": [0.95, "≥"] };
/** Lighthouse's total blocking time (4× CPU throttling), in ms. */
const MAX_BLOCKING_MS = 200;

/** A draft with an exporter, a goods line and a buyer, at its results: where a request link is made. */
async function requestLink(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: "block", acceptDownloads: true });
  const page = await context.newPage();
  try {
    // The same draft the browser tests make (tests/e2e/harness.mjs).
    const id = await exporterDraft(page, origin, {
      exporter: "Muster Elektronik GmbH", exporterCountry: "DE", hs: "854231",
      description: "Microcontrollers, 32-bit", quantity: "5000", buyer: "Steppe Trade LLP", buyerCountry: "KZ",
    });
    await page.goto(`${origin}/assess/${id}/results`);
    await page.waitForSelector("#request-create");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#request-create")]);
    await download.cancel().catch(() => {});
    const link = await page.inputValue("#request-link");
    if (!link.includes("#/declare?r=")) throw new Error(`no request link on the results page (${link})`);
    return link.slice(link.indexOf("#"));
  } finally {
    await context.close();
  }
}

/**
 * Every page, with its budget. `lighthouse: false` where a fresh profile cannot
 * open the page (Lighthouse's profile has no drafts).
 */
const TRANSFER_PAGES = [
  { label: "/ (Home)", path: "/", budget: 200 * KB },
  { label: "/assess (drafts list)", path: "/assess", budget: 350 * KB },
  { label: "/screening", path: "/screening", budget: 350 * KB },
  { label: "/verify", path: "/verify", budget: 350 * KB },
  { label: "/sources", path: "/sources", budget: 350 * KB },
  { label: "/declare (opened without a link)", path: "/declare", budget: 350 * KB },
  // The counterparty's phone: a link made by an exporter, opened in a fresh browser.
  { label: "/declare from a request link", path: null, budget: 300 * KB, link: requestLink,
    ready: (page) => page.waitForSelector("#declare-request-heading") },
  // The questionnaire needs a draft: open /assess, start one and open it, as a user does.
  {
    label: "/assess, then New draft and Open (the questionnaire)",
    path: "/assess",
    budget: 400 * KB,
    lighthouse: false,
    then: async (page) => {
      await page.getByRole("button", { name: "New draft" }).click();
      await page.getByRole("link", { name: "Open" }).first().click();
      await page.locator("main h1").filter({ hasNotText: "New assessment" }).first().waitFor();
    },
  },
];
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
/** Brotli bytes of each wasm module, for the size report. */
const shipped = new Map();
const summary = [];
try {
  for (const entry of TRANSFER_PAGES) {
    const { label, then, budget, ready } = entry;
    if (entry.link) {
      try {
        entry.path = "/" + (await entry.link(browser, origin));
      } catch (err) {
        report(false, `${label}: could not make the link (${String(err.message).split("\n")[0]})`);
        continue;
      }
    }
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const fetched = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === origin) fetched.push(url.pathname);
    });
    await page.goto(origin + entry.path, { waitUntil: "networkidle" });
    if (ready) await ready(page);
    if (then) await then(page);
    if (ready || then) {
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
      if (extname(file) === ".wasm") shipped.set(urlPath.replace(/^\/+/, ""), { raw, br });
      console.log(`  ${urlPath.slice(0, 56).padEnd(56)} ${String(raw).padStart(9)} B raw ${String(br).padStart(8)} B br${counted ? "" : " (data)"}`);
    }
    const line = `${label}: ${(total / KB).toFixed(1)} KB brotli of HTML, JS, wasm and CSS (budget ${budget / KB} KB)` +
      (other ? `; data files ${(other / KB).toFixed(1)} KB more` : "");
    report(total <= budget, line);
    summary.push([label, total, budget, other]);
  }
} finally {
  await browser.close();
}
console.log("\nsummary (KB brotli, HTML+JS+wasm+CSS; data apart):");
for (const [label, total, budget, other] of summary) {
  console.log(`  ${label.padEnd(56)} ${(total / KB).toFixed(1).padStart(7)} / ${budget / KB}${other ? `  (+${(other / KB).toFixed(1)} data)` : ""}`);
}

// --- 2. Size report per wasm module --------------------------------------------------------
// Written by scripts/split-wasm.mjs next to cargo's output for the build whose
// hash the file names carry; a report of another build is not shown.
{
  let reportFile;
  try {
    const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    reportFile = join(metadata.target_directory, "wasm32-unknown-unknown", "release", "enduse-web.size-report.json");
  } catch {
    reportFile = null;
  }
  const sizes = reportFile && existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : null;
  const wasmFiles = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
  if (!sizes || !wasmFiles.some((f) => f.includes(sizes.build))) {
    console.log(`\nsize report: none for this build (${reportFile ?? "cargo metadata failed"}); run ./run build`);
  } else {
    console.log(`\nwhere the wasm goes (build ${sizes.build}; bytes of code per crate/module before wasm-opt, top 12 per module):`);
    for (const file of wasmFiles.sort((a, b) => (compressed.get(join(dist, b)).length - compressed.get(join(dist, a)).length))) {
      const m = sizes.modules[file];
      const br = compressed.get(join(dist, file)).length;
      console.log(`  ${file}: ${(br / KB).toFixed(1)} KB brotli shipped, ${(statSync(join(dist, file)).size / KB).toFixed(1)} KB after wasm-opt` +
        (m ? `, ${(m.total / KB).toFixed(1)} KB before (code ${(m.code / KB).toFixed(1)}, data ${(m.data / KB).toFixed(1)})` : " (not in the report)"));
      for (const [who, bytes] of (m?.owners ?? []).slice(0, 12)) {
        console.log(`      ${who.padEnd(34)} ${(bytes / KB).toFixed(1).padStart(7)} KB  ${((100 * bytes) / (m.code + m.data)).toFixed(0).padStart(3)} %`);
      }
    }
  }
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
  for (const { label, path, lighthouse } of TRANSFER_PAGES) {
    if (lighthouse === false || !path) continue;
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
      report(false, `lighthouse ${label}: did not run (${String(err.message).split("\n")[0]})`);
      continue;
    }
    for (const [category, [min, op]] of Object.entries(SCORES)) {
      const score = result.categories?.[category]?.score;
      const ok = typeof score === "number" && (op === "=" ? score === min : score >= min);
      report(ok, `lighthouse ${label} ${category}: ${score ?? "no score"} (budget ${op} ${min})`);
      if (!ok && typeof score === "number") {
        for (const ref of result.categories[category].auditRefs ?? []) {
          const audit = result.audits?.[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            console.log(`       ${ref.id}: ${audit.score} ${audit.displayValue ?? ""}`);
          }
        }
      }
    }
    const tbt = result.audits?.["total-blocking-time"]?.numericValue;
    report(typeof tbt === "number" && tbt <= MAX_BLOCKING_MS,
      `lighthouse ${label} total blocking time: ${typeof tbt === "number" ? Math.round(tbt) : "?"} ms (budget ≤ ${MAX_BLOCKING_MS} ms)`);
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
      .map((id) => `${id} ${result.audits?.[id]?.displayValue ?? "?"}`)
      .join(", ");
    console.log(`       ${label}: ${metrics}`);
  }
} finally {
  await new Promise((ok) => server.close(ok));
}
process.exit(failed ? 1 : 0);
