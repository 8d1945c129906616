// Feeds by URL (`src`, `refresh`, `loading`), end to end in headless
// Chromium against a feed server in this test that records every request:
// RSS, Atom and JSON Feed by URL, encodings, conditional requests (ETag and
// Last-Modified), refreshes that add and remove headlines, `stale` and its
// recovery, no polling while nobody can see the widget, lazy loading, and
// failures that say what and where. Time is Playwright's fake clock, so a
// poll is a jump forward, not a wait.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { start, openPage, settled, axeViolations } from "./browser.mjs";
import { mountWidget, headlines, events, state } from "./feed-widget.mjs";
import { liveFeed } from "../../tools/serve.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";

// path -> what to answer: { status, body, type, headers } or a function of the request.
const routes = new Map();
// Every request to /feeds/, in order: { path, headers }.
const requests = [];

// The demo's live feed, a headline a second here.
const live = liveFeed(1000);

function handle(req, res) {
  if (live(req, res)) return true;
  const path = new URL(req.url, "http://localhost").pathname;
  if (!path.startsWith("/feeds/")) return false;
  requests.push({ path, headers: req.headers });
  let route = routes.get(path);
  if (typeof route === "function") route = route(req);
  if (!route) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return true;
  }
  if (route.hang) return true; // never answers
  if (route.stream) {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    const megabyte = "<!-- " + "x".repeat(1024 * 1024 - 9) + " -->";
    let left = 20;
    // A megabyte every 25 ms, the pace of a slow server: socket buffers would
    // otherwise take all 20 MB at once, before any reader could stop.
    const more = () => {
      if (left <= 0) return res.end();
      left--;
      chunkedSent++;
      res.write(megabyte);
      setTimeout(more, 25);
    };
    res.on("close", () => { left = 0; });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    more();
    return true;
  }
  res.writeHead(route.status ?? 200, { "content-type": route.type ?? "application/rss+xml", ...route.headers });
  res.end(route.body ?? "");
  return true;
}

const requestsTo = (path) => requests.filter((r) => r.path === path);

function rss(items, { title = "City desk", extra = "" } = {}) {
  const entries = items.map(([id, headline, day = 1]) =>
    `<item><title>${headline}</title><link>https://news.example/${id}</link><guid>https://news.example/${id}</guid>` +
    `<pubDate>Mon, ${String(day).padStart(2, "0")} Nov 2026 09:00:00 GMT</pubDate><description>Story ${id}.</description></item>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>${title}</title><link>https://news.example/</link>${extra}${entries.join("")}</channel></rss>`;
}

// A second origin (another port) that serves a feed without CORS headers.
let other;
let otherUrl;

let env;
before(async () => {
  env = await start(undefined, handle);
  other = createServer((req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([["x", "Elsewhere"]])));
  await new Promise((done) => other.listen(0, "127.0.0.1", done));
  otherUrl = `http://127.0.0.1:${other.address().port}/feed.xml`;
});
after(async () => {
  await env?.close();
  other?.close();
});

/** A page with fake timers and one widget made by `attributes`. */
async function widget(attributes, { into = "#app" } = {}) {
  const { page, context, problems } = await openPage(env.browser);
  await context.clock.install();
  await page.goto(env.url + PAGE);
  await mountWidget(page, attributes, into);
  return { page, context, problems };
}

const shadowText = (page, selector) => page.evaluate((s) => document.querySelector("news-reel").shadowRoot.querySelector(s)?.textContent ?? null, selector);
async function waitFor(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 10000 });
}
async function requestCount(path, n) {
  for (let i = 0; i < 100 && requestsTo(path).length < n; i++) await new Promise((r) => setTimeout(r, 50));
  return requestsTo(path).length;
}

test("an RSS 2.0 feed by src renders its headlines, with its bodies sanitised", async () => {
  routes.set("/feeds/city.xml", {
    body: rss([["a", "Older story", 1], ["b", "Bridge &amp; tunnel <b>reopen</b>", 3], ["c", "Middle story", 2]], {
      extra: "",
    }).replace("<description>Story b.</description>",
      "<content:encoded><![CDATA[<p onclick=\"alert(1)\">Full <em>story</em></p><script>window.ran = true</script>" +
      "<p><a href=\"/more\">More</a><img src=\"img/b.jpg\" alt=\"B\"></p>]]></content:encoded>"),
  });
  const { page, problems } = await widget({ src: "/feeds/city.xml" });
  await settled(page);
  assert.equal(await state(page), "ready");
  assert.deepEqual(await headlines(page), ["Bridge & tunnel reopen", "Middle story", "Older story"], "newest first, markup as text");
  const [ready] = await events(page, "newsreel:ready");
  assert.equal(ready.count, 3);
  const body = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=article]").innerHTML);
  assert.match(body, /Full <em>story<\/em>/);
  assert.doesNotMatch(body, /onclick|script/);
  // Relative links and images in a body are the feed's site's (its channel link), not the page's.
  assert.match(body, /<a href="https:\/\/news\.example\/more" rel="noopener noreferrer">More<\/a><img src="https:\/\/news\.example\/img\/b\.jpg" alt="B"/);
  assert.equal(await page.evaluate(() => window.ran), undefined, "no script from the feed ran");
  const [first] = requestsTo("/feeds/city.xml");
  assert.match(first.headers.accept, /application\/rss\+xml/);
  assert.match(first.headers.accept, /application\/atom\+xml/);
  assert.deepEqual(problems.pageErrors, []);
  await page.context().close();
});

test("a feed's XML is parsed once per text: max-items and tags decode its tree again", async () => {
  routes.set("/feeds/once.xml", { body: rss([["a", "First", 1], ["b", "Second", 2], ["c", "Third", 3]]) });
  const { page, context, problems } = await openPage(env.browser);
  await context.clock.install();
  await page.addInitScript(() => {
    window.xmlParses = 0;
    const parse = DOMParser.prototype.parseFromString;
    DOMParser.prototype.parseFromString = function (text, type) {
      if (type.endsWith("/xml")) window.xmlParses++;
      return parse.call(this, text, type);
    };
  });
  await page.goto(env.url + PAGE);
  await page.evaluate(() => {
    const el = document.createElement("news-reel");
    el.setAttribute("src", "/feeds/once.xml");
    document.querySelector("#app").append(el);
  });
  await settled(page);
  assert.deepEqual(await headlines(page), ["Third", "Second", "First"]);
  assert.equal(await page.evaluate(() => window.xmlParses), 1);
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("max-items", "2"));
  await settled(page);
  assert.deepEqual(await headlines(page), ["Third", "Second"]);
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("tags", "none-such"));
  await settled(page);
  assert.deepEqual(await headlines(page), []);
  assert.equal(await page.evaluate(() => window.xmlParses), 1, "the same text, the same tree");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("src wins over data in the page, and sends the page's cookies to its own origin", async () => {
  routes.set("/feeds/wins.xml", { body: rss([["w", "From the feed"]]) });
  const { page, context } = await openPage(env.browser);
  await page.goto(env.url + PAGE);
  await page.evaluate(() => {
    document.cookie = "reader=42; path=/";
    const el = document.createElement("news-reel");
    el.setAttribute("src", "/feeds/wins.xml");
    el.innerHTML = '<script type="application/json">{"latest":[{"headline":"From the page"}]}<\/script>';
    document.querySelector("#app").append(el);
  });
  await settled(page);
  assert.deepEqual(await headlines(page), ["From the feed"]);
  assert.equal(requestsTo("/feeds/wins.xml")[0].headers.cookie, "reader=42", "credentials: same-origin");
  await context.close();
});

test("Atom and JSON Feed load by src too", async () => {
  routes.set("/feeds/atom.xml", {
    type: "application/atom+xml",
    body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/blog/"><title>Blog</title>` +
      `<entry><id>tag:x,1</id><title type="html">Ports &lt;b&gt;busy&lt;/b&gt;</title><link rel="alternate" href="ports"/><updated>2026-11-02T10:00:00Z</updated></entry>` +
      `<entry><id>tag:x,2</id><title>Rail</title><link href="rail"/><updated>2026-11-01T10:00:00Z</updated></entry></feed>`,
  });
  routes.set("/feeds/feed.json", {
    type: "application/feed+json",
    body: JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ id: "1", title: "From JSON Feed", url: "j/1", content_text: "Hi" }] }),
  });
  const atom = await widget({ src: "/feeds/atom.xml" });
  await settled(atom.page);
  assert.deepEqual(await headlines(atom.page), ["Ports busy", "Rail"]);
  const href = await atom.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector(".pick").getAttribute("href"));
  assert.equal(href, "https://news.example/blog/ports", "read against xml:base");
  await atom.context.close();
  // No xml:base and no channel link: relative links are read against the feed's URL, not the page's.
  routes.set("/feeds/blog/rel.xml", { body: '<rss version="2.0"><channel><title>T</title><item><title>Rel</title><link>posts/1</link></item></channel></rss>' });
  const rel = await widget({ src: "/feeds/blog/rel.xml" });
  await settled(rel.page);
  const relHref = await rel.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector(".pick").getAttribute("href"));
  assert.equal(relHref, `${env.url}/feeds/blog/posts/1`);
  await rel.context.close();
  const json = await widget({ src: "/feeds/feed.json" });
  await settled(json.page);
  assert.deepEqual(await headlines(json.page), ["From JSON Feed"]);
  const jsonHref = await json.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector(".pick").getAttribute("href"));
  assert.equal(jsonHref, `${env.url}/feeds/j/1`, "a JSON Feed's too");
  await json.context.close();
});

test("feeds as sloppy as the wild: HTML entities, bare ampersands, white space before the declaration", async () => {
  routes.set("/feeds/sloppy.xml", {
    body: "\n\n  " + rss([["s", "AT&T&nbsp;&mdash; Q3 results &hearts;"]]),
  });
  const { page, context, problems } = await widget({ src: "/feeds/sloppy.xml" });
  await settled(page);
  assert.equal(await state(page), "ready");
  assert.deepEqual(await headlines(page), ["AT&T \u2014 Q3 results &hearts;"], "a no-break space folds as any space does in a headline");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  // Served as text/html with no XML declaration, as some servers serve every file.
  routes.set("/feeds/as-html.xml", { type: "text/html; charset=utf-8", body: rss([["h", "Served as HTML"]]).replace(/^<\?xml[^>]*>\n/, "") });
  const served = await widget({ src: "/feeds/as-html.xml" });
  await settled(served.page);
  assert.deepEqual(await headlines(served.page), ["Served as HTML"]);
  await served.context.close();
  // A PHP warning printed ahead of the feed (which also makes it text/html),
  // a host's script appended after it, and an unescaped <br> in a description.
  const warned = "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in <b>/var/www/feed.php</b><br />\n" +
    rss([["w", "Behind a warning"]]).replace("<description>Story w.</description>", "<description>Line<br>two</description>") +
    '\n<script src="https://host.example/counter.js"></script>';
  routes.set("/feeds/warned.xml", { type: "text/html; charset=UTF-8", body: warned });
  const behind = await widget({ src: "/feeds/warned.xml" });
  await settled(behind.page);
  assert.equal(await state(behind.page), "ready");
  assert.deepEqual(await headlines(behind.page), ["Behind a warning"]);
  const body = await behind.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="body"]').innerHTML);
  assert.match(body, /Line<br>two/);
  assert.deepEqual(behind.problems.pageErrors, []);
  await behind.context.close();
  // The same with no charset in the Content-Type: the declaration after the warning names it.
  const latinWarned = Buffer.concat([Buffer.from("<br />\n<b>Notice</b>: Undefined index<br />\n"),
    Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>Cora\xe7\xe3o</title><guid>c</guid></item></channel></rss>', "latin1")]);
  routes.set("/feeds/warned-latin1.xml", { type: "text/html", body: latinWarned });
  const latin = await widget({ src: "/feeds/warned-latin1.xml" });
  await settled(latin.page);
  assert.deepEqual(await headlines(latin.page), ["Coração"]);
  await latin.context.close();
});

test("ISO-8859-1, windows-1252, UTF-16 (with and without a mark), KOI8-R and Shift_JIS feeds read correctly, a server's charset that contradicts the declaration, and unlabelled bytes that are not UTF-8 (windows-1252)", async () => {
  const latin = (text) => Buffer.from(text, "latin1");
  // windows-1252: 0x93/0x94 are curly quotes, 0x80 the euro sign; named only by the XML declaration.
  const cp1252 = Buffer.concat([
    latin('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>T</title><item><title>'),
    Buffer.from([0x93]), latin("Caf\xe9 prices"), Buffer.from([0x94]), latin(" up 5 "), Buffer.from([0x80]),
    latin("</title><guid>w</guid></item></channel></rss>"),
  ]);
  routes.set("/feeds/cp1252.xml", { type: "application/xml", body: cp1252 });
  // ISO-8859-1 named by the Content-Type only.
  routes.set("/feeds/latin1.xml", {
    type: "application/rss+xml; charset=ISO-8859-1",
    body: latin('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Cora\xe7\xe3o de S\xe3o Paulo: M\xfcnchen gr\xfc\xdft</title><guid>l</guid></item></channel></rss>'),
  });
  // UTF-16 with a byte-order mark, whatever the Content-Type says.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>T</title><item><title>Ünïcode ☂</title><guid>u</guid></item></channel></rss>', "utf16le")]);
  routes.set("/feeds/utf16.xml", { type: "application/xml; charset=iso-8859-1", body: utf16 });
  // UTF-16BE with no byte-order mark: told by its first two characters.
  const utf16be = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>T</title><item><title>Big-endian ☂</title><guid>b</guid></item></channel></rss>', "utf16le").swap16();
  routes.set("/feeds/utf16be.xml", { type: "application/xml", body: utf16be });
  // KOI8-R named by the declaration, behind a charset TextDecoder does not know.
  const koi8 = Buffer.concat([latin('<?xml version="1.0" encoding="KOI8-R"?><rss version="2.0"><channel><title>T</title><item><title>'), Buffer.from([0xee, 0xcf, 0xd7, 0xcf, 0xd3, 0xd4, 0xc9]), latin("</title><guid>k</guid></item></channel></rss>")]);
  routes.set("/feeds/koi8.xml", { type: "application/rss+xml; charset=x-no-such-charset", body: koi8 });
  // Shift_JIS named by the Content-Type only.
  const sjis = Buffer.concat([latin('<rss version="2.0"><channel><title>T</title><item><title>'), Buffer.from([0x83, 0x6a, 0x83, 0x85, 0x81, 0x5b, 0x83, 0x58]), latin("</title><guid>j</guid></item></channel></rss>")]);
  routes.set("/feeds/sjis.xml", { type: "text/xml; charset=Shift_JIS", body: sjis });
  // A server's default charset against the feed's declaration: the bytes decide when one is UTF-8.
  const latinTitle = "Cora\u00e7\u00e3o de S\u00e3o Paulo";
  routes.set("/feeds/utf8-labelled-latin1.xml", {
    type: "application/rss+xml; charset=ISO-8859-1",
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><item><title>${latinTitle}</title><guid>a</guid></item></channel></rss>`, "utf8"),
  });
  routes.set("/feeds/utf8-undeclared-labelled-latin1.xml", {
    type: "application/rss+xml; charset=ISO-8859-1",
    body: Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>${latinTitle}</title><guid>d</guid></item></channel></rss>`, "utf8"),
  });
  routes.set("/feeds/latin1-declared-utf8.xml", {
    type: "application/rss+xml; charset=ISO-8859-1",
    body: latin(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><item><title>${latinTitle}</title><guid>b</guid></item></channel></rss>`),
  });
  // "Новости" in windows-1251, served as UTF-8 by a server whose default is UTF-8.
  const cp1251 = Buffer.concat([latin('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>T</title><item><title>'), Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]), latin("</title><guid>c</guid></item></channel></rss>")]);
  routes.set("/feeds/cp1251-labelled-utf8.xml", { type: "application/rss+xml; charset=utf-8", body: cp1251 });
  // No charset, no declaration, and bytes that are not UTF-8 (UOL's feed, served so): windows-1252.
  routes.set("/feeds/unlabelled-latin1.xml", {
    type: "text/xml",
    body: latin(`<rss><channel><title>Not\xedcias</title><item><title>\xdaltimas not\xedcias: ${latinTitle}</title><guid>n</guid></item></channel></rss>`),
  });
  // The same bytes in UTF-8, equally unlabelled, stay UTF-8.
  routes.set("/feeds/unlabelled-utf8.xml", {
    type: "text/xml",
    body: Buffer.from(`<rss><channel><title>T</title><item><title>\u00daltimas: ${latinTitle}</title><guid>u8</guid></item></channel></rss>`, "utf8"),
  });
  // A declaration that says UTF-16 in bytes that read as ASCII: UTF-8.
  routes.set("/feeds/mislabelled.xml", { type: "application/xml", body: Buffer.from('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>T</title><item><title>Caf\u00e9 au lait</title><guid>m</guid></item></channel></rss>', "utf8") });
  for (const [path, expected] of [
    ["/feeds/utf16.xml", "Ünïcode ☂"],
    ["/feeds/cp1252.xml", "\u201cCaf\u00e9 prices\u201d up 5 \u20ac"],
    ["/feeds/latin1.xml", "Cora\u00e7\u00e3o de S\u00e3o Paulo: M\u00fcnchen gr\u00fc\u00dft"],
    ["/feeds/utf16be.xml", "Big-endian ☂"],
    ["/feeds/koi8.xml", "Новости"],
    ["/feeds/sjis.xml", "ニュース"],
    ["/feeds/mislabelled.xml", "Caf\u00e9 au lait"],
    ["/feeds/utf8-labelled-latin1.xml", latinTitle],
    ["/feeds/utf8-undeclared-labelled-latin1.xml", latinTitle],
    ["/feeds/latin1-declared-utf8.xml", latinTitle],
    ["/feeds/cp1251-labelled-utf8.xml", "Новости"],
    ["/feeds/unlabelled-latin1.xml", `\u00daltimas not\u00edcias: ${latinTitle}`],
    ["/feeds/unlabelled-utf8.xml", `\u00daltimas: ${latinTitle}`],
  ]) {
    const { page, context } = await widget({ src: path });
    await settled(page);
    assert.deepEqual(await headlines(page), [expected], path);
    await context.close();
  }
});

test("refresh sends If-None-Match after an ETag, and a 304 changes nothing", async () => {
  let version = 1;
  routes.set("/feeds/etag.xml", (req) => {
    const etag = `"v${version}"`;
    if (req.headers["if-none-match"] === etag) return { status: 304, headers: { etag } };
    return { headers: { etag }, body: rss([["a", `Version ${version}`]]) };
  });
  const { page, context } = await widget({ src: "/feeds/etag.xml", refresh: "5" });
  await settled(page);
  await page.evaluate(() => { window.firstPick = document.querySelector("news-reel").shadowRoot.querySelector(".pick"); });
  await context.clock.fastForward(5100);
  assert.equal(await requestCount("/feeds/etag.xml", 2), 2);
  assert.equal(requestsTo("/feeds/etag.xml")[1].headers["if-none-match"], '"v1"');
  assert.ok(await page.evaluate(() => window.firstPick === document.querySelector("news-reel").shadowRoot.querySelector(".pick")), "304: nothing rebuilt");
  assert.deepEqual(await events(page, "newsreel:update"), []);
  version = 2;
  await context.clock.fastForward(5100);
  assert.equal(await requestCount("/feeds/etag.xml", 3), 3);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  assert.deepEqual(await headlines(page), ["Version 2"]);
  await context.close();
});

test("removing refresh stops the polling; setting it again starts it", async () => {
  routes.set("/feeds/toggle.xml", { body: rss([["a", "Toggle"]]) });
  const { page, context } = await widget({ src: "/feeds/toggle.xml", refresh: "5" });
  await settled(page);
  await page.evaluate(() => document.querySelector("news-reel").removeAttribute("refresh"));
  await context.clock.fastForward(30_000);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(requestsTo("/feeds/toggle.xml").length, 1, "no polling without refresh");
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("refresh", "10"));
  await context.clock.fastForward(10_100);
  assert.equal(await requestCount("/feeds/toggle.xml", 2), 2, "polling again, every 10 s");
  await context.close();
});

test("refresh sends If-Modified-Since after a Last-Modified", async () => {
  const stamp = "Mon, 02 Nov 2026 09:00:00 GMT";
  routes.set("/feeds/modified.xml", (req) =>
    req.headers["if-modified-since"] === stamp ? { status: 304 } : { headers: { "last-modified": stamp }, body: rss([["a", "Same"]]) });
  const { page, context } = await widget({ src: "/feeds/modified.xml", refresh: "5" });
  await settled(page);
  await context.clock.fastForward(5100);
  assert.equal(await requestCount("/feeds/modified.xml", 2), 2);
  assert.equal(requestsTo("/feeds/modified.xml")[1].headers["if-modified-since"], stamp);
  await context.close();
});

test("a refresh that adds and removes headlines updates the ticker in place", async () => {
  let items = [["a", "Alpha", 1], ["b", "Bravo", 2], ["c", "Charlie", 3]];
  routes.set("/feeds/live.xml", () => ({ body: rss(items) }));
  const { page, context } = await widget({ src: "/feeds/live.xml", refresh: "5", mode: "marquee" });
  await settled(page);
  await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    window.lane = root.querySelector(".lane");
    // A keyboard reader is on a headline that stays.
    root.querySelector('.items:not(.copy) .pick[data-id="https://news.example/c"]').focus();
  });
  items = [["b", "Bravo", 2], ["c", "Charlie", 3], ["d", "Delta", 4]];
  await context.clock.fastForward(5100);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  const [update] = await events(page, "newsreel:update");
  assert.deepEqual(update, { count: 3, added: ["https://news.example/d"], removed: ["https://news.example/a"] });
  assert.deepEqual(await headlines(page), ["Delta", "Charlie", "Bravo"]);
  const parts = await page.evaluate(() => [...document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) > li")].map((li) => li.getAttribute("part")));
  assert.deepEqual(parts, ["item new", "item", "item"], "the new headline is marked for a highlight");
  assert.deepEqual(await axeViolations(page), [], "axe, with the new headline highlighted");
  assert.ok(await page.evaluate(() => window.lane === document.querySelector("news-reel").shadowRoot.querySelector(".lane")), "the moving lane is the same element");
  const focused = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.activeElement?.getAttribute("data-id"));
  assert.equal(focused, "https://news.example/c", "focus stays on the same headline");
  const [ready] = await events(page, "newsreel:ready");
  assert.equal((await events(page, "newsreel:ready")).length, 1, "ready fires for the first render only");
  assert.equal(ready.count, 3);
  await context.close();
});

test("a refresh that changes the ticker's length does not make the marquee jump", async () => {
  const long = (n) => `Headline number ${n} of the city desk, long enough to make the ticker wide, with more words to carry it`;
  let items = [1, 2, 3].map((n) => [`m${n}`, long(n), n]);
  routes.set("/feeds/wide.xml", () => ({ body: rss(items) }));
  const { page, context } = await widget({ src: "/feeds/wide.xml", refresh: "5", speed: "1000" });
  await settled(page);
  const offset = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector("news-reel").shadowRoot.querySelector(".lane")).transform).m41);
  const duration = () => page.evaluate(() => parseFloat(document.querySelector("news-reel").shadowRoot.querySelector(".lane").style.animationDuration));
  const first = await duration();
  // Past the end of the first loop, where a new duration would move the lane elsewhere.
  await new Promise((r) => setTimeout(r, first + 500));
  items = [1, 2, 3, 4, 5, 6, 7].map((n) => [`m${n}`, long(n), n]);
  const before = await offset();
  await context.clock.fastForward(5100);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  const after = await offset();
  assert.ok((await duration()) > first * 2, "the loop is longer now");
  // At 1,000 px/s the lane moves on while the request is answered, but by far
  // less than a loop's worth of the new duration.
  assert.ok(Math.abs(after - before) < 600, `the lane moved ${Math.round(after - before)} px across the refresh`);
  await context.close();
});

test("a still ticker says once, politely, how many headlines a refresh brought", async () => {
  let items = [["a", "Alpha", 1]];
  routes.set("/feeds/still.xml", () => ({ body: rss(items) }));
  const { page, context } = await widget({ src: "/feeds/still.xml", refresh: "5", mode: "list" });
  await settled(page);
  const live = () => page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return { status: root.querySelector("[role=status]").textContent, list: root.querySelector("[part=list]").getAttribute("aria-live") };
  });
  assert.deepEqual(await live(), { status: "", list: "off" }, "the list itself stays silent");
  items = [["a", "Alpha", 1], ["b", "Bravo", 2], ["c", "Charlie", 3]];
  await context.clock.fastForward(5100);
  await waitFor(page, () => window.events.some((e) => e.type === "newsreel:update"));
  assert.deepEqual(await live(), { status: "2 new headlines", list: "off" });
  await context.close();
});

test("the count of new headlines is said in the widget's language, in its plural form", async () => {
  let items = [["a", "Альфа", 1]];
  routes.set("/feeds/ru.xml", () => ({ body: rss(items) }));
  const { page, context } = await widget({ src: "/feeds/ru.xml", refresh: "5", mode: "list", lang: "ru" });
  await settled(page);
  const status = () => page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[role=status]").textContent);
  const updates = () => page.evaluate(() => window.events.filter((e) => e.type === "newsreel:update").length);
  const refresh = async (n) => {
    const before = await updates();
    items = Array.from({ length: n }, (_, i) => [`r${n}-${i}`, `Заголовок ${i}`, i]);
    await context.clock.fastForward(5100);
    await waitFor(page, (count) => window.events.filter((e) => e.type === "newsreel:update").length > count, before);
    return status();
  };
  assert.equal(await refresh(3), "3 новых заголовка", "few");
  assert.equal(await refresh(5), "5 новых заголовков", "many");
  assert.equal(await refresh(1), "1 новый заголовок", "one");
  await context.close();
});

test("a failed refresh marks the widget stale and keeps its headlines; the next success clears it", async () => {
  let failing = false;
  routes.set("/feeds/flaky.xml", () => (failing ? { status: 500, type: "text/plain", body: "oops" } : { body: rss([["a", "Still here"]]) }));
  const { page, context } = await widget({ src: "/feeds/flaky.xml", refresh: "5" });
  await settled(page);
  failing = true;
  await context.clock.fastForward(5100);
  await waitFor(page, () => document.querySelector("news-reel").hasAttribute("stale"));
  assert.deepEqual(await headlines(page), ["Still here"], "the last good data stays");
  assert.equal(await state(page), "ready");
  assert.match(await shadowText(page, "[part=stale]"), /could not load \/feeds\/flaky\.xml: HTTP 500/);
  assert.deepEqual(await axeViolations(page), [], "axe, with the stale notice showing");
  await page.evaluate(() => document.querySelector("news-reel").play());
  const [error] = await events(page, "newsreel:error");
  assert.deepEqual(error, { message: "could not load /feeds/flaky.xml: HTTP 500", status: 500, url: "/feeds/flaky.xml" });
  // Backing off: the next try comes after two intervals, not one.
  const tries = requestsTo("/feeds/flaky.xml").length;
  await context.clock.fastForward(5100);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(requestsTo("/feeds/flaky.xml").length, tries, "no retry after one interval");
  failing = false;
  await context.clock.fastForward(5100);
  await waitFor(page, () => !document.querySelector("news-reel").hasAttribute("stale"));
  assert.equal(requestsTo("/feeds/flaky.xml").length, tries + 1);
  assert.ok(await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector("[part=stale]").hidden));
  await context.close();
});

test("no polling while the tab is hidden; a poll that fell due happens when it shows again", async () => {
  routes.set("/feeds/hidden.xml", { body: rss([["a", "A"]]) });
  const { page, context } = await widget({ src: "/feeds/hidden.xml", refresh: "5" });
  await settled(page);
  const setHidden = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  await setHidden(true);
  await context.clock.fastForward(30_000);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(requestsTo("/feeds/hidden.xml").length, 1, "hidden: no requests");
  await setHidden(false);
  assert.equal(await requestCount("/feeds/hidden.xml", 2), 2, "visible again: at once");
  await context.close();
});

test('loading="lazy" fetches only when the widget comes into view', async () => {
  routes.set("/feeds/lazy.xml", { body: rss([["a", "Lazy"]]) });
  const { page, context } = await widget({ src: "/feeds/lazy.xml", loading: "lazy" }, { into: "#far" });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(requestsTo("/feeds/lazy.xml").length, 0, "below the fold: not fetched");
  await page.evaluate(() => document.querySelector("#far").scrollIntoView());
  await settled(page);
  assert.deepEqual(await headlines(page), ["Lazy"]);
  assert.equal(requestsTo("/feeds/lazy.xml").length, 1);
  await context.close();
});

const FAILURES = [
  { name: "HTTP 404", src: "/feeds/none.xml", message: /^could not load \/feeds\/none\.xml: HTTP 404$/, status: 404 },
  { name: "an HTML page", src: "/feeds/login.html", route: { type: "text/html", body: "<!doctype html><title>Sign in</title>" }, message: /an HTML page, not a feed/ },
  { name: "malformed XML", src: "/feeds/broken.xml", route: { body: '<?xml version="1.0"?>\n<rss><channel><title>x</channel></rss>' }, message: /invalid XML at line 2, column \d+/ },
  { name: "a 20 MB response that says its length", src: "/feeds/huge.xml", route: { body: rss([["a", "x".repeat(20 * 1024 * 1024)]]) }, message: /larger than 5242880 bytes/ },
  { name: "a 20 MB response sent in chunks", src: "/feeds/chunked.xml", message: /larger than 5242880 bytes/ },
  { name: "a feed on another origin without CORS headers", src: () => otherUrl, message: /could not load http:\/\/127\.0\.0\.1:\d+\/feed\.xml: .*Access-Control-Allow-Origin/, status: 0 },
  { name: "a javascript: URL", src: "javascript:alert(1)", message: /^src "javascript:alert\(1\)" is not an http:, https: or relative URL/ },
  // fetch() would read a data: URL: refused before any request, or it would render.
  { name: "a data: URL", src: 'data:application/rss+xml,<rss version="2.0"><channel><item><title>Injected</title></item></channel></rss>', message: /is not an http:, https: or relative URL \(it is data:\)/ },
  { name: "a network failure", src: "http://127.0.0.1:9/feed.xml", message: /Access-Control-Allow-Origin/, status: 0 },
  { name: "no feed in the XML", src: "/feeds/sitemap.xml", route: { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>' }, message: /not a feed/ },
];

// 20 MB without a Content-Length, a megabyte at a time: reading must stop
// at 5 MB, not at the end. `sent` counts what the server managed to write.
let chunkedSent = 0;
routes.set("/feeds/chunked.xml", { stream: true });

for (const f of FAILURES) {
  test(`a failure says what and where: ${f.name}`, async () => {
    const src = typeof f.src === "function" ? f.src() : f.src;
    if (f.route) routes.set(src, f.route);
    const { page, context, problems } = await widget({ src });
    await settled(page);
    assert.equal(await state(page), "error");
    const [error] = await events(page, "newsreel:error");
    assert.match(error.message, f.message);
    assert.equal(await shadowText(page, "[part=error]"), `The news could not be shown: ${error.message}`);
    if (f.status !== undefined) assert.equal(error.status, f.status);
    if (f.src === "/feeds/chunked.xml") assert.ok(chunkedSent < 20, `reading stopped early (${chunkedSent} of 20 MB written)`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test("no answer within 15 s aborts the request", async () => {
  routes.set("/feeds/slow.xml", { hang: true });
  const { page, context } = await widget({ src: "/feeds/slow.xml" });
  assert.equal(await requestCount("/feeds/slow.xml", 1), 1);
  await context.clock.fastForward(15_100);
  await settled(page);
  const [error] = await events(page, "newsreel:error");
  assert.equal(error.message, "could not load /feeds/slow.xml: no answer within 15 s");
  await context.close();
});

test("entity expansion (billion laughs) neither hangs the page nor renders the bomb", async () => {
  const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
    ']><rss version="2.0"><channel><title>T</title><item><title>&lol9;</title><guid>b</guid></item><item><title>Fine</title><guid>f</guid></item></channel></rss>';
  routes.set("/feeds/lol.xml", { body: lol });
  const { page, context, problems } = await widget({ src: "/feeds/lol.xml" });
  await settled(page);
  const shown = (await headlines(page)).join("");
  assert.ok(shown.length < 10_000, `at most a bounded text (${shown.length} characters)`);
  assert.ok(await page.evaluate(() => document.body.textContent.includes("lol") === false));
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("the demo's live page polls its RSS feed and gains headlines", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await context.clock.install();
  await page.goto(env.url + "/www/live.html");
  await settled(page);
  const count = () => page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) > li").length);
  const first = await count();
  assert.ok(first >= 3, `${first} headlines`);
  await page.evaluate(() => {
    window.updates = [];
    document.querySelector("news-reel").addEventListener("newsreel:update", (e) => window.updates.push(e.detail));
  });
  await new Promise((r) => setTimeout(r, 1100)); // the server's feed moves on
  await context.clock.fastForward(5100);
  await page.waitForFunction(() => window.updates.length > 0, null, { timeout: 10000 });
  const [update] = await page.evaluate(() => window.updates);
  assert.ok(update.added.length >= 1, JSON.stringify(update));
  const newest = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector(".items:not(.copy) > li").getAttribute("part"));
  assert.equal(newest, "item new");
  assert.deepEqual(await axeViolations(page), [], "axe, with a new headline highlighted");
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

// The other demo pages are checked in a11y.test.mjs; this one needs the
// demo server's live feed, which this file serves.
test("axe finds no violations on the demo's live page (dark)", async () => {
  const { page, context, problems } = await openPage(env.browser, { colorScheme: "dark" });
  await page.goto(env.url + "/www/live.html");
  await settled(page);
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").getAttribute("state")), "ready");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
