// The declaration round trip (issue #19): nothing lost, nothing leaked. Both sides reload at
// every step and must find everything still there: the exporter's requests and the imported
// response (kept with the draft, re-verified on load, in the record and in the draft export),
// the counterparty's declaration as typed (per request id) and its signatory for the next one.
// The request itself carries only what the counterparty must see.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, open, assertClean, download as downloadTo, exporterDraft, fillBuyerDeclaration } from "./harness.mjs";

let env;
const work = mkdtempSync(join(tmpdir(), "enduse-roundtrip-"));
before(async () => {
  env = await launch(process.env.ENDUSE_DIST ? { dist: process.env.ENDUSE_DIST } : {});
});
after(async () => {
  await env?.close();
});
const download = (page, selector, name) => downloadTo(page, selector, work, name);

async function atResults(page, id) {
  await page.goto(`${env.origin}/assess/${id}/results`);
  await page.waitForSelector("#record-actions-heading");
}

async function reloadDeclare(page) {
  await page.reload();
  await page.waitForSelector("#declare-form-heading");
}

test("round trip with reloads at every step: requests, response and typed declaration all stay", async () => {
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
  await atResults(exporter, id);

  // 1. The request: need to know only.
  const requestFile = await download(exporter, "#request-create", "request.json");
  const request = JSON.parse(readFileSync(requestFile, "utf8"));
  for (const party of request.body.parties) {
    assert.deepEqual(Object.keys(party).sort(), ["address", "country", "name", "role"], JSON.stringify(party));
  }
  // Need to know: the goods, the parties as the exporter names them, nothing of the
  // exporter's own answers (signals, dealings, findings, screening).
  assert.deepEqual(Object.keys(request.body).sort(), ["created", "exporter", "goods", "language", "parties", "request_id"]);
  const goodsFields = ["currency", "description", "hs_code", "manufacturer", "origin", "quantity", "unit", "value"];
  for (const line of request.body.goods) {
    for (const key of Object.keys(line)) assert.ok(goodsFields.includes(key), `goods field ${key}`);
  }
  const requestId = request.body.request_id;
  const link = await exporter.inputValue("#request-link");

  // Reload: the request is still listed with the draft.
  await exporter.reload();
  await exporter.waitForSelector(`.declaration-requests li[data-request-id="${requestId}"]`);
  assert.equal(await exporter.getAttribute(`.declaration-requests li[data-request-id="${requestId}"]`, "data-status"), "requested");

  // Creating again asks first; "Cancel" keeps the one request.
  await exporter.click("#request-create");
  await exporter.waitForSelector("#request-again-yes");
  await exporter.click("#request-again-no");
  assert.equal(await exporter.locator(".declaration-requests li").count(), 1);

  // 2. Counterparty: types part of the declaration, reloads, reopens the link.
  // A Russian browser and no saved choice: the form opens in Russian (the request is English).
  const buyer = await env.newPage({ locale: "ru-RU" });
  await buyer.goto(link);
  await buyer.waitForSelector("#declare-form-heading");
  await buyer.waitForFunction(() => document.querySelector("#declare-form-heading")?.textContent.includes("декларация"));
  await buyer.fill("#declare-customer-address", "пр. Абая 10, Алматы");
  await buyer.fill("#declare-end-use", "Сборка контроллеров для насосных станций");
  await buyer.waitForSelector('.autosave[data-saved="true"]');
  await reloadDeclare(buyer);
  assert.equal(await buyer.inputValue("#declare-customer-address"), "пр. Абая 10, Алматы");
  assert.equal(await buyer.inputValue("#declare-end-use"), "Сборка контроллеров для насосных станций");
  await buyer.goto("about:blank");
  await buyer.goto(link);
  await buyer.waitForSelector("#declare-form-heading");
  assert.equal(await buyer.inputValue("#declare-end-use"), "Сборка контроллеров для насосных станций", "reopening the link restores");

  await fillBuyerDeclaration(buyer);
  await reloadDeclare(buyer);
  assert.equal(await buyer.inputValue("#declare-signatory-name"), "Айгерим Нурланова");
  assert.equal(await buyer.isChecked("#declare-commit-flow-down"), true);
  assert.equal(await buyer.inputValue("#declare-end-user-name"), "ТОО Степь Трейд");
  const responseFile = await download(buyer, "#declare-download", "response.json");
  const response = JSON.parse(readFileSync(responseFile, "utf8"));
  assert.equal(response.body.request_digest, request.digest);
  const responseLink = await buyer.inputValue("#declare-response-link");
  await reloadDeclare(buyer);
  assert.equal(await buyer.inputValue("#declare-signatory-title"), "Директор", "still there after the download");
  assertClean(assert, buyer);

  // 3. Exporter: another step and back, then the import; reloads keep it.
  await exporter.goto(`${env.origin}/assess/${id}/goods`);
  await exporter.waitForSelector("#step-heading");
  await atResults(exporter, id);
  await exporter.setInputFiles("#response-file", responseFile);
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_unsigned"]');
  // The request named no end user: the match says so.
  await exporter.waitForSelector('.declaration-check .unasked li[data-unasked="end_user"]');
  await exporter.reload();
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_unsigned"]');
  assert.equal(await exporter.getAttribute(`.declaration-requests li[data-request-id="${requestId}"]`, "data-status"), "received_matching_unsigned");
  await exporter.goto(`${env.origin}/assess/${id}/parties`);
  await exporter.waitForSelector("#step-heading");
  await atResults(exporter, id);
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_unsigned"]');

  // The same response again is refused with the reason; nothing changes.
  await exporter.setInputFiles("#response-file", responseFile);
  await exporter.waitForFunction(() => /already kept/.test([...document.querySelectorAll(".record-notice")].map((e) => e.textContent).join(" ")));

  // A second request, after saying yes: both listed; the earlier one's answer still matches it.
  await exporter.click("#request-create");
  await exporter.waitForSelector("#request-again-yes");
  assert.equal(await exporter.locator(".declaration-requests li").count(), 1, "no second request without a yes");
  await download(exporter, "#request-again-yes", "request-2.json");
  await exporter.reload();
  await exporter.waitForFunction(() => document.querySelectorAll(".declaration-requests li").length === 2);
  assert.equal(await exporter.getAttribute(`.declaration-requests li[data-request-id="${requestId}"]`, "data-status"), "received_matching_unsigned");

  // 4. The record carries the declaration, downloaded long after the import.
  await exporter.fill("#record-signatory-name", "Erika Muster");
  const record = JSON.parse(readFileSync(await download(exporter, "#record-download", "record.json"), "utf8"));
  assert.equal(record.body.declaration_status, "received_matching_unsigned");
  assert.equal(record.body.declarations.length, 1);
  assert.equal(record.body.declarations[0].digest, response.digest);

  // The response link opened on the exporter's side names the draft it answers, not a dead end.
  await exporter.goto(responseLink);
  await exporter.waitForSelector(".response-to-draft li");
  assert.match(await exporter.locator(".response-to-draft li").first().textContent(), /already kept/);

  // 5. The draft export carries the documents; the imported copy re-verifies them.
  await open(exporter, env.origin, "/assess");
  const row = exporter.locator(".draft", { has: exporter.locator(`a[href="/assess/${id}/goods"]`) });
  const [file] = await Promise.all([exporter.waitForEvent("download"), row.getByRole("button", { name: "Export" }).click()]);
  const exportPath = join(work, "draft.json");
  await file.saveAs(exportPath);
  const exported = JSON.parse(readFileSync(exportPath, "utf8"));
  assert.equal(exported.declarations.requests.length, 2);
  assert.equal(exported.declarations.responses.length, 1);
  const before = await exporter.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts.map((d) => d.id));
  await exporter.setInputFiles("#draft-import", exportPath);
  await exporter.waitForFunction((n) => JSON.parse(localStorage.getItem("enduse.drafts")).drafts.length > n, before.length);
  const copy = (await exporter.evaluate(() => JSON.parse(localStorage.getItem("enduse.drafts")).drafts.map((d) => d.id))).find((d) => !before.includes(d));
  await atResults(exporter, copy);
  await exporter.waitForSelector('.declaration-check[data-status="received_matching_unsigned"]');
  assertClean(assert, exporter);

  // 6. The signatory is remembered in the counterparty's browser: a discarded form starts
  // again with it, and stays discarded after a reload.
  const next = buyer;
  await next.goto(link);
  await next.waitForSelector("#declare-form-heading");
  await next.click("#declare-discard");
  await next.waitForFunction(() => document.querySelector("#declare-end-use")?.value === "");
  assert.equal(await next.inputValue("#declare-signatory-name"), "Айгерим Нурланова", "signatory remembered after discard");
  await reloadDeclare(next);
  assert.equal(await next.inputValue("#declare-end-use"), "", "discarded stays discarded");
});
