// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core,
// the built dist/ served on 127.0.0.1, and watchers that fail a test on any console
// error, CSP violation or request to another origin.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import assert from "node:assert/strict";
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

/**
 * Serves, in place of the site's fictitious samples, one real-format list the
 * host vouches it fetched today (`retrieved`): a "no list match" against it
 * counts, so a clean trade can rate low. The entry is an invented company;
 * the list is not marked as a sample because the test needs a list that is
 * neither a sample nor out of date.
 */
export async function currentLists(page) {
  const today = new Date().toISOString().slice(0, 10);
  const csv = "id,schema,name,aliases\nT-1,Company,\"Volga Precision Machine Tools JSC\",\n";
  const index = {
    lists: [{ file: "current-test.csv", format: "open-sanctions-csv", label: "Test list fetched today", retrieved: today }],
  };
  await page.route("**/lists/index.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(index) }));
  await page.route("**/lists/current-test.csv", (route) => route.fulfill({ contentType: "text/csv", body: csv }));
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

/** Fails with the axe violations (WCAG 2.1 A/AA) found on the page, naming `where`. */
export async function assertAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${where}`);
}

/** Whether the page fits its viewport's width (no horizontal scrolling). */
export async function fitsViewport(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Clicks `selector` and returns the path (in `dir`, as `name`) of the file the click downloads. */
export async function download(page, selector, dir, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

/**
 * A new draft with an exporter, one goods line and a buyer, typed through the
 * goods and parties steps as a user would; returns the draft id.
 */
export async function exporterDraft(page, origin, { exporter, exporterCountry, hs, description, quantity, buyer, buyerCountry }) {
  await open(page, origin, "/assess");
  await page.getByRole("button", { name: "New draft" }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("enduse.drafts") ?? "{}").drafts?.length > 0);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts[0].id);
  await page.goto(`${origin}/assess/${id}/goods`);
  await page.waitForSelector("#exporter-name");
  await page.fill("#exporter-name", exporter);
  await page.selectOption("#exporter-country", exporterCountry);
  await page.click("#goods-add");
  await page.fill("#goods-0-hs", hs);
  await page.fill("#goods-0-description", description);
  await page.fill("#goods-0-quantity", quantity);
  await page.waitForFunction((d) => localStorage.getItem("enduse.drafts").includes(d), description);
  await page.goto(`${origin}/assess/${id}/parties`);
  await page.waitForSelector("#buyer-name");
  await page.fill("#buyer-name", buyer);
  await page.selectOption("#buyer-country", buyerCountry);
  await page.waitForFunction((b) => localStorage.getItem("enduse.drafts").includes(b), buyer);
  return id;
}

/**
 * The Kazakh buyer's answers on the declaration form, from its role to the
 * signatory, as both round-trip tests type them (the company address is
 * left to the caller: one test checks it is asked for).
 */
export async function fillBuyerDeclaration(buyer) {
  await buyer.selectOption("#declare-customer-role", "ultimate_consignee");
  await buyer.check("#declare-disposition-incorporate");
  await buyer.fill("#declare-end-user-name", "ТОО Степь Трейд");
  await buyer.fill("#declare-end-user-address", "пр. Абая 10, Алматы");
  await buyer.selectOption("#declare-end-user-country", "KZ");
  await buyer.selectOption("#declare-end-use-country", "KZ");
  for (const c of ["no-russia-belarus", "no-military", "audit", "flow-down"]) await buyer.check(`#declare-commit-${c}`);
  await buyer.fill("#declare-signatory-name", "Айгерим Нурланова");
  await buyer.fill("#declare-signatory-title", "Директор");
}
