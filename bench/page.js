// The in-page half of the benchmark: bench/run.mjs drives these functions
// through Playwright, one measurement per call, and forces garbage
// collection between calls over CDP. Both implementations are driven by the
// same code, through the same public API (load, select, newsreel:ready).
import { makeArticles, jsonFeed, jsonFeedFull, jsonLd, utf8Length, collidingIds, ordinaryIds, idFeed } from "./data.js";
import { realFeed } from "./real.js";

const params = new URLSearchParams(location.search);
const SCRIPTS = {
  newsreel: params.get("newsreel") || "/dist/newsreel.js",
  twin: params.get("twin") || "/target/bench/twin.js",
  plain: params.get("plain") || "/bench/plain.js",
};
const TAGS = { newsreel: "news-reel", twin: "twin-reel", plain: "plain-reel" };
const stage = document.getElementById("stage");

/** Rendering every article is the point of the size scenarios; 10,000 is the attribute's ceiling. */
const MAX_ITEMS = "10000";

/** What a fresh widget holds before the measured load: one short item. */
const PLACEHOLDER = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Latest news",
  items: [{ id: "placeholder", title: "Waiting for the news", date_published: "2026-01-01" }],
});

const texts = new Map();
/** The same data as `texts`, parsed, for load(object). */
const objects = new Map();
/** The `<script type="application/json">` elements made for `source="#id"`, by key. */
const embedded = new Map();
const mounted = {};

const frame = () => new Promise((done) => requestAnimationFrame(() => done()));

// Observer callbacks, timed. newsreel measures its marquee in a
// ResizeObserver, which the browser calls after its own layout in the next
// frame, and builds the loop copy there; both widgets also react to an
// IntersectionObserver. That work belongs to the load as much as the render
// before `newsreel:ready` does, so every measurement adds the time spent in
// these callbacks in the frame after it (see settle), the same way for every
// implementation. Wrapped here, before any implementation is loaded.
let observerMs = 0;
const NativeResizeObserver = window.ResizeObserver;
for (const name of ["ResizeObserver", "IntersectionObserver"]) {
  const Native = window[name];
  window[name] = class extends Native {
    constructor(callback, options) {
      super((entries, observer) => {
        const start = performance.now();
        try {
          callback(entries, observer);
        } finally {
          observerMs += performance.now() - start;
        }
      }, options);
    }
  };
}

/**
 * After a measurement's forced layout: waits for the next frame's observer
 * callbacks and returns the milliseconds of work they did, plus the layout
 * of what they changed (forced right after them), without the idle time
 * spent waiting for the frame. Our own ResizeObserver is the newest, so in
 * that frame the browser calls it after the widget's; IntersectionObserver
 * callbacks come as tasks, all run by the following frame.
 */
async function settle(el) {
  const before = observerMs;
  let layoutMs = 0;
  await new Promise((done) => {
    const sentinel = new NativeResizeObserver(() => {
      sentinel.disconnect();
      const start = performance.now();
      void el.offsetHeight;
      layoutMs = performance.now() - start;
      done();
    });
    sentinel.observe(el);
  });
  await frame();
  return observerMs - before + layoutMs;
}

function addScript(src) {
  const script = document.createElement("script");
  script.type = "module";
  script.src = src;
  document.head.append(script);
  return script;
}

/** Waits for `type` on `el` after `action()`; forces style and layout; returns timings in ms. */
async function timed(el, type, action) {
  let readyAt = NaN;
  let detail = null;
  let failed = null;
  let signal;
  const arrived = new Promise((done) => { signal = done; });
  const onEvent = (e) => { readyAt = performance.now(); detail = e.detail; signal(); };
  const onError = (e) => { failed = e.detail?.message ?? "error"; signal(); };
  el.addEventListener(type, onEvent);
  el.addEventListener("newsreel:error", onError);
  const t0 = performance.now();
  action();
  if (Number.isNaN(readyAt) && failed === null) await arrived;
  // Both pay for style and layout of what they built.
  void el.offsetHeight;
  const t1 = performance.now();
  el.removeEventListener(type, onEvent);
  el.removeEventListener("newsreel:error", onError);
  if (failed !== null) throw new Error(`${el.localName}: ${failed}`);
  // And for what their observers do in the frame after (the idle wait for it not counted).
  const afterMs = await settle(el);
  return { ms: t1 - t0 + afterMs, eventMs: readyAt - t0, afterMs, detail };
}

function shape(el) {
  const root = el.shadowRoot;
  // The plain baseline has no parts: a list of headlines and one article.
  if (el.localName === TAGS.plain) {
    return {
      state: el.getAttribute("state"),
      items: root.querySelectorAll("ul > li").length,
      copies: 0,
      headline: root.querySelector("article h2")?.textContent ?? null,
      nodes: root.querySelectorAll("*").length,
    };
  }
  return {
    state: el.getAttribute("state"),
    items: root.querySelectorAll('[part="item"]').length,
    copies: root.querySelectorAll('[part="item-copy"]').length,
    headline: root.querySelector('[part="headline"]')?.textContent ?? null,
    nodes: root.querySelectorAll("*").length,
  };
}

// newsreel's script-tag build defines its element at once and starts its
// module when the first element is in the document: a hidden probe waits for
// that, so that no measured run includes the start (startup measures it).
function moduleStarted() {
  const probe = document.createElement("news-reel");
  probe.hidden = true;
  probe.load(PLACEHOLDER);
  document.body.append(probe);
  return new Promise((resolve) => {
    const look = () => (probe.hasAttribute("state") ? resolve(probe.remove()) : setTimeout(look, 10));
    look();
  });
}

const api = {
  /** Resolves when every implementation asked for in `?impls=` is defined. */
  loaded: Promise.all(
    (params.get("impls") || "").split(",").filter(Boolean).map((impl) => {
      addScript(SCRIPTS[impl]);
      return customElements.whenDefined(TAGS[impl]).then(() => impl === "newsreel" && moduleStarted());
    }),
  ).then(() => true),

  /**
   * Start-up: inserting the script → `newsreel:ready` with the seed data,
   * plus a forced layout. `run` makes the script URL unique.
   */
  async startup(impl, run) {
    const seed = await (await fetch("/tests/fixtures/seed.json", { cache: "no-store" })).text();
    const data = document.createElement("script");
    data.type = "application/json";
    data.id = "seed";
    data.textContent = seed;
    document.body.append(data);
    const el = document.createElement(TAGS[impl]);
    el.setAttribute("source", "#seed");
    stage.append(el);
    await frame();
    let script;
    const t0 = performance.now();
    const result = await timed(el, "newsreel:ready", () => { script = addScript(`${SCRIPTS[impl]}?run=${run}`); });
    // When each file had arrived, counted from the script's insertion.
    const files = performance.getEntriesByType("resource")
      .filter((e) => /newsreel|twin/.test(e.name))
      .map((e) => ({ file: new URL(e.name).pathname.split("/").pop(), start: e.startTime - t0, end: e.responseEnd - t0, bytes: e.encodedBodySize }));
    return { ...result, ...shape(el), script: script.src, files };
  },

  /**
   * Generates a data set in the page and keeps it under `key`: `format`
   * "jsonfeed" or "jsonld" (bench/data.js), "jsonfeed-full" (every item with
   * content_html, no summary or image), "ids" (ticker-only items whose
   * ids are `ids`: "collide" or "ordinary"), or "real" (`count` items of the
   * real feeds in bench/corpus/, bench/real.js). `parsed` keeps the parsed
   * object too, for load(object); `embed` puts the text in the page as
   * `<script type="application/json" id="…">`, for source="#…". For "real",
   * `ids` are the two longest articles (for select).
   */
  async prepare(key, { format, count, seed = 1, bodyBytes = [2000, 5000], bigBodies = [], ids = null, parsed = false, embed = null }) {
    let text;
    let picked = [];
    if (format === "ids") {
      text = idFeed(ids === "collide" ? collidingIds(count) : ordinaryIds(count), seed);
    } else if (format === "real") {
      text = await realFeed(count);
      picked = JSON.parse(text).items.filter((i) => !/[?&#]copy[=-]\d+/.test(i.id))
        .sort((a, b) => (b.content_html ?? "").length - (a.content_html ?? "").length).slice(0, 2).map((i) => i.id);
    } else {
      const articles = makeArticles(count, { seed, bodyBytes, bigBodies });
      text = format === "jsonld" ? jsonLd(articles) : format === "jsonfeed-full" ? jsonFeedFull(articles) : jsonFeed(articles);
      picked = bigBodies.map((i) => articles[i].id);
    }
    texts.set(key, text);
    if (parsed) objects.set(key, JSON.parse(text));
    if (embed) {
      // Made once, before anything is timed, as the HTML parser would have made it.
      document.getElementById(embed)?.remove();
      const script = document.createElement("script");
      script.type = "application/json";
      script.id = embed;
      script.textContent = text;
      document.body.append(script);
      embedded.set(key, script);
    }
    return { bytes: utf8Length(text), chars: text.length, ids: picked };
  },

  /** The text kept under `key` (bench/run.mjs writes it out for the `src` measurements). */
  textOf(key) {
    return texts.get(key);
  },

  /** Keeps a text made elsewhere (the seed page) under `key`. */
  setText(key, text) {
    texts.set(key, text);
  },

  forget(key) {
    texts.delete(key);
    objects.delete(key);
    embedded.get(key)?.remove();
    embedded.delete(key);
  },

  /**
   * A fresh, connected widget holding `key`'s data (or one placeholder item),
   * settled. `hidden` (display: none) leaves layout out of what is measured
   * next; `maxItems` null leaves the attribute out (the default, 50).
   */
  async mount(impl, key, maxItems = MAX_ITEMS, hidden = false) {
    api.unmount(impl);
    const el = document.createElement(TAGS[impl]);
    if (maxItems !== null) el.setAttribute("max-items", maxItems);
    if (hidden) el.style.display = "none";
    el.load(key ? texts.get(key) : PLACEHOLDER);
    stage.append(el);
    mounted[impl] = el;
    await frame();
    await frame();
    return shape(el);
  },

  unmount(impl) {
    mounted[impl]?.remove();
    delete mounted[impl];
  },

  /** `load(text)` (or `load(object)`, with `asObject`) → ready → layout, on the mounted widget. */
  async measureLoad(impl, key, asObject = false) {
    const el = mounted[impl];
    const input = asObject ? objects.get(key) : texts.get(key);
    if (input === undefined) throw new Error(`nothing prepared under ${key}${asObject ? " (parsed)" : ""}`);
    const result = await timed(el, "newsreel:ready", () => el.load(input));
    return { ...result, ...shape(el) };
  },

  /**
   * A widget put on the page from nothing, as a page's own markup or script
   * puts it there: created, given attribute `name` = `value` (`source`
   * pointing at an embedded script, or `src` at a URL) or none, appended to
   * the page, and with `key` given, load(text) called in the same task →
   * newsreel:ready → layout. The element's creation is timed too, the same
   * way for every arm. Left mounted (unmount removes it).
   */
  async measureFresh(impl, { name = null, value = null, key = null } = {}) {
    api.unmount(impl);
    const input = key === null ? null : texts.get(key);
    if (key !== null && input === undefined) throw new Error(`nothing prepared under ${key}`);
    let readyAt = NaN;
    let detail = null;
    let failed = null;
    let signal;
    const arrived = new Promise((done) => { signal = done; });
    const t0 = performance.now();
    const el = document.createElement(TAGS[impl]);
    if (name !== null) el.setAttribute(name, value);
    el.addEventListener("newsreel:ready", (e) => { readyAt = performance.now(); detail = e.detail; signal(); });
    el.addEventListener("newsreel:error", (e) => { failed = e.detail?.message ?? "error"; signal(); });
    stage.append(el);
    mounted[impl] = el;
    if (input !== null) el.load(input);
    if (Number.isNaN(readyAt) && failed === null) await arrived;
    void el.offsetHeight;
    const t1 = performance.now();
    if (failed !== null) throw new Error(`${el.localName}: ${failed}`);
    const afterMs = await settle(el);
    return { ms: t1 - t0 + afterMs, eventMs: readyAt - t0, afterMs, detail, ...shape(el) };
  },

  /** `select(id)` → newsreel:select → layout, on the mounted widget. */
  async measureSelect(impl, id) {
    const el = mounted[impl];
    let opened;
    const result = await timed(el, "newsreel:select", () => { opened = el.select(id); });
    if (!opened) throw new Error(`${impl}: select(${id}) found no article`);
    const body = el.shadowRoot.querySelector('[part="body"]');
    return { ...result, ...shape(el), bodyNodes: body ? body.querySelectorAll("*").length : 0 };
  },

  /** Loads a generated set into the mounted widget without keeping the text anywhere here. */
  loadGenerated(impl, spec) {
    const articles = makeArticles(spec.count, spec);
    const el = mounted[impl];
    el.load(spec.format === "jsonld" ? jsonLd(articles) : jsonFeed(articles));
    return shape(el);
  },

  /** Calls across the wasm boundary during one `load(text)` (or `select(id)`) of the mounted widget. */
  countCalls(impl, method, arg) {
    const probe = window.__wasmProbe;
    const el = mounted[impl];
    const input = method === "load" ? texts.get(arg) : arg;
    probe.reset();
    probe.counting = true;
    el[method](input);
    probe.counting = false;
    return { ...probe.counts, ...shape(el) };
  },

  /** The wasm module's linear memory, when bench/run.mjs instrumented the page. */
  wasmMemoryBytes() {
    return window.__wasmProbe?.memory?.buffer.byteLength ?? 0;
  },

  /**
   * Counts calls across the wasm boundary while the mounted ticker moves for
   * `ms` milliseconds, with the frames drawn meanwhile and the lane's
   * position before and after (proof that it moved).
   */
  async countMotion(impl, ms) {
    const probe = window.__wasmProbe;
    const lane = mounted[impl].shadowRoot.querySelector(".lane");
    const position = () => getComputedStyle(lane).transform;
    await frame();
    const before = position();
    probe.reset();
    probe.counting = true;
    let frames = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      await frame();
      frames++;
    }
    probe.counting = false;
    const after = position();
    return { ...probe.counts, frames, before, after, moved: before !== after, animation: getComputedStyle(lane).animationPlayState };
  },
};

window.bench = api;
