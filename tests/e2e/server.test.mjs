// The widget rendered on the server (`newsreel render`, www/server.html built
// by `make www`), end to end in headless Chromium: readable with JavaScript
// off, on screen before the wasm arrives, taken over with its nodes kept and
// no layout shift, and clean under the strict CSP of the security tests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { start, openPage, settled, ROOT } from "./browser.mjs";

const PAGE = "/www/server.html";
const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https:; require-trusted-types-for 'script'";

let env;
before(async () => {
  env = await start();
});
after(async () => { await env?.close(); });

/** What a reader sees of the widget, read through its (declarative) shadow root. */
const seen = (page) => page.evaluate(() => {
  const el = document.querySelector("news-reel");
  const root = el.shadowRoot;
  const visible = (e) => Boolean(e) && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  return {
    shadow: Boolean(root),
    state: el.getAttribute("state"),
    serverRendered: el.hasAttribute("server-rendered"),
    headline: root?.querySelector('[part="headline"]')?.textContent ?? null,
    headlineVisible: visible(root?.querySelector('[part="headline"]')),
    items: [...(root?.querySelectorAll('[part~="item"]') ?? [])].filter(visible).map((i) => i.querySelector(".title").textContent),
    copyVisible: visible(root?.querySelector(".copy .item")),
    pauseVisible: visible(root?.querySelector('[part="pause"]')),
    links: [...(root?.querySelectorAll('[part~="item"] a[href]') ?? [])].length,
  };
});

test("the tool renders one element with a declarative shadow root, and refuses bad input clearly", () => {
  const tool = ROOT + "target/release/newsreel";
  const html = execFileSync(tool, ["render", "--mode", "list", "-"], { input: JSON.stringify({ latest: [{ id: "a", headline: "Tom & Jerry <b>" }] }), encoding: "utf8" });
  assert.match(html, /^<news-reel mode="list" state="ready" server-rendered><template shadowrootmode="open"><link rel="stylesheet" href="newsreel.css">/);
  assert.match(html, /<span class="title" dir="auto">Tom &amp; Jerry &lt;b&gt;<\/span>/);
  assert.match(html, /<script type="application\/json">\{"latest":\[\{"id":"a","headline":"Tom & Jerry \\u003cb>"\}\]\}<\/script><\/news-reel>$/);
  let failure;
  try {
    execFileSync(tool, ["render", "-"], { input: "{ not json", encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    failure = error;
  }
  assert.ok(failure, "bad input exits non-zero");
  assert.equal(failure.status, 1);
  assert.match(failure.stderr, /the news could not be shown: .*line 1, column 3/);
});

test("with JavaScript off, the server's HTML is a static, readable list and the article", async () => {
  const { page, context } = await openPage(env.browser, { javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  await page.goto(env.url + PAGE);
  const view = await seen(page);
  assert.equal(view.shadow, true, "the declarative shadow root is there");
  assert.match(view.headline, /^Maria Zakharova to Vestnik Kavkaza/);
  assert.equal(view.headlineVisible, true);
  assert.equal(view.items.length, 10, "every ticker item is on screen");
  assert.equal(view.copyVisible, false, "no loop copy");
  assert.equal(view.pauseVisible, false, "nothing moves, so no control");
  const moving = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.getAnimations().filter((a) => a.playState === "running").length);
  assert.equal(moving, 0, "no motion");
  await context.close();
});

test("a server-rendered slide ticker: without scripts every headline is reachable; once the widget runs, only the current slide is", async () => {
  const tool = ROOT + "target/release/newsreel";
  const element = execFileSync(tool, ["render", "--mode", "slide", "--css-url", "/www/dist/newsreel.css", ROOT + "tests/fixtures/seed.json"], { encoding: "utf8" });
  const body = `<!doctype html><html lang="en"><title>Slides</title><script type="module" src="/www/dist/newsreel.js"></script>${element}</html>`;
  const reachable = (page) => page.evaluate(() =>
    [...document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) > .item")].filter((li) => !li.inert && !li.closest('[aria-hidden="true"]')).length);
  for (const javaScriptEnabled of [false, true]) {
    const { page, context, problems } = await openPage(env.browser, { javaScriptEnabled });
    await page.route(env.url + "/slides.html", (route) => route.fulfill({ contentType: "text/html", body }));
    await page.goto(env.url + "/slides.html");
    if (javaScriptEnabled) {
      await page.waitForFunction(() => !document.querySelector("news-reel").hasAttribute("server-rendered"));
      assert.equal(await reachable(page), 1, "taken over: the slides out of view are inert and hidden");
      assert.deepEqual(problems.pageErrors, []);
    } else {
      assert.equal(await reachable(page), 10, "no scripts: the whole list, every headline reachable");
    }
    await context.close();
  }
});

test("the headline is on screen before the wasm arrives; taking over keeps the nodes with no layout shift", async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1100, height: 900 } });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/newsreel_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(env.url + PAGE);
  const before = await seen(page);
  assert.equal(before.serverRendered, true, "not taken over yet: the wasm is held back");
  assert.equal(before.headlineVisible, true, "the headline shows before the wasm");
  assert.equal(before.items.length, 10);
  // Mark nodes the widget must keep.
  await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    root.querySelector('[part="item"] .pick').dataset.mark = "kept";
    root.querySelector('[part="headline"]').dataset.mark = "kept";
    window.__firstPick = root.querySelector('[part="item"] .pick');
  });
  await new Promise((r) => setTimeout(r, 2000));
  release();
  await page.waitForFunction(() => !document.querySelector("news-reel").hasAttribute("server-rendered"), null, { timeout: 10000 });
  await settled(page);
  const after = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    return {
      state: el.getAttribute("state"),
      samePick: root.querySelector('[part="item"] .pick') === window.__firstPick,
      marks: root.querySelectorAll('[data-mark="kept"]').length,
      shifts: window.__shifts.reduce((a, b) => a + b, 0),
    };
  });
  assert.equal(after.state, "ready");
  assert.equal(after.samePick, true, "the first headline is the same node");
  assert.equal(after.marks, 2, "the marked headline and ticker entry are still there");
  assert.equal(after.shifts, 0, "no layout shift");
  // Motion and pause work on the nodes taken over.
  const pause = page.locator("news-reel").locator('[part="pause"]');
  assert.equal(await pause.textContent(), "Pause");
  await pause.click();
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").paused), true);
  // Choosing a headline opens it.
  await page.locator("news-reel").locator('[part="item"] .pick').nth(2).click();
  assert.match(await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent), /Muslim NATO/);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("under the strict CSP of the security tests the server page takes over with no violation", async () => {
  const strict = await start((path) => (path === PAGE ? { "content-security-policy": STRICT } : {}));
  const { page, context, problems } = await openPage(strict.browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(strict.url + PAGE);
  await page.waitForFunction(() => !document.querySelector("news-reel").hasAttribute("server-rendered"), null, { timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal((await seen(page)).state, "ready");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await strict.close();
});

// ------------------------------------------------------------ node for node

const INPUTS = [
  "seed.json", "seed.jsonld.json", "seed.feed.json",
  "jsonld/item-list.json", "jsonld/news-article.json", "jsonld/yoast-graph.json",
  "jsonfeed/feed-1.0.json", "jsonfeed/feed-1.1.json",
  "feeds/rss-2.0.xml", "feeds/rss-0.92.xml", "feeds/rss-1.0.rdf", "feeds/atom-1.0.xml",
];
const MODES = [["list"], ["marquee"], ["vertical", "--rows", "2"], ["slide"]];

/**
 * Shadow DOM text made comparable: the inline styles the browser sets from
 * layout (a marquee's speed) dropped, as is `offscreen` (whether the
 * IntersectionObserver has reported yet), and date-times (which the browser
 * writes in the reader's time zone, the server as ISO) emptied.
 */
function comparable(html) {
  return html
    // Slides out of view, which the widget makes unreachable once it runs
    // (the server leaves them reachable for readers without scripts).
    .replace(/(<li class="item" part="item") inert="" aria-hidden="true"/g, "$1")
    .replace(/ style="[^"]*"/g, "")
    .replace(/ offscreen(?=[ "])/, "")
    .replace(/(<time datetime="[^"]*T[^"]*"[^>]*>)[^<]*(<\/time>)/g, "$1$2");
}

test("the tool's shadow DOM equals, node for node, the browser's for every demo input and mode", async () => {
  const tool = ROOT + "target/release/newsreel";
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 480, height: 800 } });
  await page.goto(env.url + "/tests/e2e/pages/feeds/feeds.html");
  const mismatches = [];
  for (const input of INPUTS) {
    for (const [mode, ...extra] of MODES) {
      // The test page is <html lang="en">: the same language for the tool.
      // A feed is loaded by `src` in the browser: the tool is told so too.
      const src = input.endsWith(".json") ? [] : ["--src", "/tests/fixtures/" + input];
      const server = execFileSync(tool, ["render", "--lang", "en", "--mode", mode, ...src, ...extra, ROOT + "tests/fixtures/" + input], { encoding: "utf8" });
      const shadow = server.match(/<template shadowrootmode="open"><link [^>]*>([\s\S]*)<\/template>/)?.[1] ?? "(no template)";
      const browser = await page.evaluate(async ({ input, mode, rows, url }) => {
        await customElements.whenDefined("news-reel");
        document.querySelector("#app").textContent = "";
        const el = document.createElement("news-reel");
        // Narrow enough that no marquee's headlines fit, which only a browser could
        // measure (a narrow widget gives its headlines the whole width).
        el.style.width = "240px";
        el.setAttribute("mode", mode);
        if (rows) el.setAttribute("rows", rows);
        const ready = new Promise((resolve) => {
          el.addEventListener("newsreel:ready", resolve, { once: true });
          el.addEventListener("newsreel:error", resolve, { once: true });
        });
        if (input.endsWith(".json")) {
          const text = await (await fetch(url)).text();
          document.querySelector("#app").append(el);
          el.load(text);
        } else {
          el.setAttribute("src", url);
          document.querySelector("#app").append(el);
        }
        await ready;
        return el.shadowRoot.innerHTML;
      }, { input, mode, rows: extra[1], url: "/tests/fixtures/" + input });
      if (comparable(browser) !== comparable(shadow)) mismatches.push({ input, mode, server: comparable(shadow), browser: comparable(browser) });
    }
  }
  const first = mismatches[0];
  const at = first ? [...first.server].findIndex((c, i) => c !== first.browser[i]) : 0;
  assert.equal(mismatches.length, 0, first && `${mismatches.map((m) => `${m.input} ${m.mode}`).join(", ")}\n` +
    `${first.input} ${first.mode}, from character ${at}:\nserver:  ${first.server.slice(Math.max(0, at - 200), at + 300)}\nbrowser: ${first.browser.slice(Math.max(0, at - 200), at + 300)}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
