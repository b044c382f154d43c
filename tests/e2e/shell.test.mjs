// The application shell: routes, keyboard reach, language, accessibility, privacy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, open, axeViolations, assertAxe, assertClean, ROOT } from "./harness.mjs";

const ROUTES = [
  { path: "/", en: "Check where your goods will really end up" },
  { path: "/assess", en: "New assessment" },
  { path: "/declare", en: "Counterparty declaration" },
  { path: "/verify", en: "Verify a record" },
  { path: "/screening", en: "Restricted-party screening" },
  { path: "/sources", en: "Sources & method" },
];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test("the built index.html carries a strict Content-Security-Policy and no inline script", () => {
  const html = readFileSync(join(ROOT, "dist", "index.html"), "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, "CSP meta tag present");
  const csp = Object.fromEntries(
    meta[1].split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([k, ...v]) => [k, v]),
  );
  assert.deepEqual(csp["default-src"], ["'self'"]);
  assert.deepEqual(csp["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp["connect-src"], ["'self'"]);
  assert.deepEqual(csp["object-src"], ["'none'"]);
  assert.deepEqual(csp["base-uri"], ["'self'"]);
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1].trim());
  assert.equal(inline.length, 0, "no inline scripts");
  assert.doesNotMatch(html, /<style[\s>]/, "no inline <style>");
});

test("every route renders its heading with no console error, CSP violation or foreign request", async () => {
  const page = await env.newPage();
  for (const route of ROUTES) {
    await open(page, env.origin, route.path);
    assert.equal((await page.locator("main h1").first().textContent()).trim(), route.en, route.path);
  }
  assertClean(assert, page);
});

test("every route is reachable from the navigation with the keyboard alone", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/");
  for (const route of ROUTES.slice(1)) {
    // Tab from the top of the page until the link to this route has focus, then press Enter.
    await page.locator("body").focus();
    await page.evaluate(() => document.activeElement?.blur());
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        (href) => document.activeElement?.tagName === "A" && document.activeElement.getAttribute("href") === href,
        route.path,
      );
    }
    assert.ok(reached, `reached the link to ${route.path} with Tab`);
    await page.keyboard.press("Enter");
    await page.waitForURL(env.origin + route.path);
    assert.equal((await page.locator("main h1").first().textContent()).trim(), route.en);
  }
  assertClean(assert, page);
});

test("the skip link is the first tab stop and moves focus to the main content", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
});

test("switching language changes the visible text, sets <html lang> and survives a reload", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/");
  await page.selectOption("#language", "ru");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Проверьте"));
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  await page.reload();
  await page.waitForSelector("main h1");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Проверьте"));
  await page.selectOption("#language", "kk");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Тауарларыңыз"));
  const nav = await page.locator("header nav").textContent();
  assert.match(nav, /Жаңа бағалау/);
  assert.equal(await page.getAttribute("html", "lang"), "kk");
  await page.selectOption("#language", "en");
  assertClean(assert, page);
});

test("axe reports no WCAG A/AA violation on any route, in every language", async () => {
  const page = await env.newPage();
  for (const lang of ["en", "ru", "kk"]) {
    await open(page, env.origin, "/");
    await page.selectOption("#language", lang);
    for (const route of ROUTES) {
      await open(page, env.origin, route.path);
      assert.deepEqual(await axeViolations(page), [], `${lang} ${route.path}`);
    }
  }
  await page.selectOption("#language", "en");
  assertClean(assert, page);
});

test("a reload on a deep link serves the app, and an unknown address shows a helpful page", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/verify");
  await page.reload();
  await page.waitForSelector("main h1");
  assert.equal((await page.locator("main h1").textContent()).trim(), "Verify a record");
  await open(page, env.origin, "/no/such/page");
  assert.equal((await page.locator("main h1").textContent()).trim(), "Page not found");
  assertClean(assert, page);
});

test("a draft created on the assessment page survives a reload", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/assess");
  await page.getByRole("button", { name: "New draft" }).click();
  const name = page.getByLabel("Draft name").first();
  await name.fill("Kazakh distributor, Q4");
  await name.press("Tab");
  await page.reload();
  await page.waitForSelector("main h1");
  assert.equal(await page.getByLabel("Draft name").first().inputValue(), "Kazakh distributor, Q4");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")));
  assert.equal(stored.schema_version, 2, "draft store schema 2 keeps each draft's declaration documents");
  assertClean(assert, page);
});

test("unreadable saved drafts are reported and left untouched", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/");
  await page.evaluate(() => localStorage.setItem("enduse.drafts", '{"schema_version": 99, "drafts": []}'));
  await open(page, env.origin, "/assess");
  await page.waitForSelector("[role=alert]");
  assert.match(await page.locator("[role=alert]").first().textContent(), /newer version/);
  await page.getByRole("button", { name: "New draft" }).click();
  assert.equal(
    await page.evaluate(() => localStorage.getItem("enduse.drafts")),
    '{"schema_version": 99, "drafts": []}',
  );
});

test("pages arrive as wasm chunks on first visit: Home loads none, each page loads its own once", async () => {
  const page = await env.newPage();
  const wasm = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith(".wasm")) wasm.push(name);
  });
  await open(page, env.origin, "/");
  const pageChunks = () => wasm.filter((name) => name.startsWith("split_"));
  assert.equal(wasm.filter((name) => /^enduse-web-[0-9a-f]+_bg\.wasm$/.test(name)).length, 1, `main module: ${wasm}`);
  assert.deepEqual(pageChunks(), [], "Home needs no page chunk");

  await page.getByRole("link", { name: "Verify" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Verify a record" }).waitFor();
  assert.equal(pageChunks().filter((name) => name.includes("verify_page")).length, 1, `${pageChunks()}`);
  assert.ok(pageChunks().every((name) => name.includes("verify_page")), `only the Verify chunk: ${pageChunks()}`);

  // Back and forth: nothing is fetched twice.
  await page.getByRole("link", { name: "Home" }).first().click();
  await page.getByRole("heading", { level: 1, name: ROUTES[0].en }).waitFor();
  await page.getByRole("link", { name: "Verify" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Verify a record" }).waitFor();
  assert.equal(new Set(wasm).size, wasm.length, `each module fetched once: ${wasm}`);
  assertClean(assert, page);
});

test("a page whose chunk cannot be fetched says so and offers a reload; the rest of the app keeps working", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/");
  // As after a redeployment that removed this build's chunks.
  await page.context().route(/\/split_verify_page-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.getByRole("link", { name: "Verify" }).first().click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "Everything you entered is saved" }).waitFor();
  assert.ok(await page.getByRole("button", { name: "Reload the page" }).isVisible());
  assert.deepEqual(page.problems.pageErrors, [], "no panic");
  await assertAxe(page, "chunk failure notice");

  // The shell still works: another page opens.
  await page.getByRole("link", { name: "Home" }).first().click();
  await page.getByRole("heading", { level: 1, name: ROUTES[0].en }).waitFor();
  await page.context().unroute(/\/split_verify_page-[0-9a-f]+\.wasm$/);
  await page.goto(env.origin + "/verify");
  await page.getByRole("heading", { level: 1, name: "Verify a record" }).waitFor();
});

test("the results stay usable when the record actions' chunk cannot be fetched", async () => {
  const page = await env.newPage();
  await page.context().route(/\/split_record_actions-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await open(page, env.origin, "/assess");
  await page.getByRole("button", { name: "New draft" }).click();
  await page.getByRole("link", { name: "Open" }).first().click();
  await page.waitForURL(/\/assess\/[^/]+\/[^/]+$/);
  await page.goto(page.url().replace(/[^/]+$/, "results"));
  await page.locator("#print").waitFor();
  const notice = page.locator(".results .chunk-failed");
  await notice.getByRole("alert").filter({ hasText: "Everything you entered is saved" }).waitFor();
  assert.ok(await notice.getByRole("button", { name: "Reload the page" }).isVisible());
  assert.ok(await page.locator(".results .missing-list, .results .rating").first().isVisible(), "the assessment is still shown");
  assert.deepEqual(page.problems.pageErrors, [], "no panic");
  await assertAxe(page, "results with the record actions missing");
});
