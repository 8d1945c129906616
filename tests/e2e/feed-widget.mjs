// What the tests of feeds by URL (feeds, multifeed, persist) share: a widget
// mounted on an open page with its events recorded, and readings of it.

/**
 * In `page` (already at its URL): a `<news-reel>` made by `attributes`, its
 * ready, update and error events recorded in `window.events`, appended to
 * `into`.
 */
export function mountWidget(page, attributes, into = "#app") {
  return page.evaluate(({ attributes, into }) => {
    window.events = [];
    const el = document.createElement("news-reel");
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    for (const type of ["newsreel:ready", "newsreel:update", "newsreel:error"]) {
      el.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
    }
    document.querySelector(into).append(el);
  }, { attributes, into });
}

/** The ticker's headlines, in order (the loop copy left out). */
export const headlines = (page) => page.evaluate(() =>
  [...document.querySelector("news-reel").shadowRoot.querySelectorAll(".items:not(.copy) .pick .title")].map((e) => e.textContent));

/** The details of the recorded events of `type`. */
export const events = (page, type) =>
  page.evaluate((type) => window.events.filter((e) => e.type === type).map((e) => e.detail), type);

/** The widget's `state` attribute. */
export const state = (page) => page.evaluate(() => document.querySelector("news-reel").getAttribute("state"));
