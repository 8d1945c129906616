// The <news-reel> element class. A class extending HTMLElement cannot be
// written in Rust, so this module defines the class and hands every callback
// to the element's Rust `Widget` (crates/newsreel/src/widget.rs). It also holds what JS
// does better with a try/catch of its own: the subscriptions the widget asks
// for (listeners, observers and timers, each reporting back a `Signal` the
// widget chose), Intl date formatting, and the inert HTML parser under
// Trusted Types.
//
// Lifetime: a widget is freed when its element leaves the document and has
// not come back by the end of the task; re-inserting the element later makes
// a new widget, given the data and the open article the old one had.
//
// Failure: every call into the wasm goes through one guarded entry point. A
// throw out of the wasm is a trap (a panic, say) or an exception that crossed
// it, and either can leave the instance in a bad state (its stack pointer
// moved, its cells borrowed). So the failing widget shows its error state and
// stops, and once the outermost call has returned, the module starts a fresh
// instance and every other widget is made again in it.

const OBSERVED = [
  "source", "src", "refresh", "loading", "mode", "rows", "speed", "interval", "max-items", "label",
  "heading-level", "lang", "dir", "relative-dates", "images", "target", "article", "view", "tags",
  "pause-label", "play-label", "prev-label", "next-label",
];

// Errors already logged, so each distinct message reaches the console once.
const logged = new Set();

export function logOnce(message) {
  if (logged.has(message)) return;
  logged.add(message);
  try {
    console.error("newsreel: " + message);
  } catch (_) {
    // A host that wrapped console.error with something that throws.
  }
}

// The message of the panic in progress (from the Rust panic hook), shown by
// the widget that stops because of it.
let panicMessage = null;

export function notePanic(message) {
  panicMessage = message;
}

// The first words of each widget's error text, in its language ("The news
// could not be shown"), kept here by the Rust side whenever it works out its
// words: a widget that stopped can no longer be asked for them.
const failureLeads = new WeakMap();

export function setFailureLead(host, lead) {
  failureLeads.set(host, lead);
}

// Shows an error the Rust side could not report itself. Written with
// textContent only; the event and the console get the message in English,
// as every technical detail is.
function showFailure(host, error) {
  let message = "the widget stopped";
  try {
    message += ": " + (panicMessage ?? (error && error.message ? error.message : String(error)));
  } catch (_) {
    // An error object whose message or toString throws.
  }
  panicMessage = null;
  logOnce(message);
  try {
    host.setAttribute("state", "error");
    // A failure before the widget made its shadow root still gets an error
    // part; the slot keeps the host's fallback HTML visible.
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    let box = root.querySelector('[part="error"]');
    if (!box) {
      box = document.createElement("p");
      box.setAttribute("part", "error");
      box.setAttribute("role", "alert");
      root.append(box, document.createElement("slot"));
    }
    box.hidden = false;
    const lead = failureLeads.get(host);
    box.textContent = lead ? lead + ": " + message : message;
    const fallback = root.querySelector("slot");
    if (fallback) fallback.hidden = false;
    host.dispatchEvent(new CustomEvent("newsreel:error", { bubbles: true, composed: true, detail: { message, status: null, url: null } }));
  } catch (_) {
    // Nothing more can be done without risking the host page.
  }
}

// ---------------------------------------------------------------- subscriptions

// Each element's way into its widget, for the subscriptions below.
const handlers = new WeakMap();

// What each element subscribed to, by group, as functions that undo it.
const subscriptions = new WeakMap();

function keep(host, group, undo) {
  let groups = subscriptions.get(host);
  if (!groups) subscriptions.set(host, (groups = new Map()));
  const undos = groups.get(group) || [];
  undos.push(undo);
  groups.set(group, undos);
}

function notify(host, signal, value) {
  const handler = handlers.get(host);
  if (handler) handler(signal, value);
}

export function unsubscribe(host, group) {
  const groups = subscriptions.get(host);
  const undos = groups && groups.get(group);
  if (!undos) return;
  groups.delete(group);
  for (const undo of undos) undo();
}

function unsubscribeAll(host) {
  const groups = subscriptions.get(host);
  if (!groups) return;
  for (const group of [...groups.keys()]) unsubscribe(host, group);
}

export function listen(host, group, target, type, signal) {
  const listener = (event) => notify(host, signal, event);
  target.addEventListener(type, listener);
  keep(host, group, () => target.removeEventListener(type, listener));
}

// Reports the element entering the viewport as `inSignal` and leaving it as
// `outSignal` (the last entry of a batch is the current state).
export function watchVisible(host, group, element, inSignal, outSignal) {
  const observer = new IntersectionObserver((entries) =>
    notify(host, entries[entries.length - 1].isIntersecting ? inSignal : outSignal));
  observer.observe(element);
  keep(host, group, () => observer.disconnect());
}

// Reports `signal` once, when the element comes within a screenful of the
// viewport (how near `<img loading="lazy">` starts loading, roughly).
export function watchNear(host, group, element, signal) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    notify(host, signal);
  }, { rootMargin: "100% 0px" });
  observer.observe(element);
  keep(host, group, () => observer.disconnect());
}

// Reports every change of an element's size (not the first report, which
// only says the size it has).
export function watchSize(host, group, element, signal) {
  let first = true;
  const observer = new ResizeObserver(() => {
    if (first) { first = false; return; }
    notify(host, signal);
  });
  observer.observe(element);
  keep(host, group, () => observer.disconnect());
}

// Reports any change of the text inside a node.
export function watchText(host, group, node, signal) {
  const observer = new MutationObserver(() => notify(host, signal));
  observer.observe(node, { childList: true, characterData: true, subtree: true });
  keep(host, group, () => observer.disconnect());
}

export function every(host, group, ms, signal) {
  const id = setInterval(() => notify(host, signal), ms);
  keep(host, group, () => clearInterval(id));
}

// Once, after the current task.
export function afterThisTask(host, signal) {
  setTimeout(() => notify(host, signal), 0);
}

// Once, after `ms`, unless the group is dropped first.
export function after(host, group, ms, signal) {
  const id = setTimeout(() => notify(host, signal), ms);
  keep(host, group, () => clearTimeout(id));
}

// Sets the duration of a scroll (marquee or vertical) without a jump. The lane moves at a constant
// speed, so its offset is its animation time within the current loop; a new
// duration (the headlines changed) would keep the animation's total time and
// move the lane to wherever that falls in the new loop. Keeping the time
// within the loop keeps the offset. CSSOM only: no style attribute, so a CSP
// without 'unsafe-inline' allows it.
export function setScrollDuration(lane, ms) {
  const before = parseFloat(lane.style.getPropertyValue("animation-duration")) || 0;
  if (before === ms) return;
  const animation = lane.getAnimations ? lane.getAnimations()[0] : undefined;
  const time = animation && typeof animation.currentTime === "number" ? animation.currentTime : null;
  lane.style.setProperty("animation-duration", `${ms}ms`);
  if (time !== null && before > 0) {
    try {
      animation.currentTime = (time % before) % ms;
    } catch (_) {
      // An animation that cannot be seeked just carries on.
    }
  }
}

// ---------------------------------------------------------------- feeds

// What a feed may be served as, best first.
const FEED_TYPES = "application/feed+json, application/json;q=0.9, application/atom+xml, " +
  "application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

// Loads a feed for a widget and reports `signal` with a plain object:
// `{ status, text, contentType, etag, lastModified, url }` for a response
// (`url` where it came from, after redirects; `text`
// null for a 304 Not Modified), or `{ error, status }` with `error` one of
// "http", "network", "timeout", "too-large". The request lives in `group`:
// dropping the group aborts it. The body is read as it arrives and the
// request aborted as soon as it passes `maxBytes`. Fetch turns the cache off
// by itself for a request with conditional headers, so a 304 comes to us.
export function fetchFeed(host, group, url, etag, lastModified, maxBytes, timeoutMs, signal) {
  const controller = new AbortController();
  let settled = false;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const finish = (result) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    notify(host, signal, result);
  };
  keep(host, group, () => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    controller.abort();
  });
  const headers = { Accept: FEED_TYPES };
  if (etag) headers["If-None-Match"] = etag;
  if (lastModified) headers["If-Modified-Since"] = lastModified;
  (async () => {
    let status = 0;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers, signal: controller.signal });
      status = response.status;
      const etagOut = response.headers.get("ETag");
      const lastModifiedOut = response.headers.get("Last-Modified");
      if (status === 304) return finish({ status, text: null, etag: etagOut, lastModified: lastModifiedOut });
      if (!response.ok) return finish({ error: "http", status });
      const declared = Number(response.headers.get("Content-Length"));
      if (declared > maxBytes) {
        controller.abort();
        return finish({ error: "too-large", status });
      }
      const bytes = await readAtMost(response, maxBytes, controller);
      if (!bytes) return finish({ error: "too-large", status });
      const contentType = response.headers.get("Content-Type") || "";
      finish({ status, text: decodeFeed(bytes, contentType), contentType, etag: etagOut, lastModified: lastModifiedOut, url: response.url });
    } catch (_) {
      finish({ error: timedOut ? "timeout" : "network", status });
    }
  })();
}

// The body's bytes, or null once there are more than `maxBytes`.
async function readAtMost(response, maxBytes, controller) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      controller.abort();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// Text from a feed's bytes: by a byte-order mark (which wins, as the
// Encoding standard says), else the Content-Type charset, else the XML
// declaration's encoding, else UTF-8; the first of these that TextDecoder
// knows (it knows every label the web uses, ISO-8859-1 and windows-1252
// among them). UTF-16 without a mark is told by its first two characters
// (XML 1.0, appendix F). A declaration that says UTF-16 while it reads as
// ASCII is wrong about itself: such a feed is read as UTF-8.
//
// When the charset and the declaration (or, with none, XML's and JSON's
// default, UTF-8) disagree and one of them is UTF-8, the bytes decide. A
// server that labels every file with one default charset (Apache's
// `AddDefaultCharset ISO-8859-1`) sends UTF-8 feeds labelled Latin-1, and
// one whose default is UTF-8 sends windows-1251 feeds labelled UTF-8. Text
// in another encoding is all but never valid UTF-8 once it has a letter
// outside ASCII, so bytes that are valid UTF-8 (with such a letter) are
// read as UTF-8, and bytes that are not, by the other label.
function decodeFeed(bytes, contentType) {
  const [b0, b1, b2, b3] = bytes;
  let mark = null;
  if (b0 === 0xfe && b1 === 0xff) mark = "utf-16be";
  else if (b0 === 0xff && b1 === 0xfe) mark = "utf-16le";
  else if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) mark = "utf-8";
  else if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) mark = "utf-16be";
  else if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) mark = "utf-16le";
  const fromType = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  // Not only at the start: a server's warning may stand before it (core::remote::repair_xml).
  const declared = /<\?xml\s[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const fromDeclaration = declared && !/^utf-?16/i.test(declared[1]) ? declared[1] : null;
  // With no encoding declared, XML text is UTF-8 (XML 1.0, 4.3.3), as JSON always is (RFC 8259).
  const declaredEncoding = fromDeclaration ? encodingOf(fromDeclaration) : "utf-8";
  const typeEncoding = encodingOf(fromType && fromType[1]);
  if (!mark && typeEncoding && declaredEncoding && typeEncoding !== declaredEncoding
      && (typeEncoding === "utf-8" || declaredEncoding === "utf-8")) {
    const utf8 = strictUtf8(bytes);
    // Not UTF-8: the label that is not UTF-8 is right.
    if (utf8 === null) return new TextDecoder(typeEncoding === "utf-8" ? declaredEncoding : typeEncoding).decode(bytes);
    if (/[^\0-\x7f]/.test(utf8)) return utf8;
  }
  for (const label of [mark, fromType && fromType[1], fromDeclaration]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch (_) {
      // A label TextDecoder does not know: the next one is tried.
    }
  }
  // Nothing labels the bytes and they are not UTF-8: a feed written before
  // UTF-8 was the default, served without a charset (UOL's and many
  // Portuguese and Spanish sites' feeds). Feed readers then fall back to
  // windows-1252, as browsers do for unlabelled pages, rather than show
  // U+FFFD for every accented letter.
  if (!mark && !fromType && !declared) return strictUtf8(bytes) ?? new TextDecoder("windows-1252").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

// The text of bytes that are valid UTF-8, else null.
function strictUtf8(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (_) {
    return null;
  }
}

// The Encoding standard's name for a label (`latin1` → `windows-1252`), or
// null for no label or one TextDecoder does not know.
function encodingOf(label) {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch (_) {
    return null;
  }
}

// ---------------------------------------------------------------- the element

// Elements whose widget failed: no more calls go into them.
const broken = new WeakSet();

// Elements that hold a widget, to be made again after an instance reset.
const live = new Set();

// Calls into the wasm in progress, and whether an instance reset is due
// when the outermost one returns.
let depth = 0;
let resetDue = null;

function resetInstance(runtime) {
  resetDue = null;
  try {
    runtime.reset();
  } catch (error) {
    logOnce("could not restart after an error: " + (error && error.message));
    return;
  }
  for (const host of [...live]) {
    const restart = restarters.get(host);
    if (restart) restart();
  }
}

const restarters = new WeakMap();

// `runtime.create(host)` makes a widget for an element; `runtime.reset()`
// (optional) replaces a failed wasm instance with a fresh one.
export function defineElement(tagName, runtime) {
  if (customElements.get(tagName)) return false;

  class NewsReel extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    #widget = null;
    // What a new widget for this element is given: the last load() and the
    // article that was open when the previous widget was freed.
    #loaded = undefined;
    #selected = undefined;
    // What `strings` was last set to (JSON), for every widget this element makes.
    #strings = undefined;

    constructor() {
      super();
      handlers.set(this, (signal, value) => this.#call((w) => w.on(signal, value)));
      restarters.set(this, () => this.#restart());
    }

    // Every call into Rust goes through here: nothing thrown reaches the host.
    // `resume`: a widget made for this call gets what the last one had.
    #call(use, resume = true) {
      if (broken.has(this)) return undefined;
      depth++;
      try {
        return use(this.#ensureWidget(resume));
      } catch (error) {
        this.#fail(error);
        return undefined;
      } finally {
        depth--;
        if (depth === 0 && resetDue) resetInstance(resetDue);
      }
    }

    #ensureWidget(resume) {
      if (this.#widget) return this.#widget;
      const widget = runtime.create(this);
      this.#widget = widget;
      live.add(this);
      if (this.#strings !== undefined) widget.setStrings(this.#strings);
      if (resume && this.#loaded !== undefined) widget.load(this.#loaded);
      if (resume && this.#selected !== undefined) widget.reopen(this.#selected);
      this.#selected = undefined;
      return widget;
    }

    #fail(error) {
      broken.add(this);
      live.delete(this);
      unsubscribeAll(this);
      // The instance is suspect: its objects are not used again, not even to free them.
      this.#widget = null;
      showFailure(this, error);
      if (runtime.reset) resetDue = runtime;
    }

    // The instance was replaced: this element's widget is gone with it.
    #restart() {
      live.delete(this);
      unsubscribeAll(this);
      this.#widget = null;
      if (this.isConnected) this.#call((w) => w.connected());
    }

    #free() {
      const widget = this.#widget;
      if (!widget || this.isConnected) return;
      this.#selected = this.#call((w) => w.selectedId) ?? undefined;
      this.#widget = null;
      live.delete(this);
      unsubscribeAll(this);
      try {
        widget.free();
      } catch (_) {
        // A widget of an instance that was replaced: nothing left to free.
      }
    }

    connectedCallback() {
      this.#call((w) => w.connected());
    }

    disconnectedCallback() {
      if (!this.#widget) return;
      this.#call((w) => w.disconnected());
      // Moved within the task (removed and inserted again): keep the widget.
      setTimeout(() => this.#free(), 0);
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this.#widget && oldValue !== newValue) this.#call((w) => w.attributeChanged(name));
    }

    // Accepts a JSON string or a JSON-serialisable object. An object is
    // serialised here: JSON.stringify and serde_json together are faster
    // than reading a JS object from Rust field by field (README, Performance).
    load(data) {
      let text;
      try {
        text = typeof data === "string" ? data : JSON.stringify(data);
      } catch (_) {
        text = undefined;
      }
      if (text !== undefined) this.#loaded = text;
      this.#call((w) => w.load(text), false);
    }
    select(id) { return Boolean(this.#call((w) => w.select(String(id)))); }
    play() { this.#call((w) => w.play()); }
    pause() { this.#call((w) => w.pause()); }
    next() { this.#call((w) => w.next()); }
    prev() { this.#call((w) => w.prev()); }
    get articles() { return this.#call((w) => w.articles) ?? []; }
    // The widget's own words. Set an object of the texts to override (a
    // `newHeadlines` string is used for every count), or null for ours.
    get strings() { return this.#call((w) => w.strings) ?? null; }
    set strings(value) {
      let text = null;
      if (value !== null && value !== undefined) {
        try {
          // Anything but an object reaches the widget as it is, to be refused there.
          const given = typeof value === "object" ? { ...value } : value;
          if (typeof given.newHeadlines === "string") given.newHeadlines = { other: given.newHeadlines };
          text = JSON.stringify(given);
        } catch (_) {
          text = "null";
        }
      }
      this.#strings = text;
      this.#call((w) => w.setStrings(text));
    }
    get paused() { return Boolean(this.#call((w) => w.paused)); }
  }

  customElements.define(tagName, NewsReel);
  return true;
}

// ---------------------------------------------------------------- Intl

// Dates are formatted in the page's language; a bad `lang` falls back to the
// browser's default rather than throwing.
const formatters = new Map();

function formatter(locale, hasTime) {
  const key = locale + "|" + hasTime;
  let f = formatters.get(key);
  if (!f) {
    const options = hasTime
      ? { dateStyle: "medium", timeStyle: "short" }
      : { dateStyle: "medium", timeZone: "UTC" };
    try {
      f = new Intl.DateTimeFormat(locale || undefined, options);
    } catch (_) {
      f = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(epochMs, hasTime, locale) {
  try {
    return formatter(locale, hasTime).format(new Date(epochMs));
  } catch (_) {
    try {
      return new Date(epochMs).toISOString().slice(0, hasTime ? 16 : 10);
    } catch (_) {
      return "";
    }
  }
}

const relativeUnits = [
  ["year", 31536000], ["month", 2592000], ["week", 604800],
  ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1],
];

// Relative to now: "3 hours ago", "yesterday".
export function formatRelative(epochMs, locale) {
  try {
    let rtf;
    try {
      rtf = new Intl.RelativeTimeFormat(locale || undefined, { numeric: "auto" });
    } catch (_) {
      rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    }
    const seconds = (epochMs - Date.now()) / 1000;
    for (const [unit, size] of relativeUnits) {
      if (Math.abs(seconds) >= size || unit === "second") {
        return rtf.format(Math.round(seconds / size), unit);
      }
    }
  } catch (_) {
    // Fall through to an absolute date.
  }
  return formatDate(epochMs, true, locale);
}

// Which CLDR plural form a count takes in a language ("one", "few", ...),
// for the widget's "3 new headlines"; "other" when Intl cannot say.
export function pluralCategory(locale, n) {
  try {
    let rules;
    try {
      rules = new Intl.PluralRules(locale || undefined);
    } catch (_) {
      rules = new Intl.PluralRules(undefined);
    }
    return rules.select(n);
  } catch (_) {
    return "other";
  }
}

// ---------------------------------------------------------------- inert HTML

// Under a Trusted Types CSP even the inert DOMParser wants TrustedHTML. One
// named policy exists, and it is used only to feed that parser: its output is
// never inserted anywhere; the sanitiser rebuilds allowed nodes one by one.
let parserPolicy = null;

function forParser(text) {
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    if (!parserPolicy) {
      parserPolicy = window.trustedTypes.createPolicy("newsreel", { createHTML: (s) => s });
    }
    return parserPolicy.createHTML(text);
  }
  return text;
}

export function parseInertHtml(html) {
  try {
    return new DOMParser().parseFromString(forParser(html), "text/html").body;
  } catch (_) {
    return null;
  }
}

// Parses a feed's XML the same way: an inert document, where no script runs
// and no DTD or external entity is loaded (DOMParser never fetches them, and
// the browsers' XML parsers cap entity expansion). Returns the root element,
// or the parser's own report of the error as text (Chromium's and Firefox's
// differ; the core reads the line and column out of either).
export function parseXml(text) {
  try {
    const doc = new DOMParser().parseFromString(forParser(text), "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    if (error) return error.textContent || "the XML could not be parsed";
    return doc.documentElement;
  } catch (_) {
    return "the XML could not be parsed";
  }
}
