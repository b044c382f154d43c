// End-Use Check service worker: the app works offline after one visit.
//
// scripts/precache.mjs (a Trunk post_build hook) rewrites the two constants
// below with the list of built files and a version computed from their
// contents, so every deployment gets a new cache and a byte-different worker,
// which the browser installs on the next visit.
//
// Rules: only GET requests to this origin are ever handled or fetched; a request
// to another origin is left alone (and the page's CSP refuses it anyway). Drafts
// live in localStorage, which a worker cannot reach, so updates never touch them.
"use strict";

const VERSION = "unbuilt";
const PRECACHE = [];

const APP_CACHE = `enduse-app-${VERSION}`;
// Files that are not part of the build — the host's config.json and the
// ruleset, logo and lists it names — are fetched network-first, so a host's
// edits show up at once, and kept here for offline use.
const HOST_CACHE = "enduse-host";

const sameOrigin = (url) => new URL(url, self.location.href).origin === self.location.origin;
const local = (path) => new URL(path, self.registration.scope).href;

/** Caches the host's config.json and the files it names, when present. */
async function cacheHostFiles() {
  const cache = await caches.open(HOST_CACHE);
  let config;
  try {
    const response = await fetch(local("config.json"), { cache: "no-cache" });
    if (!response.ok) return;
    await cache.put(local("config.json"), response.clone());
    config = await response.json();
  } catch {
    return; // absent or broken: the page reports it
  }
  const named = [config?.logo, config?.ruleset];
  for (const list of Array.isArray(config?.sanctions_lists) ? config.sanctions_lists : []) {
    named.push(list?.file, ...(Array.isArray(list?.companions) ? list.companions : []));
  }
  for (const path of named) {
    // The page validates paths properly; here anything that is not a plain
    // same-origin relative path is simply skipped.
    if (typeof path !== "string" || !/^[A-Za-z0-9._~-][A-Za-z0-9._~\/-]*$/.test(path) || !sameOrigin(local(path))) continue;
    try {
      const response = await fetch(local(path), { cache: "no-cache" });
      if (response.ok) await cache.put(local(path), response);
    } catch {
      // offline use of that file is lost; online use is unaffected
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(APP_CACHE);
      await cache.addAll(PRECACHE.map(local));
      await cacheHostFiles();
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("enduse-app-") && name !== APP_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first, then the host cache: for files the build does not know. */
async function hostFile(request) {
  const cache = await caches.open(HOST_CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await cache.put(request.url, response.clone());
    else if (response.status === 404) await cache.delete(request.url);
    return response;
  } catch (err) {
    const cached = await cache.match(request.url);
    if (cached) return cached;
    throw err;
  }
}

/** Built files from the versioned cache; anything else is a host file. */
async function appOrHostFile(request) {
  const cached = await caches.match(request.url, { cacheName: APP_CACHE });
  return cached ?? hostFile(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !sameOrigin(request.url)) return;
  if (request.mode === "navigate") {
    // A single-page app: every route is index.html.
    event.respondWith(
      (async () => (await caches.match(local("./"), { cacheName: APP_CACHE })) ?? fetch(request))(),
    );
  } else {
    event.respondWith(appOrHostFile(request));
  }
});
