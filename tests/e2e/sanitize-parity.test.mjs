// The native sanitiser (html5ever, `newsreel sanitize`) against the widget
// in headless Chromium: for every vector of xss-vectors.mjs, each one inside
// a paragraph too, ordinary rich bodies, parser edge cases and deeply nested
// ones, the HTML the command prints must equal the widget's `[part=body]` as
// the browser serialises it (innerHTML), with the default options and with
// images="none" and a link target.
//
// A body goes into the widget as an article body: in our own format
// (`articleBody`) when it carries markup, which that format reads as HTML,
// and otherwise as a JSON Feed's `content_html`, always HTML, so that every
// body goes through the sanitiser. The command reads the bodies as JSON
// lines (one process per set of options), as the widget reads JSON.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { start, openPage, ROOT, moduleStarted } from "./browser.mjs";
import { VECTORS } from "./xss-vectors.mjs";

const PAGE = "/tests/e2e/pages/security/security.html";
const OWN_FILES = new Set([PAGE, "/www/dist/newsreel.js", "/www/dist/newsreel-intl.js", "/www/dist/newsreel_bg.wasm"]);
const CLI = ROOT + "target/release/newsreel";

// Ordinary article bodies, as a newsroom's CMS writes them.
const RICH = [
  "<p>One paragraph.</p><p>Another, with <strong>bold</strong>, <em>emphasis</em> and <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>.</p>",
  "<h2>Heading</h2><p>Text</p><h3>Sub</h3><h4>h4</h4><h5>h5</h5><h6>h6</h6><h1>h1</h1>",
  "<ul><li>One</li><li>Two <ul><li>Nested</li></ul></li></ul><ol start=\"3\" reversed type=\"a\"><li value=\"7\">Seven</li><li>Eight</li></ol>",
  "<ul><li>Unclosed<li>items<li>in a list</ul><p>after",
  "<dl><dt>Term</dt><dd>Definition</dd><dt>Another<dd>Unclosed</dl>",
  "<p><a href=\"https://news.example/story?a=1&amp;b=2\">A link</a>, <a href=\"/relative/path\" target=\"_top\">relative</a>, <a href=\"mailto:desk@news.example\">mail</a>, <a href=\"#anchor\">anchor</a>, <a>no href</a>.</p>",
  "<p><a href=\"https://news.example/\" title=\"A &quot;quoted&quot; title &amp; more\" lang=\"en\" dir=\"ltr\">titled</a></p>",
  "<figure><img src=\"https://img.news.example/a.jpg\" alt=\"A photo &amp; caption\" width=\"1200\" height=\"675\"><figcaption>The caption</figcaption></figure>",
  "<p>Inline <img src=\"https://img.news.example/b.png\" alt=\"\"> image, one without alt <img src=\"//img.news.example/c.png\">, one too wide <img src=\"https://img.news.example/d.png\" width=\"1234567\" height=\"10px\"></p>",
  "<table><caption>Results</caption><thead><tr><th scope=\"col\">Team</th><th scope=\"col\">Points</th></tr></thead><tbody><tr><td>A</td><td>3</td></tr><tr><td colspan=\"2\" rowspan=\"1\" headers=\"x\">B</td></tr></tbody><tfoot><tr><td>Total</td><td>3</td></tr></tfoot></table>",
  "<table><tr><td>No tbody</td><td>written</td></tr></table>",
  "<table>Stray text<tr><td>cell</td></tr> <b>bold</b></table>",
  "<blockquote cite=\"https://source.example/\"><p>A quote.</p><p>— Someone</p></blockquote><p><q cite=\"https://q.example/\">short quote</q> <cite>A Work</cite></p>",
  "<p>Nested <strong>bold <em>and emphasis <u>and underline <mark>and mark</mark></u></em></strong> done.</p>",
  "<p>Entities: &amp; &lt; &gt; &quot; &#39; &nbsp; &copy; &eacute; &#x1F600; &mdash; &hellip; &notin; &amp</p>",
  "<p>Line one<br>line two<br/>line three<br></p><hr><p>After a rule</p><p>Word<wbr>break</p>",
  "<pre>\nfirst line kept\n  indented</pre><pre><code>let x = 1;\nlet y = &lt;T&gt;;</code></pre><p><code>code</code> <kbd>Ctrl</kbd> <samp>out</samp> <var>v</var></p>",
  "<p><abbr title=\"World Health Organization\">WHO</abbr> <time datetime=\"2026-01-15T10:00:00Z\">today</time> <del datetime=\"2026-01-14\">old</del><ins>new</ins> <small>small</small> <sub>2</sub><sup>3</sup> <span lang=\"fr\">bonjour</span></p>",
  "<div><div><p>Divs</p></div><section><p>section</p></section><article>article</article><aside>aside</aside></div>",
  "<p dir=\"rtl\" lang=\"ar\">مرحبا</p><p dir=\"sideways\">bad dir</p><p dir=\"AUTO\">auto</p>",
  "<p>Unclosed paragraph<p>another<div>a div closes it</div>",
  "<b>1<p>2</b>3</p><i>a<div>b</i>c</div>",
  "<p>a<ul><li>list in a paragraph</li></ul>b</p>",
  "<font color=\"red\">font</font> <center>center</center> <big>big</big> <tt>tt</tt> <nobr>nobr</nobr>",
  "Text without a tag first, then <b>markup</b>",
  "<p>  Spaces   and\n\nnewlines\tand\ttabs  </p>\n\n<p>\u00a0</p>",
  "<p>Emoji 😀 and CJK 中文 and combining é</p>",
  "<h2><a href=\"https://news.example/h\">Linked heading</a></h2><p><a href=\"https://a.example/\"><img src=\"https://img.news.example/e.jpg\" alt=\"linked image\"></a></p>",
  "<a href=\"https://a.example/\">outer <a href=\"https://b.example/\">inner</a> tail</a>",
  "<h1>One<h2>Two</h2></h1><p><h3>in p</h3></p>",
];

// Where parsers are easiest to get subtly wrong: new line normalisation,
// NUL, select content, foreign content break-outs, formatting elements
// reconstructed, a second body, frameset.
const EDGES = [
  "<p>a\r\nb\rc\n</p><pre>\r\nx</pre><pre>\n\ny</pre><listing>\nz</listing><textarea>\nt</textarea>",
  "<p>nul\u0000here <b title=\"a\u0000b\">x</b></p>",
  "<select><b>bold?</b><option>o<p>p</option></select>after <select><div>d</div></select>",
  "<table><select><td>x</td></select></table>",
  "<svg><p>breaks out</p></svg><math><mi><b>mi</b></mi><mo><p>mo</p></mo></math>",
  "<svg><foreignObject><b>html</b></foreignObject><desc><i>desc</i></desc><title>t</title></svg>",
  "<p><b><i>reconstructed<p>after</i></b>tail",
  "<a href=\"https://x.example/\">1<p>2</a>3</p>",
  "text<body title=\"x\"><p>second body</p></body></html><p>after html",
  "<p>x</p><frameset><frame></frameset>",
  "\n  <p>leading white space dropped</p>", "<body>\n<p>leading white space kept</p>",
  "<image src=\"https://img.news.example/i.png\" alt=\"image, not img\">",
  "<p>&#0; &#x110000; &#128; &#x80; &#150; &NotANamedOne; &ampx &lt</p>",
  "<table><tr><td>1<table><tr><td>nested</td></tr></table></td></tr></table>",
  "<ruby>漢<rt>kan</rt></ruby> <bdi>bdi</bdi> <bdo dir=\"rtl\">bdo</bdo> <dfn>dfn</dfn> <data value=\"1\">data</data>",
  "<details><summary>s</summary>hidden</details><dialog open>d</dialog><menu><li>m</li></menu>",
  "<p title='single' lang=en dir=auto title=dup>duplicate attributes</p>",
  "<ol><li>a<ol><li>b</ol><li>c</ol><dl><dd>x<dt>y</dl>",
];

// Nesting past the walk's depth (64 below the body) and the sanitiser's (48),
// within the browser's own parser limit (512).
const DEEP = [
  "<span>x".repeat(70) + "<b>deep</b><template>t</template>" + "</span>y".repeat(70),
  "<div>".repeat(100) + "<p>text</p>" + "</div>".repeat(100),
  "<ul><li>".repeat(60) + "item" + "</li></ul>".repeat(60),
  "<blockquote>".repeat(200) + "q" + "<em>e</em>",
];

const BODIES = [...VECTORS, ...VECTORS.map((v) => `<p>before ${v} after</p>`), ...RICH, ...EDGES, ...DEEP];
const OPTIONS = [
  { name: "default options", attributes: {}, args: [] },
  { name: 'images="none" target="_blank"', attributes: { images: "none", target: "_blank" }, args: ["--no-images", "--target", "_blank"] },
];

/** As `core::text::looks_like_html`: a '<' opening a tag, and a '>' after it. */
const looksLikeHtml = (s) => /<[A-Za-z/!][^]*>/.test(s);

let env;
let session;

before(async () => {
  // Built by `make test-e2e`; a no-op when it is up to date.
  execFileSync("cargo", ["build", "--release", "--quiet", "--bin", "newsreel"], { cwd: ROOT, stdio: "inherit" });
  env = await start();
  session = await openPage(env.browser);
  const { page } = session;
  const origin = new URL(env.url).origin;
  // Nothing but the page's own files loads (images in the bodies included).
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    return url.origin === origin && OWN_FILES.has(url.pathname) ? route.continue() : route.abort();
  });
  await page.goto(env.url + PAGE);
  await moduleStarted(page);
});

after(async () => {
  await session?.context.close();
  await env?.close();
});

/** Runs in the page: the widget's `[part=body]` for each body. */
function renderAll({ bodies, attributes, html }) {
  const el = document.createElement("news-reel");
  el.setAttribute("mode", "list");
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.getElementById("widgets").append(el);
  const out = bodies.map((body, i) => {
    el.load(html[i]
      ? { format: "newsreel/1", article: { id: "a", headline: "Headline", articleBody: body } }
      : { version: "https://jsonfeed.org/version/1.1", items: [{ id: "a", title: "Headline", content_html: body }] });
    const root = el.shadowRoot;
    if (el.getAttribute("state") !== "ready" || root.querySelector('[part="headline"]')?.textContent !== "Headline") {
      return { error: `state ${el.getAttribute("state")}: ${root.querySelector('[part="error"]')?.textContent}` };
    }
    // An empty body leaves the part out.
    return { html: root.querySelector('[part="body"]')?.innerHTML ?? "" };
  });
  el.remove();
  return out;
}

/** The command's output for each body, in one process. */
function native(bodies, args) {
  const input = bodies.map((b) => JSON.stringify(b)).join("\n") + "\n";
  const output = execFileSync(CLI, ["sanitize", "--json-lines", ...args], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  return output.trimEnd().split("\n").map((line) => JSON.parse(line));
}

for (const options of OPTIONS) {
  test(`${BODIES.length} bodies (${VECTORS.length} XSS vectors, alone and in a paragraph): the command prints the widget's HTML (${options.name})`, async () => {
    const html = BODIES.map(looksLikeHtml);
    const browser = await session.page.evaluate(renderAll, { bodies: BODIES, attributes: options.attributes, html });
    const server = native(BODIES, options.args);
    assert.equal(server.length, BODIES.length, "one line of output a body");
    const failures = [];
    BODIES.forEach((body, i) => {
      const got = browser[i];
      if (got.error) failures.push(`body ${i} ${JSON.stringify(body)}: the widget shows no article (${got.error})`);
      else if (got.html !== server[i]) {
        failures.push(`body ${i} ${JSON.stringify(body)}:\n  browser ${JSON.stringify(got.html)}\n  native  ${JSON.stringify(server[i])}`);
      }
    });
    assert.equal(failures.length, 0, `${failures.length} of ${BODIES.length} differ:\n${failures.join("\n")}`);
    // Not vacuous: the bodies kept markup, links and (by default) images.
    const kept = browser.filter((b) => b.html !== "").length;
    assert.ok(kept >= BODIES.length / 2, `only ${kept} bodies kept anything`);
    assert.ok(browser.some((b) => b.html.includes("<a href=")), "a link was kept");
    assert.equal(browser.some((b) => b.html.includes("<img ")), !options.attributes.images, "images as the options say");
    assert.equal(browser.some((b) => b.html.includes('target="_blank"')), Boolean(options.attributes.target));
  });
}
