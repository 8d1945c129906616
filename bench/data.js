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

/** JSON Feed 1.1, as a news site's /feed.json would serve it. */
export function jsonFeed(articles) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Latest news",
    home_page_url: SITE + "/",
    feed_url: SITE + "/feed.json",
    language: "en",
    items: articles.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.headline,
      ...(a.body ? { summary: a.summary, content_html: a.body, image: a.image.url } : {}),
      date_published: a.published,
      ...(a.modified ? { date_modified: a.modified } : {}),
      authors: a.authors.map((name) => ({ name })),
      ...(a.tags ? { tags: a.tags } : {}),
    })),
  });
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
