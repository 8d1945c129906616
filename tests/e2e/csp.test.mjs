// The widget under a strict Content Security Policy with Trusted Types, and
// without 'wasm-unsafe-eval'; plus a check that the generated glue never
// evaluates strings (which such a policy would block).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { start, openPage, settled, ROOT } from "./browser.mjs";
import { VECTORS } from "./xss-vectors.mjs";

const PAGES = "/tests/e2e/pages/security/";
const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https:; require-trusted-types-for 'script'";
const NO_WASM = STRICT.replace(" 'wasm-unsafe-eval'", "");
const POLICIES = {
  [PAGES + "csp.html"]: STRICT,
  [PAGES + "csp-no-wasm-eval.html"]: NO_WASM,
  [PAGES + "csp-feed.html"]: STRICT + "; connect-src 'self'",
};

let env;
before(async () => {
  env = await start((path) => (POLICIES[path] ? { "content-security-policy": POLICIES[path] } : {}));
});
after(async () => { await env?.close(); });

test("the generated glue never evaluates strings", () => {
  const files = ["pkg/newsreel.js", "dist/newsreel.js", "dist/newsreel.inline.js"].filter((f) => existsSync(ROOT + f));
  assert.ok(files.includes("pkg/newsreel.js") && files.includes("dist/newsreel.js"), "the builds exist (make www)");
  for (const file of files) {
    const code = readFileSync(ROOT + file, "utf8");
    assert.doesNotMatch(code, /\beval\s*\(/, `${file} calls eval`);
    assert.doesNotMatch(code, /\bnew\s+Function\b/, `${file} uses new Function`);
    assert.doesNotMatch(code, /\bFunction\s*\(\s*["'`]/, `${file} builds a function from a string`);
  }
});

test("under the same policy, with connect-src 'self', an RSS feed by src loads and renders with no violation", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + PAGES + "csp-feed.html");
  await settled(page);
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    return {
      state: el.getAttribute("state"),
      items: root.querySelectorAll('[part~="item"]').length,
      body: root.querySelector('[part="body"]')?.innerHTML ?? "",
      violations: window.__violations,
      errors: window.__errors,
    };
  });
  assert.equal(view.state, "ready");
  assert.ok(view.items > 0, "the feed's headlines are shown");
  assert.doesNotMatch(view.body, /<script|onerror|onclick/);
  assert.deepEqual(view.violations, [], "DOMParser got its XML through the one Trusted Types policy");
  assert.deepEqual(view.errors, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("under a strict CSP with Trusted Types the widget renders sanitised HTML with no violation", async () => {
  const { page, context, problems } = await openPage(env.browser);
  const workers = [];
  page.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
  const response = await page.goto(env.url + PAGES + "csp.html");
  assert.equal(response.headers()["content-security-policy"], STRICT, "the page is served with the policy");
  await settled(page);
  // Use it as a reader would: open the other article, pause the ticker.
  await page.locator("news-reel").locator('[part="ticker"]').hover();
  await page.locator("news-reel").locator('[part="item"] .pick').first().click();
  await page.locator("news-reel").locator('[part="pause"]').click();
  const firstBody = await page.evaluate(() => document.querySelector("news-reel").shadowRoot.querySelector('[part="body"]').innerHTML);
  await page.evaluate(() => document.querySelector("news-reel").select("main"));
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const root = el.shadowRoot;
    const body = root.querySelector('[part="body"]');
    return {
      state: el.getAttribute("state"),
      trustedTypesEnforced: typeof window.trustedTypes?.createPolicy === "function",
      headline: root.querySelector('[part="headline"]').textContent,
      body: body.innerHTML,
      styled: root.adoptedStyleSheets.length > 0 && root.adoptedStyleSheets[0].cssRules.length > 0,
      images: [...root.querySelectorAll("img")].map((i) => i.complete && i.naturalWidth > 0),
      fallbackHidden: root.querySelector("slot").hidden,
      violations: window.__violations,
      errors: window.__errors,
    };
  });
  assert.equal(view.state, "ready");
  assert.ok(view.trustedTypesEnforced);
  assert.equal(view.headline, "Body HTML under Trusted Types");
  assert.equal(
    view.body,
    '<p>First <strong>bold</strong> paragraph with <a href="/news/linked" rel="noopener noreferrer">a link</a>.</p>' +
      '<figure><img src="/www/favicon.svg" alt="Icon" loading="lazy" decoding="async" referrerpolicy="no-referrer">' +
      "<figcaption>Caption</figcaption></figure><p>Second</p><ul><li>one</li><li>two</li></ul>",
  );
  assert.equal(firstBody, "<p>Item <em>one</em> body.</p>");
  assert.ok(view.styled, "the constructable stylesheet applies under style-src 'self'");
  assert.equal(view.images.length, 2);
  assert.ok(view.fallbackHidden);
  // The date worker started from the page's own origin ('self'), its URL
  // vouched for by the widget's one Trusted Types policy.
  assert.deepEqual(workers, ["/www/dist/newsreel-intl.js"]);
  assert.deepEqual(view.violations, []);
  assert.deepEqual(view.errors, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the host's fallback HTML shows until the widget renders, then gives way", async () => {
  const { page, context, problems } = await openPage(env.browser);
  // Hold the WebAssembly file back, as a slow network would.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/newsreel_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.url + PAGES + "csp.html");
  const before = await page.evaluate(() => ({
    defined: Boolean(customElements.get("news-reel")),
    fallbackVisible: document.querySelector(".fallback").checkVisibility(),
  }));
  // The element is defined at once, and waits for its module with the
  // fallback shown.
  assert.deepEqual(before, { defined: true, fallbackVisible: true });
  release();
  await settled(page);
  const after = await page.evaluate(() => ({
    state: document.querySelector("news-reel").getAttribute("state"),
    fallbackVisible: document.querySelector(".fallback").checkVisibility(),
  }));
  assert.deepEqual(after, { state: "ready", fallbackVisible: false });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the element shows its error and keeps the host's fallback", async () => {
  const { page, context, problems } = await openPage(env.browser);
  const response = await page.goto(env.url + PAGES + "csp-no-wasm-eval.html");
  assert.equal(response.headers()["content-security-policy"], NO_WASM);
  await settled(page);
  const view = await page.evaluate(() => {
    const el = document.querySelector("news-reel");
    const error = el.shadowRoot?.querySelector('[part="error"]');
    return {
      state: el.getAttribute("state"),
      error: error ? error.textContent : null,
      errorVisible: error ? error.checkVisibility() : false,
      fallbackVisible: el.querySelector(".fallback").checkVisibility(),
      events: window.__errors,
      violations: window.__violations.map((v) => `${v.directive} ${v.blocked}`),
    };
  });
  assert.equal(view.state, "error");
  assert.match(view.error, /^newsreel could not start: .*WebAssembly/);
  assert.ok(view.errorVisible);
  assert.ok(view.fallbackVisible, "the host's fallback HTML stays visible");
  assert.equal(view.events.length, 1);
  assert.equal(view.events[0], view.error);
  // The one violation is the refused WebAssembly compilation itself.
  assert.deepEqual(view.violations, ["script-src wasm-eval"]);
  assert.deepEqual(problems.pageErrors, [], "no uncaught exception");
  await context.close();
});

test("hostile bodies under the strict CSP make no violation report but for SVG and MathML tricks", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + PAGES + "csp.html");
  await settled(page);
  const reported = await page.evaluate(async (vectors) => {
    const el = document.querySelector("news-reel");
    const out = [];
    for (const v of vectors) {
      window.__violations.length = 0;
      el.load({ article: { headline: v, articleBody: v, url: v, image: v }, latest: [{ headline: v, url: v }] });
      // Reports are queued as tasks.
      await new Promise((r) => setTimeout(r, 0));
      for (const r of window.__violations) out.push({ vector: v, report: `${r.directive} ${r.blocked}` });
    }
    return out;
  }, VECTORS);
  // Chromium reports inline handlers and styles even in an inert parser
  // document; the sanitiser renames or cuts them before parsing, so only
  // markup that fools a tokenizer about SVG or MathML content gets through,
  // and only as a report about an attribute that never runs.
  for (const { vector, report } of reported) {
    assert.match(vector, /<(svg|math)\b/i, `${vector} made a report: ${report}`);
    assert.match(report, /^(script-src-attr|style-src-attr|style-src-elem) inline$/);
  }
  assert.ok(reported.length <= 3, JSON.stringify(reported));
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
