// The <news-reel> element class. A class extending HTMLElement cannot be
// written in Rust, so this module defines the class and hands every callback
// to the Rust widget. It also holds what is smaller in JS than called from
// wasm, with no decision of its own: the listeners, observers and timers the
// widget asks for (each reports back through the guarded call), the runner of
// build programs, one-line browser helpers, and the browser calls that can
// throw on bad input (Intl with an odd locale, Trusted Types), each guarded.

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

// Shows an error the Rust side could not report itself (a trap, or a widget
// that could not be created). Written with textContent only.
function showFailure(host, error) {
  let message = "the widget stopped";
  try {
    message += ": " + (error && error.message ? error.message : String(error));
  } catch (_) {
    // An error object whose message or toString throws.
  }
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
    host.dispatchEvent(new CustomEvent("newsreel:error", { bubbles: true, composed: true, detail: { message } }));
  } catch (_) {
    // Nothing more can be done without risking the host page.
  }
}

// Widgets that failed: no more calls go into them.
const broken = new WeakSet();

// Each element's way into its widget (`widget.on(code, value)`), for the
// listeners, observers and timers below.
const handlers = new WeakMap();

// What each element subscribed to, by group, as functions that undo it. The
// widget drops a group when it no longer wants those callbacks (disconnect,
// a new source, a stopped timer).
const subscriptions = new WeakMap();

function keep(host, group, undo) {
  let groups = subscriptions.get(host);
  if (!groups) subscriptions.set(host, (groups = new Map()));
  const undos = groups.get(group) || [];
  undos.push(undo);
  groups.set(group, undos);
}

function notify(host, code, value) {
  const handler = handlers.get(host);
  if (handler) handler(code, value);
}

export function unsubscribe(host, group) {
  const groups = subscriptions.get(host);
  const undos = groups && groups.get(group);
  if (!undos) return;
  groups.delete(group);
  for (const undo of undos) undo();
}

export function listen(host, group, target, type, code) {
  const listener = (event) => notify(host, code, event);
  target.addEventListener(type, listener);
  keep(host, group, () => target.removeEventListener(type, listener));
}

// Reports the element entering the viewport as `inCode` and leaving it as
// `outCode` (the last of a batch of entries is the current state).
export function watchVisible(host, group, element, inCode, outCode) {
  const observer = new IntersectionObserver((entries) => notify(host, entries[entries.length - 1].isIntersecting ? inCode : outCode));
  observer.observe(element);
  keep(host, group, () => observer.disconnect());
}

// Reports any change of the text inside a node.
export function watchText(host, group, node, code) {
  const observer = new MutationObserver(() => notify(host, code));
  observer.observe(node, { childList: true, characterData: true, subtree: true });
  keep(host, group, () => observer.disconnect());
}

export function every(host, group, ms, code) {
  const id = setInterval(() => notify(host, code), ms);
  keep(host, group, () => clearInterval(id));
}

// Once, after the current task.
export function afterThisTask(host, code) {
  setTimeout(() => notify(host, code), 0);
}

export function failWidget(host, error) {
  broken.add(host);
  showFailure(host, error);
}

// `createWidget(element)` makes the element's widget and returns its number;
// `widgetOn(number, code, value)` hands it a callback (widget.rs).
export function defineElement(tagName, createWidget, widgetOn) {
  if (customElements.get(tagName)) return false;

  class NewsReel extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    // The widget's number, from the first callback on.
    #widget;

    constructor() {
      super();
      handlers.set(this, (code, value) => this.#call(code, value));
    }

    // Every call into Rust goes through here: nothing thrown reaches the host.
    // `code` is one of the signals listed in widget.rs (`mod signal`): the
    // callbacks and methods below send 12 to 22, subscriptions the others.
    #call(code, value) {
      if (broken.has(this)) return undefined;
      try {
        if (this.#widget === undefined) this.#widget = createWidget(this);
        return widgetOn(this.#widget, code, value);
      } catch (error) {
        failWidget(this, error);
        return undefined;
      }
    }

    connectedCallback() { this.#call(12); }
    disconnectedCallback() { if (this.#widget !== undefined) this.#call(13); }
    attributeChangedCallback(name, oldValue, newValue) {
      if (this.#widget !== undefined && oldValue !== newValue) this.#call(14, name);
    }

    // Accepts a JSON string or a JSON-serialisable object.
    load(data) {
      let text;
      try {
        text = typeof data === "string" ? data : JSON.stringify(data);
      } catch (_) {
        text = undefined;
      }
      this.#call(15, text);
    }
    select(id) { return Boolean(this.#call(16, String(id))); }
    play() { this.#call(17); }
    pause() { this.#call(18); }
    next() { this.#call(19); }
    prev() { this.#call(22); }
    get articles() { return this.#call(21) ?? []; }
    get paused() { return Boolean(this.#call(20)); }
  }

  customElements.define(tagName, NewsReel);
  return true;
}

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
    return new Date(epochMs).toISOString().slice(0, hasTime ? 16 : 10);
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

// Under a Trusted Types CSP even the inert DOMParser wants TrustedHTML. One
// named policy exists, and it is used only to feed that parser: its output is
// never inserted anywhere; the sanitiser rebuilds allowed nodes one by one.
let parserPolicy = null;

const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

// The parsed body as the sanitiser in src/core/sanitize.rs reads it: tokens
// joined by NUL, which the HTML parser never leaves in a document (any that
// got through is replaced anyway). `<name` opens an element (no name outside
// HTML), `=name` and the value follow for each attribute, `#` starts text,
// `/` closes the element.
function flatten(parent, tokens) {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      tokens.push("#" + node.data);
    } else if (node.nodeType === 1) {
      tokens.push("<" + (node.namespaceURI === HTML_NAMESPACE ? node.localName : ""));
      for (const attribute of node.attributes) tokens.push("=" + attribute.name, attribute.value);
      flatten(node, tokens);
      tokens.push("/");
    }
  }
  return tokens;
}

export function parseInertHtml(html) {
  try {
    let input = html;
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      if (!parserPolicy) {
        parserPolicy = window.trustedTypes.createPolicy("newsreel", { createHTML: (s) => s });
      }
      input = parserPolicy.createHTML(html);
    }
    const body = new DOMParser().parseFromString(input, "text/html").body;
    return body ? flatten(body, []).map((t) => t.replaceAll("\0", "\uFFFD")).join("\0") : "";
  } catch (_) {
    return null;
  }
}

// Browser calls whose shape costs more code in wasm than in JS
// (src/dom/bindings.rs says what each is for).

export function queryAll(root, selector) {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch (_) {
    return [];
  }
}

export function textsOf(root, selector, parent) {
  return queryAll(root, selector)
    .filter((element) => !parent || element.parentElement === parent)
    .map((element) => element.textContent);
}

export function focusMovesWithin(event, element) {
  return event.relatedTarget instanceof Node && element.contains(event.relatedTarget);
}

export function documentLoading() {
  return document.readyState === "loading";
}

export function eventElement(event) {
  return event.target instanceof Element ? event.target : null;
}

export function isModifiedClick(event) {
  return event instanceof MouseEvent && (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0);
}

export function locationHash() {
  try {
    const hash = location.hash;
    return hash.startsWith("#") ? decodeURIComponent(hash.slice(1)) : null;
  } catch (_) {
    return null;
  }
}

// '/' reads better in a URL bar and is valid in a fragment.
export function pushHash(fragment) {
  try {
    history.pushState(null, "", "#" + encodeURIComponent(fragment).replaceAll("%2F", "/"));
    return true;
  } catch (_) {
    return false;
  }
}

export function inheritedAttribute(element, name) {
  const found = element.closest("[" + name + "]");
  return found && found.getAttribute(name);
}

let sharedSheet = null;

export function openShadow(host, css) {
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sharedSheet];
  return root;
}

export function setStyle(element, name, value) {
  element.style.setProperty(name, value);
}

export function dispatch(target, name, detail) {
  target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

export function motionQuery() {
  return window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
}

export function documentHidden() {
  return document.visibilityState === "hidden";
}

export function pageWindow() {
  return window;
}

// Runs a build program written by src/core/build.rs: creates elements and
// text nodes at the end of `parent` with createElement, createTextNode and
// setAttribute only. Strings come in order from `text`, each as long (in
// UTF-16 units) as the number before it says. Returns the elements the
// program marked to keep.
export function build(parent, ops, text) {
  const doc = parent.ownerDocument;
  const open = [parent];
  const kept = [];
  let top = parent;
  let at = 0;
  let i = 0;
  const next = () => text.slice(at, (at += ops[i++]));
  while (i < ops.length) {
    switch (ops[i++]) {
      case 0:
        top = top.appendChild(doc.createElement(next()));
        open.push(top);
        break;
      case 1: {
        const name = next();
        top.setAttribute(name, next());
        break;
      }
      case 2:
        top.appendChild(doc.createTextNode(next()));
        break;
      case 3:
        open.pop();
        top = open[open.length - 1];
        break;
      default:
        kept.push(top);
    }
  }
  return kept;
}
