// Trusted keys (issue #16): the key book on /keys and the honest verdicts that follow it.
// Three browser contexts play the exporter, the buyer and a forger. A response signed by a
// fresh key is "signed, but by a key that is not trusted" and still counts as unsigned (the
// unsigned-declaration finding stays); once the exporter adds the key (confirmed by phone) it
// counts as signed and the finding goes. The book survives a reload, exports in the CLI's
// key book format and imports into another browser; a bad file is refused with its line and
// loses nothing. A forger's fresh key in the buyer's name is a loud "key changed" warning.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, open, assertClean, assertAxe, download as downloadTo, exporterDraft, fillBuyerDeclaration } from "./harness.mjs";

let env;
const work = mkdtempSync(join(tmpdir(), "enduse-keybook-"));
before(async () => {
  env = await launch(process.env.ENDUSE_DIST ? { dist: process.env.ENDUSE_DIST } : {});
});
after(async () => {
  await env?.close();
});
const download = (page, selector, name) => downloadTo(page, selector, work, name);

/** Creates a signing key in a key panel and returns its fingerprint. */
async function createKey(page, prefix) {
  await page.click(`#${prefix}-key-create`);
  const fp = page.locator(".signing-key .fingerprint").first();
  await fp.waitFor();
  return (await fp.textContent()).trim();
}

/** A counterparty in a fresh context answers `link` and signs with a fresh key. */
async function signedAnswer(link, name) {
  const page = await env.newPage();
  await page.goto(link);
  await page.waitForSelector("#declare-form-heading");
  await page.fill("#declare-customer-address", "пр. Абая 10, Алматы");
  await page.fill("#declare-end-use", "Assembly of pump controllers");
  await fillBuyerDeclaration(page);
  const key = await createKey(page, "declare");
  await page.check("#declare-sign");
  const file = await download(page, "#declare-download", name);
  assertClean(assert, page);
  return { page, key, file };
}

const unsignedFinding = '.results [data-rule="DECL-UNSIGNED-CHPL"]';

test("untrusted key → counted unsigned; trusted → signed; book survives reload, export, import; forger's key shows as changed", async () => {
  const exporter = await env.newPage();
  const id = await exporterDraft(exporter, env.origin, {
    exporter: "Muster Elektronik GmbH",
    exporterCountry: "DE",
    hs: "854231",
    description: "Microcontrollers, 32-bit",
    quantity: "5000",
    buyer: "Steppe Trade LLP",
    buyerCountry: "KZ",
  });
  // Shipped to Kazakhstan, so the unsigned-declaration rule for CHPL goods applies.
  await exporter.goto(`${env.origin}/assess/${id}/route`);
  await exporter.waitForSelector("#destination");
  await exporter.selectOption("#destination", "KZ");
  await exporter.waitForFunction(() => localStorage.getItem("enduse.drafts").includes('"destination":"KZ"'));
  const results = `${env.origin}/assess/${id}/results`;
  await exporter.goto(results);
  await exporter.waitForSelector("#record-actions-heading");
  await download(exporter, "#request-create", "request.json");
  const link = await exporter.inputValue("#request-link");

  const buyer = await signedAnswer(link, "response.json");
  const response = JSON.parse(readFileSync(buyer.file, "utf8"));
  assert.equal(response.signature.fingerprint, buyer.key);

  // 1. Imported: intact and validly signed, but by a key nobody confirmed. It says so, names
  //    the fingerprint and what to do, and the engine still counts the declaration as unsigned.
  await exporter.setInputFiles("#response-file", buyer.file);
  const check = exporter.locator(".declaration-check");
  await check.waitFor();
  assert.equal(await check.getAttribute("data-status"), "received_matching_unsigned");
  assert.equal(await check.getAttribute("data-verdict"), "untrusted");
  const untrusted = await check.locator(".signer-verdict").textContent();
  assert.ok(untrusted.includes(buyer.key), untrusted);
  assert.match(untrusted, /confirm this fingerprint with the signer out of band/);
  assert.match(untrusted, /add it to your key book/);
  await check.locator(".counted-unsigned").waitFor();
  await exporter.waitForSelector(unsignedFinding);

  // 2. Trusted after a phone call: now signed, and the unsigned-declaration finding goes.
  assert.equal(await exporter.inputValue("#response-trust-org"), "Steppe Trade LLP");
  await exporter.selectOption("#response-trust-how", "phone");
  await exporter.click("#response-trust");
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_signed"][data-verdict="trusted"]');
  await exporter.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, unsignedFinding);
  assert.match(await check.locator(".signer-verdict").textContent(), /Steppe Trade LLP, KZ \(confirmed by phone, \d{4}-\d\d-\d\d\)/);

  // 3. The book survives a reload: the response still counts as signed.
  await exporter.reload();
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_signed"]');
  assert.equal(await exporter.locator(unsignedFinding).count(), 0);

  // 4. /keys from the navigation lists it; export writes the CLI's key book format.
  await exporter.getByRole("navigation").getByRole("link", { name: "Trusted keys" }).click();
  const row = exporter.locator(`.own-keys tr[data-fingerprint="${buyer.key}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute("data-confirmed"), "phone");
  assert.match(await row.textContent(), /Steppe Trade LLP/);
  await assertAxe(exporter, "key book");
  const bookFile = await download(exporter, "#key-book-export", "keys.json");
  const book = JSON.parse(readFileSync(bookFile, "utf8"));
  assert.equal(book.format, "enduse-key-book");
  assert.equal(book.version, 1);
  assert.deepEqual(
    book.keys.map((k) => [k.fingerprint, k.organisation, k.country, k.confirmed]),
    [[buyer.key, "Steppe Trade LLP", "KZ", "phone"]],
  );

  // 5. Bad files are refused with the line, and nothing already trusted is lost.
  const conflicting = structuredClone(book);
  conflicting.keys[0].organisation = "Mallory Trading";
  const conflictFile = join(work, "conflict.json");
  writeFileSync(conflictFile, JSON.stringify(conflicting, null, 2));
  await exporter.setInputFiles("#key-book-import", conflictFile);
  await exporter.waitForFunction(() => /refused/.test(document.querySelector(".key-book .record-notice")?.textContent ?? ""));
  assert.match(await exporter.locator(".key-book .record-notice").textContent(), /already bound to "Steppe Trade LLP"/);
  const twice = structuredClone(book);
  twice.keys.push(structuredClone(book.keys[0]));
  const twiceFile = join(work, "twice.json");
  writeFileSync(twiceFile, JSON.stringify(twice, null, 2));
  await exporter.setInputFiles("#key-book-import", twiceFile);
  await exporter.waitForFunction(() => /listed twice/.test(document.querySelector(".key-book .record-notice")?.textContent ?? ""));
  assert.match(await exporter.locator(".key-book .record-notice").textContent(), /line \d+/);
  const brokenFile = join(work, "broken.json");
  writeFileSync(brokenFile, '{ "format": "enduse-key-book", "version": 1, "keys": [ { "public_key": "abc" } ] }');
  await exporter.setInputFiles("#key-book-import", brokenFile);
  await exporter.waitForFunction(() => /public_key/.test(document.querySelector(".key-book .record-notice")?.textContent ?? ""));
  assert.equal(await exporter.locator(".own-keys tr[data-fingerprint]").count(), 1, "nothing lost");

  // 6. Removed, the response counts as unsigned again; importing the export brings it back.
  await row.locator(".key-remove").click();
  await exporter.waitForSelector(".key-book-empty");
  await exporter.goto(results);
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_unsigned"]');
  await exporter.waitForSelector(unsignedFinding);
  await open(exporter, env.origin, "/keys");
  await exporter.setInputFiles("#key-book-import", bookFile);
  await row.waitFor();
  assert.equal(await row.getAttribute("data-confirmed"), "phone");

  // 7. /verify names who signed; a forger's fresh key in the buyer's name is a loud warning.
  await open(exporter, env.origin, "/verify");
  await exporter.locator("#verify-keys-link").waitFor();
  await exporter.setInputFiles("#verify-file", buyer.file);
  const result = exporter.locator(".verify-result");
  await result.waitFor();
  assert.equal(await result.getAttribute("data-verdict"), "trusted");
  assert.match(await result.locator(".verify-headline").textContent(), /signed by a trusted key: Steppe Trade LLP, KZ/);
  const forger = await signedAnswer(link, "forged.json");
  assert.notEqual(forger.key, buyer.key);
  await exporter.setInputFiles("#verify-file", forger.file);
  await exporter.waitForSelector('.verify-result[data-verdict="untrusted"] .verify-headline[data-key-changed="true"]');
  const warning = await exporter.locator(".verify-headline").textContent();
  assert.match(warning, /THE KEY CHANGED/);
  assert.ok(warning.includes(buyer.key) && warning.includes(forger.key), warning);
  assertClean(assert, exporter);

  // 8. Another browser: nothing trusted there until the book file is imported.
  const auditor = forger.page;
  await open(auditor, env.origin, "/verify");
  await auditor.setInputFiles("#verify-file", buyer.file);
  await auditor.waitForSelector('.verify-result[data-verdict="untrusted"]');
  await auditor.locator("#verify-trust").waitFor();
  await open(auditor, env.origin, "/keys");
  await auditor.waitForSelector(".key-book-empty");
  await auditor.setInputFiles("#key-book-import", bookFile);
  await auditor.locator(`.own-keys tr[data-fingerprint="${buyer.key}"]`).waitFor();
  await auditor.reload();
  await auditor.locator(`.own-keys tr[data-fingerprint="${buyer.key}"]`).waitFor();
  await open(auditor, env.origin, "/verify");
  await auditor.setInputFiles("#verify-file", buyer.file);
  await auditor.waitForSelector('.verify-result[data-verdict="trusted"]');
  assertClean(assert, auditor);
});
