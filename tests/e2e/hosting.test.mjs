// Self-hosting (issue #6): a trade association's config.json brands the app,
// sets its language and swaps the ruleset; the app then works offline; a broken
// config or ruleset is reported on the page while the app keeps working.
//
// Each test copies the built dist/ into a temporary folder, adds the host's
// files there and serves that folder, exactly as a host would deploy it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, open, assertClean, axeViolations, screenshot, ROOT } from "./harness.mjs";

const DIST = process.env.ENDUSE_DIST ?? join(ROOT, "dist");
const RU_HOME_TITLE = JSON.parse(readFileSync(join(ROOT, "locales/ru/shell.json"), "utf8")).home_title;
const EN_HOME_TITLE = JSON.parse(readFileSync(join(ROOT, "locales/en/shell.json"), "utf8")).home_title;
const RU_NEW_DRAFT = JSON.parse(readFileSync(join(ROOT, "locales/ru/shell.json"), "utf8")).drafts_new;
const BRAND = "#5a1d6e";
const CHANGED_TITLE = "Назначение — Россия или Беларусь (правило ассоциации)";

const folders = [];
const envs = [];
after(async () => {
  for (const env of envs) await env.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A copy of dist/ with the given extra files (path → content); returns its folder. */
function site(files) {
  const dir = mkdtempSync(join(tmpdir(), "enduse-hosting-"));
  folders.push(dir);
  cpSync(DIST, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function serve(files) {
  const env = await launch({ dist: site(files) });
  envs.push(env);
  return env;
}

/** The default ruleset with a new id/version and one Russian rule title changed. */
function customRuleset() {
  const original = readFileSync(join(ROOT, "rules/default.toml"), "utf8");
  const changed = original
    .replace(/^id = "enduse-default"$/m, 'id = "assoc-test"')
    .replace(/^version = "[^"]*"$/m, 'version = "9.9.9"')
    .replace('ru = "Страна назначения — Россия или Беларусь"', `ru = "${CHANGED_TITLE}"`);
  assert.notEqual(changed, original);
  assert.ok(changed.includes(CHANGED_TITLE) && changed.includes('id = "assoc-test"'), "ruleset edits applied");
  return changed;
}

const CONFIG = {
  organisation: { name: { en: "Test Traders Union", ru: "Союз тестовых экспортёров" } },
  logo: "brand/logo.svg",
  colours: { brand: BRAND, brand_contrast: "#ffffff" },
  contact: { email: "help@traders.example", text: { ru: "Горячая линия по санкциям" } },
  default_language: "ru",
  ruleset: "brand/ruleset.toml",
  guidance: { ru: "Храните оценку вместе с договором." },
};
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#5a1d6e"/></svg>';

test("a host's config.json sets name, logo, colours, language, guidance and the ruleset, and then the app works offline", async () => {
  const env = await serve({
    "config.json": JSON.stringify(CONFIG),
    "brand/logo.svg": LOGO,
    "brand/ruleset.toml": customRuleset(),
  });
  const page = await env.newPage();
  await open(page, env.origin, "/");

  assert.equal((await page.locator("header .host-name").textContent()).trim(), "Союз тестовых экспортёров");
  assert.equal(await page.locator("header img.host-logo").getAttribute("src"), "/brand/logo.svg");
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand").trim());
  assert.equal(brand, BRAND);
  const headerBackground = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
  assert.equal(headerBackground, "rgb(90, 29, 110)");
  assert.equal((await page.locator("main h1").first().textContent()).trim(), RU_HOME_TITLE, "default language ru");
  assert.equal(await page.locator("#language").inputValue(), "ru");
  assert.match(await page.locator(".host-info").textContent(), /Храните оценку вместе с договором\.[\s\S]*Горячая линия по санкциям[\s\S]*help@traders\.example/);
  assert.equal(await page.locator(".host-notice").count(), 0, "no problem notice for a valid config");
  assert.match(await page.locator("footer").textContent(), /assoc-test 9\.9\.9/);

  await page.locator('nav a[href="/sources"]').click();
  await page.waitForSelector("#rule-DEST-RU-BY");
  assert.match(await page.locator("#rule-DEST-RU-BY h2").textContent(), new RegExp(CHANGED_TITLE.replace(/[()]/g, "\\$&")));
  assert.match(await page.locator(".ruleset-facts").textContent(), /assoc-test/);
  assert.deepEqual(await axeViolations(page), [], "axe with the host's branding");
  await screenshot(page, "hosting-branded-sources.png");

  // The user's own language choice wins over the host's default, across reloads.
  await page.selectOption("#language", "en");
  await page.reload();
  await page.waitForSelector("main#main h1");
  assert.equal(await page.locator("#language").inputValue(), "en");
  assert.equal((await page.locator("header .host-name").textContent()).trim(), "Test Traders Union");
  await page.selectOption("#language", "ru");

  // Offline: once the service worker controls the page, the network is not needed.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
  await page.context().setOffline(true);
  await open(page, env.origin, "/");
  assert.equal((await page.locator("header .host-name").textContent()).trim(), "Союз тестовых экспортёров", "config from the cache");
  assert.match(await page.locator("footer").textContent(), /assoc-test 9\.9\.9/, "ruleset override from the cache");
  assert.equal(await page.locator(".update-notice").count(), 0, "no update notice without a new version");

  await open(page, env.origin, "/assess");
  await page.getByRole("button", { name: RU_NEW_DRAFT }).click();
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem("enduse.drafts") ?? "{}").drafts ?? []).length === 1);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts[0].id);
  await page.locator(`a[href="/assess/${id}/goods"]`).click();
  await page.waitForSelector("#step-heading");
  await page.waitForSelector("#live-rating .rating");
  await screenshot(page, "hosting-offline-assess.png");
  await page.context().setOffline(false);
  assertClean(assert, page);
});

test("a new deployment is announced with a reload notice, and drafts survive the update", async () => {
  const dir = site({});
  const env = await launch({ dist: dir });
  envs.push(env);
  const page = await env.newPage();
  await open(page, env.origin, "/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
    localStorage.setItem("enduse.update-probe", "kept");
  });
  // Deploy "a new version": the precache hook would write a new VERSION into sw.js.
  const swPath = join(dir, "sw.js");
  writeFileSync(swPath, readFileSync(swPath, "utf8").replace(/^const VERSION = "([^"]*)";$/m, 'const VERSION = "$1-next";'));
  await open(page, env.origin, "/");
  await page.waitForSelector(".update-notice", { timeout: 20_000 });
  const notice = page.locator(".update-notice button");
  await Promise.all([page.waitForEvent("load"), notice.click()]);
  await page.waitForSelector("main#main h1");
  assert.equal(await page.locator(".update-notice").count(), 0, "the notice is gone after reloading");
  assert.equal(await page.evaluate(() => localStorage.getItem("enduse.update-probe")), "kept");
  const caches = await page.evaluate(() => caches.keys());
  assert.ok(caches.some((c) => c.endsWith("-next")), `new cache in ${caches}`);
  assert.equal(caches.filter((c) => c.startsWith("enduse-app-")).length, 1, `old app cache removed: ${caches}`);
  assertClean(assert, page);
});

test("a broken config.json is listed in a visible notice and the app still works with its defaults", async () => {
  const env = await serve({
    "config.json": JSON.stringify({ logo: "https://cdn.example/logo.png", colours: { brand: "red" }, default_language: "de", colour: 1 }),
  });
  const page = await env.newPage();
  await open(page, env.origin, "/");
  const notice = page.locator(".host-notice");
  assert.equal(await notice.count(), 1);
  const text = await notice.textContent();
  for (const field of ["logo:", "colours.brand:", "default_language:", "colour:"]) {
    assert.ok(text.includes(field), `${field} in ${text}`);
  }
  assert.match(text, /config\.json/);
  assert.equal((await page.locator("main h1").first().textContent()).trim(), EN_HOME_TITLE, "defaults: English");
  assert.equal(await page.locator("header img").count(), 0, "no logo from another origin");
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand").trim());
  assert.equal(brand, "#1d4e89", "the stylesheet's colour");
  // The notice follows the language.
  await page.selectOption("#language", "ru");
  assert.match(await page.locator(".host-notice").textContent(), /ошибки/);
  await page.selectOption("#language", "en");
  await open(page, env.origin, "/assess");
  await page.getByRole("button", { name: "New draft" }).click();
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem("enduse.drafts") ?? "{}").drafts ?? []).length === 1);
  await screenshot(page, "hosting-broken-config.png");
  assertClean(assert, page);
});

test("a ruleset override that does not load is reported and the built-in ruleset is used", async () => {
  const env = await serve({
    "config.json": JSON.stringify({ ruleset: "rules/broken.toml", organisation: { name: "Broken Rules Ltd" } }),
    "rules/broken.toml": 'id = "x"\nversion = \n',
  });
  const page = await env.newPage();
  await open(page, env.origin, "/sources");
  const notice = await page.locator(".host-notice").textContent();
  assert.match(notice, /rules\/broken\.toml/);
  assert.match(notice, /built-in ruleset/);
  assert.equal((await page.locator("header .host-name").textContent()).trim(), "Broken Rules Ltd", "the rest of the config applies");
  assert.match(await page.locator(".ruleset-facts").textContent(), /enduse-default/);
  assertClean(assert, page);
});

test("the shipped config.json is valid and changes nothing", async () => {
  const env = await serve({});
  const page = await env.newPage();
  await open(page, env.origin, "/");
  assert.equal(await page.locator(".host-notice").count(), 0);
  assert.equal(await page.locator(".host-name").count(), 0);
  assert.equal((await page.locator("main h1").first().textContent()).trim(), EN_HOME_TITLE);
  assertClean(assert, page);
});

test("without config.json (a 404) the app starts with its defaults and no notice", async () => {
  const dir = site({});
  rmSync(join(dir, "config.json"));
  const env = await launch({ dist: dir });
  envs.push(env);
  const page = await env.newPage();
  await open(page, env.origin, "/");
  assert.equal(await page.locator(".host-notice").count(), 0);
  assert.equal((await page.locator("main h1").first().textContent()).trim(), EN_HOME_TITLE);
  // The browser itself logs the 404 of config.json; the app adds nothing.
  const { consoleErrors, ...rest } = page.problems;
  assert.deepEqual(consoleErrors.filter((e) => !/status of 404/.test(e)), []);
  assert.ok(consoleErrors.length <= 2, `only the config.json 404 (page and worker): ${consoleErrors}`);
  assertClean(assert, { problems: { ...rest, consoleErrors: [] } });
});

test("an index.html answer from a host's SPA fallback counts as a missing file, not a broken one", async () => {
  const env = await serve({ "config.json": JSON.stringify({ ruleset: "rules/missing.toml" }) });
  const page = await env.newPage();
  const fallback = (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!DOCTYPE html><title>app</title>" });
  await page.route("**/rules/missing.toml", fallback);
  await open(page, env.origin, "/sources");
  const notice = await page.locator(".host-notice").textContent();
  assert.match(notice, /rules\/missing\.toml: the file was not found on this site/);
  assert.match(await page.locator(".ruleset-facts").textContent(), /enduse-default/);
  assertClean(assert, page);

  // And an HTML answer for config.json itself means "no configuration": defaults, no notice.
  const quiet = await env.newPage();
  await quiet.route("**/config.json", fallback);
  await open(quiet, env.origin, "/");
  assert.equal(await quiet.locator(".host-notice").count(), 0);
  assertClean(assert, quiet);
});

test("the built-in ruleset is fetched, compiled, only when a page needs it (no TOML reader), and a missing file is reported there", async () => {
  const env = await serve({});
  const page = await env.newPage();
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await open(page, env.origin, "/");
  assert.ok(!requested.includes("/default.ruleset.json"), "Home does not load the ruleset");
  assert.match(await page.locator("footer").textContent(), /Ruleset loaded when needed/);
  await page.locator('nav a[href="/sources"]').click();
  await page.waitForSelector(".ruleset-facts");
  assert.ok(requested.includes("/default.ruleset.json"), "Sources & method loads it");
  assert.ok(!requested.includes("/default.toml"), "the TOML source is not fetched");
  assert.ok(!requested.some((p) => p.includes("split_ruleset_parser")), "nor the TOML reader's chunk");
  assert.match(await page.locator("footer").textContent(), /Ruleset enduse-default \S/);
  assertClean(assert, page);

  const dir = site({});
  rmSync(join(dir, "default.ruleset.json"));
  const bare = await launch({ dist: dir });
  envs.push(bare);
  const broken = await bare.newPage();
  await open(broken, bare.origin, "/sources");
  await broken.waitForSelector("main .alert");
  assert.match(await broken.locator("main .alert").first().textContent(), /default\.ruleset\.json: the file was not found on this site/);
});
