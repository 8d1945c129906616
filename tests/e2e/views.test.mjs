// The `view` attribute, end to end in headless Chromium: `ticker` shows the
// headlines alone, as links a plain click follows (a header bar), with a
// headline without a URL as plain text; `article` shows the article view
// alone. Each passes axe in light and dark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled, axeViolations, moduleStarted } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const data = (base) => JSON.stringify({
  article: { id: "main", headline: "The main story", datePublished: "2026-11-03", articleBody: "<p>Body of the main story.</p>" },
  latest: [
    { id: "a", headline: "A headline with a page", url: `${base}${PAGE}?went=a`, datePublished: "2026-11-02" },
    { id: "b", headline: "A headline without one", datePublished: "2026-11-01" },
  ],
});

async function widget(view, options = {}) {
  const { page, context, problems } = await openPage(env.browser, options);
  await page.goto(env.url + PAGE);
  await page.evaluate(async ({ view, json }) => {
    await customElements.whenDefined("news-reel");
    const el = document.createElement("news-reel");
    el.setAttribute("view", view);
    el.setAttribute("mode", "list");
    document.querySelector("#app").append(el);
    el.load(json);
  }, { view, json: data(env.url) });
  await settled(page);
  return { page, context, problems };
}

const shown = (page) => page.evaluate(() => {
  const root = document.querySelector("news-reel").shadowRoot;
  const visible = (part) => { const e = root.querySelector(`[part="${part}"]`); return Boolean(e) && !e.hidden; };
  return {
    ticker: visible("ticker"),
    article: visible("article"),
    picks: [...root.querySelectorAll(".items:not(.copy) .pick")].map((p) => p.localName),
    headline: root.querySelector('[part="headline"]')?.textContent ?? null,
  };
});

test('view="ticker" shows the headlines alone; a plain click follows the link', async () => {
  const { page, context, problems } = await widget("ticker");
  const view = await shown(page);
  assert.equal(view.ticker, true);
  assert.equal(view.article, false, "no article view");
  assert.deepEqual(view.picks, ["a", "span"], "a headline without a URL is plain text, not a dead button");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").select("a")), false, "nothing to open a headline in");
  await page.locator("news-reel").locator(".items:not(.copy) a.pick").click();
  await page.waitForURL(/went=a/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('view="ticker" leaves plain and modified clicks to the browser, unprevented', async () => {
  const { page, context } = await widget("ticker");
  const prevented = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    const click = (init) => {
      let seen = null;
      // Seen after the widget's own listener (the shadow root's), then stopped here so the page stays.
      document.addEventListener("click", (e) => { seen = e.defaultPrevented; e.preventDefault(); }, { once: true });
      root.querySelector("a.pick").dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, ...init }));
      return seen;
    };
    return { plain: click({}), ctrl: click({ ctrlKey: true }), middle: click({ button: 1 }) };
  });
  assert.deepEqual(prevented, { plain: false, ctrl: false, middle: false });
  await context.close();
});

test('view="article" shows the article view alone', async () => {
  const { page, context, problems } = await widget("article");
  const view = await shown(page);
  assert.equal(view.ticker, false, "no ticker");
  assert.equal(view.article, true);
  assert.equal(view.headline, "The main story");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").select("b")), true, "the host can still open another article");
  assert.equal((await shown(page)).headline, "A headline without one");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

for (const view of ["ticker", "article"]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds no violations in view="${view}" (${colorScheme})`, async () => {
      const { page, context } = await widget(view, { colorScheme });
      assert.deepEqual(await axeViolations(page, { pause: false }), []);
      await context.close();
    });
  }
}

test("exclude-tags leaves out the articles with any of its tags, before max-items, with and without tags", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + PAGE);
  await moduleStarted(page);
  const result = await page.evaluate(async () => {
    const el = document.createElement("news-reel");
    el.setAttribute("exclude-tags", "Sport, РЕКЛАМА");
    el.setAttribute("mode", "list");
    el.setAttribute("max-items", "2");
    document.querySelector("#app").append(el);
    el.load({
      version: "https://jsonfeed.org/version/1.1",
      items: [
        { id: "1", title: "Cup final", tags: ["SPORT"], date_published: "2026-11-06" },
        { id: "2", title: "Budget vote", tags: ["politics"], date_published: "2026-11-05" },
        { id: "3", title: "Sponsored", tags: ["world", "реклама"], date_published: "2026-11-04" },
        { id: "4", title: "Untagged", date_published: "2026-11-03" },
        { id: "5", title: "Peace talks", tags: ["World"], date_published: "2026-11-02" },
      ],
    });
    const titles = () => [...el.shadowRoot.querySelectorAll(".items:not(.copy) .title")].map((t) => t.textContent);
    const excluded = titles();
    el.setAttribute("tags", "world");
    const both = titles();
    el.removeAttribute("exclude-tags");
    const tagsOnly = titles();
    return { excluded, both, tagsOnly };
  });
  assert.deepEqual(result.excluded, ["Budget vote", "Untagged"], "the two newest left after the exclusion");
  assert.deepEqual(result.both, ["Peace talks"], "one of tags, none of exclude-tags");
  assert.deepEqual(result.tagsOnly, ["Sponsored", "Peace talks"]);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("tags shows only the matching articles, case-insensitively in any script; ready counts them all", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + PAGE);
  await moduleStarted(page);
  const result = await page.evaluate(async () => {
    const el = document.createElement("news-reel");
    el.setAttribute("tags", "politics, МИР");
    el.setAttribute("mode", "list");
    const readies = [];
    el.addEventListener("newsreel:ready", (e) => readies.push(e.detail));
    document.querySelector("#app").append(el);
    el.load({
      version: "https://jsonfeed.org/version/1.1",
      items: [
        { id: "1", title: "Budget vote", tags: ["Politics"], date_published: "2026-11-05" },
        { id: "2", title: "Cup final", tags: ["sport"], date_published: "2026-11-04" },
        { id: "3", title: "Мирные переговоры", tags: ["мир"], date_published: "2026-11-03" },
        { id: "4", title: "Untagged", date_published: "2026-11-02" },
      ],
    });
    const titles = () => [...el.shadowRoot.querySelectorAll(".items:not(.copy) .title")].map((t) => t.textContent);
    const filtered = titles();
    el.setAttribute("tags", "SPORT");
    const sport = titles();
    el.removeAttribute("tags");
    return { filtered, sport, all: titles(), readies: readies.map((r) => [r.count, r.shown]) };
  });
  assert.deepEqual(result.filtered, ["Budget vote", "Мирные переговоры"]);
  assert.deepEqual(result.sport, ["Cup final"]);
  assert.deepEqual(result.all, ["Budget vote", "Cup final", "Мирные переговоры", "Untagged"]);
  assert.deepEqual(result.readies, [[4, 2], [4, 1], [4, 4]], "count is every article, shown the ticker's");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("a marquee whose headlines fit stays still with no copy; more headlines, or a narrower box, start it", async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(env.url + PAGE);
  const state = () => page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    const lane = root.querySelector(".lane");
    return {
      moving: getComputedStyle(lane).animationName !== "none",
      copies: root.querySelector(".items.copy").children.length,
      pauseHidden: root.querySelector('[part="pause"]').hidden,
    };
  });
  // The widget measures its marquee after the browser's layout (a
  // ResizeObserver): a frame after each change.
  const laidOut = () => page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  await page.evaluate(async () => {
    await customElements.whenDefined("news-reel");
    const el = document.createElement("news-reel");
    document.querySelector("#app").append(el);
    el.load({ latest: [{ id: "a", headline: "Short one" }, { id: "b", headline: "Short two" }] });
  });
  await settled(page);
  await laidOut();
  assert.deepEqual(await state(), { moving: false, copies: 0, pauseHidden: true }, "two short headlines in a wide box");
  await page.evaluate(() => {
    const latest = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, headline: `Headline number ${i} of thirty, long enough` }));
    document.querySelector("news-reel").load({ latest });
  });
  await laidOut();
  assert.deepEqual(await state(), { moving: true, copies: 30, pauseHidden: false }, "thirty do not fit: the marquee moves");
  // Back to two, then a box too narrow for them.
  await page.evaluate(() => document.querySelector("news-reel").load({ latest: [{ id: "a", headline: "Short one" }, { id: "b", headline: "Short two" }] }));
  await laidOut();
  assert.equal((await state()).moving, false);
  await page.evaluate(() => { document.querySelector("news-reel").style.width = "120px"; });
  await page.waitForFunction(() => document.querySelector("news-reel").shadowRoot.querySelector(".items.copy").children.length === 2, null, { timeout: 5000 });
  assert.deepEqual(await state(), { moving: true, copies: 2, pauseHidden: false }, "a narrower box: they no longer fit");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** A vertical ticker of `n` headlines, appended with the given attributes. */
async function vertical(n, attributes = {}, options = {}) {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1000, height: 800 }, ...options });
  await page.goto(env.url + PAGE);
  await page.evaluate(async ({ n, attributes }) => {
    await customElements.whenDefined("news-reel");
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "vertical");
    el.setAttribute("view", "ticker");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.querySelector("#app").append(el);
    const latest = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, headline: `Vertical headline ${i}`, url: `/story/${i}` }));
    el.load({ latest });
  }, { n, attributes });
  await settled(page);
  return { page, context, problems };
}

/** The lane's translation now, from its computed transform matrix. */
const laneOffset = (page) => page.evaluate(() => {
  const lane = document.querySelector("news-reel").shadowRoot.querySelector(".lane");
  const m = new DOMMatrixReadOnly(getComputedStyle(lane).transform);
  return { x: m.m41, y: m.m42 };
});

/** Long enough for a step: the rest (`interval="1000"`), the move (0.45 s) and a margin. */
const STEP_MS = 1700;

test('mode="vertical" steps upward only, a headline at a time, in a box `rows` lines tall, and stops with focus inside', async () => {
  const { page, context, problems } = await vertical(8, { rows: "4", interval: "1000" });
  const box = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    const viewport = root.querySelector(".viewport").getBoundingClientRect();
    const item = root.querySelector(".items:not(.copy) .item").getBoundingClientRect();
    const copy = root.querySelector(".items.copy");
    return {
      rows: Math.round(viewport.height / item.height),
      copies: copy.children.length,
      copyHidden: copy.getAttribute("aria-hidden") === "true" && copy.inert,
      pauseFirst: root.querySelector('[part="pause"]').compareDocumentPosition(root.querySelector(".items .pick")) & Node.DOCUMENT_POSITION_FOLLOWING,
    };
  });
  assert.equal(box.rows, 4, "the box is four headlines tall");
  assert.equal(box.copies, 8, "the seamless loop has its copy");
  assert.ok(box.copyHidden, "the copy is aria-hidden and inert");
  assert.ok(box.pauseFirst, "the pause control comes before the headlines");
  const first = await laneOffset(page);
  const row = await page.evaluate(() =>
    document.querySelector("news-reel").shadowRoot.querySelector(".items:not(.copy) .item").getBoundingClientRect().height);
  // The first step starts, then ends: its transition (0.45 s) and a margin.
  await page.waitForFunction((y) => {
    const lane = document.querySelector("news-reel").shadowRoot.querySelector(".lane");
    return new DOMMatrixReadOnly(getComputedStyle(lane).transform).m42 !== y;
  }, first.y, { timeout: STEP_MS });
  await page.waitForTimeout(600);
  const second = await laneOffset(page);
  assert.equal(first.x, 0);
  assert.equal(second.x, 0, "no sideways motion");
  assert.ok(Math.abs(first.y - second.y - row) < 1, `up one headline of ${row} px (${first.y} → ${second.y})`);
  // Focus inside holds it.
  await page.locator("news-reel").locator(".items:not(.copy) .pick").first().focus();
  // The hold takes effect with the next style update: read after it.
  await page.waitForTimeout(100);
  const held = await laneOffset(page);
  await page.waitForTimeout(STEP_MS);
  assert.equal((await laneOffset(page)).y, held.y, "still while a headline has focus");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('mode="vertical" with no more headlines than rows stays still, with no copy and no pause control', async () => {
  const { page, context, problems } = await vertical(3);
  const state = () => page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return {
      moving: !root.querySelector(".nr").classList.contains("paused"),
      copies: root.querySelector(".items.copy").children.length,
      pauseHidden: root.querySelector('[part="pause"]').hidden,
    };
  });
  assert.deepEqual(await state(), { moving: false, copies: 0, pauseHidden: true }, "three headlines in three rows");
  await page.evaluate(() => document.querySelector("news-reel").setAttribute("rows", "2"));
  assert.deepEqual(await state(), { moving: true, copies: 3, pauseHidden: false }, "three headlines in two rows");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('mode="vertical" pauses on the control, gives the static list for reduced motion, and reads right to left', async () => {
  const { page, context } = await vertical(8, { interval: "1000" });
  await page.locator("news-reel").locator('[part="pause"]').click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  const paused = await laneOffset(page);
  await page.waitForTimeout(STEP_MS);
  assert.equal((await laneOffset(page)).y, paused.y, "paused by the control");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").paused), true);
  await context.close();

  const reduced = await vertical(8, {}, { reducedMotion: "reduce" });
  const mode = await reduced.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector(".nr").className);
  assert.match(mode, /mode-list/, "reduced motion: the static list");
  await reduced.context.close();

  const rtl = await vertical(8, { dir: "rtl", interval: "1000" });
  const sides = await rtl.page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    const viewport = root.querySelector(".viewport").getBoundingClientRect();
    const title = root.querySelector(".items:not(.copy) .title").getBoundingClientRect();
    const label = root.querySelector(".label").getBoundingClientRect();
    return { titleRightGap: viewport.right - title.right, labelRight: label.right, viewportRight: viewport.right };
  });
  assert.ok(sides.titleRightGap < 20, `headlines start at the right (${sides.titleRightGap}px from it)`);
  assert.ok(sides.labelRight > sides.viewportRight, "the label is on the right");
  const a = await laneOffset(rtl.page);
  await rtl.page.waitForTimeout(STEP_MS);
  const b = await laneOffset(rtl.page);
  assert.ok(b.y < a.y && b.x === 0, "still upward, not sideways");
  await rtl.context.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no violations in mode="vertical" (${colorScheme})`, async () => {
    const { page, context } = await vertical(8, {}, { colorScheme });
    assert.deepEqual(await axeViolations(page, { pause: false }), []);
    await context.close();
  });
}
