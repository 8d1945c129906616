// The second baseline of `make bench`: the simplest news widget a developer
// would write by hand in plain JavaScript, without any of newsreel's rules.
// load(text or object) parses with JSON.parse, reads a JSON Feed's items,
// drops repeated ids, sorts newest first and renders the first `max-items`
// (default 50) headlines with createElement/textContent, plus the newest
// article's headline and body. The body is shown as text (its HTML parsed by
// an inert DOMParser document, read with textContent): the one-liner a
// developer would reach for, innerHTML, would run a feed's markup in the page.
// No sanitiser, no JSON-LD, no schema rules, no motion: it is a floor to
// compare with, not a port of newsreel (that is bench/twin.js).
//
// Its data comes the three ways newsreel's does: load(text or object);
// `source="#id"`, the text of that element on the page (a
// <script type="application/json">); or `src`, a URL it fetches, reads as
// text and parses (no charset sniffing, XML, size limit or timeout).
const DEFAULT_MAX_ITEMS = 50;

class PlainReel extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    this.list = document.createElement("ul");
    this.article = document.createElement("article");
    root.append(this.list, this.article);
    this.items = [];
  }

  static get observedAttributes() {
    return ["source", "src"];
  }

  connectedCallback() {
    if (!this.items.length) this.readPage();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.isConnected && newValue !== null && oldValue !== newValue) this.readPage();
  }

  /** `src` wins over `source`, as in newsreel. */
  readPage() {
    const src = this.getAttribute("src");
    const source = this.getAttribute("source");
    if (src !== null) {
      fetch(src).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      }).then((text) => this.load(text), (error) => this.fail(error));
    } else if (source !== null) {
      const element = document.querySelector(source);
      if (element) this.load(element.textContent);
      else this.fail(new Error(`source "${source}" matches no element`));
    }
  }

  fail(error) {
    this.setAttribute("state", "error");
    this.dispatchEvent(new CustomEvent("newsreel:error", { detail: { message: error.message } }));
  }

  get articles() {
    return this.items.map((i) => ({ id: i.id, headline: i.title, url: i.url, datePublished: i.date_published }));
  }

  load(data) {
    try {
      const feed = typeof data === "string" ? JSON.parse(data) : data;
      const seen = new Set();
      const items = (feed.items || []).filter((i) => i.title && !seen.has(i.id) && seen.add(i.id));
      items.sort((a, b) => (Date.parse(b.date_published) || 0) - (Date.parse(a.date_published) || 0));
      this.items = items;
      this.render(Number(this.getAttribute("max-items")) || DEFAULT_MAX_ITEMS);
      this.setAttribute("state", "ready");
      this.dispatchEvent(new CustomEvent("newsreel:ready", { detail: { count: items.length, warnings: [] } }));
    } catch (error) {
      this.fail(error);
    }
  }

  render(maxItems) {
    const rows = this.items.slice(0, maxItems).map((item) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url || "#";
      a.textContent = item.title;
      const time = document.createElement("time");
      time.dateTime = item.date_published || "";
      time.textContent = item.date_published ? new Date(item.date_published).toLocaleDateString() : "";
      li.append(a, " ", time);
      return li;
    });
    this.list.replaceChildren(...rows);
    const first = this.items[0];
    const heading = document.createElement("h2");
    const body = document.createElement("div");
    if (first) {
      heading.textContent = first.title;
      body.textContent = new DOMParser().parseFromString(first.content_html || "", "text/html").body.textContent;
    }
    this.article.replaceChildren(heading, body);
  }
}

customElements.define("plain-reel", PlainReel);
