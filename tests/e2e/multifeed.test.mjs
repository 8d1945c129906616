// Several feeds in one ticker (`src` with several URLs), end to end in
// headless Chromium against a feed server in this test that records every
// request: RSS, Atom and JSON Feed merged (a duplicate across feeds kept
// once), each relative link read against its own feed's URL, failures of
// one feed beside others (a 404, a network error) as warnings, the error
// state only when all fail, refreshes per feed (an update over the merged
// ticker, `stale` naming the feed that failed, cleared by its success),
// conditional requests with each feed's own validators, the limit on URLs
// and `loading="lazy"` for all. Time is Playwright's fake clock.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";
import { mountWidget, headlines, events, state } from "./feed-widget.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";

// path -> what to answer: { status, body, type, headers } or a function of the request.
const routes = new Map();
// Every request to /multi/, in order: { path, headers }.
const requests = [];

function handle(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  if (!path.startsWith("/multi/")) return false;
  requests.push({ path, headers: req.headers });
  let route = routes.get(path);
  if (typeof route === "function") route = route(req);
  if (!route) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return true;
  }
  res.writeHead(route.status ?? 200, { "content-type": route.type ?? "application/rss+xml", ...route.headers });
  res.end(route.body ?? "");
  return true;
}

const requestsTo = (path) => requests.filter((r) => r.path === path);
async function requestCount(path, n) {
  for (let i = 0; i < 100 && requestsTo(path).length < n; i++) await new Promise((r) => setTimeout(r, 50));
  return requestsTo(path).length;
}

const day = (d) => `${String(d).padStart(2, "0")} Nov 2026 09:00:00 GMT`;

// RSS items [id, headline, day, link?]; no channel link, so relative links are the feed's.
function rss(items) {
  const entries = items.map(([id, headline, d, link = `https://news.example/${id}`]) =>
    `<item><title>${headline}</title><link>${link}</link><guid>https://news.example/${id}</guid><pubDate>Mon, ${day(d)}</pubDate></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>World</title>${entries.join("")}</channel></rss>`;
}

function atom(items) {
  const entries = items.map(([id, headline, d, link = `https://sport.example/${id}`]) =>
    `<entry><id>tag:sport,${id}</id><title>${headline}</title><link href="${link}"/><updated>2026-11-${String(d).padStart(2, "0")}T10:00:00Z</updated></entry>`);
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sport</title>${entries.join("")}</feed>`;
}

function jsonFeed(items) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Blog",
    items: items.map(([id, title, d, url = `https://blog.example/${id}`]) => ({ id, title, url, date_published: `2026-11-${String(d).padStart(2, "0")}T11:00:00Z`, content_text: `Text of ${id}` })),
  });
}

let env;
before(async () => {
  env = await start(undefined, handle);
});
after(async () => {
  await env?.close();
});

/** A page with fake timers and one widget made by `attributes`. */
async function widget(attributes, { into = "#app" } = {}) {
  const { page, context, problems } = await openPage(env.browser);
  await context.clock.install();
  await page.goto(env.url + PAGE);
  await mountWidget(page, attributes, into);
  return { page, context, problems };
}

const hrefs = (page) => page.evaluate(() =>
  [...document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) .pick")].map((e) => e.getAttribute("href")));
const isStale = (page) => page.evaluate(() => document.querySelector("news-reel").hasAttribute("stale"));
const staleText = (page) => page.evaluate(() => {
  const part = document.querySelector("news-reel").shadowRoot.querySelector("[part=stale]");
  return part.hidden ? null : part.textContent;
});
async function waitFor(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 10000 });
}

test("RSS, Atom and JSON Feed merge into one ticker, newest first, a duplicate once, each link read against its own feed", async () => {
  routes.set("/multi/world.xml", { body: rss([["w1", "World one", 2, "stories/w1"], ["shared", "Shared, first version", 3]]) });
  routes.set("/multi/sport/atom.xml", {
    type: "application/atom+xml",
    body: atom([["s1", "Sport one", 4, "s1.html"], ["s2", "Sport two", 1]]),
  });
  routes.set("/multi/blog/feed.json", {
    type: "application/feed+json",
    // The same story as the RSS feed's, by its URL, edited later.
    body: jsonFeed([["j1", "Blog one", 5, "posts/j1"], ["edit", "Shared, edited", 6, "https://news.example/shared"]]),
  });
  const { page, context, problems } = await widget({ src: " /multi/world.xml\n  /multi/sport/atom.xml\t/multi/blog/feed.json " });
  await settled(page);
  assert.equal(await state(page), "ready");
  assert.deepEqual(await headlines(page), ["Shared, edited", "Blog one", "Sport one", "World one", "Sport two"]);
  assert.deepEqual(await hrefs(page), [
    "https://news.example/shared",
    `${env.url}/multi/blog/posts/j1`,
    `${env.url}/multi/sport/s1.html`,
    `${env.url}/multi/stories/w1`,
    "https://sport.example/s2",
  ], "each feed's relative links are its own URL's");
  const [ready] = await events(page, "newsreel:ready");
  assert.deepEqual(ready, { count: 5, shown: 5, warnings: [] });
  const label = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=label]").textContent);
  assert.equal(label, "Latest news", "no one feed's title names them all");
  // A JSON Feed item's body, deferred in its own text, opens.
  await page.evaluate(() => document.querySelector("news-reel").select("j1"));
  const body = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=body]").textContent);
  assert.equal(body, "Text of j1");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").articles.length), 5);
  // max-items and tags apply to the merged ticker.
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("max-items", "2"));
  await waitFor(page, () => document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) .pick").length === 2);
  assert.deepEqual(await headlines(page), ["Shared, edited", "Blog one"]);
  for (const path of ["/multi/world.xml", "/multi/sport/atom.xml", "/multi/blog/feed.json"]) {
    assert.equal(requestsTo(path).length, 1, `${path} fetched once`);
  }
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("a feed that fails (a 404, a network error) leaves the others shown, and is named in ready's warnings", async () => {
  routes.set("/multi/up.xml", { body: rss([["u1", "Up one", 2], ["u2", "Up two", 1]]) });
  const { page, context, problems } = await widget({ src: "/multi/up.xml /multi/missing.xml http://127.0.0.1:9/feed.xml" });
  await settled(page);
  assert.equal(await state(page), "ready");
  assert.deepEqual(await headlines(page), ["Up one", "Up two"]);
  assert.equal(await isStale(page), false, "a feed that never loaded makes nothing stale");
  const [ready] = await events(page, "newsreel:ready");
  assert.equal(ready.warnings[0], "src: could not load /multi/missing.xml: HTTP 404");
  assert.match(ready.warnings[1], /^src: could not load http:\/\/127\.0\.0\.1:9\/feed\.xml: the request failed/);
  assert.equal(ready.warnings.length, 2);
  assert.deepEqual(await events(page, "newsreel:error"), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("only when every feed fails is it the error state, naming each", async () => {
  const { page, context, problems } = await widget({ src: "/multi/gone1.xml /multi/gone2.json javascript:alert(1)" });
  await settled(page);
  assert.equal(await state(page), "error");
  const [error] = await events(page, "newsreel:error");
  assert.equal(error.message,
    'could not load /multi/gone1.xml: HTTP 404; could not load /multi/gone2.json: HTTP 404; src "javascript:alert(1)" is not an http:, https: or relative URL (it is javascript:)');
  assert.deepEqual([error.status, error.url], [null, null]);
  const shown = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=error]").textContent);
  assert.match(shown, /^The news could not be shown: could not load \/multi\/gone1\.xml: HTTP 404; could not load \/multi\/gone2\.json/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("each feed refreshes on its own: an update over the merged ticker, stale naming the feed that failed, cleared by its success", async () => {
  let world = [["a", "Alpha", 1]];
  let sportFailing = false;
  let sport = [["b", "Bravo", 2]];
  routes.set("/multi/r-world.xml", () => ({ body: rss(world) }));
  routes.set("/multi/r-sport.xml", () => (sportFailing
    ? { status: 503, type: "text/plain", body: "down" }
    : { type: "application/atom+xml", body: atom(sport) }));
  const { page, context, problems } = await widget({ src: "/multi/r-world.xml /multi/r-sport.xml", refresh: "5" });
  await settled(page);
  assert.deepEqual(await headlines(page), ["Bravo", "Alpha"]);
  // One feed changes: the update is the merged ticker's.
  world = [["a", "Alpha", 1], ["c", "Charlie", 3]];
  sportFailing = true;
  await context.clock.fastForward(5100);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  await waitFor(page, () => document.querySelector("news-reel").hasAttribute("stale"));
  const [update] = await events(page, "newsreel:update");
  assert.deepEqual(update, { count: 3, added: ["https://news.example/c"], removed: [] });
  assert.deepEqual(await headlines(page), ["Charlie", "Bravo", "Alpha"], "the failed feed's news stays");
  assert.equal(await state(page), "ready");
  assert.equal(await staleText(page), "The news could not be updated: could not load /multi/r-sport.xml: HTTP 503");
  const [error] = await events(page, "newsreel:error");
  assert.deepEqual(error, { message: "could not load /multi/r-sport.xml: HTTP 503", status: 503, url: "/multi/r-sport.xml" });
  // The failing feed backs off (two intervals); the other polls every interval.
  const worldTries = requestsTo("/multi/r-world.xml").length;
  const sportTries = requestsTo("/multi/r-sport.xml").length;
  await context.clock.fastForward(5100);
  assert.equal(await requestCount("/multi/r-world.xml", worldTries + 1), worldTries + 1);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(requestsTo("/multi/r-sport.xml").length, sportTries, "backed off");
  assert.equal(await isStale(page), true, "the other feed's success does not clear it");
  sportFailing = false;
  sport = [["b", "Bravo", 2], ["d", "Delta", 4]];
  await context.clock.fastForward(5100);
  await waitFor(page, () => !document.querySelector("news-reel").hasAttribute("stale"));
  assert.equal(await staleText(page), null);
  await waitFor(page, () => window.events.filter((e) => e.type === "newsreel:update").length === 2);
  const updates = await events(page, "newsreel:update");
  assert.deepEqual(updates[1], { count: 4, added: ["tag:sport,d"], removed: [] });
  assert.deepEqual(await headlines(page), ["Delta", "Charlie", "Bravo", "Alpha"]);
  assert.equal((await events(page, "newsreel:ready")).length, 1);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("conditional requests carry each feed's own validators", async () => {
  let version = 1;
  const stamp = "Mon, 02 Nov 2026 09:00:00 GMT";
  routes.set("/multi/etag.xml", (req) => {
    const etag = `"e${version}"`;
    if (req.headers["if-none-match"] === etag) return { status: 304, headers: { etag } };
    return { headers: { etag }, body: rss([["e", `Etag version ${version}`, 2]]) };
  });
  routes.set("/multi/modified.json", (req) => (req.headers["if-modified-since"] === stamp
    ? { status: 304 }
    : { type: "application/feed+json", headers: { "last-modified": stamp }, body: jsonFeed([["m", "Modified", 1]]) }));
  const { page, context } = await widget({ src: "/multi/etag.xml /multi/modified.json", refresh: "5" });
  await settled(page);
  assert.deepEqual(await headlines(page), ["Etag version 1", "Modified"]);
  await page.evaluate(() => { window.firstPick = document.querySelector("news-reel").shadowRoot.querySelector(".pick"); });
  await context.clock.fastForward(5100);
  assert.equal(await requestCount("/multi/etag.xml", 2), 2);
  assert.equal(await requestCount("/multi/modified.json", 2), 2);
  const [etagRequest, modifiedRequest] = [requestsTo("/multi/etag.xml")[1], requestsTo("/multi/modified.json")[1]];
  assert.equal(etagRequest.headers["if-none-match"], '"e1"');
  assert.equal(etagRequest.headers["if-modified-since"], undefined);
  assert.equal(modifiedRequest.headers["if-modified-since"], stamp);
  assert.equal(modifiedRequest.headers["if-none-match"], undefined);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(await page.evaluate(() => window.firstPick === document.querySelector("news-reel").shadowRoot.querySelector(".pick")), "304s: nothing rebuilt");
  assert.deepEqual(await events(page, "newsreel:update"), []);
  version = 2;
  await context.clock.fastForward(5100);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  assert.deepEqual(await headlines(page), ["Etag version 2", "Modified"]);
  await context.close();
});

test("at most 8 URLs are fetched; the rest are named in a warning", async () => {
  for (let i = 1; i <= 10; i++) routes.set(`/multi/n${i}.xml`, { body: rss([[`n${i}`, `Number ${i}`, i]]) });
  const src = Array.from({ length: 10 }, (_, i) => `/multi/n${i + 1}.xml`).join(" ");
  const { page, context } = await widget({ src });
  await settled(page);
  assert.equal((await headlines(page)).length, 8);
  assert.equal(requestsTo("/multi/n9.xml").length + requestsTo("/multi/n10.xml").length, 0);
  const [ready] = await events(page, "newsreel:ready");
  assert.deepEqual(ready.warnings, ["src: ignored (a src takes at most 8 URLs): /multi/n9.xml /multi/n10.xml"]);
  await context.close();
});

test('loading="lazy" holds every feed until the widget comes near the viewport', async () => {
  routes.set("/multi/lazy1.xml", { body: rss([["l1", "Lazy one", 1]]) });
  routes.set("/multi/lazy2.xml", { body: rss([["l2", "Lazy two", 2]]) });
  const { page, context } = await widget({ src: "/multi/lazy1.xml /multi/lazy2.xml", loading: "lazy" }, { into: "#far" });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(requestsTo("/multi/lazy1.xml").length + requestsTo("/multi/lazy2.xml").length, 0, "below the fold: not fetched");
  await page.evaluate(() => document.querySelector("#far").scrollIntoView());
  await settled(page);
  assert.deepEqual(await headlines(page), ["Lazy two", "Lazy one"]);
  await context.close();
});
