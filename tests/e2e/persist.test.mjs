// Feeds kept across visits (`persist`), end to end in headless Chromium:
// the page is served on 127.0.0.1, a secure context, so CacheStorage is
// there. A kept copy renders at once on the next visit, `stale` until the
// server (slow here) confirms it with a 304 or replaces it with a 200; a
// copy over a day old is neither shown nor validated against; a storage
// that throws, rejects or is missing is a warning and the widget works as
// without `persist`; without `persist` nothing is stored.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";
import { mountWidget, headlines, events } from "./feed-widget.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";
const STORE = "newsreel-feeds-v1";

// path -> what to answer: { status, body, type, headers, delay } or a function of the request.
const routes = new Map();
const requests = [];

function handle(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  if (!path.startsWith("/keep/")) return false;
  requests.push({ path, headers: req.headers });
  let route = routes.get(path);
  if (typeof route === "function") route = route(req);
  const answer = () => {
    if (!route) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(route.status ?? 200, { "content-type": route.type ?? "application/rss+xml", ...route.headers });
    res.end(route.body ?? "");
  };
  if (route?.delay) setTimeout(answer, route.delay);
  else answer();
  return true;
}

const requestsTo = (path) => requests.filter((r) => r.path === path);

function rss(items) {
  const entries = items.map(([id, headline, d]) =>
    `<item><title>${headline}</title><link>https://news.example/${id}</link><guid>https://news.example/${id}</guid>` +
    `<pubDate>Mon, ${String(d).padStart(2, "0")} Nov 2026 09:00:00 GMT</pubDate></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kept</title>${entries.join("")}</channel></rss>`;
}

let env;
before(async () => {
  env = await start(undefined, handle);
});
after(async () => {
  await env?.close();
});

/** Opens the test page in `context` (a new one unless given) and mounts a widget made by `attributes`. */
async function visit(context, attributes, { init } = {}) {
  const page = await context.newPage();
  const problems = { pageErrors: [] };
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.goto(env.url + PAGE);
  await mountWidget(page, attributes);
  return { page, problems };
}

const isStale = (page) => page.evaluate(() => document.querySelector("news-reel").hasAttribute("stale"));
const stored = (page) => page.evaluate(async (name) => {
  const names = await caches.keys();
  if (!names.includes(name)) return { names, urls: [] };
  return { names, urls: (await (await caches.open(name)).keys()).map((r) => r.url) };
}, STORE);

test("a kept copy renders at once on the next visit, stale, before a slow server confirms it (304) or replaces it (200)", async () => {
  let version = 1;
  let delay = 0;
  routes.set("/keep/news.xml", (req) => {
    const etag = `"k${version}"`;
    if (req.headers["if-none-match"] === etag) return { status: 304, headers: { etag }, delay };
    return { headers: { etag }, delay, body: rss([["a", `Alpha ${version}`, 1], ["b", "Bravo", 2]]) };
  });
  const { context } = await openPage(env.browser);
  const first = await visit(context, { src: "/keep/news.xml", persist: "" });
  await settled(first.page);
  assert.deepEqual(await headlines(first.page), ["Bravo", "Alpha 1"]);
  assert.equal(await isStale(first.page), false);
  await first.page.waitForFunction(async () => (await caches.keys()).length > 0, null, { timeout: 5000 });
  const kept = await stored(first.page);
  assert.deepEqual(kept.urls, [`${env.url}/keep/news.xml`], "kept under its absolute URL");
  await first.page.close();

  // The next visit: the server takes 2 s; the copy is on screen long before.
  delay = 2000;
  const before = requestsTo("/keep/news.xml").length;
  const second = await visit(context, { src: "/keep/news.xml", persist: "" });
  await settled(second.page);
  assert.deepEqual(await headlines(second.page), ["Bravo", "Alpha 1"]);
  assert.equal(await isStale(second.page), true, "stale until the server confirms it");
  assert.equal(await second.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=stale]").hidden), true,
    "nothing failed: the part has nothing to say");
  const [ready] = await events(second.page, "newsreel:ready");
  assert.deepEqual(ready.warnings, []);
  await second.page.waitForFunction(() => !document.querySelector("news-reel").hasAttribute("stale"), null, { timeout: 10000 });
  const revalidation = requestsTo("/keep/news.xml")[before];
  assert.equal(revalidation.headers["if-none-match"], '"k1"', "asked with the kept validators");
  assert.deepEqual(await events(second.page, "newsreel:update"), [], "a 304 changes nothing");
  assert.deepEqual(second.problems.pageErrors, []);
  await second.page.close();

  // A visit after the feed changed: the copy, then the new version, kept in its place.
  version = 2;
  const third = await visit(context, { src: "/keep/news.xml", persist: "" });
  await settled(third.page);
  assert.deepEqual(await headlines(third.page), ["Bravo", "Alpha 1"]);
  assert.equal(await isStale(third.page), true);
  await third.page.waitForFunction(() => window.events.some((e) => e.type === "newsreel:update"), null, { timeout: 10000 });
  assert.deepEqual(await headlines(third.page), ["Bravo", "Alpha 2"]);
  assert.equal(await isStale(third.page), false);
  await third.page.close();
  delay = 0;
  const fourth = await visit(context, { src: "/keep/news.xml", persist: "" });
  await settled(fourth.page);
  assert.deepEqual(await headlines(fourth.page), ["Bravo", "Alpha 2"], "the 200 replaced the kept copy");
  await context.close();
});

test("a copy over a day old is not shown, and not validated against", async () => {
  // no-store: the browser's own HTTP cache would otherwise revalidate with the ETag itself.
  routes.set("/keep/old.xml", { headers: { etag: '"old"', "cache-control": "no-store" }, body: rss([["o", "Old news", 1]]) });
  const { context } = await openPage(env.browser);
  const first = await visit(context, { src: "/keep/old.xml", persist: "" });
  await settled(first.page);
  await first.page.waitForFunction(async () => (await caches.keys()).length > 0, null, { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 300));
  await first.page.close();
  routes.set("/keep/old.xml", { headers: { etag: '"new"', "cache-control": "no-store" }, delay: 1500, body: rss([["n", "New news", 2]]) });
  const before = requestsTo("/keep/old.xml").length;
  // 25 hours later.
  const later = await visit(context, { src: "/keep/old.xml", persist: "" }, {
    init: () => { const now = Date.now; Date.now = () => now() + 25 * 3600 * 1000; },
  });
  await new Promise((r) => setTimeout(r, 700));
  assert.equal(await later.page.evaluate(() => document.querySelector("news-reel").getAttribute("state")), "loading", "the old copy is not shown");
  await settled(later.page);
  assert.deepEqual(await headlines(later.page), ["New news"]);
  assert.equal(await isStale(later.page), false);
  assert.equal(requestsTo("/keep/old.xml")[before].headers["if-none-match"], undefined, "no validators of a copy not shown");
  await context.close();
});

const BROKEN_STORAGE = [
  { name: "caches.open rejects", init: () => { CacheStorage.prototype.open = () => Promise.reject(new DOMException("storage is disabled", "SecurityError")); }, reason: /SecurityError: storage is disabled/ },
  { name: "caches.open throws", init: () => { CacheStorage.prototype.open = () => { throw new TypeError("no storage here"); }; }, reason: /TypeError: no storage here/ },
  { name: "caches is undefined", init: () => { Object.defineProperty(window, "caches", { value: undefined, configurable: true }); }, reason: /caches is undefined/ },
];

for (const broken of BROKEN_STORAGE) {
  test(`a storage that fails is a warning, and the feed loads as without persist: ${broken.name}`, async () => {
    routes.set("/keep/plain.xml", { body: rss([["p", "Plain", 1]]) });
    const { context } = await openPage(env.browser);
    const { page, problems } = await visit(context, { src: "/keep/plain.xml", persist: "" }, { init: broken.init });
    await settled(page);
    assert.equal(await page.evaluate(() => document.querySelector("news-reel").getAttribute("state")), "ready");
    assert.deepEqual(await headlines(page), ["Plain"]);
    assert.equal(await isStale(page), false);
    const [ready] = await events(page, "newsreel:ready");
    assert.equal(ready.warnings.length, 1, JSON.stringify(ready.warnings));
    assert.match(ready.warnings[0], /^persist: feeds are not kept across visits: the browser's storage failed \(/);
    assert.match(ready.warnings[0], broken.reason);
    assert.deepEqual(await events(page, "newsreel:error"), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test("without persist nothing is stored", async () => {
  routes.set("/keep/unkept.xml", { headers: { etag: '"u"' }, body: rss([["u", "Unkept", 1]]) });
  const { context } = await openPage(env.browser);
  const { page } = await visit(context, { src: "/keep/unkept.xml", refresh: "5" });
  await settled(page);
  assert.deepEqual(await headlines(page), ["Unkept"]);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(await stored(page), { names: [], urls: [] }, "no cache");
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), [], "no database");
  await context.close();
});

test("several feeds are kept each under its own URL, shown together at once, and confirmed or replaced each on its own", async () => {
  let sportVersion = 1;
  routes.set("/keep/world.xml", (req) => (req.headers["if-none-match"] === '"w1"'
    ? { status: 304, headers: { etag: '"w1"' }, delay: 1000 }
    : { headers: { etag: '"w1"' }, body: rss([["w", "World", 1]]) }));
  routes.set("/keep/sport.xml", (req) => {
    const etag = `"s${sportVersion}"`;
    if (req.headers["if-none-match"] === etag) return { status: 304, headers: { etag } };
    return { headers: { etag }, delay: sportVersion > 1 ? 1500 : 0, body: rss([["s", `Sport ${sportVersion}`, 2]]) };
  });
  const { context } = await openPage(env.browser);
  const first = await visit(context, { src: "/keep/world.xml /keep/sport.xml", persist: "" });
  await settled(first.page);
  assert.deepEqual(await headlines(first.page), ["Sport 1", "World"]);
  await first.page.waitForFunction(async () => (await (await caches.open("newsreel-feeds-v1")).keys()).length === 2, null, { timeout: 5000 });
  assert.deepEqual((await stored(first.page)).urls.sort(), [`${env.url}/keep/sport.xml`, `${env.url}/keep/world.xml`]);
  await first.page.close();

  sportVersion = 2;
  const second = await visit(context, { src: "/keep/world.xml /keep/sport.xml", persist: "" });
  await settled(second.page);
  assert.deepEqual(await headlines(second.page), ["Sport 1", "World"], "both kept copies, at once");
  assert.equal(await isStale(second.page), true);
  await second.page.waitForFunction(() => window.events.some((e) => e.type === "newsreel:update"), null, { timeout: 10000 });
  const [update] = await events(second.page, "newsreel:update");
  assert.deepEqual(update, { count: 2, added: [], removed: [] }, "the same story, a new headline");
  assert.deepEqual(await headlines(second.page), ["Sport 2", "World"]);
  await second.page.waitForFunction(() => !document.querySelector("news-reel").hasAttribute("stale"), null, { timeout: 10000 });
  await context.close();
});
