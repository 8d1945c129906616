// The widget on a phone, end to end in headless Chromium: a 360 × 740 touch
// screen (the widget 344 px wide in a page with the body's 8 px margin).
// The box of headlines keeps most of the width, in English and in Russian;
// `open` chooses whether a headline opens in the article view or follows its
// link; a headline that takes focus in a marquee is brought into view; the
// vertical ticker steps one headline at a time and rests with whole rows; a
// swipe turns the slides; the controls are 44 × 44 px for a finger; and axe
// finds nothing, light or dark.
//
// Figures worth keeping (shares, visible fractions, sizes, violations) go to
// the test's diagnostics: `node --test` prints them beside each result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { start, openPage, settled, axeViolations } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/phone/phone.html";

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

// NEWSREEL_BUILD=<directory>: serve /www/dist/ from that directory instead
// (a copy of an earlier build, say), to measure one build against another.
const BUILD = process.env.NEWSREEL_BUILD;
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };
async function otherBuild(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  if (!BUILD || !path.startsWith("/www/dist/")) return false;
  const name = basename(path);
  const body = await readFile(join(BUILD, name)).catch(() => null);
  if (body === null) res.writeHead(404).end();
  else res.writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  return true;
}

let env;
before(async () => { env = await start(undefined, otherBuild); });
after(async () => { await env?.close(); });

// ---------------------------------------------------------------- data

const EN_HEADLINES = [
  "Former Georgian Prime Minister Irakli Garibashvili Sentenced to Five Years in Prison",
  "Foreign Interests and Native Fatigue: Iran on the Brink",
  "“Muslim NATO”: Turkey’s New Strategic Vector",
  "The Use of the “Oreshnik” Missile and a New Phase of Escalation Around Ukraine",
  "Solidarity Deferred: Croatia and Romania’s Dangerous Retreat",
  "Azerbaijan’s Eurasian Initiative: Ambitions, Challenges, and Doubts",
  "The Great Rotation: Personnel Reshuffles in Ukraine’s Leadership",
  "The United States Did Not Confirm an Alleged Ukrainian Attack on Putin’s Residence",
  "The Trans-Caspian Fiber Optic Cable: A Digital Milestone Connecting Europe and Asia",
  "Georgia Hopes for a Review of Venezuela’s Recognition of Abkhazia and South Ossetia Amid Ongoing Crisis",
];

const RU_HEADLINES = [
  "Бывший премьер-министр Грузии Ираклий Гарибашвили приговорён к пяти годам лишения свободы",
  "Чужие интересы и внутренняя усталость: Иран на грани",
  "«Мусульманское НАТО»: новый стратегический вектор Турции",
  "Применение ракеты «Орешник» и новый виток эскалации вокруг Украины",
  "Отложенная солидарность: опасное отступление Хорватии и Румынии",
  "Евразийская инициатива Азербайджана: амбиции, вызовы и сомнения",
  "Большая ротация: кадровые перестановки в руководстве Украины",
  "США не подтвердили сообщения о предполагаемой атаке Украины на резиденцию Путина",
  "Транскаспийский оптоволоконный кабель: цифровая веха между Европой и Азией",
  "Грузия надеется на пересмотр признания Абхазии и Южной Осетии Венесуэлой на фоне кризиса",
];

// Our Arabic rendering of the first six, for right to left.
const AR_HEADLINES = [
  "الحكم على رئيس الوزراء الجورجي السابق إيراكلي غاريباشفيلي بالسجن خمس سنوات",
  "مصالح أجنبية وإرهاق داخلي: إيران على حافة الهاوية",
  "«الناتو الإسلامي»: المسار الاستراتيجي الجديد لتركيا",
  "استخدام صاروخ «أوريشنيك» ومرحلة جديدة من التصعيد حول أوكرانيا",
  "تضامن مؤجَّل: التراجع الخطير لكرواتيا ورومانيا",
  "مبادرة أذربيجان الأوراسية: طموحات وتحديات وشكوك",
];

const ARTICLE = {
  en: {
    id: "zakharova-peace-initiatives",
    headline: "Maria Zakharova to Vestnik Kavkaza: Russia welcomes initiatives aimed at lasting peace between Azerbaijan and Armenia",
    datePublished: "2026-01-15",
    articleBody: "Russia welcomes the initiatives aimed at lasting peace and good-neighborly relations between Azerbaijan and Armenia.\n\n“We’re ready to provide assistance to these processes,” Zakharova said.",
  },
  ru: {
    id: "zakharova-peace-initiatives",
    headline: "Мария Захарова — «Вестнику Кавказа»: Россия приветствует инициативы, направленные на прочный мир между Азербайджаном и Арменией",
    datePublished: "2026-01-15",
    articleBody: "Россия приветствует инициативы, направленные на установление прочного мира.\n\n«Мы готовы содействовать ему», — сказала Захарова.",
  },
  ar: {
    id: "zakharova-peace-initiatives",
    headline: "زاخاروفا: روسيا ترحّب بالمبادرات الرامية إلى سلام دائم بين أذربيجان وأرمينيا",
    datePublished: "2026-01-15",
    articleBody: "ترحّب روسيا بالمبادرات الرامية إلى إقامة سلام دائم وعلاقات حسن جوار.",
  },
};

/** Dates one day apart, newest first, so the ticker keeps the given order. */
const dated = (i) => `2026-01-${String(12 - Math.min(i, 11)).padStart(2, "0")}`;

/**
 * The widget's data: the article and the first `n` headlines in `lang`,
 * every other one with a URL (a link) and the rest without (a button).
 */
function news(lang, n = 10) {
  const headlines = { en: EN_HEADLINES, ru: RU_HEADLINES, ar: AR_HEADLINES }[lang];
  return {
    article: ARTICLE[lang],
    latest: headlines.slice(0, n).map((headline, i) => ({
      id: `${lang}${i}`,
      headline,
      datePublished: dated(i),
      ...(i % 2 === 0 ? { url: `#story-${lang}${i}` } : {}),
    })),
  };
}

// ---------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A page with one <news-reel> (`attributes`, then `data`), ready. The build
 * in www/dist may be replaced while this runs: a page whose widget did not
 * start is opened again, three times at most.
 */
async function widget(options, attributes, data) {
  for (let attempt = 1; ; attempt++) {
    const opened = await openPage(env.browser, options);
    try {
      await opened.page.goto(env.url + PAGE);
      const defined = await opened.page.evaluate(async ({ attributes, data }) => {
        const ok = await Promise.race([
          customElements.whenDefined("news-reel").then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), 8000)),
        ]);
        if (!ok) return false;
        const el = document.createElement("news-reel");
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        document.querySelector("#app").append(el);
        el.load(data);
        return true;
      }, { attributes, data });
      if (!defined) throw new Error("<news-reel> was never defined");
      await settled(opened.page);
      const state = await opened.page.evaluate(() => document.querySelector("news-reel").getAttribute("state"));
      if (state !== "ready") throw new Error(`the widget's state is ${state}`);
      return opened;
    } catch (error) {
      await opened.context.close();
      if (attempt >= 3) throw error;
      await sleep(1500);
    }
  }
}

/** Sets (or, for null, removes) attributes on the widget. */
const setAttributes = (page, attributes) => page.evaluate((attributes) => {
  const el = document.querySelector("news-reel");
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
}, attributes);

/** The page's address without its fragment (the widget's history writes one). */
const address = (href) => href.replace(/#.*$/, "");

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const px = (x) => `${x.toFixed(1)} px`;

/**
 * Widths of the widget's boxes. `viewport` is the new part when there is
 * one, else today's `.viewport` div, so that the figures exist before it.
 */
const layout = (page) => page.evaluate(() => {
  const root = document.querySelector("news-reel").shadowRoot;
  const width = (e) => (e ? e.getBoundingClientRect().width : 0);
  const viewportPart = root.querySelector('[part~="viewport"]');
  return {
    widget: width(root.querySelector('[part~="root"]')),
    viewport: width(viewportPart ?? root.querySelector(".viewport")),
    label: width(root.querySelector(".label")),
    controls: width(root.querySelector(".controls")),
    viewportPart: Boolean(viewportPart),
    labelPart: Boolean(root.querySelector('[part~="label"]')),
    labelText: root.querySelector(".label").textContent,
    pauseText: root.querySelector('[part~="pause"]').textContent,
    classes: root.querySelector('[part~="root"]').className,
  };
});

// ---------------------------------------------------------------- 1. narrow layout

const LANGS = {
  en: { attributes: {}, label: "Latest news", pause: "Pause" },
  ru: { attributes: { lang: "ru" }, label: "Последние новости", pause: "Пауза" },
};

for (const [lang, words] of Object.entries(LANGS)) {
  test(`360 px touch, ${lang}: in marquee, slide and vertical the headlines' box (part viewport) is at least 65 % of the widget`, async (t) => {
    const { page, context, problems } = await widget(PHONE, words.attributes, news(lang));
    const found = {};
    for (const mode of ["marquee", "slide", "vertical"]) {
      await setAttributes(page, { mode });
      const box = await layout(page);
      t.diagnostic(`${mode}: widget ${px(box.widget)}, viewport ${px(box.viewport)} = ${pct(box.viewport / box.widget)}; label ${px(box.label)}, controls ${px(box.controls)}`);
      assert.ok(box.classes.includes(`mode-${mode}`), box.classes);
      assert.ok(Math.abs(box.widget - 344) <= 1, `the widget is 344 px wide in a 360 px page (${box.widget})`);
      assert.equal(box.labelText, words.label, "the label in the widget's language");
      assert.equal(box.pauseText, words.pause, "the pause control in the widget's language");
      found[mode] = {
        labelPart: box.labelPart,
        viewportPart: box.viewportPart,
        atLeast65: box.viewport >= 0.65 * box.widget ? true : `${pct(box.viewport / box.widget)} (${px(box.viewport)} of ${px(box.widget)})`,
      };
    }
    const want = { labelPart: true, viewportPart: true, atLeast65: true };
    assert.deepEqual(found, { marquee: want, slide: want, vertical: want }, 'part="label", part="viewport", and the viewport\'s share');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test("1280 px: the headlines' box share in every mode and language (recorded)", async (t) => {
  for (const [lang, words] of Object.entries(LANGS)) {
    const { page, context } = await widget(DESKTOP, words.attributes, news(lang));
    for (const mode of ["marquee", "slide", "vertical"]) {
      await setAttributes(page, { mode });
      const box = await layout(page);
      t.diagnostic(`${mode} ${lang}: widget ${px(box.widget)}, viewport ${px(box.viewport)} = ${pct(box.viewport / box.widget)}; label ${px(box.label)}, controls ${px(box.controls)}`);
      assert.ok(box.classes.includes(`mode-${mode}`), box.classes);
      assert.ok(box.viewport > 0, `${mode} ${lang}: the viewport has a width`);
    }
    await context.close();
  }
});

// ---------------------------------------------------------------- 2. open

/**
 * Headlines in a still list: a bare one with a URL (headline and date only),
 * a Russian one the same, three with more than that (a summary, a body, an
 * image) and a URL each, and a bare one without a URL.
 */
const openData = (base) => {
  const to = (went) => `${base}${PAGE}?went=${went}`;
  return {
    article: ARTICLE.en,
    latest: [
      { id: "bare", headline: EN_HEADLINES[0], datePublished: "2026-01-12", url: to("bare") },
      { id: "bare-ru", headline: RU_HEADLINES[1], datePublished: "2026-01-11", url: to("bare-ru") },
      { id: "summary", headline: EN_HEADLINES[2], datePublished: "2026-01-10", url: to("summary"), description: "Ankara’s talk of a “Muslim NATO” is more signal than alliance." },
      { id: "body", headline: EN_HEADLINES[3], datePublished: "2026-01-09", url: to("body"), articleBody: "The strike marked a new phase.\n\nIts range is “intermediate”." },
      { id: "image", headline: EN_HEADLINES[4], datePublished: "2026-01-08", url: to("image"), image: { url: "/www/favicon.svg", width: 64, height: 64 } },
      { id: "nourl", headline: EN_HEADLINES[5], datePublished: "2026-01-07" },
    ],
  };
};
const WITH_URL = ["bare", "bare-ru", "summary", "body", "image"];
const RICH = ["summary", "body", "image"];

async function listWith(open) {
  const attributes = { mode: "list", ...(open === undefined ? {} : { open }) };
  return widget(DESKTOP, attributes, openData(env.url));
}

/**
 * Clicks headline `id` with a synthetic click (`init` adds modifier keys)
 * and says what came of it: whether the widget prevented the default (seen
 * at the document, after the widget's own listener; the document then stops
 * the navigation, so the page stays), the `newsreel:select` events, the
 * article view's headline and where focus is in the shadow root.
 */
const clickHeadline = (page, id, init = {}) => page.evaluate(({ id, init }) => {
  const el = document.querySelector("news-reel");
  const root = el.shadowRoot;
  const pick = root.querySelector(`.items:not(.copy) .pick[data-id="${id}"]`);
  const selected = [];
  const onSelect = (e) => selected.push(e.detail.id);
  el.addEventListener("newsreel:select", onSelect);
  let prevented = null;
  document.addEventListener("click", (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
  pick.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, ...init }));
  el.removeEventListener("newsreel:select", onSelect);
  return {
    tag: pick.localName,
    prevented,
    selected,
    headline: root.querySelector('[part="headline"]').textContent,
    focus: root.activeElement?.getAttribute("part") ?? null,
    href: location.href.replace(/#.*$/, ""),
  };
}, { id, init });

/** The article view's headline for `id`. */
const headlineOf = (id) => openData("").latest.find((a) => a.id === id).headline;

test('open="auto" (the default): a bare headline with a URL is a link a plain click follows', async (t) => {
  const { page, context, problems } = await listWith(undefined);
  const outcomes = {};
  for (const id of ["bare", "bare-ru"]) {
    const r = await clickHeadline(page, id);
    outcomes[id] = { tag: r.tag, prevented: r.prevented, selected: r.selected, headline: r.headline };
  }
  t.diagnostic(JSON.stringify(outcomes));
  for (const id of ["bare", "bare-ru"]) {
    assert.deepEqual(outcomes[id], { tag: "a", prevented: false, selected: [], headline: ARTICLE.en.headline }, `${id}: left to the browser, no article view change`);
  }
  await page.locator("news-reel").locator(".items:not(.copy) .pick").filter({ hasText: EN_HEADLINES[0] }).click();
  await page.waitForURL(/went=bare$/, { timeout: 5000 });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('open="auto": a headline with a summary, a body or an image opens in the article view', async () => {
  const { page, context, problems } = await listWith("auto");
  const before = address(page.url());
  for (const id of RICH) {
    const r = await clickHeadline(page, id);
    assert.deepEqual(
      { prevented: r.prevented, selected: r.selected, headline: r.headline, focus: r.focus, href: r.href },
      { prevented: true, selected: [id], headline: headlineOf(id), focus: "headline", href: before },
      `${id} opens in the view`,
    );
  }
  // A real click too, on the one with a summary after the one with an image.
  await page.locator("news-reel").locator(".items:not(.copy) .pick").filter({ hasText: EN_HEADLINES[2] }).click();
  await page.waitForTimeout(300);
  assert.equal(address(page.url()), before, "the page stays");
  const view = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return { headline: root.querySelector('[part="headline"]').textContent, focus: root.activeElement?.getAttribute("part") };
  });
  assert.deepEqual(view, { headline: EN_HEADLINES[2], focus: "headline" });
  const nourl = await clickHeadline(page, "nourl");
  assert.deepEqual([nourl.tag, nourl.selected, nourl.headline], ["button", ["nourl"], headlineOf("nourl")], "without a URL: the view");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('open="view": every headline opens in the article view', async () => {
  const { page, context, problems } = await listWith("view");
  const before = address(page.url());
  for (const id of [...WITH_URL, "nourl"]) {
    const r = await clickHeadline(page, id);
    assert.deepEqual(
      { prevented: r.prevented, selected: r.selected, headline: r.headline, focus: r.focus },
      { prevented: true, selected: [id], headline: headlineOf(id), focus: "headline" },
      `${id} opens in the view`,
    );
  }
  // A real click on the bare one (the view shows "nourl" now): the view, not its page.
  await page.locator("news-reel").locator(".items:not(.copy) .pick").filter({ hasText: EN_HEADLINES[0] }).click();
  await page.waitForTimeout(300);
  assert.equal(address(page.url()), before, "the page stays");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent), EN_HEADLINES[0]);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('open="link": every headline with a URL follows it; one without opens in the view', async () => {
  const { page, context, problems } = await listWith("link");
  for (const id of WITH_URL) {
    const r = await clickHeadline(page, id);
    assert.deepEqual(
      { tag: r.tag, prevented: r.prevented, selected: r.selected, headline: r.headline },
      { tag: "a", prevented: false, selected: [], headline: ARTICLE.en.headline },
      `${id} is left to the browser`,
    );
  }
  const nourl = await clickHeadline(page, "nourl");
  assert.deepEqual(
    { prevented: nourl.prevented, selected: nourl.selected, headline: nourl.headline, focus: nourl.focus },
    { prevented: true, selected: ["nourl"], headline: headlineOf("nourl"), focus: "headline" },
    "without a URL: the view",
  );
  await page.locator("news-reel").locator(".items:not(.copy) .pick").filter({ hasText: EN_HEADLINES[2] }).click();
  await page.waitForURL(/went=summary$/, { timeout: 5000 });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("a Ctrl-click on a headline with a URL is left to the browser, whatever `open` says", async () => {
  const { page, context } = await listWith(undefined);
  for (const open of [null, "auto", "view", "link"]) {
    await setAttributes(page, { open });
    for (const id of WITH_URL) {
      const r = await clickHeadline(page, id, { ctrlKey: true });
      assert.deepEqual(
        { tag: r.tag, prevented: r.prevented, selected: r.selected, headline: r.headline },
        { tag: "a", prevented: false, selected: [], headline: ARTICLE.en.headline },
        `open=${open ?? "(none)"}: Ctrl-click on ${id}`,
      );
    }
  }
  await context.close();
});

// ---------------------------------------------------------------- 3. focus in view

/**
 * Tabs from the link before the widget: Pause first, then each headline.
 * After a headline takes focus and 300 ms pass, measures it against the
 * headlines' box. Returns one entry a headline.
 */
async function tabThroughHeadlines(page, rtl) {
  await page.focus("a[href='#before']");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.activeElement?.getAttribute("part"));
  assert.equal(first, "pause", "Pause comes first");
  const stops = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const isHeadline = await page.evaluate(() => {
      const active = document.querySelector("news-reel").shadowRoot.activeElement;
      return Boolean(active?.classList.contains("pick"));
    });
    if (!isHeadline) break;
    await page.waitForTimeout(300);
    stops.push(await page.evaluate((rtl) => {
      const root = document.querySelector("news-reel").shadowRoot;
      const active = root.activeElement;
      const vp = (root.querySelector('[part~="viewport"]') ?? root.querySelector(".viewport")).getBoundingClientRect();
      const r = active.getBoundingClientRect();
      const visible = Math.max(0, Math.min(r.right, vp.right) - Math.max(r.left, vp.left));
      const inside = r.left >= vp.left - 1 && r.right <= vp.right + 1 && r.top >= vp.top - 1 && r.bottom <= vp.bottom + 1;
      const wider = r.width > vp.width + 1;
      const startAtStart = rtl ? Math.abs(r.right - vp.right) <= 1 : Math.abs(r.left - vp.left) <= 1;
      const inCopy = Boolean(active.closest(".copy"));
      return {
        title: active.querySelector(".title")?.textContent.slice(0, 24),
        width: r.width,
        viewport: vp.width,
        fraction: visible / r.width,
        ok: !inCopy && (inside || (wider && startAtStart && r.top >= vp.top - 1 && r.bottom <= vp.bottom + 1)),
        inCopy,
      };
    }, rtl));
  }
  return stops;
}

for (const [name, options] of [["1280 px", DESKTOP], ["360 px touch", PHONE]]) {
  for (const dir of ["ltr", "rtl"]) {
    test(`marquee at ${name}, ${dir}: a headline that takes focus is inside the headlines' box`, async (t) => {
      const lang = dir === "rtl" ? "ar" : "en";
      const attributes = dir === "rtl" ? { dir: "rtl", lang: "ar" } : {};
      const { page, context, problems } = await widget(options, attributes, news(lang, 6));
      const where = () => page.evaluate(() => {
        const root = document.querySelector("news-reel").shadowRoot;
        return { x: root.querySelector(".items .item").getBoundingClientRect().x, pause: !root.querySelector('[part~="pause"]').hidden };
      });
      const [a, b] = [await where(), await page.waitForTimeout(300).then(where)];
      assert.ok(a.x !== b.x && b.pause, "the marquee moves (six headlines do not fit)");
      const stops = await tabThroughHeadlines(page, dir === "rtl");
      t.diagnostic(`visible fractions: ${stops.map((s) => `${Math.round(100 * s.fraction)} %${s.width > s.viewport + 1 ? " (wider)" : ""}`).join(", ")}; viewport ${px(stops[0]?.viewport ?? 0)}`);
      assert.equal(stops.length, 6, "six headlines, each once");
      assert.ok(stops.every((s) => !s.inCopy), "never the copy");
      const bad = stops.filter((s) => !s.ok);
      assert.deepEqual(bad.map((s) => `${s.title}… ${Math.round(100 * s.fraction)} %`), [], `${bad.length} of ${stops.length} focused headlines not in view`);
      assert.ok(await page.evaluate(() => Boolean(document.querySelector("news-reel").shadowRoot.querySelector('[part~="viewport"]'))), 'part="viewport"');
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
}

// ---------------------------------------------------------------- 4. vertical steps

/**
 * Samples the vertical ticker every 50 ms for `ms`: the first headline's
 * offset from the box's top (whatever moves it), and the headlines of both
 * lists that intersect the box (by more than 1 px), top to bottom, with
 * whether each is wholly inside it (1 px tolerance). `untilChange`: stops
 * once the headlines in the box differ from the first sample's.
 */
const sampleVertical = (page, ms, untilChange = false) => page.evaluate(async ({ ms, untilChange }) => {
  const root = document.querySelector("news-reel").shadowRoot;
  const box = root.querySelector('[part~="viewport"]') ?? root.querySelector(".viewport");
  const first = root.querySelector(".items:not(.copy) .item");
  const items = [...root.querySelectorAll(".items .item")];
  const samples = [];
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const vp = box.getBoundingClientRect();
    const seen = items
      .map((item) => ({ item, r: item.getBoundingClientRect() }))
      .filter(({ r }) => Math.min(r.bottom, vp.bottom) - Math.max(r.top, vp.top) > 1 && Math.min(r.right, vp.right) - Math.max(r.left, vp.left) > 1)
      .sort((a, b) => a.r.top - b.r.top)
      .map(({ item, r }) => ({
        title: item.querySelector(".title").textContent,
        inside: r.top >= vp.top - 1 && r.bottom <= vp.bottom + 1 && r.left >= vp.left - 1 && r.right <= vp.right + 1,
      }));
    samples.push({ t: performance.now() - t0, y: first.getBoundingClientRect().top - vp.top, seen });
    const key = (s) => s.seen.map((x) => x.title).join("\n");
    if (untilChange && key(samples[0]) !== key(samples[samples.length - 1])) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return samples;
}, { ms, untilChange });

/** Runs of samples that stay put for at least 100 ms: the rests. */
function rests(samples) {
  const runs = [];
  let run = [samples[0]];
  for (const s of samples.slice(1)) {
    if (Math.abs(s.y - run[run.length - 1].y) < 0.05) run.push(s);
    else { runs.push(run); run = [s]; }
  }
  runs.push(run);
  return runs
    .filter((r) => r[r.length - 1].t - r[0].t >= 100)
    .map((r) => ({
      from: r[0].t,
      to: r[r.length - 1].t,
      complete: r[0] !== samples[0] && r[r.length - 1] !== samples[samples.length - 1],
      seen: r[0].seen,
    }));
}

/** How many headlines a sample shows, in part and in whole: "min–max". */
const spread = (values) => `${Math.min(...values)}–${Math.max(...values)}`;

for (const [name, options, lang] of [["1280 px, en", DESKTOP, "en"], ["360 px touch, ru", PHONE, "ru"]]) {
  test(`mode="vertical" rows="3" interval="1000" at ${name}: one headline a step, then a rest with three whole rows`, async (t) => {
    const attributes = { mode: "vertical", rows: "3", interval: "1000", ...(lang === "ru" ? { lang: "ru" } : {}) };
    const { page, context, problems } = await widget(options, attributes, news(lang, 8));
    const samples = await sampleVertical(page, 3500);
    const found = rests(samples);
    t.diagnostic(`headlines intersecting the box: ${spread(samples.map((s) => s.seen.length))}, wholly inside: ${spread(samples.map((s) => s.seen.filter((x) => x.inside).length))}; rests ≥ 100 ms in 3.5 s: ${found.length}${found.length ? ` (${found.map((r) => `${Math.round(r.to - r.from)} ms`).join(", ")})` : ""}`);
    assert.ok(found.length >= 2, `at least two rests in 3.5 s; found ${found.length}`);
    for (const rest of found) {
      assert.equal(rest.seen.length, 3, `at rest, exactly three headlines in the box: ${rest.seen.map((s) => s.title.slice(0, 20)).join(" | ")}`);
      assert.ok(rest.seen.every((s) => s.inside), "each wholly inside");
    }
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1], found[i]];
      assert.ok(b.from - a.to < 1100, `a step takes under a second (${Math.round(b.from - a.to)} ms, with 50 ms sampling)`);
      assert.deepEqual(b.seen.slice(0, -1).map((s) => s.title), a.seen.slice(1).map((s) => s.title), "one headline a step, upward");
    }
    for (const rest of found.filter((r) => r.complete)) {
      assert.ok(rest.to - rest.from >= 600, `a rest of about the interval (${Math.round(rest.to - rest.from)} ms)`);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('mode="vertical": it moves, the Pause control stops it, and reduced motion gives the still list', async () => {
  const attributes = { mode: "vertical", rows: "3", interval: "1000" };
  const { page, context } = await widget(PHONE, attributes, news("en", 8));
  const moving = await sampleVertical(page, 2500, true);
  const sets = new Set(moving.map((s) => s.seen.map((x) => x.title).join("\n")));
  assert.ok(sets.size > 1, "the headlines in the box change within 2.5 s");

  await page.locator("news-reel").locator('[part~="pause"]').click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1000); // a step under way ends
  const paused = await sampleVertical(page, 800);
  assert.equal(new Set(paused.map((s) => s.y)).size, 1, "still while paused");
  assert.equal(await page.evaluate(() => document.querySelector("news-reel").paused), true);
  await context.close();

  const reduced = await widget({ ...PHONE, reducedMotion: "reduce" }, attributes, news("en", 8));
  const classes = await reduced.page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part~="root"]').className);
  assert.match(classes, /mode-list/, "reduced motion: the still list");
  await reduced.context.close();
});

// ---------------------------------------------------------------- 5. swipe

/** The headline a slide shows: the one not inert, and its place. */
const shownSlide = (page) => page.evaluate(() => {
  const root = document.querySelector("news-reel").shadowRoot;
  const items = [...root.querySelectorAll(".items:not(.copy) .item")];
  const shown = items.filter((item) => !item.hasAttribute("inert"));
  return {
    index: shown.length === 1 ? items.indexOf(shown[0]) : -1,
    count: shown.length,
    headline: root.querySelector('[part="headline"]').textContent,
    href: location.href,
  };
});

/** The headlines' box, as the reader's finger meets it. */
const slideBox = (page) => page.evaluate(() => {
  const root = document.querySelector("news-reel").shadowRoot;
  const r = (root.querySelector('[part~="viewport"]') ?? root.querySelector(".viewport")).getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
});

/** A finger from `from` to `to` in eight moves, with the DevTools protocol. */
async function swipe(cdp, from, to) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await sleep(16);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

for (const dir of ["ltr", "rtl"]) {
  test(`mode="slide" at 360 px touch, ${dir}: a sideways swipe turns the slide ${dir === "ltr" ? "(right to left: next)" : "(right to left: previous)"}, an upright one does not`, async (t) => {
    const lang = dir === "rtl" ? "ar" : "en";
    const attributes = { mode: "slide", interval: "600000", ...(dir === "rtl" ? { dir: "rtl", lang: "ar" } : {}) };
    // Five headlines, every other with a URL: the first is a link, so a swipe that clicked would leave the page.
    const { page, context, problems } = await widget(PHONE, attributes, news(lang, 5));
    const cdp = await context.newCDPSession(page);
    const start = await shownSlide(page);
    assert.equal(start.index, 0, "the first headline shows");
    const box = await slideBox(page);
    const cx = (box.left + box.right) / 2;
    const cy = (box.top + box.bottom) / 2;
    const reach = Math.max(box.width * 0.4, 60);
    const leftward = async () => { await swipe(cdp, { x: cx + reach, y: cy }, { x: cx - reach, y: cy }); await page.waitForTimeout(600); return shownSlide(page); };
    const rightward = async () => { await swipe(cdp, { x: cx - reach, y: cy }, { x: cx + reach, y: cy }); await page.waitForTimeout(600); return shownSlide(page); };
    const upright = async () => { await swipe(cdp, { x: cx, y: box.top + 4 }, { x: cx, y: box.top + 154 }); await page.waitForTimeout(600); return shownSlide(page); };

    // The "next" swipe first, then the "previous" one, then an upright one.
    const [toNext, toPrevious] = dir === "ltr" ? [leftward, rightward] : [rightward, leftward];
    const afterNext = await toNext();
    const afterPrevious = await toPrevious();
    const afterUpright = await upright();
    const seen = {
      next: afterNext.index,
      previous: afterPrevious.index,
      upright: afterUpright.index,
      headlines: [afterNext, afterPrevious, afterUpright].every((s) => s.headline === start.headline),
      hrefs: [afterNext, afterPrevious, afterUpright].every((s) => s.href === start.href),
    };
    t.diagnostic(`viewport ${px(box.width)} wide; slide after next swipe ${seen.next}, after previous ${seen.previous}, after upright ${seen.upright}`);
    assert.deepEqual(seen, { next: 1, previous: 0, upright: 0, headlines: true, hrefs: true },
      "next, then previous, then unchanged; no article opened and no link followed");
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

// ---------------------------------------------------------------- 6. touch targets

/** The controls on screen: part, size and name. */
const controls = (page) => page.evaluate(() => {
  const root = document.querySelector("news-reel").shadowRoot;
  return [...root.querySelectorAll('[part~="pause"], [part~="prev"], [part~="next"]')]
    .filter((b) => !b.hidden && getComputedStyle(b).display !== "none" && b.getBoundingClientRect().width > 0)
    .map((b) => {
      const r = b.getBoundingClientRect();
      return { part: b.getAttribute("part"), width: r.width, height: r.height, name: b.getAttribute("aria-label") ?? b.textContent };
    });
});

test("on a touch screen (pointer: coarse) every control is at least 44 × 44 px, with the names it has on a desktop", async (t) => {
  const touch = await widget(PHONE, {}, news("en"));
  const media = await touch.page.evaluate(() => ({
    coarse: matchMedia("(pointer: coarse)").matches,
    anyCoarse: matchMedia("(any-pointer: coarse)").matches,
    noHover: matchMedia("(hover: none)").matches,
  }));
  t.diagnostic(`hasTouch + isMobile: ${JSON.stringify(media)}`);
  assert.equal(media.coarse, true, "Playwright's hasTouch gives (pointer: coarse)");
  const desk = await widget(DESKTOP, {}, news("en"));
  assert.equal(await desk.page.evaluate(() => matchMedia("(pointer: coarse)").matches), false, "not on the desktop");
  const found = {};
  for (const mode of ["marquee", "slide", "vertical"]) {
    await setAttributes(touch.page, { mode });
    await setAttributes(desk.page, { mode });
    const onTouch = await controls(touch.page);
    const onDesk = await controls(desk.page);
    t.diagnostic(`${mode}: ${onTouch.map((c) => `${c.part} ${c.width.toFixed(1)}×${c.height.toFixed(1)}`).join(", ")}`);
    found[mode] = {
      parts: onTouch.map((c) => c.part),
      small: onTouch.filter((c) => c.width < 44 - 0.01 || c.height < 44 - 0.01).map((c) => `${c.part} ${c.width.toFixed(1)}×${c.height.toFixed(1)}`),
      sameNames: JSON.stringify(onTouch.map((c) => [c.part, c.name])) === JSON.stringify(onDesk.map((c) => [c.part, c.name])),
    };
  }
  await touch.context.close();
  await desk.context.close();
  assert.deepEqual(found, {
    marquee: { parts: ["pause"], small: [], sameNames: true },
    slide: { parts: ["pause", "prev", "next"], small: [], sameNames: true },
    vertical: { parts: ["pause"], small: [], sameNames: true },
  }, "the controls on screen, none under 44 × 44 px, named as on a desktop");
});

// ---------------------------------------------------------------- 7. axe

for (const mode of ["marquee", "slide", "vertical"]) {
  test(`axe at 360 px touch finds no violations in mode="${mode}", light and dark`, async (t) => {
    const { page, context } = await widget(PHONE, { mode }, news("en"));
    const found = {};
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      found[colorScheme] = await axeViolations(page);
      if (found[colorScheme].length) t.diagnostic(`${colorScheme}: ${found[colorScheme].join("\n")}`);
    }
    assert.deepEqual(found, { light: [], dark: [] });
    await context.close();
  });
}
