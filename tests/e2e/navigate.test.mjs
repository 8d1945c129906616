// `newsreel:navigate`, end to end in headless Chromium: a reader following
// a link out of the widget (a headline that is a link, by `view` and
// `open`, or the article view's "Read the full article") fires it before
// the browser follows the link, with `{ id, url }`. A plain click's (Enter's
// too) is cancelable, and cancelling it keeps the page where it is; a
// modified click's (Ctrl, Shift, the middle button) is not, and its new tab
// opens. A headline that opens in the article view fires `newsreel:select`.
//
// Every click is a real one (the mouse or the keyboard), and what the page
// saw is written to sessionStorage as it happens, so that it can be read on
// the page the link led to. The links lead to pages the test's server
// answers at /target/<id>, and it counts their requests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";

/** Requests for /target/<id>, by path. */
const targetRequests = new Map();
function targets(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  if (!path.startsWith("/target/")) return false;
  targetRequests.set(path, (targetRequests.get(path) ?? 0) + 1);
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html><html lang="en"><title>${path}</title><link rel="icon" href="data:,"><p>${path}</p>`);
  return true;
}
const requestsTo = (prefix) => [...targetRequests].filter(([path]) => path.startsWith(prefix)).reduce((n, [, c]) => n + c, 0);

let env;
before(async () => { env = await start(undefined, targets); });
after(async () => { await env?.close(); });

/**
 * The main article (with a body, so the view has something to show, and a
 * URL, for its "Read the full article" link), and three headlines: one with
 * nothing but its headline, date and URL (a relative one, which the detail
 * gives absolute); one with a summary too; one without a URL.
 */
const data = {
  article: { id: "main", headline: "The main story", datePublished: "2026-11-04", articleBody: "<p>Body of the main story.</p>", url: "/target/main" },
  latest: [
    { id: "bare", headline: "A bare headline", datePublished: "2026-11-03", url: "/target/bare" },
    { id: "rich", headline: "A headline with a summary", datePublished: "2026-11-02", url: "/target/rich", description: "More to read." },
    { id: "nourl", headline: "A headline without a URL", datePublished: "2026-11-01" },
  ],
};
const absolute = (id) => `${env.url}/target/${id}`;

/**
 * Run in each page before its own scripts (`addInitScript`). Records in
 * sessionStorage, as the document sees them, each
 * `newsreel:navigate` (with what a listener can tell of it, and the page's
 * address at that moment), each `newsreel:select`, and each click (after
 * the widget's own listener, on its shadow root: whether it prevented the
 * default). `window.cancelNavigate` makes the navigate listener cancel.
 */
function recordEvents() {
  const log = (entry) => {
    const all = JSON.parse(sessionStorage.getItem("events") ?? "[]");
    all.push(entry);
    sessionStorage.setItem("events", JSON.stringify(all));
  };
  document.addEventListener("newsreel:navigate", (e) => {
    if (window.cancelNavigate) e.preventDefault();
    log({
      type: e.type, detail: e.detail, bubbles: e.bubbles, composed: e.composed, cancelable: e.cancelable,
      cancelled: e.defaultPrevented, href: location.href, target: e.target.localName,
    });
  });
  document.addEventListener("newsreel:select", (e) => log({ type: e.type, id: e.detail.id }));
  for (const type of ["click", "auxclick"]) {
    document.addEventListener(type, (e) => log({ type, prevented: e.defaultPrevented }));
  }
}

const events = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem("events") ?? "[]"));

/** A page with one still list of the data under `view` and `open`, recording its events. */
async function widget({ view, open, cancel = false }) {
  const { page, context, problems } = await openPage(env.browser);
  await page.addInitScript(recordEvents);
  await page.goto(env.url + PAGE);
  await page.evaluate(async ({ view, open, cancel, data }) => {
    window.cancelNavigate = cancel;
    await customElements.whenDefined("news-reel");
    const el = document.createElement("news-reel");
    el.setAttribute("view", view);
    el.setAttribute("open", open);
    el.setAttribute("mode", "list");
    document.querySelector("#app").append(el);
    el.load(data);
  }, { view, open, cancel, data });
  await settled(page);
  return { page, context, problems, url: page.url() };
}

const reel = (page) => page.locator("news-reel");
/** The link or control a click lands on: a headline by id, or "more", the article view's link. */
const linkOf = (page, id) =>
  id === "more" ? reel(page).locator('[part="link"]') : reel(page).locator(`.items:not(.copy) .pick[data-id="${id}"]`);

/**
 * What a plain click on `id` does under `view` and `open`: "navigate" (a
 * link out), "select" (the article view), "nothing" (plain text), or
 * "absent" (not on screen).
 */
function expected(view, open, id) {
  if (id === "more") return view === "ticker" ? "absent" : "navigate";
  if (view === "article") return "absent";
  if (id === "nourl") return view === "ticker" ? "nothing" : "select";
  const follows = view === "ticker" || open === "link" || (open === "auto" && id === "bare");
  return follows ? "navigate" : "select";
}

const VIEWS = ["both", "ticker", "article"];
const OPENS = ["auto", "view", "link"];
// The article link first, while the view still shows the main article.
const CLICKED = ["more", "bare", "rich", "nourl"];

/** The navigate event a plain click on `id` fires, as recorded. */
const navigated = (id, href, cancelled) => ({
  type: "newsreel:navigate",
  detail: { id, url: absolute(id) },
  bubbles: true,
  composed: true,
  cancelable: true,
  cancelled,
  href,
  target: "news-reel",
});

for (const view of VIEWS) {
  for (const open of OPENS) {
    test(`view="${view}" open="${open}": cancelled, a link out leaves the page where it is; the view's headlines select`, async (t) => {
      const { page, context, problems, url } = await widget({ view, open, cancel: true });
      const before = requestsTo("/target/");
      const outcomes = {};
      for (const id of CLICKED) {
        const want = expected(view, open, id);
        outcomes[id] = want;
        if (want === "absent") {
          assert.equal(await linkOf(page, id).isVisible(), false, `${id} is not on screen`);
          continue;
        }
        const address = page.url();
        const seen = (await events(page)).length;
        await linkOf(page, id).click();
        const now = (await events(page)).slice(seen);
        const main = id === "more" ? "main" : id;
        if (want === "navigate") {
          assert.deepEqual(now, [navigated(main, address, true), { type: "click", prevented: true }], `${id}: navigate, cancelled, and the click's default with it`);
        } else if (want === "select") {
          assert.deepEqual(now, [{ type: "newsreel:select", id }, { type: "click", prevented: true }], `${id}: opens in the view`);
        } else {
          assert.deepEqual(now, [{ type: "click", prevented: false }], `${id}: plain text, nothing to do`);
        }
        if (want !== "select") assert.equal(page.url(), address, `${id}: the address stays`);
      }
      t.diagnostic(JSON.stringify(outcomes));
      // The page is the one it was: its script's state is there still.
      assert.equal(await page.evaluate(() => window.cancelNavigate), true);
      assert.equal(requestsTo("/target/"), before, "no link was requested");
      assert.equal(page.url().replace(/#.*$/, ""), url);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });

    for (const id of CLICKED.filter((id) => expected(view, open, id) === "navigate")) {
      const main = id === "more" ? "main" : id;
      test(`view="${view}" open="${open}": not cancelled, a click on ${id === "more" ? "the article's link" : `"${id}"`} navigates, after the event`, async () => {
        const { page, context, problems, url } = await widget({ view, open });
        const before = requestsTo(`/target/${main}`);
        await linkOf(page, id).click();
        await page.waitForURL(absolute(main));
        // Read on the page the link led to: the event came first, on the old page.
        assert.deepEqual(await events(page), [navigated(main, url, false), { type: "click", prevented: false }]);
        assert.equal(requestsTo(`/target/${main}`), before + 1);
        assert.deepEqual(problems.pageErrors, []);
        await context.close();
      });
    }
  }
}

test("the event bubbles out of a shadow root (composed), retargeted, with an exact detail", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.addInitScript(recordEvents);
  await page.goto(env.url + PAGE);
  await page.evaluate(async (data) => {
    window.cancelNavigate = true;
    await customElements.whenDefined("news-reel");
    // The widget inside another component's shadow root: only a composed event reaches the document.
    const wrapper = document.createElement("news-box");
    document.querySelector("#app").append(wrapper);
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "list");
    wrapper.attachShadow({ mode: "open" }).append(el);
    el.load(data);
  }, data);
  await page.waitForFunction(() => document.querySelector("news-box").shadowRoot.querySelector("news-reel").getAttribute("state") === "ready");
  const address = page.url();
  await linkOf(page, "bare").click();
  const [navigate] = await events(page);
  assert.deepEqual(navigate, { ...navigated("bare", address, true), target: "news-box" });
  assert.deepEqual(Object.keys(navigate.detail), ["id", "url"], "the detail has id and url, and nothing else");
  assert.equal(page.url(), address);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** The modified clicks: each opens the link in a new tab or window, which the page cannot stop. */
const MODIFIED = [
  { name: "a Ctrl-click", options: { modifiers: ["Control"] }, type: "click" },
  { name: "a Shift-click", options: { modifiers: ["Shift"] }, type: "click" },
  { name: "a middle click", options: { button: "middle" }, type: "auxclick" },
];

for (const { name, options, type } of MODIFIED) {
  test(`${name} fires navigate, not cancelable: a listener's preventDefault() does not stop the new tab`, async () => {
    // open="view": a plain click would open each headline in the view.
    const { page, context, problems, url } = await widget({ view: "both", open: "view", cancel: true });
    for (const id of ["rich", "more"]) {
      const main = id === "more" ? "main" : id;
      const seen = (await events(page)).length;
      const [tab] = await Promise.all([context.waitForEvent("page"), linkOf(page, id).click(options)]);
      await tab.waitForURL(absolute(main));
      const now = (await events(page)).slice(seen);
      assert.deepEqual(
        now,
        [{ ...navigated(main, url, false), cancelable: false }, { type, prevented: false }],
        `${name} on ${id}: not cancelable, so not cancelled; no select`,
      );
      assert.equal(page.url(), url, "the page itself stays");
      await tab.close();
    }
    assert.equal(await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent), "The main story", "the view is as it was");
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test("a right click on a headline link fires nothing", async () => {
  const { page, context } = await widget({ view: "ticker", open: "auto", cancel: true });
  await linkOf(page, "bare").click({ button: "right" });
  const fired = (await events(page)).filter((e) => e.type.startsWith("newsreel:"));
  assert.deepEqual(fired, []);
  await context.close();
});

for (const view of ["both", "ticker"]) {
  test(`view="${view}": Enter on a focused headline link is a click: cancelable, then followed`, async () => {
    const { page, context, problems, url } = await widget({ view, open: "auto", cancel: true });
    await linkOf(page, "bare").focus();
    await page.keyboard.press("Enter");
    assert.deepEqual(await events(page), [navigated("bare", url, true), { type: "click", prevented: true }], "cancelled: the page stays");
    assert.equal(page.url(), url);
    if (view === "both") {
      // A headline the view opens: select, not navigate.
      const seen = (await events(page)).length;
      await linkOf(page, "rich").focus();
      await page.keyboard.press("Enter");
      assert.deepEqual((await events(page)).slice(seen), [{ type: "newsreel:select", id: "rich" }, { type: "click", prevented: true }]);
    }
    const address = page.url();
    await page.evaluate(() => { window.cancelNavigate = false; });
    const seen = (await events(page)).length;
    await linkOf(page, "bare").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(absolute("bare"));
    assert.deepEqual((await events(page)).slice(seen), [navigated("bare", address, false), { type: "click", prevented: false }]);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}
