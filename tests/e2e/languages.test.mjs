// The widget's own words in the page's language, end to end in headless
// Chromium: one page per language of crates/newsreel-core/src/i18n/strings.json checks the label,
// the controls and the error state in that language and its script; Arabic
// and Hebrew read right to left without a `dir`; the host's overrides win.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, settled, ROOT } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/feeds/feeds.html";
const table = JSON.parse(readFileSync(ROOT + "crates/newsreel-core/src/i18n/strings.json", "utf8"));

// The script each language is written in: its label must be in it.
const SCRIPTS = {
  en: /^[A-Za-z ]+$/, fr: /\p{Script=Latin}/u, de: /\p{Script=Latin}/u, es: /\p{Script=Latin}/u, it: /\p{Script=Latin}/u,
  pt: /\p{Script=Latin}/u, nl: /\p{Script=Latin}/u, pl: /\p{Script=Latin}/u, cs: /\p{Script=Latin}/u, tr: /\p{Script=Latin}/u,
  az: /\p{Script=Latin}/u, id: /\p{Script=Latin}/u,
  ru: /\p{Script=Cyrillic}/u, uk: /\p{Script=Cyrillic}/u, kk: /\p{Script=Cyrillic}/u,
  ka: /\p{Script=Georgian}/u, hy: /\p{Script=Armenian}/u, ar: /\p{Script=Arabic}/u, fa: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u, zh: /\p{Script=Han}/u, "zh-hant": /\p{Script=Han}/u, ja: /\p{Script=Katakana}|\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u, hi: /\p{Script=Devanagari}/u,
};
const RTL = new Set(["ar", "fa", "he"]);

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page whose <html lang> is `lang`, with one moving ticker in it. */
async function page(lang, { attributes = {}, strings, data } = {}) {
  const session = await openPage(env.browser, { viewport: { width: 900, height: 700 } });
  await session.page.goto(env.url + PAGE);
  await session.page.evaluate(async ({ lang, attributes, strings, data }) => {
    document.documentElement.lang = lang;
    await customElements.whenDefined("news-reel");
    const el = document.createElement("news-reel");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    if (strings) el.strings = strings;
    document.querySelector("#app").append(el);
    const latest = Array.from({ length: 20 }, (_, i) => ({ id: `h${i}`, headline: `Headline ${i} of a long list that moves` }));
    const article = { id: "main", headline: "The main story", url: "https://news.example/main" };
    el.load(data ?? { article, latest });
  }, { lang, attributes, strings, data });
  await settled(session.page);
  return session;
}

const words = (page) => page.evaluate(() => {
  const el = document.querySelector("news-reel");
  const root = el.shadowRoot;
  const nr = root.querySelector(".nr");
  return {
    label: root.querySelector(".label").textContent,
    pause: root.querySelector('[part="pause"]').textContent,
    prev: root.querySelector('[part="prev"]').getAttribute("aria-label"),
    next: root.querySelector('[part="next"]').getAttribute("aria-label"),
    region: root.querySelector('[part="ticker"]').getAttribute("aria-labelledby"),
    direction: getComputedStyle(nr).direction,
    readMore: root.querySelector('[part="link"]')?.textContent ?? null,
    error: root.querySelector('[part="error"]').hidden ? null : root.querySelector('[part="error"]').textContent,
    strings: el.strings,
  };
});

for (const [lang, expected] of Object.entries(table.languages)) {
  test(`lang="${lang}": the label and controls are in ${lang}, in its script`, async () => {
    const { page: p, context, problems } = await page(lang);
    const seen = await words(p);
    assert.equal(seen.label, expected.label);
    assert.match(seen.label, SCRIPTS[lang], "the label is in the language's script");
    assert.equal(seen.pause, expected.pause, "the marquee moves: the control offers to pause");
    assert.equal(seen.prev, expected.prev);
    assert.equal(seen.next, expected.next);
    assert.equal(seen.direction, RTL.has(lang) ? "rtl" : "ltr");
    assert.equal(seen.readMore, expected.readMore, "the article view's link");
    assert.deepEqual(seen.strings, expected, "element.strings lists the texts in use");
    // Pressed, it offers to play, in the same language.
    await p.locator("news-reel").locator('[part="pause"]').click();
    assert.equal((await words(p)).pause, expected.play);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test("a regional tag falls back to its language, an unknown one to English; the nearest lang wins", async () => {
  const brazil = await page("pt-BR");
  assert.equal((await words(brazil.page)).label, table.languages.pt.label);
  await brazil.context.close();
  const taiwan = await page("zh-TW");
  assert.equal((await words(taiwan.page)).pause, table.languages["zh-hant"].pause);
  await taiwan.context.close();
  const swahili = await page("sw");
  assert.equal((await words(swahili.page)).label, "Latest news");
  await swahili.context.close();
  // The element's own lang beats the page's.
  const own = await page("de", { attributes: { lang: "uk" } });
  assert.equal((await words(own.page)).label, table.languages.uk.label);
  await own.context.close();
});

test("a page's dir wins over its language's direction", async () => {
  const { page: p, context } = await page("ar", { attributes: { dir: "ltr" } });
  assert.equal((await words(p)).direction, "ltr");
  await context.close();
});

test("the error state speaks the reader's language; the event and the console keep English", async () => {
  const { page: p, context, problems } = await page("ru", { data: "{ not json" });
  const seen = await words(p);
  assert.ok(seen.error.startsWith(table.languages.ru.notShown + ": "), seen.error);
  assert.ok(problems.consoleErrors.some((m) => m.startsWith("newsreel: ") && !/[а-я]/i.test(m)), problems.consoleErrors.join("\n"));
  await context.close();
});

test("attributes and the strings property override the built-in words; attributes win", async () => {
  const { page: p, context } = await page("fr", {
    attributes: { "pause-label": "Stop !", "next-label": "Suivant" },
    strings: { pause: "ignored: the attribute wins", play: "Reprendre", prev: "Avant", label: "À la une" },
  });
  let seen = await words(p);
  assert.equal(seen.pause, "Stop !");
  assert.equal(seen.next, "Suivant");
  assert.equal(seen.prev, "Avant");
  assert.equal(seen.label, "À la une");
  assert.equal(seen.strings.notShown, table.languages.fr.notShown, "what is not overridden stays French");
  // The `label` attribute wins over everything.
  await p.evaluate(() => document.querySelector("news-reel").setAttribute("label", "Flash"));
  assert.equal((await words(p)).label, "Flash");
  await p.locator("news-reel").locator('[part="pause"]').click();
  assert.equal((await words(p)).pause, "Reprendre");
  // Back to the built-in words.
  await p.evaluate(() => {
    const el = document.querySelector("news-reel");
    el.strings = null;
    el.removeAttribute("pause-label");
    el.removeAttribute("label");
  });
  seen = await words(p);
  assert.equal(seen.label, table.languages.fr.label);
  assert.equal(seen.prev, table.languages.fr.prev);
  await context.close();
});

test("strings that are not texts are refused, once, and what was set stays", async () => {
  const { page: p, context, problems } = await page("en", { strings: { pause: "Hold" } });
  await p.evaluate(() => { document.querySelector("news-reel").strings = { pause: 42 }; });
  assert.equal((await words(p)).pause, "Hold");
  assert.equal(problems.consoleErrors.filter((m) => m.includes("strings.pause must be a text")).length, 1, problems.consoleErrors.join("\n"));
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
