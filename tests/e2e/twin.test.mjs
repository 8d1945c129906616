// The benchmark's vanilla-JS twin (bench/twin.js) must keep building what
// newsreel builds, or `make bench` compares unequal work. This renders the
// seed data in all three formats, and a generated feed with HTML bodies,
// in both, and compares what a reader sees.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";
import { buildTwin } from "../../bench/build-twin.mjs";
import { readFileSync } from "node:fs";
import { makeArticles, jsonFeed } from "../../bench/data.js";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const SEEDS = ["seed.json", "seed.jsonld.json", "seed.feed.json"];
const PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

let env;
before(async () => {
  await buildTwin("target/e2e/twin.js");
  env = await start();
});
after(async () => { await env?.close(); });

/** What a reader sees in one widget: ticker entries, parts in order, the open article. */
function view(host) {
  const root = host.shadowRoot;
  const entries = (part) => [...root.querySelectorAll(`[part="${part}"]`)].map((li) => {
    const pick = li.querySelector(".pick");
    const time = li.querySelector("time");
    return {
      headline: li.querySelector(".title").textContent,
      date: time ? [time.textContent, time.getAttribute("datetime")] : null,
      id: pick.getAttribute("data-id"),
      href: pick.getAttribute("href"),
      current: pick.getAttribute("aria-current"),
    };
  });
  const date = root.querySelector('[part="date"]');
  const body = root.querySelector('[part="body"]');
  return {
    state: host.getAttribute("state"),
    label: root.querySelector(".label").textContent,
    items: entries("item"),
    copies: entries("item-copy"),
    parts: [...root.querySelectorAll("[part]")].map((e) => `${e.localName}[part=${e.getAttribute("part")}]${e.hidden ? " hidden" : ""}`),
    headline: root.querySelector('[part="headline"]')?.textContent,
    date: date ? [date.textContent, date.getAttribute("datetime")] : null,
    byline: root.querySelector('[part="byline"]')?.textContent ?? null,
    body: body ? body.innerHTML : null,
    classes: root.querySelector('[part="root"]').className,
    // The marquee's duration and the slide index, as inline CSS variables.
    motion: [root.querySelector(".lane").getAttribute("style"), root.querySelector('[part="list"]').getAttribute("style")],
  };
}

async function renderBoth(page, json) {
  return page.evaluate(async ({ json, viewSource }) => {
    const read = new Function(`return (${viewSource})`)();
    const stage = document.getElementById("stage");
    stage.textContent = "";
    const results = {};
    for (const tag of ["news-reel", "twin-reel"]) {
      const el = document.createElement(tag);
      el.setAttribute("max-items", "100");
      const ready = new Promise((done) => el.addEventListener("newsreel:ready", (e) => done(e.detail), { once: true }));
      // Data first: connected empty, a widget would report that it found none.
      el.load(json);
      stage.append(el);
      const detail = await ready;
      const seen = read(el);
      // The marquee's duration once laid out: newsreel measures it after the
      // browser's layout (a ResizeObserver), the twin in its render.
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
      seen.motion = read(el).motion;
      results[tag] = { count: detail.count, warnings: detail.warnings, ...seen };
    }
    return results;
  }, { json, viewSource: view.toString() });
}

test("the twin renders the seed data as newsreel does, in every format", async () => {
  const { page, problems, context } = await openPage(env.browser);
  await page.goto(env.url + "/bench/index.html?impls=newsreel,twin&twin=/target/e2e/twin.js");
  await page.evaluate(() => window.bench.loaded);
  for (const name of SEEDS) {
    const json = readFileSync(new URL(name, FIXTURES), "utf8");
    const { "news-reel": newsreel, "twin-reel": twin } = await renderBoth(page, json);
    assert.equal(newsreel.state, "ready", name);
    assert.ok(newsreel.items.length >= 10, `${name}: the seed fills the ticker`);
    assert.equal(twin.items.length, newsreel.items.length, `${name}: as many headlines`);
    assert.deepEqual(twin, newsreel, name);
  }
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the twin sanitises and renders HTML bodies as newsreel does", async () => {
  const { page, problems, context } = await openPage(env.browser);
  // The generated articles' images point at a made-up site: answered here, never fetched.
  await context.route("https://news.example.test/**", (route) => route.fulfill({ status: 200, contentType: "image/svg+xml", body: PIXEL }));
  await page.goto(env.url + "/bench/index.html?impls=newsreel,twin&twin=/target/e2e/twin.js");
  await page.evaluate(() => window.bench.loaded);
  const json = jsonFeed(makeArticles(12, { seed: 3, bodyBytes: [1500, 3000] }));
  const { "news-reel": newsreel, "twin-reel": twin } = await renderBoth(page, json);
  assert.equal(newsreel.items.length, 12);
  assert.match(newsreel.body, /<h2>|<blockquote>|<figure>|<ul>/, "the generated body uses more than paragraphs");
  assert.deepEqual(twin, newsreel);
  await settled(page, "news-reel");
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
