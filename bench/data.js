// Deterministic benchmark data: articles made by a seeded PRNG, written out
// as JSON Feed 1.1 or as a schema.org JSON-LD @graph. The same seed gives the
// same bytes in Node and in the browser, so a run can be repeated exactly.

/** mulberry32: a tiny 32-bit PRNG, good enough to vary text. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "government minister council talks border trade energy pipeline election vote parliament court ruling " +
  "economy inflation market prices growth budget deal summit agreement sanctions security region capital " +
  "president opposition protest reform strategy investment project railway port harbour airport transit " +
  "agency report survey results officials leaders delegation visit dialogue partners neighbours routes " +
  "climate drought harvest water supply exports imports currency bank rates loans industry workers union " +
  "strike schools hospital doctors patients health vaccine research university students teachers culture " +
  "festival museum archive history heritage mountain valley river coast weather storm flood recovery " +
  "police investigation charges trial verdict appeal prison sentence release hearing evidence witness " +
  "technology network cable digital data satellite launch mission science study experts analysts warning " +
  "initiative proposal plan programme talks round meeting conference forum declaration statement response"
).split(" ");

const NAMES = [
  "Aliyev", "Pashinyan", "Kobakhidze", "Erdoğan", "Zakharova", "Garibashvili", "Tokayev", "Mirziyoyev",
  "Baku", "Yerevan", "Tbilisi", "Ankara", "Tehran", "Astana", "Brussels", "Kyiv", "Caspian", "Caucasus",
];

const AUTHORS = ["Ann Lee", "Bob Roe", "Priya Nair", "Tom O’Neill", "Elin Berg", "Ola Dahl", "Mariam Qasimova", "Ivo Petrov"];
const TAGS = ["Politics", "Economy", "Energy", "Transport", "Culture", "Science", "Security", "Region"];
const SITE = "https://news.example.test";

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function int(rand, min, max) {
  return min + Math.floor(rand() * (max - min + 1));
}

/** A sentence of `words` words with the odd name, quote or ampersand in it. */
function sentence(rand, words) {
  const out = [];
  for (let i = 0; i < words; i++) {
    out.push(rand() < 0.12 ? pick(rand, NAMES) : pick(rand, WORDS));
  }
  if (rand() < 0.2) out.splice(int(rand, 1, out.length - 1), 0, "&");
  if (rand() < 0.15) out[0] = "“" + out[0];
  let text = out.join(" ");
  text = text[0].toUpperCase() + text.slice(1);
  if (text.startsWith("“")) text += "”";
  return text + (rand() < 0.1 ? "?" : ".");
}

/** A headline of roughly 60–100 characters. */
function headline(rand) {
  const target = int(rand, 60, 100);
  let text = "";
  while (text.length < target - 8) {
    const word = rand() < 0.2 ? pick(rand, NAMES) : pick(rand, WORDS);
    text += (text ? " " : "") + word;
  }
  if (rand() < 0.3) text = text.replace(" ", "’s ");
  if (rand() < 0.2) text += ": " + pick(rand, WORDS);
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * An HTML body of about `bytes` characters in the markup a CMS writes:
 * paragraphs with links and emphasis, a sub-heading, a list, a quote, an image.
 */
export function htmlBody(rand, bytes) {
  const parts = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    let block;
    const kind = n === 0 ? 0 : int(rand, 0, 9);
    if (kind <= 5) {
      let p = sentence(rand, int(rand, 12, 28)) + " " + sentence(rand, int(rand, 8, 20));
      if (rand() < 0.5) p = p.replace(/ (\w+) (\w+)/, ' <a href="' + SITE + '/topic/$1">$1 $2</a>');
      if (rand() < 0.4) p = p.replace(/ (\w+)\./, " <strong>$1</strong>.");
      if (rand() < 0.3) p = p.replace(/ (\w+) /, " <em>$1</em> ");
      block = "<p>" + p.replace(/ & /g, " &amp; ") + "</p>";
    } else if (kind === 6) {
      block = "<h2>" + sentence(rand, int(rand, 4, 8)).replace(/ & /g, " &amp; ") + "</h2>";
    } else if (kind === 7) {
      block = "<ul>" + [0, 1, 2].map(() => "<li>" + sentence(rand, int(rand, 5, 10)).replace(/ & /g, " &amp; ") + "</li>").join("") + "</ul>";
    } else if (kind === 8) {
      block = "<blockquote><p>" + sentence(rand, int(rand, 10, 20)).replace(/ & /g, " &amp; ") + "</p></blockquote>";
    } else {
      const id = int(rand, 1, 99999);
      block = `<figure><img src="${SITE}/img/${id}.jpg" alt="${pick(rand, NAMES)} ${pick(rand, WORDS)}" width="1200" height="675"><figcaption>${sentence(rand, 6).replace(/ & /g, " &amp; ")}</figcaption></figure>`;
    }
    parts.push(block);
    size += block.length;
    n++;
  }
  return parts.join("\n");
}

/** An ISO 8601 timestamp with an offset, within 60 days before mid-January 2026. */
function timestamp(rand) {
  const ms = Date.UTC(2026, 0, 15, 12) - Math.floor(rand() * 60 * 86400) * 1000;
  const offset = pick(rand, [0, 60, 120, 240, -300]);
  const local = new Date(ms + offset * 60000).toISOString().slice(0, 19);
  if (offset === 0) return local + "Z";
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * `count` articles. `seed` varies the content; ids depend on the index only,
 * so two sets made with different seeds are the same articles, changed.
 * `bodyBytes` is [min, max], or null for ticker-only records (id, link,
 * headline, date, author: what a ticker needs, and all that fits 10,000
 * articles under the 5 MB input limit). `bigBodies` lists indexes whose body
 * is ~20 KB.
 */
export function makeArticles(count, { seed = 1, bodyBytes = [2000, 5000], bigBodies = [] } = {}) {
  const rand = prng(seed);
  const big = new Set(bigBodies);
  const articles = [];
  for (let i = 0; i < count; i++) {
    const slug = "story-" + String(i + 1).padStart(5, "0");
    const url = `${SITE}/2026/01/${slug}`;
    const published = timestamp(rand);
    const authors = [pick(rand, AUTHORS)];
    if (rand() < 0.25) authors.push(pick(rand, AUTHORS));
    if (!bodyBytes && !big.has(i)) {
      articles.push({ id: url, url, headline: headline(rand), published, authors: [...new Set(authors)] });
      continue;
    }
    articles.push({
      id: url,
      url,
      headline: headline(rand),
      published,
      modified: rand() < 0.3 ? published : null,
      authors: [...new Set(authors)],
      image: { url: `${SITE}/img/${slug}.jpg`, width: 1200, height: 675 },
      summary: sentence(rand, int(rand, 12, 22)),
      body: htmlBody(rand, big.has(i) ? 20000 : int(rand, bodyBytes[0], bodyBytes[1])),
      tags: [pick(rand, TAGS), pick(rand, TAGS)].filter((t, k, all) => all.indexOf(t) === k),
    });
  }
  return articles;
}

/** A JSON Feed 1.1 document around `items`, as a news site's /feed.json serves it. */
function feedOf(items) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Latest news",
    home_page_url: SITE + "/",
    feed_url: SITE + "/feed.json",
    language: "en",
    items,
  });
}

/** JSON Feed 1.1, as a news site's /feed.json would serve it. */
export function jsonFeed(articles) {
  return feedOf(articles.map((a) => ({
    id: a.id,
    url: a.url,
    title: a.headline,
    ...(a.body ? { summary: a.summary, content_html: a.body, image: a.image.url } : {}),
    date_published: a.published,
    ...(a.modified ? { date_modified: a.modified } : {}),
    authors: a.authors.map((name) => ({ name })),
    ...(a.tags ? { tags: a.tags } : {}),
  })));
}

/**
 * JSON Feed 1.1 as a big news site serves it in full: every item with its
 * id, url, title, content_html, date_published, authors and tags, and
 * nothing the site leaves out to keep the feed small (summary, image,
 * date_modified).
 */
export function jsonFeedFull(articles) {
  return feedOf(articles.map((a) => ({
    id: a.id,
    url: a.url,
    title: a.headline,
    content_html: a.body,
    date_published: a.published,
    authors: a.authors.map((name) => ({ name })),
    tags: a.tags,
  })));
}

/**
 * A schema.org @graph as a CMS writes it for a listing page: the page, the
 * publisher, and one NewsArticle node per article pointing at the publisher.
 */
export function jsonLd(articles) {
  const org = SITE + "/#organization";
  return JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "CollectionPage", "@id": SITE + "/latest/", url: SITE + "/latest/", name: "Latest news", inLanguage: "en" },
      { "@type": "Organization", "@id": org, name: "Example News", url: SITE + "/" },
      ...articles.map((a) => ({
        "@type": "NewsArticle",
        "@id": a.url + "#article",
        url: a.url,
        headline: a.headline,
        datePublished: a.published,
        ...(a.modified ? { dateModified: a.modified } : {}),
        author: a.authors.map((name) => ({ "@type": "Person", name })),
        publisher: { "@id": org },
        ...(a.body ? {
          mainEntityOfPage: a.url,
          description: a.summary,
          image: { "@type": "ImageObject", url: a.image.url, width: a.image.width, height: a.image.height },
          articleBody: a.body,
          inLanguage: "en",
          keywords: a.tags.join(", "),
        } : {}),
      })),
    ],
  });
}

/** UTF-8 length of a string, without allocating its bytes. */
export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------- ids picked to collide

/**
 * The FNV-1a 64-bit hash of a string's UTF-8 bytes, as newsreel's old
 * lookup (src/core/lookup.rs before the rewrite) computed it. BigInt: slow,
 * but exact; collidingIds below checks its picks with it.
 */
export function fnv1a64(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const COLLIDE_PREFIX = SITE + "/2026/01/s-";
/** Bits 7 to 7 + COLLIDE_BITS − 1 of the hash: the slot of every table up to 2^COLLIDE_BITS slots. */
export const COLLIDE_BITS = 18;
const collideCache = new Map();

/** The four characters `n` stands for, in ID_ALPHABET. */
function chars4(n) {
  let s = "";
  for (let k = 0; k < 4; k++) {
    s += ID_ALPHABET[n % 36];
    n = Math.floor(n / 36);
  }
  return s;
}

/**
 * `count` distinct ids (URLs, `COLLIDE_PREFIX` + 8 characters) whose FNV-1a
 * hashes agree in bits 7 to 24, so that under the old lookup (slot
 * `(hash >> 7) & mask`, the table a power of two at most half full) they all
 * start probing at the same slot of every table up to 2^18 slots: each
 * insert walks past every id inserted before it.
 *
 * Found by meeting in the middle rather than by brute force (~262,144 tries
 * per hit): bits 0..24 of an FNV-1a state depend only on bits 0..24 of the
 * state before (a multiply carries upwards only), so 32-bit Math.imul is
 * exact for them, and each byte step is invertible (xor; multiply by an odd
 * number). An id is prefix + A + B with A and B four characters each: every
 * A's state after prefix + A goes into a table; for each B, the 128 final
 * states with the wanted bits 7..24 are run backwards through B, and every A
 * whose state is one of them makes an id. Milliseconds, not minutes; cached
 * per page (or Node process) all the same.
 */
export function collidingIds(count) {
  if (collideCache.has(count)) return collideCache.get(count);
  const MUL = 0x1b3; // the FNV prime 0x100000001b3, mod 2^32
  let inv = MUL; // Newton's iteration for MUL⁻¹ mod 2^32: each step doubles the correct bits
  for (let k = 0; k < 5; k++) inv = Math.imul(inv, 2 - Math.imul(MUL, inv));
  const mask = 2 ** (7 + COLLIDE_BITS) - 1;
  const step = (h, c) => Math.imul(h ^ c, MUL);
  let start = 0x84222325; // the FNV offset basis 0xcbf29ce484222325, mod 2^32
  for (let i = 0; i < COLLIDE_PREFIX.length; i++) start = step(start, COLLIDE_PREFIX.charCodeAt(i));
  const codes = [...ID_ALPHABET].map((c) => c.charCodeAt(0));
  // Table of A: the state after prefix + A, masked, bucketed by its low 20 bits.
  const aCount = 1 << 18;
  const aState = new Int32Array(aCount);
  const next = new Int32Array(aCount);
  const heads = new Int32Array(1 << 20).fill(-1);
  for (let a = 0; a < aCount; a++) {
    let h = start;
    for (let n = a, k = 0; k < 4; k++, n = Math.floor(n / 36)) h = step(h, codes[n % 36]);
    h &= mask;
    aState[a] = h;
    next[a] = heads[h & 0xfffff];
    heads[h & 0xfffff] = a;
  }
  const wanted = 0x2d2d5 & (2 ** COLLIDE_BITS - 1); // any value: the slot they all share
  const ids = [];
  for (let b = 0; ids.length < count && b < 36 ** 4; b++) {
    const tail = chars4(b);
    for (let low = 0; low < 128 && ids.length < count; low++) {
      let h = (wanted << 7) | low;
      for (let k = 3; k >= 0; k--) h = (Math.imul(h, inv) ^ tail.charCodeAt(k)) & mask;
      for (let a = heads[h & 0xfffff]; a >= 0 && ids.length < count; a = next[a]) {
        if (aState[a] === h) ids.push(COLLIDE_PREFIX + chars4(a) + tail);
      }
    }
  }
  if (ids.length < count) throw new Error(`collidingIds: only ${ids.length} of ${count} found`);
  collideCache.set(count, ids);
  return ids;
}

/** `count` ordinary ids of the same shape and length as collidingIds' (distinct, spread like any URLs). */
export function ordinaryIds(count) {
  const ids = [];
  // n·k mod 36^8 with k odd and prime to 3 is one-to-one: distinct, scattered tails.
  const span = 36 ** 8;
  for (let i = 0; i < count; i++) {
    const n = (i * 2654435761 + 12345) % span;
    ids.push(COLLIDE_PREFIX + chars4(n % 1679616) + chars4(Math.floor(n / 1679616)));
  }
  return ids;
}

/**
 * A JSON Feed of ticker-only items (id = url, headline, date) with
 * the given ids: the same seed gives the same bytes apart from the ids, so
 * two feeds with ids of equal length differ in nothing else.
 */
export function idFeed(ids, seed = 1) {
  const rand = prng(seed);
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Latest news",
    home_page_url: SITE + "/",
    // Short headlines and no authors: 20,000 items stay well under newsreel's 5 MB input limit.
    items: ids.map((id) => ({ id, url: id, title: sentence(rand, int(rand, 4, 7)), date_published: timestamp(rand) })),
  });
}
