// Hostile data, end to end in headless Chromium: every vector of
// xss-vectors.mjs goes into every field of an article and of ticker items, in
// each input format, through the real script-tag build. Nothing may run
// (alert, confirm, prompt and print are counted; dialogs, page errors and
// requests are watched), and nothing dangerous may be left in the shadow DOM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, moduleStarted } from "./browser.mjs";
import { VECTORS } from "./xss-vectors.mjs";

const PAGE = "/tests/e2e/pages/security/security.html";
// What the page itself loads; any other request is recorded and aborted.
const OWN_FILES = new Set([PAGE, "/www/dist/newsreel.js", "/www/dist/newsreel-intl.js", "/www/dist/newsreel_bg.wasm"]);

let env;
let session;
let requests = [];

before(async () => {
  env = await start();
  session = await openPage(env.browser, { viewport: { width: 1000, height: 800 } });
  const { page } = session;
  const origin = new URL(env.url).origin;
  await page.route("**/*", (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === origin && OWN_FILES.has(url.pathname)) return route.continue();
    requests.push({ url: request.url(), type: request.resourceType() });
    return route.abort();
  });
  // Installed before any script of the page (and of any frame) runs.
  await page.addInitScript(() => {
    window.__calls = [];
    for (const name of ["alert", "confirm", "prompt", "print"]) {
      window[name] = (...args) => { window.__calls.push(`${name}(${String(args[0])})`); };
    }
  });
  await page.goto(env.url + PAGE);
  await moduleStarted(page);
});

after(async () => {
  await session?.context.close();
  await env?.close();
});

/** Every input format, with the vector in every field the format has. */
function documentsFor(v) {
  return {
    newsreel: {
      format: "newsreel/1",
      title: v,
      inLanguage: v,
      article: {
        id: v, headline: v, datePublished: v, dateModified: v, author: [v, { name: v, url: v }],
        publisher: { name: v, url: v, logo: v }, image: { url: v, caption: v, width: 10, height: 10 },
        url: v, description: v, articleBody: v, inLanguage: v, keywords: v,
      },
      latest: [
        { id: "item-a", headline: v, url: v, image: v, articleBody: v, author: v, datePublished: "2026-01-15" },
        { id: `${v}#b`, headline: "Plain headline", url: v, mainEntityOfPage: v, description: v, image: { contentUrl: v } },
      ],
    },
    // The vector inside the URL-valued and text attributes of an HTML body.
    attributes: {
      article: {
        headline: "Attributes",
        articleBody: `<p><a href="${v}" title="${v}">link</a> <img src="${v}" alt="${v}"> <q cite="${v}">q</q></p><p lang="${v}" dir="${v}">t</p>`,
      },
      latest: [{ id: "c", headline: "List", articleBody: [v, `<b>${v}</b>`] }],
    },
    jsonld: {
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "NewsArticle", "@id": "#main", headline: v, name: v, articleBody: v, description: v, url: v,
          mainEntityOfPage: v, image: [v, { "@type": "ImageObject", url: v, contentUrl: v, caption: v }],
          author: { "@type": "Person", name: v, url: v }, publisher: { "@type": "Organization", name: v, logo: { url: v } },
          inLanguage: v, keywords: [v], datePublished: "2026-01-15",
        },
        {
          "@type": "ItemList",
          itemListElement: [
            { "@type": "ListItem", position: 1, item: { "@type": "NewsArticle", "@id": v, headline: v, url: v, articleBody: v } },
            { "@type": "ListItem", position: 2, url: v, name: v },
          ],
        },
      ],
    },
    jsonfeed: {
      version: "https://jsonfeed.org/version/1.1",
      title: v, home_page_url: v, language: v, authors: [{ name: v, url: v, avatar: v }],
      items: [
        {
          id: v, url: v, external_url: v, title: v, content_html: v, summary: v, image: v, banner_image: v,
          authors: [{ name: v, url: v }], tags: [v], language: v, date_published: "2026-01-15T10:00:00Z",
        },
        { id: "2", title: "Plain", content_text: v, url: v, image: v },
      ],
    },
  };
}

/**
 * Runs in the page: loads each vector's documents into a widget of its own,
 * opens every article, and lists whatever the shadow DOM should never hold.
 * Returns the problems, how many views were checked, and the sanitiser's
 * output for bodies given as HTML (for the idempotence test).
 */
function renderAll({ vectors, documents }) {
  const XHTML = "http://www.w3.org/1999/xhtml";
  // Never in the widget, anywhere.
  const NEVER = new Set([
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
    "math", "noscript", "noembed", "noframes", "xmp", "plaintext", "form", "input", "select", "option",
    "textarea", "base", "meta", "link", "title", "head", "body", "audio", "video", "source", "track", "canvas",
    "map", "area", "portal", "dialog", "picture", "image", "isindex", "keygen", "marquee", "fencedframe",
  ]);
  // The article-body allowlist (docs/security.md).
  const BODY_TAGS = new Set([
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em",
    "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "cite", "q", "blockquote", "code", "pre", "kbd",
    "samp", "var", "a", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "span", "div", "time", "del", "ins", "wbr",
  ]);
  const BODY_ATTRIBUTES = {
    "*": ["lang", "dir", "title"],
    a: ["href", "rel", "target"],
    img: ["src", "alt", "width", "height", "loading", "decoding", "referrerpolicy"],
    td: ["colspan", "rowspan", "scope", "headers"],
    th: ["colspan", "rowspan", "scope", "headers"],
    ol: ["start", "reversed", "type"],
    li: ["value"],
    time: ["datetime"], del: ["datetime"], ins: ["datetime"],
    q: ["cite"], blockquote: ["cite"],
  };
  // Schemes the browser may follow, per attribute, judged by its own URL parser.
  const URL_SCHEMES = {
    href: ["http:", "https:", "mailto:"],
    src: ["http:", "https:"],
    cite: ["http:", "https:", "mailto:"],
  };
  const NEVER_ATTRIBUTES = [
    "action", "formaction", "xlink:href", "srcdoc", "srcset", "poster", "background", "ping", "data", "codebase",
    "form", "autofocus", "contenteditable", "popover", "download", "http-equiv",
  ];
  // Parts and places that hold text only.
  const TEXT_ONLY = [
    '[part="headline"]', '[part="byline"]', '[part="publisher"]', '[part="date"]', '[part="error"]',
    '[part="item"] .title', '[part="item"] time', '[part="item-copy"] .title', '.label', 'figcaption:not([part="body"] *)',
  ];

  const problems = [];
  let views = 0;
  let textParts = 0;
  const bodies = [];

  function inspect(el, where, sanitised) {
    views += 1;
    const root = el.shadowRoot;
    const say = (what) => problems.push(`${where}: ${what}`);
    for (const node of root.querySelectorAll("*")) {
      const tag = node.localName;
      if (node.namespaceURI !== XHTML) say(`<${tag}> in ${node.namespaceURI}`);
      if (NEVER.has(tag)) say(`<${tag}>`);
      for (const { name, value } of node.attributes) {
        const lower = name.toLowerCase();
        if (lower.startsWith("on")) say(`<${tag} ${name}>`);
        if (NEVER_ATTRIBUTES.includes(lower)) say(`<${tag} ${name}="${value}">`);
        if (lower in URL_SCHEMES) {
          let url = null;
          try { url = new URL(value, document.baseURI); } catch { /* unparsable: the browser follows nothing */ }
          if (url && !URL_SCHEMES[lower].includes(url.protocol)) say(`<${tag} ${name}="${value}">`);
        }
      }
      if (tag === "a" && node.hasAttribute("href")) {
        const rel = (node.getAttribute("rel") || "").split(/\s+/);
        if (!rel.includes("noopener") || !rel.includes("noreferrer")) say(`<a href> without rel=noopener noreferrer`);
      }
      if (tag === "img" && node.getAttribute("loading") !== "lazy") say("<img> not lazy");
    }
    const body = root.querySelector('[part="body"]');
    if (body) {
      for (const node of body.querySelectorAll("*")) {
        const tag = node.localName;
        if (!BODY_TAGS.has(tag)) say(`body holds <${tag}>`);
        const allowed = [...BODY_ATTRIBUTES["*"], ...(BODY_ATTRIBUTES[tag] || [])];
        for (const { name } of node.attributes) {
          if (!allowed.includes(name)) say(`body holds <${tag} ${name}>`);
        }
      }
      if (sanitised && body.querySelector("*")) bodies.push(body.innerHTML);
    }
    for (const selector of TEXT_ONLY) {
      for (const node of root.querySelectorAll(selector)) {
        textParts += 1;
        if (node.children.length > 0) say(`markup inside ${selector}: ${node.innerHTML}`);
      }
    }
  }

  // The checks themselves catch what they look for: a control root with one
  // of each problem.
  const control = document.createElement("div");
  control.attachShadow({ mode: "open" }).innerHTML =
    '<div part="body"><p style="color:red" id="x" onclick="alert(1)">t</p><a href="javascript:alert(1)">j</a>' +
    '<a href="https://x.test/">no rel</a><svg></svg><form action="/x"></form><img src="data:,x"></div>' +
    '<h2 part="headline"><b>h</b></h2>';
  inspect(control, "control", false);
  const caughtInControl = problems.splice(0).length;
  views = 0;
  textParts = 0;

  const holder = document.getElementById("widgets");
  const baseBefore = document.baseURI;
  vectors.forEach((vector, i) => {
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "list");
    el.setAttribute("target", "_blank");
    holder.append(el);
    for (const [format, data] of Object.entries(documents[i])) {
      el.load(data);
      // These two open on an article whose body is always read as HTML.
      inspect(el, `vector ${i} ${JSON.stringify(vector)} as ${format}`, format === "attributes" || format === "jsonfeed");
      for (const article of el.articles) {
        el.select(article.id);
        inspect(el, `vector ${i} ${JSON.stringify(vector)} as ${format}, article ${JSON.stringify(article.id)}`);
      }
    }
  });
  // The light DOM and the document's base stay as the host made them.
  const light = [...document.body.querySelectorAll("*")].map((n) => n.localName).filter((t) => t !== "news-reel");
  if (light.join() !== "h1,div") problems.push(`light DOM changed: ${light.join()}`);
  if (document.baseURI !== baseBefore) problems.push(`base URL changed to ${document.baseURI}`);
  return { problems, views, textParts, bodies, caughtInControl };
}

let rendered;

test(`${VECTORS.length} vectors in every field of every format leave nothing dangerous in the shadow DOM`, async () => {
  assert.ok(VECTORS.length >= 150, `the corpus has ${VECTORS.length} vectors`);
  const documents = VECTORS.map(documentsFor);
  rendered = await session.page.evaluate(renderAll, { vectors: VECTORS, documents });
  assert.ok(rendered.caughtInControl >= 12, `the checks caught ${rendered.caughtInControl} of the control's problems`);
  assert.deepEqual(rendered.problems, []);
  // Each vector: four documents, each article opened.
  assert.ok(rendered.views >= VECTORS.length * 8, `only ${rendered.views} views were checked`);
  assert.ok(rendered.textParts >= VECTORS.length * 8, `only ${rendered.textParts} text parts were checked`);
  assert.ok(rendered.bodies.length >= VECTORS.length, `only ${rendered.bodies.length} HTML bodies were rendered`);
});

test("every sanitised body comes out the same when sanitised again", async () => {
  assert.ok(rendered, "the corpus was rendered");
  const changed = await session.page.evaluate((bodies) => {
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "list");
    el.setAttribute("target", "_blank");
    document.getElementById("widgets").append(el);
    const out = [];
    for (const html of new Set(bodies)) {
      el.load({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "i", title: "t", content_html: html }] });
      const again = el.shadowRoot.querySelector('[part="body"]').innerHTML;
      if (again !== html) out.push({ once: html, twice: again });
    }
    return out;
  }, rendered.bodies);
  assert.deepEqual(changed, []);
});

test("nothing ran: no dialog, no page error, no request but the page's own files and allowed images", async () => {
  const { page, problems } = session;
  // Scroll every widget into view so lazy images load (and would fire handlers).
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 1500) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await page.waitForTimeout(500);
  const calls = await page.evaluate(() => window.__calls);
  assert.deepEqual(calls, []);
  assert.deepEqual(problems.dialogs, []);
  assert.deepEqual(problems.pageErrors, []);
  const unexpected = requests.filter((r) => r.type !== "image" || !/^https?:/.test(r.url));
  assert.deepEqual(unexpected, []);

  // The watch itself works: markup the host inserts unsanitised does run.
  await page.evaluate(() => {
    document.getElementById("widgets").insertAdjacentHTML("beforeend", '<img src="/canary.png" onerror="alert(\'canary\')">');
  });
  await page.waitForFunction(() => window.__calls.length > 0, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__calls), ["alert(canary)"]);
  assert.ok(requests.some((r) => r.url.endsWith("/canary.png")), "the canary's request was seen");
});
