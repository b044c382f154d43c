// Chained declarations (issue #8): an EU exporter → a Kazakh importer → a Kyrgyz end user,
// each in its own browser context, passing links. The chain verifies and rates as the rules
// say (CHAIN-EAEU-ONWARD, high); a change to the middle link is found and the hop named; a
// chain whose last hop is in Russia rates stop (CHAIN-HOP-RU-BY). Every page stays clean
// (console, CSP, other origins) and passes axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, open, assertClean, screenshot, ARTIFACTS, assertAxe, fitsViewport, download as downloadTo, exporterDraft as typedDraft } from "./harness.mjs";

let env;
const work = mkdtempSync(join(tmpdir(), "enduse-chain-"));
before(async () => {
  env = await launch(process.env.ENDUSE_DIST ? { dist: process.env.ENDUSE_DIST } : {});
});
after(async () => {
  await env?.close();
});

const fits = fitsViewport;
const download = (page, selector, name) => downloadTo(page, selector, work, name);

/** The exporter's draft: DE → KZ, one CHPL line (ball bearings), at its results page. */
async function exporterDraft(page) {
  const id = await typedDraft(page, env.origin, {
    exporter: "Muster Wälzlager GmbH",
    exporterCountry: "DE",
    hs: "848210",
    description: "Ball bearings",
    quantity: "4000",
    buyer: "Kulan Trade LLP",
    buyerCountry: "KZ",
  });
  await page.goto(`${env.origin}/assess/${id}/route`);
  await page.waitForSelector("#destination");
  await page.selectOption("#destination", "KZ");
  await page.waitForFunction(() => localStorage.getItem("enduse.drafts").includes('"destination":"KZ"'));
  await page.goto(`${env.origin}/assess/${id}/results`);
  await page.waitForSelector("#record-actions-heading");
  return id;
}

/** Fills the declaration form of the page's open request and seals it with the submit button. */
async function declare(page, { address, disposition, endUser, endUserCountry, endUse, documents = {} }) {
  await page.fill("#declare-customer-address", address);
  await page.selectOption("#declare-customer-role", disposition === "consume" ? "end_user" : "purchaser");
  await page.check(`#declare-disposition-${disposition}`);
  await page.fill("#declare-end-user-name", endUser);
  await page.fill("#declare-end-user-address", "Chui avenue 5, Bishkek");
  await page.selectOption("#declare-end-user-country", endUserCountry);
  await page.fill("#declare-end-use", endUse);
  await page.selectOption("#declare-end-use-country", endUserCountry);
  for (const [name, value] of Object.entries(documents)) await page.fill(`#declare-doc-${name}`, value);
  for (const c of ["no-russia-belarus", "no-military", "audit", "flow-down"]) await page.check(`#declare-commit-${c}`);
  await page.fill("#declare-signatory-name", "A. Signer");
  await page.fill("#declare-signatory-title", "Director");
}

/** Forwards the sealed declaration to the next party; returns the chain link for it. */
async function forwardTo(page, name, country, language) {
  await page.waitForSelector("#forward-heading");
  await page.fill("#forward-name", name);
  await page.selectOption("#forward-country", country);
  await page.fill("#forward-address", "Somewhere 1");
  await page.selectOption("#forward-language", language);
  await page.click("#forward-create");
  await page.waitForSelector("#forward-link");
  const link = await page.inputValue("#forward-link");
  assert.ok(link.startsWith(`${env.origin}/#/declare?r=`), link);
  return link;
}

/** Imports a chain link on the results page and uses it in the draft; returns the rule ids shown. */
async function useChain(page, link, expectedHops) {
  await page.fill("#response-link", link);
  await page.click(".import-link button[type=submit]");
  await page.waitForSelector("#import-chain");
  assert.equal(await page.getAttribute("#import-chain", "data-hops"), String(expectedHops));
  await page.click("#import-chain-use");
  await page.waitForSelector("#results-chain");
  return page.locator(".results [data-rule]").evaluateAll((els) => els.map((e) => e.dataset.rule));
}

test("exporter → KZ importer → KG end user: the chain verifies, rates high, a changed middle link is named, a Russian last hop is stop", async () => {
  // Exporter: the draft and the declaration request link.
  const exporter = await env.newPage();
  const draft = await exporterDraft(exporter);
  const before = await exporter.locator(".results [data-rule]").evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(!before.some((r) => r.startsWith("CHAIN-")), `no chain rule without a chain: ${before}`);
  await download(exporter, "#request-create", "request.json");
  const requestLink = await exporter.inputValue("#request-link");

  // Kazakh importer: declares hop 1 (resell abroad), with its documents, and forwards to Kyrgyzstan.
  const importer = await env.newPage();
  await importer.goto(requestLink);
  await importer.waitForSelector("#declare-request-heading");
  assert.equal(await importer.locator("#earlier-hops").count(), 0, "hop 1 has no earlier hops");
  await declare(importer, {
    address: "Abay avenue 10, Almaty",
    disposition: "resell_export",
    endUser: "Bishkek Automation LLC",
    endUserCountry: "KG",
    endUse: "Pump controllers for irrigation",
    documents: { esf: "ESF-KZ-2024-000123", customs_declaration: "50508/220324/0001", snt: "SNT-77", guarantee_obligation: "GO-17" },
  });
  // The importer signs its declaration and the request it forwards with its browser key.
  await importer.click("#declare-key-create");
  const importerKey = (await importer.locator(".signing-key .fingerprint").first().textContent()).trim();
  await importer.check("#declare-sign");
  const response1 = JSON.parse(readFileSync(await download(importer, "#declare-download", "response-1.json"), "utf8"));
  assert.equal(response1.format, "enduse-declaration-response", "hop 1 still saves a single response");
  assert.equal(response1.signature.fingerprint, importerKey);
  assert.equal(response1.body.documents.esf, "ESF-KZ-2024-000123");
  const kgLink = await forwardTo(importer, "Bishkek Automation LLC", "KG", "ru");
  await assertAxe(importer, "declare: forward section");
  await screenshot(importer, "chain-forward-1280.png");
  assertClean(assert, importer);

  // Kyrgyz end user: sees hop 1 under "earlier hops", declares own use, returns the chain.
  const endUser = await env.newPage();
  await endUser.goto(kgLink);
  await endUser.waitForSelector("#declare-request-heading");
  await endUser.waitForSelector("#earlier-hops");
  // Signed by a key nobody confirmed: declared, not "signed".
  assert.equal(await endUser.getAttribute('#earlier-hops tr[data-hop="1"]', "data-state"), "declared");
  assert.equal((await endUser.locator('#earlier-hops tr[data-hop="1"] .fingerprint').textContent()).trim(), importerKey);
  assert.equal(await endUser.getAttribute('#earlier-hops tr[data-hop="2"]', "data-state"), "awaiting");
  assert.match(await endUser.locator("#earlier-hops").textContent(), /Kulan Trade LLP/);
  assert.equal(await endUser.inputValue("#declare-customer-name"), "Bishkek Automation LLC");
  await assertAxe(endUser, "declare: earlier hops (ru)");
  await declare(endUser, {
    address: "Chui avenue 5, Bishkek",
    disposition: "consume",
    endUser: "Bishkek Automation LLC",
    endUserCountry: "KG",
    endUse: "Pump controllers for irrigation",
  });
  const chainFile = await download(endUser, "#declare-download", "chain.json");
  const chain = JSON.parse(readFileSync(chainFile, "utf8"));
  assert.equal(chain.format, "enduse-declaration-chain");
  assert.equal(chain.links.length, 4);
  assert.equal(chain.links[1].signature.fingerprint, importerKey, "hop 1's response is signed");
  assert.equal(chain.links[2].signature.fingerprint, importerKey, "the forwarded request is signed");
  assert.equal(chain.links[2].body.forwarded.hop, 2);
  assert.equal(chain.links[3].body.previous_response, chain.links[1].digest, "hop 2 names hop 1's response");
  const chainLink = await endUser.inputValue("#declare-response-link");
  assert.ok(chainLink.includes("#/declare?r="));
  await screenshot(endUser, "chain-declare-hop2-1280.png");
  await endUser.setViewportSize({ width: 375, height: 800 });
  assert.ok(await fits(endUser), "declare page with earlier hops and forwarding fits 375 px");
  await screenshot(endUser, "chain-declare-hop2-375.png");
  await endUser.setViewportSize({ width: 1280, height: 900 });

  // Exporter: imports the chain link; every hop verifies; using it rates high with CHAIN-EAEU-ONWARD.
  const rules = await useChain(exporter, chainLink, 2);
  assert.equal(await exporter.getAttribute("#import-chain .chain-verdict", "data-break"), "none");
  assert.deepEqual(
    await exporter.locator("#import-chain tr[data-hop]").evaluateAll((els) => els.map((e) => e.dataset.state)),
    ["declared", "declared"],
  );
  assert.ok(rules.includes("CHAIN-EAEU-ONWARD"), `rules: ${rules}`);
  assert.ok(!rules.includes("CHAIN-HOP-RU-BY"), `rules: ${rules}`);
  assert.equal((await exporter.locator(".results-rating .rating").textContent()).trim(), "High");
  assert.equal(await exporter.getAttribute(".declaration-check", "data-status"), "received_matching_unsigned");
  const hops = exporter.locator("#results-chain .chain-hop");
  assert.equal(await hops.count(), 2);
  assert.match(await hops.nth(1).textContent(), /Bishkek Automation LLC.*Kyrgyzstan/);
  assert.equal(await hops.nth(1).getAttribute("data-status"), "flagged", "CHAIN-EAEU-ONWARD names hop 2");
  const csv = readFileSync(await download(exporter, "#results-chain-csv", "chain.csv"), "utf8");
  assert.match(csv, /ESF-KZ-2024-000123/);
  assert.match(csv.split("\n")[0], /^"hop","party","country","role"/);
  await assertAxe(exporter, "results with the chain");
  await exporter.emulateMedia({ media: "print" });
  assert.ok(await exporter.locator("#results-chain .chain-list").isVisible(), "the chain is printed");
  await exporter.emulateMedia({ media: "screen" });
  await screenshot(exporter, "chain-results-1280.png");
  await exporter.locator("#results-chain").screenshot({ path: join(ARTIFACTS, "chain-view-1280.png") });
  await exporter.setViewportSize({ width: 375, height: 800 });
  assert.ok(await fits(exporter), "results with the chain fit 375 px");
  await exporter.locator("#results-chain").screenshot({ path: join(ARTIFACTS, "chain-view-375.png") });
  await exporter.setViewportSize({ width: 1280, height: 900 });

  // The attestation record carries the chain, and the verify page draws it.
  await exporter.fill("#record-signatory-name", "Erika Muster");
  const recordFile = await download(exporter, "#record-download", "record.json");
  const record = JSON.parse(readFileSync(recordFile, "utf8"));
  assert.deepEqual(record.body.transaction.chain.map((h) => h.country), ["KZ", "KG"]);
  assert.equal(record.body.transaction.chain[0].documents.esf, "ESF-KZ-2024-000123");
  await open(exporter, env.origin, "/verify");
  await exporter.setInputFiles("#verify-file", recordFile);
  await exporter.waitForSelector("#record-chain");
  const recordHops = exporter.locator("#record-chain .chain-hop");
  assert.equal(await recordHops.count(), 2);
  assert.match(await recordHops.nth(1).textContent(), /Bishkek Automation LLC/);
  assert.equal(await recordHops.nth(1).getAttribute("data-status"), "flagged");

  // The route step shows the hops as editable cards and the final destination.
  await exporter.goto(`${env.origin}/assess/${draft}/route`);
  await exporter.waitForSelector("#chain-final");
  assert.match(await exporter.locator("#chain-final").textContent(), /Kyrgyzstan/);
  assert.equal(await exporter.inputValue("#chain-0-party"), "Kulan Trade LLP");
  assert.equal(await exporter.inputValue("#chain-0-doc-esf"), "ESF-KZ-2024-000123");
  assert.equal(await exporter.inputValue("#chain-1-role"), "end_user");
  assert.deepEqual(
    await exporter.locator("#route-chain .chain-hop").evaluateAll((els) => els.map((e) => e.dataset.status)),
    ["declared", "flagged"],
    "statuses from the chain file kept in the draft and the live findings",
  );
  await assertAxe(exporter, "route step with the chain editor");

  // A changed middle link: hop 1's response edited in the chain file → hop 1 broken, hop 2 after the break.
  chain.links[1].body.customer.address = "Somewhere else 99";
  const altered = join(work, "altered.json");
  writeFileSync(altered, JSON.stringify(chain, null, 2));
  await open(exporter, env.origin, "/verify");
  await exporter.setInputFiles("#verify-file", altered);
  await exporter.waitForSelector("#verify-chain");
  assert.equal(await exporter.getAttribute("#verify-chain .chain-verdict", "data-break"), "1");
  assert.match(await exporter.locator("#verify-chain .chain-verdict").textContent(), /breaks at hop 1/);
  assert.equal(await exporter.getAttribute('#verify-chain tr[data-hop="1"]', "data-state"), "broken");
  assert.equal(await exporter.getAttribute('#verify-chain tr[data-hop="2"]', "data-state"), "broken");
  assert.equal(await exporter.getAttribute('#verify-chain-view [data-hop="1"]', "data-status"), "broken");
  await assertAxe(exporter, "verify: broken chain");
  await exporter.setViewportSize({ width: 375, height: 800 });
  assert.ok(await fits(exporter), "verify page with a chain fits 375 px");
  await exporter.setViewportSize({ width: 1280, height: 900 });
  // The intact file verifies on the same page.
  await exporter.setInputFiles("#verify-file", chainFile);
  await exporter.waitForSelector('#verify-chain .chain-verdict[data-break="none"]');
  await assertAxe(exporter, "verify: intact chain");
  // …and can be used in the draft from there: the draft opens at its results with the chain.
  await exporter.selectOption("#verify-chain-draft", draft);
  await exporter.click("#verify-chain-use");
  await exporter.waitForSelector("#results-chain");
  assert.equal(new URL(exporter.url()).pathname, `/assess/${draft}/results`);
  assert.ok(
    (await exporter.locator(".results [data-rule]").evaluateAll((els) => els.map((e) => e.dataset.rule))).includes("CHAIN-EAEU-ONWARD"),
  );

  // The Kyrgyz party forwards to a Russian company, which declares: the chain rates stop.
  const ruLink = await forwardTo(endUser, "Ural Komponent OOO", "RU", "ru");
  assertClean(assert, endUser);
  const russian = await env.newPage();
  await russian.goto(ruLink);
  await russian.waitForSelector("#earlier-hops");
  await declare(russian, {
    address: "Lenina 1, Yekaterinburg",
    disposition: "consume",
    endUser: "Ural Komponent OOO",
    endUserCountry: "RU",
    endUse: "Own production",
  });
  await download(russian, "#declare-download", "chain-ru.json");
  const ruChainLink = await russian.inputValue("#declare-response-link");
  assertClean(assert, russian);
  await exporter.goto(`${env.origin}/assess/${draft}/results`);
  await exporter.waitForSelector("#record-actions-heading");
  const ruRules = await useChain(exporter, ruChainLink, 3);
  assert.ok(ruRules.includes("CHAIN-HOP-RU-BY"), `rules: ${ruRules}`);
  assert.equal((await exporter.locator(".results-rating .rating").textContent()).trim(), "Stop");
  assert.equal(await exporter.locator("#results-chain .chain-hop").count(), 3);
  assert.equal(await exporter.getAttribute('#results-chain [data-hop="3"]', "data-status"), "flagged");
  // The chain link opened directly shows its verdict: the Russian declaration is flagged, not broken.
  await exporter.goto(ruChainLink);
  await exporter.waitForSelector("#declare-chain");
  assert.equal(await exporter.getAttribute("#declare-chain .chain-verdict", "data-break"), "none");
  assert.equal(await exporter.getAttribute('#declare-chain tr[data-hop="3"]', "data-state"), "flagged");
  assert.match(await exporter.locator('#declare-chain tr[data-hop="3"]').textContent(), /Russia or Belarus/i);
  assertClean(assert, exporter);
});

test("route step: hops are added, typed, reordered and removed; typed text survives a reload; the final destination follows the last hop", async () => {
  const page = await env.newPage();
  const draft = await exporterDraft(page);
  await page.goto(`${env.origin}/assess/${draft}/route`);
  await page.waitForSelector("#chain-add");
  assert.equal(await page.locator("#chain-final").count(), 0, "no final destination line without hops");
  await page.click("#chain-add");
  await page.fill("#chain-0-party", "Kulan Trade LLP");
  await page.selectOption("#chain-0-country", "KZ");
  await page.selectOption("#chain-0-role", "re_exporter");
  await page.fill("#chain-0-qty-0", "4 000");
  assert.match(await page.locator('label[for="chain-0-qty-0"]').textContent(), /Ball bearings/);
  assert.match(await page.locator("#chain-0-doc-esf-hint").textContent(), /Kazakhstan/);
  await page.click("#chain-add");
  await page.fill("#chain-1-party", "Kyiv Components");
  await page.selectOption("#chain-1-country", "UA");
  await page.waitForSelector("#chain-1-region");
  await page.fill("#chain-1-qty-0", "40x0");
  await page.waitForSelector("#chain-1-qty-0-error");
  await page.fill("#chain-1-received", "2024-04-02");
  assert.match(await page.locator("#chain-final").textContent(), /Ukraine/);
  await assertAxe(page, "route step: chain editor with two hops");

  // Move hop 2 up (by keyboard): its typed (and unparsed) text moves with it, focus follows it,
  // and the final destination follows the new last hop.
  await page.focus("#chain-1-up");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "chain-0-down");
  assert.equal(await page.inputValue("#chain-0-party"), "Kyiv Components");
  assert.equal(await page.inputValue("#chain-0-qty-0"), "40x0");
  assert.equal(await page.inputValue("#chain-0-received"), "2024-04-02");
  assert.equal(await page.inputValue("#chain-1-qty-0"), "4 000");
  assert.match(await page.locator("#chain-final").textContent(), /Kazakhstan/);
  assert.equal(await page.isDisabled("#chain-0-up"), true);
  assert.equal(await page.isDisabled("#chain-1-down"), true);
  await page.waitForFunction(() => localStorage.getItem("enduse.drafts").includes("40x0"));
  await page.reload();
  await page.waitForSelector("#chain-0-party");
  assert.equal(await page.inputValue("#chain-0-qty-0"), "40x0", "typed text survives a reload");
  assert.equal(await page.inputValue("#chain-1-party"), "Kulan Trade LLP");
  // No declarations yet; the last hop is a re-exporter, so the chain does not
  // reach an end user and CHAIN-FINAL-UNKNOWN-CHPL names that hop.
  assert.deepEqual(
    await page.locator("#route-chain .chain-hop").evaluateAll((els) => els.map((e) => e.dataset.status)),
    ["missing", "flagged"],
  );

  // Remove the first hop: the remaining one renumbers with its texts.
  await page.click("#chain-0-remove");
  assert.equal(await page.inputValue("#chain-0-party"), "Kulan Trade LLP");
  assert.equal(await page.inputValue("#chain-0-qty-0"), "4 000");
  assert.equal(await page.locator("#chain-1-party").count(), 0);
  // The live panel already includes the chain rules (a re-exporter last: final destination unknown).
  await page.waitForFunction(() => document.querySelector('.risk-panel [data-rule="CHAIN-FINAL-UNKNOWN-CHPL"], aside [data-rule="CHAIN-FINAL-UNKNOWN-CHPL"]'));
  await page.selectOption("#language", "kk");
  await page.waitForFunction(() => document.querySelector("#chain-heading")?.textContent.includes("тізбек"));
  await assertAxe(page, "route step: chain editor (kk)");
  assertClean(assert, page);
});
