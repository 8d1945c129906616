// `thumbnails`, end to end in headless Chromium: each headline's image before
// its text, in a fixed box in every mode, so that nothing moves as the images
// arrive (they are held back here until the widget has rendered); none for a
// headline without an image, none with images="none"; axe in each mode.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled, axeViolations, SCREENSHOTS } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";
// With a phone's viewport meta: without it, isMobile lays the page out 980 px wide.
const PHONE_PAGE = "/tests/e2e/pages/phone/phone.html";
const MODES = ["marquee", "slide", "vertical", "list"];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// A JSON Feed whose first three items have an image (JSON Feed's `image` or
// `banner_image`) and whose fourth has none.
const feed = (base) => JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  items: [
    { id: "1", title: "Ferry timetable changes for the winter", url: base + "/n/1", image: base + "/thumbs/1.svg", date_published: "2026-12-07T08:00:00Z" },
    { id: "2", title: "Новый мост откроют весной", url: base + "/n/2", banner_image: base + "/thumbs/2.svg", date_published: "2026-12-06T08:00:00Z" },
    { id: "3", title: "Harbour cleanup draws a crowd", url: base + "/n/3", image: base + "/thumbs/3.svg", date_published: "2026-12-05T08:00:00Z" },
    { id: "4", title: "A headline with no image", url: base + "/n/4", date_published: "2026-12-04T08:00:00Z" },
  ],
});

const SVG = (hue) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="hsl(${hue} 60% 45%)"/></svg>`;

/**
 * A page with one widget in `mode`, its images held back until `release()`;
 * `layout()` reads where each headline's text and thumbnail are.
 */
async function widget(mode, attributes = {}, options = {}, path = PAGE) {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 }, ...options });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/thumbs/*.svg", async (route) => {
    await held;
    const n = Number(new URL(route.request().url()).pathname.match(/(\d)\.svg$/)[1]);
    await route.fulfill({ status: 200, contentType: "image/svg+xml", body: SVG(n * 90) });
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(env.url + path);
  await page.evaluate(({ mode, attributes, json }) => {
    const el = document.createElement("news-reel");
    el.setAttribute("mode", mode);
    el.setAttribute("thumbnails", "");
    el.setAttribute("view", "ticker");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.querySelector("#app").append(el);
    el.load(json);
    el.pause();
  }, { mode, attributes, json: feed(env.url) });
  await settled(page);
  const layout = () => page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
    };
    const viewport = root.querySelector('[part="viewport"]').getBoundingClientRect();
    return {
      items: [...root.querySelectorAll('[part~="item"]')].map((item) => {
        const img = item.querySelector("img");
        const time = item.querySelector("time");
        return {
          title: box(item.querySelector(".title")),
          time: time && box(time),
          thumb: img && {
            ...box(img),
            part: img.getAttribute("part"),
            alt: img.getAttribute("alt"),
            loading: img.getAttribute("loading"),
            loaded: img.complete && img.naturalWidth > 0,
          },
        };
      }),
      viewport: { top: Math.round(viewport.top), bottom: Math.round(viewport.bottom), right: Math.round(viewport.right) },
      fontSize: parseFloat(getComputedStyle(root.querySelector(".pick")).fontSize),
    };
  });
  return { page, context, problems, release, layout };
}

for (const mode of MODES) {
  test(`${mode}: each headline with an image shows it in a fixed box before its text, and nothing moves as the images arrive`, async () => {
    const { page, context, problems, release, layout } = await widget(mode);
    const before = await layout();
    assert.equal(before.items.length, 4);
    const [first, second, third, bare] = before.items;
    assert.equal(bare.thumb, null, "a headline without an image gets no box");
    for (const item of [first, second, third]) {
      assert.ok(item.thumb, "a thumbnail for each headline with an image");
      assert.equal(item.thumb.part, "thumbnail");
      assert.equal(item.thumb.alt, "", "decorative: the headline names it");
      assert.equal(item.thumb.loading, "lazy");
      assert.equal(item.thumb.loaded, false, "held back so far");
      // 2em of the headline's font, square.
      assert.equal(item.thumb.w, Math.round(2 * before.fontSize));
      assert.equal(item.thumb.h, item.thumb.w);
    }
    // Before the text in the reading direction.
    assert.ok(first.thumb.x + first.thumb.w <= first.title.x, JSON.stringify(first));
    // In the moving and stepping modes the first row's thumbnail is inside the
    // headlines' box, top to bottom.
    if (mode !== "list") {
      assert.ok(first.thumb.y >= before.viewport.top && first.thumb.y + first.thumb.h <= before.viewport.bottom,
        `${JSON.stringify(first.thumb)} within ${JSON.stringify(before.viewport)}`);
    }
    release();
    // The images in view load (a slide's hidden ones wait: they are lazy).
    await page.waitForFunction(() => {
      const root = document.querySelector("news-reel").shadowRoot;
      const box = root.querySelector('[part="viewport"]').getBoundingClientRect();
      const shown = [...root.querySelectorAll('[part~="item"] img')].filter((img) => {
        const r = img.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
      });
      return shown.length > 0 && shown.every((img) => img.complete && img.naturalWidth > 0);
    }, null, { timeout: 10000 });
    const after = await layout();
    assert.deepEqual(after.items.map((i) => i.title), before.items.map((i) => i.title), "no headline moved");
    assert.equal(await page.evaluate(() => window.__shift), 0, "no layout shift");
    if (mode === "vertical") await page.locator("news-reel").screenshot({ path: SCREENSHOTS + "thumbnails-vertical-1280.png" });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('images="none" wins over thumbnails, and without thumbnails there are none', async () => {
  for (const [name, change] of [["images=none", (el) => el.setAttribute("images", "none")], ["no thumbnails", (el) => el.removeAttribute("thumbnails")]]) {
    const { page, context, problems, release } = await widget("list");
    await page.evaluate(`(${change})(document.querySelector("news-reel"))`);
    release();
    const images = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelectorAll("img").length);
    assert.equal(images, 0, name);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test("on a phone, a slide's thumbnail and headline share the row, the date kept", async () => {
  const { page, context, problems, release, layout } = await widget("slide", {}, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, PHONE_PAGE);
  release();
  await page.waitForFunction(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="thumbnail"]').complete);
  const { items, viewport } = await layout();
  const [first] = items;
  assert.ok(Math.abs(first.thumb.y + first.thumb.h / 2 - (first.title.y + first.title.h / 2)) <= 2, "centred on the headline");
  assert.ok(first.thumb.y >= viewport.top && first.thumb.y + first.thumb.h <= viewport.bottom);
  assert.ok(first.time && first.time.x + first.time.w <= viewport.right, `the date is shown: ${JSON.stringify(first.time)}`);
  await page.screenshot({ path: SCREENSHOTS + "thumbnails-slide-360.png" });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
