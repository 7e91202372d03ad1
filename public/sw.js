// Mesa Monitor's service worker: /monitor opens and reloads without a connection.
//
// Registered by /monitor (components/monitor/offline-support.tsx) with the scope /monitor: it
// handles the navigations to /monitor and the requests of those pages, nothing else of the site.
//
// - Navigations to /monitor (any query): network first. A 200 HTML page is kept (the last copy
//   of each address); when the network fails, the newer of that address's copy and its list
//   page's (/monitor?page=N, else /monitor) answers, else /monitor's, else any copy (the page
//   chooses the commitment from the address, in the browser, among those of its page).
//   A copy is replayed whole, headers included: its Content-Security-Policy names the nonce its
//   own scripts carry. A redirect (signed out: to /login), 401 or 403 drops every kept page; a
//   5xx falls back to a copy. A page reached by a client-side link (no navigation to see) gets
//   /monitor kept on its "keep" message when the copy is missing or over ten minutes old.
// - The build's files (/_next/static/: hashed, never changed) and other same-origin scripts,
//   styles and fonts: cache first.
// - Everything else goes to the network untouched, never kept: /api/*, /files/*, any request that
//   is not a GET (Server Actions, the outbox's uploads), RSC requests and prefetches.
//
// Whose pages: once the server confirmed the session, the page says "keep" with its user id; an
// id other than the kept pages' drops them first. "forget" (no session, another account's, or a
// sign-out form sent from the page) drops them all.
// Limits: signing out from another page leaves the copies until /monitor is next opened online
// (redirect) or a kept page learns it has no session; until then whoever has the browser can open
// the previous monitor's list offline, as they could read the evidence still queued in IndexedDB.
// The build files of past deployments stay until VERSION changes (a few hundred kB each).

const VERSION = "v1";
const PAGES = `mesa-monitor-pages-${VERSION}`;
const STATIC = `mesa-monitor-static-${VERSION}`;
const ORIGIN = self.location.origin;
const MONITOR = `${ORIGIN}/monitor`;
/** Whose pages PAGES holds, kept with them (not a page: its path is not /monitor). */
const OWNER = `${ORIGIN}/__mesa-monitor-owner`;
const exact = { ignoreVary: true };
const REFRESH_AFTER_MS = 10 * 60_000;

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("mesa-monitor-") && name !== PAGES && name !== STATIC) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== ORIGIN || url.pathname.startsWith("/api/") || url.pathname.startsWith("/files/")) return;
  if (request.mode === "navigate") {
    if (url.pathname === "/monitor") event.respondWith(page(event, url));
    return;
  }
  if (request.headers.has("RSC") || url.searchParams.has("_rsc")) return;
  if (url.pathname.startsWith("/_next/static/") || ["script", "style", "font"].includes(request.destination)) {
    event.respondWith(asset(event, url));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "keep" && Number.isInteger(data.userId)) {
    event.waitUntil(keepFor(data.userId, Array.isArray(data.assets) ? data.assets : []));
  } else if (data.type === "forget") {
    event.waitUntil(caches.delete(PAGES));
  }
});

const addressOf = (url) => `${url.origin}${url.pathname}${url.search}`;

function keepable(response) {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    (response.headers.get("Content-Type") ?? "").startsWith("text/html")
  );
}

/** Signed out (sent to /login) or not allowed: the kept pages are no one's to see. */
const refused = (response) => response.type === "opaqueredirect" || response.status === 401 || response.status === 403;

async function page(event, url) {
  const address = addressOf(url);
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = await keptPage(address);
    if (kept) return kept;
    throw error;
  }
  if (keepable(response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(PAGES).then((cache) => cache.put(address, copy)));
  } else if (refused(response)) {
    event.waitUntil(caches.delete(PAGES));
  } else if (response.status >= 500) {
    return (await keptPage(address)) ?? response;
  }
  return response;
}

/** When the server made a response (its Date header), in ms; 0 when unknown. */
const madeAt = (response) => Date.parse(response?.headers.get("Date") ?? "") || 0;

/** The list page an address shows: /monitor?page=N (N > 1) or /monitor. */
function listPageOf(address) {
  const page = new URL(address).searchParams.get("page");
  return page && page !== "1" ? `${MONITOR}?page=${encodeURIComponent(page)}` : MONITOR;
}

async function keptPage(address) {
  const cache = await caches.open(PAGES);
  const own = await cache.match(address, exact);
  const base = (await cache.match(listPageOf(address), exact)) ?? (await cache.match(MONITOR, exact));
  if (own || base) return own && base ? (madeAt(own) >= madeAt(base) ? own : base) : (own ?? base);
  const pages = (await cache.keys()).filter((request) => new URL(request.url).pathname === "/monitor");
  return pages.length > 0 ? cache.match(pages[pages.length - 1], exact) : undefined;
}

async function asset(event, url) {
  const cache = await caches.open(STATIC);
  const address = addressOf(url);
  const kept = await cache.match(address, exact);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    event.waitUntil(cache.put(address, copy));
  }
  return response;
}

/**
 * The page of `userId` is open and its session confirmed: the pages kept for anyone else go, and
 * /monitor and the build files the page loaded (before this worker could see them, on the first
 * visit) are kept if they are not yet.
 */
async function keepFor(userId, assets) {
  let pages = await caches.open(PAGES);
  const owner = await pages.match(OWNER);
  if (!owner || (await owner.text()) !== String(userId)) {
    await caches.delete(PAGES);
    pages = await caches.open(PAGES);
    await pages.put(OWNER, new Response(String(userId)));
  }
  if (Date.now() - madeAt(await pages.match(MONITOR, exact)) > REFRESH_AFTER_MS) {
    try {
      const response = await fetch(MONITOR, { credentials: "same-origin", redirect: "manual", cache: "no-store" });
      if (keepable(response)) await pages.put(MONITOR, response);
      else if (refused(response)) await caches.delete(PAGES);
    } catch {
      // Offline meanwhile: the next visit keeps it.
    }
  }
  const statics = await caches.open(STATIC);
  const wanted = assets.filter((path) => typeof path === "string" && path.startsWith("/_next/static/"));
  await Promise.all(
    wanted.slice(0, 200).map(async (path) => {
      const address = `${ORIGIN}${path}`;
      if (await statics.match(address, exact)) return;
      try {
        const response = await fetch(address);
        if (response.ok && response.type === "basic") await statics.put(address, response);
      } catch {
        // Kept the next time the page loads it.
      }
    }),
  );
}
