// Real feeds for `make bench` (issue 28): the items of public feeds saved in
// bench/corpus/ (bench/corpus/README.md names each file's source and
// licence), converted to JSON Feed 1.1 items and repeated to the size a
// scenario needs. Russian, Urdu, Chinese, Greek, Hindi, German and Italian
// news as their sites wrote it: two-byte text in every script, typographic
// quotes and dashes, HTML bodies with their entities and markup.
//
// Runs in the page (it needs DOMParser and TextDecoder): bench/page.js builds
// the feed with realFeed(), and bench/run.mjs asks the page for the text to
// serve it for the `src` measurements. Deterministic: the same corpus gives
// the same bytes.

/**
 * The corpus, in the order its items go into the feed. `zone` is the UTC
 * offset assumed for dates the feed wrote without one (QQ and News18 write
 * local time; China and India each have one zone).
 */
export const SOURCES = [
  { file: "ru-oren.rss.xml" },
  { file: "ru-ibash.rss.xml" },
  { file: "ru-aif.rss.xml" },
  { file: "ur-bbc.rss.xml" },
  { file: "zh-qq.rss.xml", zone: "+08:00" },
  { file: "el-liberal.rss.xml" },
  { file: "hi-news18.rss.xml", zone: "+05:30" },
  { file: "de-heise.atom.xml" },
  { file: "de-spiegel.rss.xml" },
  { file: "it-ilgiornale.rss.xml" },
  { file: "it-ilmessaggero.rss.xml" },
];

const NS = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
};
/** RSS's own elements: no namespace, or RSS 1.0's, or the userland RSS 2.0 one some feeds declare as default. */
const RSS_CORE = new Set([null, "", "http://purl.org/rss/1.0/", "http://backend.userland.com/rss2"]);

// ---------------------------------------------------------------- reading XML

/** The text of a feed file's bytes, decoded by its XML declaration's encoding (UTF-8 without one). */
export function decodeFeed(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const label = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/)?.[1] ?? "utf-8";
  return new TextDecoder(label).decode(bytes);
}

function parseXml(text, file) {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`${file}: ${error.textContent.trim().split("\n")[0]}`);
  return doc;
}

const childrenOf = (el, name, ns) => [...el.children].filter((c) => c.localName === name && (ns === undefined ? RSS_CORE.has(c.namespaceURI) : c.namespaceURI === ns));
const childOf = (el, name, ns) => childrenOf(el, name, ns)[0] ?? null;
const textOf = (el) => (el ? el.textContent.trim() : "");
const nonEmpty = (list) => list.map(textOf).filter(Boolean);

// ---------------------------------------------------------------- dates

const MONTHS = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Italian (Il Messaggero writes "mer, 16 nov 2022").
  gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12,
};
const NAMED_ZONES = { gmt: "Z", ut: "Z", utc: "Z", z: "Z", est: "-05:00", edt: "-04:00", cst: "-06:00", cdt: "-05:00", pst: "-08:00", pdt: "-07:00" };
const pad = (n, width = 2) => String(n).padStart(width, "0");

function zoneOf(raw, fallback, date) {
  if (!raw) {
    if (!fallback) throw new Error(`date without a zone and none assumed: ${date}`);
    return fallback;
  }
  const named = NAMED_ZONES[raw.toLowerCase()];
  if (named) return named;
  const m = raw.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (!m) throw new Error(`unknown zone in ${date}`);
  return m[2] === "00" && m[3] === "00" && m[1] === "+" ? "+00:00" : `${m[1]}${m[2]}:${m[3]}`;
}

function monthOf(name, date) {
  const month = MONTHS[name.toLowerCase().slice(0, 3)];
  if (!month) throw new Error(`unknown month in ${date}`);
  return month;
}

/**
 * An RSS or Atom date as RFC 3339 (what JSON Feed requires), keeping the
 * local time and offset the feed wrote: RFC 822 (`Wed, 21 Mar 2018 10:27:32
 * +0300`, also with Italian names), ISO 8601 with or without `T` and zone,
 * and News18's `Friday, January 29, 2021 04:42 PM`. A date without a zone
 * gets the source's assumed one.
 */
export function toRfc3339(date, zone) {
  const s = date.trim().replace(/\s+/g, " ");
  let m = s.match(/^(?:[\p{L}]+,? )?(\d{1,2}) ([\p{L}]+)\.? (\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: (\S+))?$/u);
  if (m) return `${m[3]}-${pad(monthOf(m[2], s))}-${pad(m[1])}T${pad(m[4])}:${m[5]}:${m[6] ?? "00"}${zoneOf(m[7], zone, s)}`;
  m = s.match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)? ?(Z|[+-]\d{2}:?\d{2})?$/i);
  if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${zoneOf(m[7], zone, s)}`;
  m = s.match(/^(?:[\p{L}]+, )?([\p{L}]+) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) ?(AM|PM)$/iu);
  if (m) {
    const hour = (Number(m[4]) % 12) + (m[6].toUpperCase() === "PM" ? 12 : 0);
    return `${m[3]}-${pad(monthOf(m[1], s))}-${pad(m[2])}T${pad(hour)}:${m[5]}:00${zoneOf(null, zone, s)}`;
  }
  throw new Error(`unreadable date: ${date}`);
}

/** An RFC 3339 date `days` earlier, same local time and offset. */
function daysEarlier(date, days) {
  const m = date.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(.*)$/);
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - days * 86400000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${m[7]}`;
}

// ---------------------------------------------------------------- RSS and Atom to JSON Feed

/** An item's fields in JSON Feed's order, those the source lacks left out. */
function jsonItem({ id, url, title, summary, content, image, published, modified, authors, tags }) {
  return {
    id,
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    ...(summary ? { summary } : {}),
    ...(content ? { content_html: content } : {}),
    ...(image ? { image } : {}),
    ...(published ? { date_published: published } : {}),
    ...(modified ? { date_modified: modified } : {}),
    ...(authors.length ? { authors: authors.map((name) => ({ name })) } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

function imageOf(item) {
  const enclosure = childrenOf(item, "enclosure").find((e) => (e.getAttribute("type") ?? "").startsWith("image/"));
  if (enclosure) return enclosure.getAttribute("url");
  const thumb = childOf(item, "thumbnail", NS.media);
  if (thumb) return thumb.getAttribute("url");
  const media = childrenOf(item, "content", NS.media).find((e) => e.getAttribute("medium") === "image" || (e.getAttribute("type") ?? "").startsWith("image/"));
  return media?.getAttribute("url") ?? null;
}

/**
 * RSS 2.0 and RSS 1.0 items, read as feed readers read them: the guid (or
 * rdf:about, or the link) as id; content:encoded as the body with the
 * description as summary, else the description as the body; pubDate or
 * dc:date; author or dc:creator; categories and dc:subject as tags; an image
 * enclosure, media:thumbnail or image media:content.
 */
function rssItems(doc, source) {
  return [...doc.getElementsByTagNameNS("*", "item")].filter((item) => RSS_CORE.has(item.namespaceURI)).map((item) => {
    const link = textOf(childOf(item, "link"));
    const encoded = textOf(childOf(item, "encoded", NS.content));
    const description = textOf(childOf(item, "description"));
    const date = textOf(childOf(item, "pubDate")) || textOf(childOf(item, "date", NS.dc));
    return jsonItem({
      id: textOf(childOf(item, "guid")) || item.getAttributeNS(NS.rdf, "about") || link,
      url: link,
      title: textOf(childOf(item, "title")),
      summary: encoded ? description : "",
      content: encoded || description,
      image: imageOf(item),
      published: date ? toRfc3339(date, source.zone) : null,
      modified: null,
      authors: nonEmpty([...childrenOf(item, "author"), ...childrenOf(item, "creator", NS.dc)]),
      tags: nonEmpty([...childrenOf(item, "category"), ...childrenOf(item, "subject", NS.dc)]),
    });
  });
}

/** An Atom text construct as HTML (type html: its text; xhtml: the div's markup; text: escaped). */
function atomHtml(el) {
  if (!el) return "";
  const type = el.getAttribute("type") ?? "text";
  if (type === "xhtml") return (el.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div")[0]?.innerHTML ?? "").trim();
  const text = el.textContent.trim();
  return type === "html" ? text : text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Atom entries: id, the alternate link, content (else summary) as the body, published (else updated), entry or feed authors, category labels. */
function atomEntries(doc, source) {
  const feedAuthors = nonEmpty(childrenOf(doc.documentElement, "author", NS.atom).map((a) => childOf(a, "name", NS.atom)));
  return childrenOf(doc.documentElement, "entry", NS.atom).map((entry) => {
    const links = childrenOf(entry, "link", NS.atom);
    const link = links.find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate") ?? links[0];
    const content = atomHtml(childOf(entry, "content", NS.atom));
    const summary = childOf(entry, "summary", NS.atom);
    const published = textOf(childOf(entry, "published", NS.atom));
    const updated = textOf(childOf(entry, "updated", NS.atom));
    const authors = nonEmpty(childrenOf(entry, "author", NS.atom).map((a) => childOf(a, "name", NS.atom)));
    return jsonItem({
      id: textOf(childOf(entry, "id", NS.atom)),
      url: link?.getAttribute("href") ?? "",
      title: textOf(childOf(entry, "title", NS.atom)),
      summary: content && summary ? summary.textContent.trim() : "",
      content: content || atomHtml(summary),
      image: null,
      published: published || updated ? toRfc3339(published || updated, source.zone) : null,
      modified: published && updated && updated !== published ? toRfc3339(updated, source.zone) : null,
      authors: authors.length ? authors : feedAuthors,
      tags: childrenOf(entry, "category", NS.atom).map((c) => c.getAttribute("label") || c.getAttribute("term") || "").filter(Boolean),
    });
  });
}

/** One corpus file's items as JSON Feed items. */
export function convert(text, source) {
  const doc = parseXml(text, source.file);
  const items = doc.documentElement.namespaceURI === NS.atom ? atomEntries(doc, source) : rssItems(doc, source);
  if (!items.length) throw new Error(`${source.file}: no items`);
  return items;
}

let cached = null;

/** Every item of the corpus, in SOURCES order (fetched once per page). */
export function realItems(base = "/bench/corpus/") {
  cached ??= Promise.all(SOURCES.map(async (source) => {
    const response = await fetch(base + source.file, { cache: "no-store" });
    if (!response.ok) throw new Error(`${source.file}: HTTP ${response.status}`);
    return convert(decodeFeed(new Uint8Array(await response.arrayBuffer())), source);
  })).then((lists) => lists.flat());
  return cached;
}

// ---------------------------------------------------------------- repeating

/** A copy's id or URL: a URL gets a `copy` query parameter (before any fragment), any other id a suffix. */
function copyOf(value, k) {
  if (!/^https?:\/\//.test(value)) return `${value}#copy-${k}`;
  const hash = value.indexOf("#");
  const [base, fragment] = hash < 0 ? [value, ""] : [value.slice(0, hash), value.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}copy=${k}${fragment}`;
}

/**
 * `count` items: the corpus's items in order, then again as copies until
 * there are enough. Copy k (k ≥ 1) has the id and URL of its original with
 * `copy=k` (ids and URLs stay unique, since newsreel drops an item that
 * repeats either) and its dates k days earlier (so the ticker's newest
 * headlines are the corpus's, not one item many times); every other field is
 * the original's.
 */
export function repeatItems(items, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const item = items[i % items.length];
    const k = Math.floor(i / items.length);
    if (k === 0) {
      out.push(item);
      continue;
    }
    const copy = { ...item, id: copyOf(item.id, k) };
    if (item.url) copy.url = copyOf(item.url, k);
    if (item.date_published) copy.date_published = daysEarlier(item.date_published, k);
    if (item.date_modified) copy.date_modified = daysEarlier(item.date_modified, k);
    out.push(copy);
  }
  return out;
}

/** A JSON Feed 1.1 of `count` real items, as text. */
export async function realFeed(count) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Real feeds (bench/corpus)",
    home_page_url: "https://github.com/",
    items: repeatItems(await realItems(), count),
  });
}
