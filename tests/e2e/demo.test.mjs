// The demo page, loaded over http through its real script tag.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled, SCREENSHOTS } from "./browser.mjs";

let env;
before(async () => { env = await start(); });
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
  await page.evaluate(() => { document.getElementById("bar").shadowRoot.querySelector(".lane").getAnimations()[0].currentTime = 0; });
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
