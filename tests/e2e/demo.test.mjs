// The demo page, loaded over http through its real script tag.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled, SCREENSHOTS } from "./browser.mjs";
import { liveFeed } from "../../tools/serve.mjs";

const PAGES = ["index.html", "jsonld.html", "jsonfeed.html", "live.html", "layouts.html", "ru.html", "server.html"];
// A small phone, held upright: its browser lays the page out 360 CSS pixels wide.
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

let env;
// The live page's RSS feed, as `make demo` serves it.
before(async () => { env = await start(undefined, liveFeed()); });
after(async () => { await env?.close(); });

test("the demo renders the seed article and its ten latest headlines", async () => {
  const { page, problems, context } = await openPage(env.browser, { viewport: { width: 1100, height: 900 } });
  await page.goto(env.url + "/www/index.html");
  await settled(page);
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    return {
      state: el.getAttribute("state"),
      items: [...root.querySelectorAll('[part="item"]')].map((i) => i.textContent),
      headline: root.querySelector('[part="headline"]').textContent,
      date: root.querySelector('[part="date"]').getAttribute("datetime"),
      paragraphs: root.querySelectorAll('[part="body"] p').length,
      pause: root.querySelector('[part="pause"]').textContent,
    };
  });
  assert.equal(view.state, "ready");
  assert.equal(view.items.length, 10);
  assert.match(view.items[0], /Irakli Garibashvili Sentenced to Five Years in Prison/);
  assert.match(view.items[9], /Venezuela’s Recognition of Abkhazia/);
  assert.match(view.headline, /^Maria Zakharova to Vestnik Kavkaza: Russia welcomes initiatives/);
  assert.equal(view.date, "2026-01-15");
  assert.equal(view.paragraphs, 4);
  assert.equal(view.pause, "Pause");
  await page.screenshot({ path: SCREENSHOTS + "demo.png" });

  // Choosing a headline opens it in the article view. As for a reader, the
  // pointer over the ticker stops its motion, so the headline holds still.
  await page.locator("news-reel").locator('[part="ticker"]').hover();
  const chosen = page.locator("news-reel").locator('[part="item"] .pick').nth(3);
  await chosen.click();
  const after = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent);
  assert.equal(after, "The Use of the “Oreshnik” Missile and a New Phase of Escalation Around Ukraine");
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the JSON-LD and JSON Feed demo pages render exactly what the main demo does", async () => {
  const { page, problems, context } = await openPage(env.browser, { viewport: { width: 1100, height: 900 } });
  const rendered = async (name) => {
    await page.goto(`${env.url}/www/${name}`);
    await settled(page);
    await page.evaluate(() => document.querySelector("news-reel").pause());
    await page.screenshot({ path: `${SCREENSHOTS}demo-${name.replace(".html", "")}.png` });
    return page.evaluate(() => {
      const el = document.querySelector("news-reel");
      const root = el.shadowRoot;
      const texts = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent);
      return {
        state: el.getAttribute("state"),
        label: root.getElementById("nr-label").textContent,
        items: texts('[part="item"]'),
        times: [...root.querySelectorAll('[part="item"] time')].map((t) => t.getAttribute("datetime")),
        article: texts('[part="article"] > *'),
      };
    });
  };
  const ours = await rendered("index.html");
  assert.equal(ours.state, "ready");
  for (const name of ["jsonld.html", "jsonfeed.html"]) {
    assert.deepEqual(await rendered(name), ours, name);
  }
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the Russian demo page: the widget's words, dates and headlines in Russian", async () => {
  const { page, problems, context } = await openPage(env.browser, { viewport: { width: 1100, height: 700 } });
  await page.goto(env.url + "/www/ru.html");
  await settled(page);
  await page.evaluate(() => document.querySelector("news-reel").pause());
  const view = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return {
      label: root.getElementById("nr-label").textContent,
      pause: root.querySelector('[part="pause"]').textContent,
      first: root.querySelector('[part="item"] .title').textContent,
      date: root.querySelector('[part="article"] [part="date"]').textContent,
    };
  });
  assert.equal(view.label, "Последние новости");
  assert.equal(view.pause, "Воспроизвести", "paused: the control offers to play");
  assert.match(view.first, /^Бывший премьер-министр Грузии/);
  assert.match(view.date, /янв/, "the date in Russian");
  await page.screenshot({ path: SCREENSHOTS + "russian-page.png" });
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the views, modes and languages page: a vertical header bar, and a switcher that sets the widget's attributes", async () => {
  const { page, problems, context } = await openPage(env.browser, { viewport: { width: 1100, height: 900 } });
  await page.goto(env.url + "/www/layouts.html");
  await settled(page);
  const bar = await page.evaluate(() => {
    const root = document.getElementById("bar").shadowRoot;
    return {
      mode: root.querySelector(".nr").className,
      article: root.querySelector('[part="article"]').hidden,
    };
  });
  assert.match(bar.mode, /mode-vertical/);
  assert.equal(bar.article, true, "the bar has no article view");
  // For the picture: held by the pointer (the label says Pause still), at the start of its loop.
  await page.locator("#bar").hover();
  // (A vertical ticker steps by a transition: held, it rests where it is.)
  await page.locator("#bar").screenshot({ path: SCREENSHOTS + "vertical-ticker.png" });
  await page.mouse.move(0, 0);
  await page.selectOption("select[name=mode]", "vertical");
  await page.selectOption("select[name=view]", "ticker");
  await page.selectOption("select[name=lang]", "ka");
  const configured = await page.evaluate(() => {
    const el = document.getElementById("configurable");
    return {
      attrs: ["mode", "view", "lang"].map((n) => el.getAttribute(n)),
      pause: el.shadowRoot.querySelector('[part="pause"]').textContent,
      mode: el.shadowRoot.querySelector(".nr").className,
    };
  });
  assert.deepEqual(configured.attrs, ["vertical", "ticker", "ka"]);
  assert.match(configured.mode, /mode-vertical/);
  assert.equal(configured.pause, "პაუზა", "the widget's words in Georgian");
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

/**
 * What a phone shows of the page: how wide it is against its viewport, and
 * each link's contrast with the background it is painted on. A link outside
 * its bar's box (a bar that does not wrap) stands on whatever is beneath.
 */
function phoneView(page) {
  return page.evaluate(() => {
    const rgba = (c) => {
      const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    };
    const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const canvas = rgba(getComputedStyle(document.body).backgroundColor);
    const links = [...document.querySelectorAll("a[href]")].map((a) => {
      const box = a.getBoundingClientRect();
      let under = canvas;
      for (let e = a.parentElement; e && e !== document.body; e = e.parentElement) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg.a > 0 && inside(box, e.getBoundingClientRect())) { under = bg; break; }
      }
      return { text: a.textContent.trim(), contrast: Math.round(contrast(rgba(getComputedStyle(a).color), under) * 100) / 100 };
    });
    const html = document.documentElement;
    return { scrollWidth: html.scrollWidth, clientWidth: html.clientWidth, links };
  });
}

test("every demo page fits a phone: no sideways scrolling, and every link readable, in light and dark", async () => {
  const wrong = [];
  const widths = {};
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await openPage(env.browser, { ...PHONE, colorScheme });
    for (const name of PAGES) {
      await page.goto(`${env.url}/www/${name}`);
      await settled(page);
      const view = await phoneView(page);
      widths[`${name} (${colorScheme})`] = view.scrollWidth;
      if (view.scrollWidth > view.clientWidth) wrong.push(`${name} (${colorScheme}): ${view.scrollWidth} px wide in a ${view.clientWidth} px viewport`);
      for (const link of view.links) {
        if (link.contrast < 4.5) wrong.push(`${name} (${colorScheme}): the link "${link.text}" has contrast ${link.contrast}:1`);
      }
    }
    assert.deepEqual(problems.pageErrors, [], colorScheme);
    assert.deepEqual(problems.consoleErrors, [], colorScheme);
    await context.close();
  }
  assert.deepEqual(wrong, [], JSON.stringify(widths));
});

test("in dark mode the views page's own form controls are dark too", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await openPage(env.browser, { ...PHONE, colorScheme });
    await page.goto(env.url + "/www/layouts.html");
    await settled(page);
    const controls = await page.evaluate(() => [...document.querySelectorAll(".switcher select, .switcher input")].map((c) => {
      const style = getComputedStyle(c);
      const lightness = (color) => {
        const [r, g, b] = color.match(/[\d.]+/g).map(Number);
        return Math.round((0.2126 * r + 0.7152 * g + 0.0722 * b) / 2.55);
      };
      return { name: c.name, background: lightness(style.backgroundColor), text: lightness(style.color) };
    }));
    assert.equal(controls.length, 5);
    for (const c of controls) {
      // Lightness in per cent, 0 black to 100 white.
      if (colorScheme === "dark") assert.ok(c.background < 30 && c.text > 70, `${c.name} in dark mode: ${JSON.stringify(c)}`);
      else assert.ok(c.background > 70 && c.text < 30, `${c.name} in light mode: ${JSON.stringify(c)}`);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test("the demo on a phone: the picture for the README", async () => {
  const { page, problems, context } = await openPage(env.browser, PHONE);
  await page.goto(env.url + "/www/index.html");
  await settled(page);
  // The ticker at the start of its loop, its first headline in view.
  await page.evaluate(() => {
    for (const scroll of document.querySelector("news-reel").shadowRoot.querySelector(".lane").getAnimations()) scroll.currentTime = 0;
  });
  const view = await phoneView(page);
  assert.ok(view.scrollWidth <= view.clientWidth, `${view.scrollWidth} px wide in a ${view.clientWidth} px viewport`);
  await page.screenshot({ path: SCREENSHOTS + "demo-phone.png" });
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
