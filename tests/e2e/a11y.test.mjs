// Accessibility end to end, in headless Chromium: axe-core on the demo pages,
// keyboard-only use, reduced motion, a hostile host stylesheet, and
// screenshots of every mode in light and dark, left-to-right and right-to-left.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { start, openPage, settled, axeViolations, ROOT, SCREENSHOTS } from "./browser.mjs";

const DEMO_PAGES = ["index.html", "jsonld.html", "jsonfeed.html", "layouts.html", "ru.html"].filter((p) => existsSync(ROOT + "www/" + p));
const WIDGET_PAGE = "/tests/e2e/pages/a11y/widget.html";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** What the widget shows, read from its shadow root. */
function inspect(page) {
  return page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    const box = root.querySelector(".nr");
    return {
      state: el.getAttribute("state"),
      classes: [...box.classList],
      pause: root.querySelector('[part="pause"]').textContent,
      headline: root.querySelector('[part="headline"]').textContent,
      running: root.getAnimations().filter((a) => a.playState === "running").length,
      paused: el.paused,
    };
  });
}

for (const name of DEMO_PAGES) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds no violations on ${name} (${colorScheme})`, async () => {
      const { page, context, problems } = await openPage(env.browser, { colorScheme });
      await page.goto(`${env.url}/www/${name}`);
      await settled(page);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
}

test("keyboard only: pause first, each headline once, Enter opens the article", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.url + WIDGET_PAGE);
  await settled(page);
  await page.focus("a[href='#before']");
  const stops = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => {
      const inner = document.querySelector("news-reel").shadowRoot.activeElement;
      if (inner) return inner.getAttribute("part") || inner.className + ":" + inner.textContent.slice(0, 30);
      return "page:" + document.activeElement.getAttribute("href");
    }));
  }
  assert.equal(stops[0], "pause", "the pause control comes first");
  const headlines = stops.slice(1, 11);
  assert.equal(new Set(headlines).size, 10, `ten distinct headlines: ${stops.join(" | ")}`);
  assert.ok(headlines.every((s) => s.startsWith("pick")), stops.join(" | "));
  assert.equal(stops[11], "page:#after", "Tab leaves the widget after the last headline");

  // Back to the fourth headline and open it with Enter.
  for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+Tab");
  const chosen = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.activeElement.textContent);
  await page.keyboard.press("Enter");
  const after = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return { headline: root.querySelector('[part="headline"]').textContent, focused: root.activeElement?.getAttribute("part") };
  });
  assert.ok(chosen.startsWith(after.headline), `${chosen} opened as ${after.headline}`);
  assert.equal(after.focused, "headline", "focus lands on the article's heading");

  // Space on the pause control stops the motion.
  await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="pause"]').focus());
  await page.keyboard.press("Space");
  assert.equal((await inspect(page)).pause, "Play");
  await context.close();
});

test("reduced motion shows the still list until the reader presses play", async () => {
  const { page, context } = await openPage(env.browser, { reducedMotion: "reduce" });
  await page.goto(env.url + WIDGET_PAGE);
  await settled(page);
  let view = await inspect(page);
  assert.ok(view.classes.includes("mode-list"), view.classes.join(" "));
  assert.equal(view.running, 0);
  assert.equal(view.pause, "Play");
  await page.screenshot({ path: SCREENSHOTS + "reduced-motion.png" });
  await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="pause"]').click());
  await page.mouse.move(0, 0);
  view = await inspect(page);
  assert.ok(view.classes.includes("mode-marquee"));
  assert.equal(view.pause, "Pause");
  assert.ok(view.running > 0, "pressing play starts the motion");
  await context.close();
});

test("a hidden tab stops the motion and a visible one resumes it", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.url + WIDGET_PAGE);
  await settled(page);
  await page.mouse.move(0, 0);
  assert.ok((await inspect(page)).running > 0);
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  await setHidden(true);
  assert.equal((await inspect(page)).running, 0);
  await setHidden(false);
  assert.ok((await inspect(page)).running > 0);
  await context.close();
});

test("a host stylesheet that resets everything does not break the widget", async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(env.url + WIDGET_PAGE + "?hostile=1&mode=list");
  await settled(page);
  const look = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      headlineSize: parseFloat(style('[part="headline"]').fontSize),
      itemDisplay: style('[part="item"]').display,
      pauseDisplay: style('[part="pause"]').display,
      headlineColor: style('[part="headline"]').color,
      bodyHeight: root.querySelector('[part="body"]').getBoundingClientRect().height,
    };
  });
  assert.ok(look.headlineSize > 16 && look.headlineSize < 40, `headline size ${look.headlineSize}`);
  assert.equal(look.itemDisplay, "flex");
  assert.notEqual(look.headlineColor, "rgb(0, 255, 0)", "the host colour did not leak in");
  assert.ok(look.bodyHeight > 100, "the article body is laid out");
  await page.screenshot({ path: SCREENSHOTS + "hostile-css.png" });
  await context.close();
});

test("screenshots of every mode, light and dark, ltr and rtl", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context } = await openPage(env.browser, { colorScheme, viewport: { width: 1000, height: 560 } });
    for (const mode of ["marquee", "slide", "list"]) {
      for (const dir of ["ltr", "rtl"]) {
        await page.goto(`${env.url}${WIDGET_PAGE}?mode=${mode}&dir=${dir}`);
        await settled(page);
        const view = await inspect(page);
        assert.ok(view.classes.includes(`mode-${mode}`));
        assert.equal(view.classes.includes("rtl"), dir === "rtl");
        // Still frames: the marquee is paused where it starts.
        await page.evaluate(() => document.querySelector("news-reel").pause());
        await page.locator("news-reel").screenshot({ path: `${SCREENSHOTS}${mode}-${colorScheme}-${dir}.png` });
      }
    }
    await context.close();
  }
});
