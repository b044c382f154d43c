// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core,
// the built dist/ served on 127.0.0.1, and watchers that fail a test on any console
// error, CSP violation or request to another origin.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, "..", "..");
export const ARTIFACTS = join(here, "artifacts");

/** Where Chromium lives; Debian's package by default, never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts the server and the browser; returns a handle with `newPage()` and `close()`. */
export async function launch({ dist = join(ROOT, "dist") } = {}) {
  const server = await startServer(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const watched = [];

  /** A fresh context and page whose problems are recorded in `page.problems`. */
  async function newPage({ viewport = { width: 1280, height: 900 }, locale = "en-GB" } = {}) {
    const context = await browser.newContext({ viewport, locale, acceptDownloads: true });
    const problems = { consoleErrors: [], cspViolations: [], foreignRequests: [], pageErrors: [] };
    // Anything addressed to another origin is recorded and refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + "/") || url === origin || url.startsWith("data:") || url.startsWith("blob:")) {
        return route.continue();
      }
      problems.foreignRequests.push(url);
      return route.abort();
    });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") {
        problems.consoleErrors.push(msg.text());
        if (msg.text().includes("CSP violation") || msg.text().includes("Content Security Policy")) {
          problems.cspViolations.push(msg.text());
        }
      }
    });
    page.on("pageerror", (err) => problems.pageErrors.push(String(err)));
    page.problems = problems;
    watched.push(context);
    return page;
  }

  async function close() {
    for (const c of watched) await c.close().catch(() => {});
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }

  return { origin, browser, newPage, close };
}

/** Opens `path` and waits until the app has mounted (the boot notice is gone and <main> exists). */
export async function open(page, origin, path = "/") {
  await page.goto(origin + path);
  await page.waitForSelector("main#main h1");
}

/** Runs axe (WCAG 2.1 A/AA) and returns the violations, summarised for assertion messages. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Saves a screenshot under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}

/** Asserts that the page logged no errors, broke no CSP rule and asked no other origin for anything. */
export function assertClean(assert, page) {
  assert.deepEqual(page.problems.cspViolations, [], "CSP violations");
  assert.deepEqual(page.problems.foreignRequests, [], "requests to other origins");
  assert.deepEqual(page.problems.pageErrors, [], "uncaught page errors");
  assert.deepEqual(page.problems.consoleErrors, [], "console errors");
}
