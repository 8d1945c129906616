// The script-tag builds on a plain page with no build step
// (tests/e2e/pages/scripttag/index.html): served as is from the repository,
// then deployed under a deep path prefix (pages/scripttag/site.mjs), with the
// two-file build (dist/newsreel.js + newsreel_bg.wasm) and the single-file
// build (dist/newsreel.inline.js), by a host that serves .wasm right, one that
// serves it with the wrong MIME type, and one that lost the .wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled, ROOT, SCREENSHOTS } from "./browser.mjs";
import { serve } from "../../tools/serve.mjs";
import { buildSite, PREFIX, LAZY_WIDGET } from "./pages/scripttag/site.mjs";

const SITE = ROOT + "target/e2e-sites/scripttag";
let env, pages, host, wrongMimeHost;

before(async () => {
  pages = buildSite(SITE);
  env = await start();
  host = await serve(SITE);
  wrongMimeHost = await serve(SITE, 0, (path) => (path.endsWith(".wasm") ? { "content-type": "application/octet-stream" } : {}));
});
after(async () => {
  host?.server.close();
  wrongMimeHost?.server.close();
  await env?.close();
});

/**
 * Opens `url`, waits for the widget, and records what was requested and what
 * the console said. The page's own JSON is the expected content.
 */
async function open(url) {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1000, height: 800 } });
  const requests = [];
  const warnings = [];
  const workers = [];
  page.on("worker", (worker) => {
    const started = { path: new URL(worker.url()).pathname, closed: false };
    worker.on("close", () => { started.closed = true; });
    workers.push(started);
  });
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.addInitScript(() => {
    window.newsreelEvents = [];
    for (const type of ["newsreel:ready", "newsreel:error", "newsreel:select"]) {
      document.addEventListener(type, (e) => window.newsreelEvents.push({ type, detail: e.detail }));
    }
  });
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  await settled(page);
  return { page, context, problems, requests, warnings, workers };
}

/** Nothing went wrong on the page: no warning, no uncaught error, no console error. */
function assertQuiet(problems, warnings = []) {
  assert.deepEqual(warnings, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
}

/** Checks the rendered widget against the page's JSON, then a reader's click. */
async function assertRendersAndOpens(page, screenshot) {
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    return {
      data: JSON.parse(document.querySelector("#news").textContent),
      state: el.getAttribute("state"),
      label: root.querySelector('[part="ticker"]').textContent,
      items: [...root.querySelectorAll('[part="item"]')].map((i) => i.textContent),
      headline: root.querySelector('[part="headline"]').textContent,
      paragraphs: root.querySelectorAll('[part="body"] p').length,
      events: window.newsreelEvents,
    };
  });
  assert.equal(view.state, "ready");
  assert.ok(view.label.includes(view.data.title), view.label);
  assert.equal(view.items.length, view.data.latest.length);
  view.data.latest.forEach((article, i) => assert.ok(view.items[i].includes(article.headline), view.items[i]));
  assert.equal(view.headline, view.data.article.headline);
  assert.equal(view.paragraphs, view.data.article.articleBody.split("\n\n").length);
  assert.deepEqual(view.events.map((e) => e.type), ["newsreel:ready"]);
  assert.equal(view.events[0].detail.count, 1 + view.data.latest.length);
  // Once the widget renders, the host's fallback link is no longer shown.
  assert.equal(await page.locator("a.fallback").isVisible(), false);

  // A headline with a link opens in the article view; the page stays put. (The
  // seed's latest items hold only a headline, a date and a link, which by
  // default a tap follows: `open="view"` opens each in the view.)
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("open", "view"));
  const chosen = view.data.latest.find((a) => a.url);
  const before = page.url();
  await page.locator("news-reel").locator(`[part="item"] .pick[data-id="${chosen.id}"]`).click();
  await page.waitForFunction(() => window.newsreelEvents.length === 2, null, { timeout: 5000 });
  const after = await page.evaluate(() => ({
    headline: document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent,
    event: window.newsreelEvents[1],
    path: location.pathname,
  }));
  assert.equal(after.headline, chosen.headline);
  assert.deepEqual(after.event, { type: "newsreel:select", detail: { id: chosen.id, url: chosen.url } });
  assert.equal(after.path, new URL(before).pathname);
  if (screenshot) await page.screenshot({ path: SCREENSHOTS + screenshot });
}

/** The dates the widget shows, as a reader sees them. */
const shownDates = (page) => page.evaluate(() =>
  [...document.querySelector("news-reel").shadowRoot.querySelectorAll('[part~="date"]')].map((t) => t.textContent));

test("a plain page with one module script renders its news and opens a clicked headline", async () => {
  const { page, context, problems, requests, warnings, workers } = await open(env.url + "/tests/e2e/pages/scripttag/");
  await assertRendersAndOpens(page, "scripttag-article.png");
  // The .wasm came from beside the script (/dist/), not beside the page.
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), ["/dist/newsreel_bg.wasm"]);
  // The browser's date data was loaded by the date worker beside the script,
  // which ended once it had.
  for (let waited = 0; waited < 5000 && !workers[0]?.closed; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(workers.map((w) => w.path), ["/dist/newsreel-intl.js"]);
  assert.ok(workers[0].closed, "the date worker ends");
  assertQuiet(problems, warnings);
  await context.close();
});

test("the same page with the build under a deep path prefix finds the .wasm beside the script", async () => {
  const { page, context, problems, requests, warnings } = await open(host.url + pages.twoFile);
  await assertRendersAndOpens(page);
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [PREFIX + "newsreel_bg.wasm"]);
  assertQuiet(problems, warnings);
  await context.close();
});

test("a page that preloads the .wasm, as the README suggests, fetches it once, in parallel with the script", async () => {
  const { page, context, problems, requests, warnings } = await open(host.url + pages.preloaded);
  await assertRendersAndOpens(page);
  // The preload's request is the one the module uses: same URL, same credentials mode.
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [PREFIX + "newsreel_bg.wasm"]);
  const timing = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("resource")
    .filter((e) => /newsreel(_bg)?\.(js|wasm)$/.test(e.name)).map((e) => [e.name.split("/").pop(), e.startTime])));
  assert.ok(timing["newsreel_bg.wasm"] <= timing["newsreel.js"] + 5, `the .wasm is requested with the script, not after it: ${JSON.stringify(timing)}`);
  assertQuiet(problems, warnings);
  await context.close();
});

test("the single-file build renders the same page from one script request and no .wasm", async () => {
  const { page, context, problems, requests, warnings } = await open(host.url + pages.inline);
  await assertRendersAndOpens(page, "scripttag-inline-article.png");
  assert.deepEqual(requests, [pages.inline, PREFIX + "newsreel.inline.js"]);
  assertQuiet(problems, warnings);
  await context.close();
});

test("a host serving .wasm with the wrong MIME type: the two-file build still starts, with a warning", async () => {
  const { page, context, problems, warnings } = await open(wrongMimeHost.url + pages.twoFile);
  await assertRendersAndOpens(page);
  // wasm-bindgen's start-up falls back from streaming compilation to
  // compiling the downloaded bytes, and says why, once.
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /application\/wasm/);
  assertQuiet(problems);
  await context.close();
});

test("a host serving .wasm with the wrong MIME type does not matter to the single-file build", async () => {
  const { page, context, problems, warnings } = await open(wrongMimeHost.url + pages.inline);
  await assertRendersAndOpens(page);
  assertQuiet(problems, warnings);
  await context.close();
});

test("a host that did not deploy newsreel-intl.js: the widget makes its first date formatter itself, dates and all", async () => {
  const { page, context, problems, warnings, workers } = await open(host.url + pages.missingWorker);
  await assertRendersAndOpens(page);
  assert.deepEqual(workers.map((w) => w.path), ["/no-worker/newsreel-intl.js"]);
  const dates = await shownDates(page);
  assert.ok(dates.length > 0 && dates.every((d) => /\d/.test(d)), `every date is written out: ${dates}`);
  assert.deepEqual(warnings, []);
  assert.deepEqual(problems.pageErrors, []);
  // The worker's failed start is handled: nothing reaches the console.
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("a page whose scripts carry a nonce (a nonce-based CSP) gets no date worker, which such a policy would refuse and report", async () => {
  const { page, context, problems, warnings, workers } = await open(host.url + pages.nonced);
  await assertRendersAndOpens(page);
  assert.deepEqual(workers, []);
  const dates = await shownDates(page);
  assert.ok(dates.length > 0 && dates.every((d) => /\d/.test(d)), `every date is written out: ${dates}`);
  assertQuiet(problems, warnings);
  await context.close();
});

/** Opens a page that has no widget to render yet: nothing to wait for. */
async function openBare(url) {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1000, height: 800 } });
  const requests = [];
  const workers = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(url, { waitUntil: "load" });
  // Long enough for a start-up the page did not need to show itself.
  await page.waitForTimeout(800);
  return { page, context, problems, requests, workers };
}

test("a page that loads the script but has no widget fetches no .wasm until one is added, which gets what the page gave it before", async () => {
  const { page, context, problems, requests, workers } = await openBare(host.url + pages.noWidget);
  assert.deepEqual(requests, [pages.noWidget, PREFIX + "newsreel.js"]);
  assert.deepEqual(workers, []);
  // The element is defined, for a page's script that waits for it.
  assert.equal(await page.evaluate(() => typeof customElements.get("news-reel")), "function");
  // A widget made by the page's own script, given its data and paused before
  // it is in the document, starts everything once it is.
  await page.evaluate(() => {
    const el = document.createElement("news-reel");
    el.load({ format: "newsreel/1", latest: [{ id: "later", headline: "Added when wanted", datePublished: "2026-12-07" }] });
    el.pause();
    document.body.append(el);
  });
  await settled(page);
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    return {
      state: el.getAttribute("state"),
      paused: el.paused,
      items: [...el.shadowRoot.querySelectorAll('[part="item"]')].map((i) => i.textContent),
    };
  });
  assert.equal(view.state, "ready");
  assert.equal(view.paused, true);
  assert.ok(view.items.some((t) => t.includes("Added when wanted")), view.items.join("|"));
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [PREFIX + "newsreel_bg.wasm"]);
  assertQuiet(problems);
  await context.close();
});

test("a lazy widget three screens down: the .wasm is fetched only as the reader scrolls near it", async () => {
  const { page, context, problems, requests } = await openBare(host.url + pages.lazyBelow);
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), []);
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").getAttribute("state")), null);
  // Two screens down it is within a screenful of the viewport.
  await page.evaluate(() => window.scrollTo(0, innerHeight * 2));
  await settled(page);
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").getAttribute("state")), "ready");
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [PREFIX + "newsreel_bg.wasm"]);
  assertQuiet(problems);
  await context.close();
});

test("a lazy widget made eager by the page starts at once", async () => {
  const { page, context, problems, requests } = await openBare(host.url + pages.lazyBelow);
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), []);
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("loading", "eager"));
  await settled(page);
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [PREFIX + "newsreel_bg.wasm"]);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("the two-file build without its .wasm fails clearly and keeps the host's fallback", async () => {
  const { page, context, problems } = await open(host.url + pages.missingWasm);
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    return {
      state: el.getAttribute("state"),
      error: el.shadowRoot.querySelector('[part="error"]').textContent,
      events: window.newsreelEvents.map((e) => e.type),
    };
  });
  assert.equal(view.state, "error");
  assert.match(view.error, /^newsreel could not start: .*404.*newsreel_bg\.wasm/);
  assert.deepEqual(view.events, ["newsreel:error"]);
  assert.equal(await page.locator("a.fallback").isVisible(), true);
  assert.deepEqual(problems.pageErrors, []);
  // The browser's note of the 404, and our one message.
  assert.equal(problems.consoleErrors.filter((m) => m.startsWith("newsreel could not start")).length, 1);
  await context.close();
});
