// The <news-reel> element class. A class extending HTMLElement cannot be
// written in Rust, so this module defines the class and hands every callback
// to the element's Rust `Widget` (src/dom/widget.rs). It also holds what JS
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
  "source", "mode", "speed", "interval", "max-items", "label", "heading-level",
  "lang", "dir", "relative-dates", "images", "target", "article",
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

// Shows an error the Rust side could not report itself. Written with
// textContent only.
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
    box.textContent = message;
    const fallback = root.querySelector("slot");
    if (fallback) fallback.hidden = false;
    host.dispatchEvent(new CustomEvent("newsreel:error", { bubbles: true, composed: true, detail: { message } }));
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

// ---------------------------------------------------------------- inert HTML

// Under a Trusted Types CSP even the inert DOMParser wants TrustedHTML. One
// named policy exists, and it is used only to feed that parser: its output is
// never inserted anywhere; the sanitiser rebuilds allowed nodes one by one.
let parserPolicy = null;

export function parseInertHtml(html) {
  try {
    let input = html;
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      if (!parserPolicy) {
        parserPolicy = window.trustedTypes.createPolicy("newsreel", { createHTML: (s) => s });
      }
      input = parserPolicy.createHTML(html);
    }
    return new DOMParser().parseFromString(input, "text/html").body;
  } catch (_) {
    return null;
  }
}
