// The screening page: sample lists load, one name is screened and explained,
// a batch runs with progress and downloads as CSV, user files are added or
// refused with their line; accessible, usable on a phone, private.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, axeViolations, assertClean, screenshot, currentLists } from "./harness.mjs";

let env;
before(async () => {
  // ENDUSE_DIST: test a build made elsewhere (e.g. `trunk build --dist /tmp/x`).
  env = await launch(process.env.ENDUSE_DIST ? { dist: process.env.ENDUSE_DIST } : {});
});
after(async () => {
  await env?.close();
});

/** Opens /screening and waits until the site's lists are in the table. */
async function openScreening(page) {
  await open(page, env.origin, "/screening");
  await page.waitForSelector("#loaded-lists tbody tr");
}

/** Screens one name through the form and returns the outcome words shown. */
async function screenName(page, name) {
  await page.fill("#screen-name", name);
  await page.click(".screen-form button[type=submit]");
  const outcome = page.locator("#single-result .result-line [data-outcome]");
  await outcome.waitFor();
  // The result re-renders when the query changes; wait for this query's line.
  await page.waitForFunction(
    (n) => document.querySelector("#single-result .result-line")?.textContent.includes(n),
    name,
  );
  return (await outcome.textContent()).trim();
}

test("the sample lists load with format, entry count, date and SHA-256", async () => {
  const page = await env.newPage();
  await openScreening(page);
  const rows = page.locator("#loaded-lists tbody tr");
  assert.equal(await rows.count(), 4, "four sample lists from lists/index.json");
  const table = await page.locator("#loaded-lists").textContent();
  for (const file of ["sample-sdn.csv", "sample-alt.csv", "sample-add.csv", "sample-eu.xml", "sample-eu.csv", "sample-opensanctions.csv"]) {
    assert.match(table, new RegExp(file.replace(".", "\\.")), file);
  }
  assert.match(table, /OFAC SDN/);
  assert.match(table, /2026-11-01/, "EU files carry their generation date");
  assert.match(table, /SAMPLE OFAC SDN/, "labels from the manifest");
  const sdnRow = rows.filter({ hasText: "sample-sdn.csv" });
  assert.equal((await sdnRow.locator("td.num").textContent()).trim(), "24");
  const sha = await sdnRow.locator("code.hash").textContent();
  assert.match(sha, /^[0-9a-f]{12}$/);
  assert.match(await sdnRow.locator("code.hash").getAttribute("title"), /^[0-9a-f]{64}$/);
  assert.equal(await page.locator("#list-errors").count(), 0, "no load errors");
  // Samples are judged as samples: a "no list match" against them does not count.
  assert.match(await sdnRow.locator("td.standing").textContent(), /fictitious sample/);
  assert.equal(await sdnRow.locator("td.standing").getAttribute("data-standing"), "sample");
  await page.locator("#lists-not-current").waitFor();
  assert.equal(await screenName(page, "Northwind Garden Supplies GmbH"), "no list match");
  assert.match(await page.locator("#single-result .no-match-not-counted").textContent(), /does not count/);
  // The lists belong to the session, not the page: leave and come back.
  await page.click("nav a[href='/assess']");
  await page.waitForURL(env.origin + "/assess");
  await page.click("nav a[href='/screening']");
  await page.waitForSelector("#loaded-lists tbody tr");
  assert.equal(await rows.count(), 4, "lists still loaded after navigating away and back");
  assert.equal(await screenName(page, "Karatau Vektor Elektronika LLP"), "potential match");
  assertClean(assert, page);
});

test("a Cyrillic query with a Kazakh legal form finds the Latin entry as a potential match, explained", async () => {
  const page = await env.newPage();
  await openScreening(page);
  assert.equal(await screenName(page, "ТОО «Степпе Фалкон Авионикс»"), "potential match");
  const hit = page.locator("#single-result details.hit").first();
  assert.equal(await hit.getAttribute("open"), "", "the best hit is open");
  const text = await hit.textContent();
  assert.match(text, /STEPPE FALCON AVIONICS TOO/, "matched name");
  assert.match(text, /sample-(sdn\.csv|eu\.xml|eu\.csv|opensanctions\.csv)/, "list");
  assert.match(text, /990003|7002|SAMPLE-003/, "entry id");
  assert.match(text, /RUS/, "programme");
  assert.match(await hit.locator(".hit-score").textContent(), /^(0\.[89]\d|1\.00)$/, "overall score");
  const pairRows = hit.locator("table.pairs tbody tr");
  assert.equal(await pairRows.count(), 3, "one row per token pair");
  assert.match(await pairRows.first().textContent(), /\d\.\d\d/, "per-token similarity");
  // Kazakh legal form in Kazakh (ЖШС) on a Latin-script query also matches.
  assert.equal(await screenName(page, "Steppe Falcon Avionics ЖШС"), "potential match");
  assert.deepEqual(await axeViolations(page), [], "axe with an explained hit");
  await screenshot(page, "screening-hit.png");
  assertClean(assert, page);
});

test("a benign name gives 'no list match', never 'clear'", async () => {
  const page = await env.newPage();
  await openScreening(page);
  assert.equal(await screenName(page, "Northwind Garden Supplies GmbH"), "no list match");
  assert.equal(await page.locator("#single-result details.hit").count(), 0);
  assert.doesNotMatch(await page.locator("#single-result").textContent(), /\bclear(ed)?\b/i);
  assertClean(assert, page);
});

test("the threshold control is labelled, validated and changes the outcome", async () => {
  const page = await env.newPage();
  await openScreening(page);
  assert.equal(await page.locator("label[for=threshold]").count(), 1);
  // A partial name: potential match at a low threshold, weaker at 1.00.
  await page.fill("#threshold", "0.60");
  const low = await screenName(page, "Karatau Vektor");
  await page.fill("#threshold", "1");
  await page.waitForFunction(
    (before) => document.querySelector("#single-result [data-outcome]")?.textContent.trim() !== before,
    low,
  );
  const high = (await page.locator("#single-result [data-outcome]").textContent()).trim();
  assert.notEqual(low, high, `threshold changes the outcome (${low} → ${high})`);
  await page.fill("#threshold", "7");
  assert.equal(await page.getAttribute("#threshold", "aria-invalid"), "true");
  assert.match(await page.locator("#threshold-error").textContent(), /0\.50 to 1\.00/);
  assertClean(assert, page);
});

/** ~200 generated names: benign combinations plus a few listed ones. */
function namesCsv() {
  const a = ["Blue", "Silver", "North", "Maple", "Granite", "Harbor", "Sunny", "Cedar", "Orbit", "Willow"];
  const b = ["Bakery", "Textiles", "Garden", "Dental", "Bicycle", "Pottery", "Music", "Furniture", "Florist", "Coffee"];
  const c = ["Ltd", "GmbH", "LLC", "S.A.", "Co"];
  const names = [];
  for (let i = 0; names.length < 195; i++) {
    names.push(`${a[i % 10]} ${b[Math.floor(i / 10) % 10]} ${c[i % 5]} ${i}`);
  }
  names.push("ТОО «Степпе Фалкон Авионикс»", "Karatau Vektor Elektronika LLP", "Иссык-Куль Транзит Логистика", "Severny Shchit", "=cmd|' /C calc'!A0");
  return "id,name\n" + names.map((n, i) => `${i + 1},"${n.replace(/"/g, '""')}"`).join("\n") + "\n";
}

test("a batch CSV of 200 names shows progress, completes and downloads as CSV", async (t) => {
  const page = await env.newPage();
  await openScreening(page);
  // Record every value the progress bar takes.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector("#batch-progress");
      if (p) window.__progress.push(Number(p.getAttribute("value")));
    }).observe(document.querySelector("main"), { subtree: true, childList: true, attributes: true });
  });
  const started = Date.now();
  await page.setInputFiles("#batch-file", { name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(namesCsv()) });
  await page.waitForSelector("#batch-summary");
  t.diagnostic(`200 names screened and rendered in ${Date.now() - started} ms`);
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.some((v) => v > 0 && v < 200), `intermediate progress painted: ${seen.join(",")}`);
  assert.equal(await page.getAttribute("#batch-progress", "value"), "200");
  assert.equal(await page.getAttribute("#batch-progress", "max"), "200");
  assert.match(await page.locator("#batch-status").textContent(), /200 of 200 names screened/);
  const summary = await page.locator("#batch-summary").textContent();
  assert.match(summary, /^200 names screened: [34] potential match, \d+ review, \d+ no list match\.$/, summary);
  assert.equal(await page.locator("#batch-results tbody tr").count(), 200);
  assert.deepEqual(await axeViolations(page), [], "axe with batch results");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-download")]);
  assert.equal(download.suggestedFilename(), "screening-results.csv");
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, 201, "header and one row per name");
  assert.equal(lines[0], '"name","outcome","score","list","entry_id","entry_name","matched_name","programmes","hit_count"');
  assert.ok(lines.some((l) => l.startsWith('"ТОО «Степпе Фалкон Авионикс»","potential match",')), "Cyrillic row");
  assert.ok(lines.some((l) => l.startsWith('"Blue Bakery Ltd 0","no list match",')), "benign row");
  assert.ok(lines.some((l) => l.startsWith(`"'=cmd`)), "formula cell defused");
  assertClean(assert, page);
});

test("pasted names are screened too; a file without a name column is refused with its line", async () => {
  const page = await env.newPage();
  await openScreening(page);
  await page.fill("#batch-paste", "Northwind Garden Supplies GmbH\nТОО Каратау Вектор Электроника\n");
  await page.click(".batch-form button[type=submit]");
  await page.waitForSelector("#batch-summary");
  assert.match(await page.locator("#batch-summary").textContent(), /^2 names screened: 1 potential match, 0 review, 1 no list match\.$/);
  await page.setInputFiles("#batch-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("id,company\n1,Acme\n") });
  await page.waitForSelector(".screening-batch [role=alert]");
  assert.match(await page.locator(".screening-batch [role=alert]").textContent(), /bad\.csv line 1: several columns but none is called "name"/);
  assertClean(assert, page);
});

test("list files picked from disk are added; a broken one is refused with file and line", async () => {
  const page = await env.newPage();
  await openScreening(page);
  const extra =
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n" +
    "TEST-1,Company,QUOKKA VORTEX INSTRUMENTS LLP,ТОО «Квокка Вортекс Инструментс»,,kz,,,TEST,,,test,,,\n";
  const brokenSdn = readFileSync(new URL("../../public/lists/sample-sdn.csv", import.meta.url), "utf8").split("\n")[0] + '\n990099,"Y",-0- \n';
  await page.setInputFiles("#list-files", [
    { name: "my-targets.csv", mimeType: "text/csv", buffer: Buffer.from(extra) },
    { name: "broken-sdn.csv", mimeType: "text/csv", buffer: Buffer.from(brokenSdn) },
  ]);
  await page.waitForSelector("#loaded-lists tbody tr:nth-child(5)");
  assert.match(await page.locator("#loaded-lists").textContent(), /my-targets\.csv/);
  await page.waitForSelector("#list-errors");
  assert.match(await page.locator("#list-errors").textContent(), /broken-sdn\.csv line 2: /);
  assert.equal(await screenName(page, "Квокка Вортекс Инструментс"), "potential match");
  assertClean(assert, page);
});

test("the page works at 375 px without horizontal scrolling and by keyboard", async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await openScreening(page);
  await screenName(page, "ТОО «Степпе Фалкон Авионикс»");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll (overflow ${overflow}px)`);
  // Keyboard: focus the name field, type and press Enter.
  await page.focus("#screen-name");
  await page.fill("#screen-name", "");
  await page.keyboard.type("Northwind Garden Supplies GmbH");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#single-result [data-outcome]")?.textContent.trim() === "no list match");
  await screenshot(page, "screening-375.png");
  assertClean(assert, page);
});

test("the page is translated and axe-clean in every language", async () => {
  const page = await env.newPage();
  await openScreening(page);
  const headings = {};
  for (const lang of ["ru", "kk", "en"]) {
    await page.selectOption("#language", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    headings[lang] = (await page.locator("main h1").textContent()).trim();
    assert.deepEqual(await axeViolations(page), [], lang);
  }
  assert.equal(headings.en, "Restricted-party screening");
  assert.notEqual(headings.ru, headings.en);
  assert.notEqual(headings.kk, headings.ru);
  assertClean(assert, page);
});

test("a list the host fetched today is current; against it a no-match counts, against the samples it does not", async () => {
  const page = await env.newPage();
  await currentLists(page);
  await openScreening(page);
  const row = page.locator("#loaded-lists tbody tr").filter({ hasText: "current-test.csv" });
  assert.equal(await row.locator("td.standing").getAttribute("data-standing"), "current");
  assert.match(await row.locator("td.standing").textContent(), /current \(\d days old\)/);
  assert.equal(await page.locator("#lists-not-current").count(), 0, "no warning for current lists");
  assert.equal(await screenName(page, "Northwind Garden Supplies GmbH"), "no list match");
  assert.equal(await page.locator("#single-result .no-match-not-counted").count(), 0);

  // The questionnaire: a named buyer screened against the samples only is
  // not yet screened, and the results say why.
  const sampled = await env.newPage();
  await open(sampled, env.origin, "/assess");
  await sampled.getByRole("button", { name: "New draft" }).click();
  await sampled.waitForFunction(() => JSON.parse(localStorage.getItem("enduse.drafts") ?? "{}").drafts?.length > 0);
  const id = await sampled.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts[0].id);
  await sampled.goto(`${env.origin}/assess/${id}/parties`);
  await sampled.waitForSelector("#buyer-name");
  await sampled.fill("#buyer-name", "Northwind Garden Supplies GmbH");
  const finding = sampled.locator("[data-rule='SCREEN-LISTS-NOT-CURRENT']").first();
  await finding.waitFor({ state: "attached", timeout: 15000 });
  assert.match(await finding.textContent(), /fictitious sample/);
  assertClean(assert, page);
  assertClean(assert, sampled);
});

test("the questionnaire screens its named parties: a listed buyer stops the assessment with the hit named", async () => {
  const page = await env.newPage();
  await open(page, env.origin, "/assess");
  await page.getByRole("button", { name: "New draft" }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("enduse.drafts") ?? "{}").drafts?.length > 0);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts[0].id);
  await page.goto(`${env.origin}/assess/${id}/parties`);
  await page.waitForSelector("#buyer-name");
  await page.fill("#buyer-name", "ТОО «Степпе Фалкон Авионикс»");
  const finding = page.locator("#live-rating ~ * [data-rule='SCREEN-POTENTIAL-MATCH'], [data-rule='SCREEN-POTENTIAL-MATCH']").first();
  await finding.waitFor({ state: "attached", timeout: 15000 });
  assert.match(await finding.textContent(), /score 1\.00 with sample-\S+ entry \S+ .*STEPPE FALCON AVIONICS TOO/);
  assert.equal((await page.locator("#live-rating .rating").textContent()).trim(), "Stop");
  // A benign buyer: the finding goes away.
  await page.fill("#buyer-name", "Northwind Garden Supplies GmbH");
  await page.waitForFunction(() => !document.querySelector("[data-rule='SCREEN-POTENTIAL-MATCH']"));
  assertClean(assert, page);
});
