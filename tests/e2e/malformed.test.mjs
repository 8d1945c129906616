// Malformed and hostile data, end to end in headless Chromium: each input
// either puts its widget in the error state with a message that says what and
// where, or is read through one of the recoveries docs/input.md documents. Nothing
// throws into the page, and a healthy widget on the same page keeps rendering
// and answering clicks throughout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";

const PAGE = "/tests/e2e/pages/security/malformed.html";

// `input` runs in the page (big inputs are built there, not sent over the
// wire), so it can use nothing from this module.
const ERRORS = [
  { name: "empty text", input: () => "", message: /line 1, column 1: the JSON text is empty/ },
  { name: "only white space", input: () => "  \n\t ", message: /the JSON text is empty/ },
  { name: "truncated inside a string", input: () => '{"latest":[{"headline":"Cut', message: /line 1, column 27: EOF while parsing a string/ },
  { name: "truncated after a bracket", input: () => '{"latest":[', message: /line 1, column 11: EOF while parsing a list/ },
  { name: "truncated on the second line", input: () => '{\n  "latest": [ { "headline": "a" }', message: /invalid JSON at line 2, column \d+/ },
  { name: "plain text", input: () => "Breaking news!", message: /line 1, column 1: expected value/ },
  { name: "an HTML page", input: () => "<!doctype html><html><body>news</body></html>", message: /line 1, column 1: expected value/ },
  { name: "single quotes", input: () => "{'latest': []}", message: /line 1, column 2: key must be a string/ },
  { name: "a trailing comma", input: () => '{"latest":[{"headline":"a"},]}', message: /line 1, column 29: expected value/ },
  { name: "a comment", input: () => '// news\n{"latest":[]}', message: /line 1, column 1: expected value/ },
  { name: "NaN", input: () => '{"latest":[{"headline":"a","n":NaN}]}', message: /line 1, column 32: expected value/ },
  { name: "Infinity", input: () => '{"latest":[{"headline":"a","n":Infinity}]}', message: /line 1, column 32: expected value/ },
  { name: "a raw control character", input: () => '{"latest":[{"headline":"a\u0001b"}]}', message: /line 1, column 25: control character \(\\u0000-\\u001F\) found while parsing a string/ },
  { name: "a raw NUL", input: () => '{"latest":[{"headline":"a\u0000b"}]}', message: /line 1, column 25: control character/ },
  { name: "an invalid escape", input: () => '{"latest":[{"headline":"\\x41"}]}', message: /line 1, column 26: invalid escape/ },
  { name: "text after the value", input: () => '{"latest":[]} {"latest":[]}', message: /line 1, column 15: trailing characters/ },
  { name: "a number at the top", input: () => "42", message: /expected an object or an array, found a number/ },
  { name: "a string at the top", input: () => '"news"', message: /expected an object or an array, found a string/ },
  { name: "null at the top", input: () => "null", message: /expected an object or an array, found null/ },
  { name: "an empty array", input: () => "[]", message: /no article with a headline found/ },
  { name: "latest that is not a list", input: () => '{"latest":"not a list"}', message: /latest: expected an array, found a string/ },
  { name: "an unknown format version", input: () => '{"format":"newsreel/2","latest":[]}', message: /format "newsreel\/2" is not supported/ },
  { name: "articles without headlines", input: () => '{"latest":[{"url":"/a"},{"headline":"  "}]}', message: /no article with a headline found/ },
  { name: "100,000 nested arrays", input: () => "[".repeat(100000) + "]".repeat(100000), message: /line 1, column 128: recursion limit exceeded/ },
  { name: "100,000 nested objects", input: () => '{"a":'.repeat(100000) + "1" + "}".repeat(100000), message: /line 1, column 636: recursion limit exceeded/ },
  { name: "100,000 nested arrays given as an object", input: () => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return a; }, message: /line 1, column 128: recursion limit exceeded|load\(\) needs a JSON string/ },
  { name: "a 5.5 MB document", input: () => `{"latest":[{"headline":"${"x".repeat(5.5 * 1024 * 1024)}"}]}`, message: /input is \d+ bytes; the limit is 5242880 bytes \(5 MB\)/ },
  { name: "undefined", input: () => undefined, message: /load\(\) needs a JSON string or an object that JSON.stringify can serialise/ },
  { name: "a circular object", input: () => { const o = { latest: [] }; o.self = o; return o; }, message: /load\(\) needs a JSON string/ },
  { name: "a BigInt", input: () => 10n, message: /load\(\) needs a JSON string/ },
  { name: "a function", input: () => () => 1, message: /load\(\) needs a JSON string/ },
  { name: "a Symbol", input: () => Symbol("news"), message: /load\(\) needs a JSON string/ },
];

// The recoveries of docs/input.md (and its field-level warnings): the widget renders.
const RECOVERIES = [
  { name: "a byte-order mark", input: () => '\ufeff{"latest":[{"headline":"After a BOM"}]}', headline: "After a BOM" },
  { name: "lone surrogates in \\u escapes", input: () => '{"latest":[{"headline":"a\\ud800b \\udc00c"}]}', headline: "a\ufffdb \ufffdc" },
  { name: "lone surrogates in the JS string", input: () => '{"latest":[{"headline":"a\ud800b \udc00c"}]}', headline: "a\ufffdb \ufffdc" },
  { name: "a lone surrogate in an object", input: () => ({ latest: [{ headline: "x\udfffy" }] }), headline: "x\ufffdy" },
  { name: "a duplicate key", input: () => '{"latest":[{"headline":"first","headline":"last"}]}', headline: "last" },
  {
    name: "JSON-LD as pages write it: comments, a trailing comma, a line break in a string",
    input: () => '/* <![CDATA[ */ {"@context":"https://schema.org","@type":"NewsArticle", // the story\n"headline":"Two\nlines",} /* ]]> */',
    headline: "Two lines",
    warning: /not strict JSON/,
  },
  {
    name: "fields of the wrong type",
    input: () => '{"latest":[{"headline":"Typed","datePublished":{"x":1},"image":[1,2],"url":7}]}',
    headline: "Typed",
    warning: /datePublished/,
  },
  { name: "a 1.5 MB string (only the whole text has a limit)", input: () => `{"latest":[{"headline":"${"y".repeat(1.5 * 1024 * 1024)}"}]}`, headline: "y".repeat(1.5 * 1024 * 1024) },
  { name: "100,000 articles", input: () => ({ latest: Array.from({ length: 100000 }, (_, i) => ({ id: `n${i}`, headline: `Headline ${i}` })) }), headline: "Headline 0", items: 50 },
];

let env;
let session;

before(async () => {
  env = await start();
  session = await openPage(env.browser, { viewport: { width: 1000, height: 800 } });
  await session.page.goto(env.url + PAGE);
  await settled(session.page);
});

after(async () => {
  await session?.context.close();
  await env?.close();
});

/** Loads `input` into a new widget holding fallback HTML; returns what it shows. */
async function feed(input) {
  const handle = await session.page.evaluateHandle(input);
  try {
    return await session.page.evaluate((data) => {
      const el = document.createElement("news-reel");
      el.setAttribute("mode", "list");
      el.innerHTML = '<p class="fallback">Fallback headlines</p>';
      document.getElementById("cases").append(el);
      const events = [];
      el.addEventListener("newsreel:error", (e) => events.push({ type: "error", message: e.detail.message }));
      el.addEventListener("newsreel:ready", (e) => events.push({ type: "ready", warnings: e.detail.warnings }));
      let threw = null;
      try {
        el.load(data);
      } catch (error) {
        threw = String(error);
      }
      const root = el.shadowRoot;
      const error = root.querySelector('[part="error"]');
      const view = {
        threw,
        events,
        state: el.getAttribute("state"),
        errorText: error && !error.hidden ? error.textContent : null,
        fallbackVisible: el.querySelector(".fallback").checkVisibility(),
        headline: root.querySelector('[part="headline"]')?.textContent ?? null,
        items: root.querySelectorAll('[part="item"]').length,
      };
      el.remove();
      return view;
    }, handle);
  } finally {
    await handle.dispose();
  }
}

/** The healthy widget still renders, and a click on a headline still opens it. */
async function assertHealthyStillWorks(round) {
  const { page } = session;
  const healthy = page.locator("#healthy");
  const pick = round % 2 === 0 ? 1 : 0;
  await healthy.locator('[part="item"] .pick').nth(pick).click();
  const shown = await page.evaluate(() => {
    const el = document.getElementById("healthy");
    return { state: el.getAttribute("state"), headline: el.shadowRoot.querySelector('[part="headline"]').textContent };
  });
  assert.deepEqual(shown, { state: "ready", headline: pick === 1 ? "Healthy second" : "Healthy first" });
}

test("each malformed input gives the error state with a message saying what and where", async () => {
  let round = 0;
  for (const c of ERRORS) {
    const view = await feed(c.input);
    assert.equal(view.threw, null, `${c.name}: load() threw`);
    assert.equal(view.state, "error", c.name);
    assert.match(view.errorText ?? "", c.message, `${c.name}: the error part`);
    const errors = view.events.filter((e) => e.type === "error");
    assert.equal(errors.length, 1, `${c.name}: one newsreel:error`);
    assert.match(errors[0].message, c.message, `${c.name}: the event's message`);
    assert.ok(view.fallbackVisible, `${c.name}: the host's fallback stays visible`);
    await assertHealthyStillWorks(round++);
  }
  assert.deepEqual(session.problems.pageErrors, []);
});

test("documented recoveries render instead of failing", async () => {
  let round = 0;
  for (const c of RECOVERIES) {
    const view = await feed(c.input);
    assert.equal(view.threw, null, `${c.name}: load() threw`);
    assert.equal(view.state, "ready", `${c.name}: ${view.errorText}`);
    assert.equal(view.headline, c.headline, c.name);
    assert.ok(!view.fallbackVisible, `${c.name}: the fallback gives way to the widget`);
    if (c.items) assert.equal(view.items, c.items, `${c.name}: the ticker keeps max-items`);
    if (c.warning) {
      const ready = view.events.find((e) => e.type === "ready");
      assert.ok(ready.warnings.some((w) => c.warning.test(w)), `${c.name}: warnings ${JSON.stringify(ready.warnings)}`);
    }
    await assertHealthyStillWorks(round++);
  }
  assert.deepEqual(session.problems.pageErrors, []);
});

test("JSON cut short by an unescaped </script> in the page: error, and the fallback stays", async () => {
  const view = await session.page.evaluate(() => {
    const el = document.getElementById("cut-by-script-end");
    return {
      state: el.getAttribute("state"),
      error: el.shadowRoot.querySelector('[part="error"]').textContent,
      fallbackVisible: el.querySelector(".fallback").checkVisibility(),
    };
  });
  assert.equal(view.state, "error");
  assert.match(view.error, /invalid JSON at line 1, column \d+: EOF while parsing a string/);
  assert.ok(view.fallbackVisible);
  await assertHealthyStillWorks(0);
});

test("hostile attribute values change nothing but what they name", async () => {
  const { page } = session;
  const result = await page.evaluate(() => {
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "list");
    document.getElementById("cases").append(el);
    el.load({ latest: [{ id: "a", headline: "A", url: "/a" }, { id: "b", headline: "B" }] });
    const seen = [];
    const attributes = [
      ["max-items", "-5"], ["max-items", "1e999"], ["max-items", "NaN"], ["speed", "-1e308"], ["interval", "0"],
      ["heading-level", "99"], ["heading-level", "<script>alert(1)</script>"], ["mode", "\u0000"], ["mode", "slide"],
      ["lang", "\u0000x-invalid-<>"], ["dir", "sideways"], ["label", "<img src=x onerror=alert(1)>"],
      ["target", "javascript:alert(1)"], ["images", "NONE"], ["relative-dates", "maybe"],
    ];
    for (const [name, value] of attributes) {
      el.setAttribute(name, value);
      seen.push(`${name}=${el.getAttribute("state")}`);
    }
    const root = el.shadowRoot;
    return {
      seen,
      label: root.querySelector(".label").textContent,
      labelMarkup: root.querySelector(".label").children.length,
      headlineTag: root.querySelector('[part="headline"]').localName,
      link: root.querySelector('[part="link"]').getAttribute("target"),
    };
  });
  assert.ok(result.seen.every((s) => s.endsWith("=ready")), result.seen.join(", "));
  assert.equal(result.label, "<img src=x onerror=alert(1)>");
  assert.equal(result.labelMarkup, 0);
  assert.match(result.headlineTag, /^h[1-6]$/);
  // A target is a browsing-context name, never a URL: a "javascript:" one is just a name.
  assert.equal(result.link, "javascript:alert(1)");

  const source = await page.evaluate(async () => {
    const el = document.createElement("news-reel");
    document.getElementById("cases").append(el);
    const states = [];
    for (const selector of ["#[bad", "#nothing-here", "script:not(", ""]) {
      el.setAttribute("source", selector);
      // Missing data is reported once the task that set the source is over.
      await new Promise((r) => setTimeout(r, 20));
      states.push([el.getAttribute("state"), el.shadowRoot.querySelector('[part="error"]').textContent]);
    }
    return states;
  });
  assert.match(source[0][1], /source "#\[bad" is not a valid selector/);
  assert.match(source[1][1], /source "#nothing-here" matches no element on the page/);
  assert.ok(source.every(([state]) => state === "error"));
  await assertHealthyStillWorks(1);
  assert.deepEqual(session.problems.pageErrors, []);
});

test("host listeners may call back into the element from its own events", async () => {
  const { page } = session;
  const result = await page.evaluate(() => {
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "slide");
    document.getElementById("cases").append(el);
    const good = { latest: [{ id: "a", headline: "A" }, { id: "b", headline: "B" }, { id: "c", headline: "C" }] };
    let readies = 0;
    let selects = 0;
    el.addEventListener("newsreel:error", () => el.load(good));
    el.addEventListener("newsreel:ready", () => {
      if (readies++ < 3) {
        el.select("b");
        el.pause();
        el.play();
        el.next();
        el.load({ latest: [...good.latest, { id: `d${readies}`, headline: `D${readies}` }] });
      }
    });
    el.addEventListener("newsreel:select", () => {
      if (selects++ < 3) {
        // Synchronously clicks another headline while the widget handles one.
        el.shadowRoot.querySelectorAll('[part="item"] .pick')[2].click();
        el.select("a");
      }
    });
    let threw = null;
    try {
      el.load("{ not json");
      el.shadowRoot.querySelector('[part="item"] .pick').click();
    } catch (error) {
      threw = String(error);
    }
    return {
      threw,
      readies,
      selects,
      state: el.getAttribute("state"),
      items: el.articles.map((a) => a.id),
      headline: el.shadowRoot.querySelector('[part="headline"]').textContent,
    };
  });
  assert.equal(result.threw, null);
  assert.equal(result.state, "ready");
  assert.deepEqual(result.items, ["a", "b", "c", "d3"]);
  assert.equal(result.headline, "A", "the last click opened the first headline");
  assert.ok(result.readies >= 4 && result.selects >= 4, JSON.stringify(result));
  assert.deepEqual(session.problems.pageErrors, []);
  const internal = session.problems.consoleErrors.filter((m) => /recursive|unreachable|stopped|internal error/.test(m));
  assert.deepEqual(internal, []);
  await assertHealthyStillWorks(0);
});

test("a widget that traps reports an error; the others keep working", async () => {
  const { page } = session;
  // The element class of crates/newsreel/src/element.js around stand-in widgets whose
  // calls fail the way a WebAssembly trap does.
  const result = await page.evaluate(async () => {
    const { defineElement } = await import("/crates/newsreel/src/element.js");
    // Stand-ins for the Rust widget: connecting works, load() and articles trap.
    const trap = () => { throw new WebAssembly.RuntimeError("unreachable"); };
    defineElement("trapping-reel", {
      create: (host) => ({
        connected() { host.attachShadow({ mode: "open" }).innerHTML = '<p part="error" hidden></p><slot></slot>'; },
        load: trap,
        get articles() { return trap(); },
      }),
    });
    defineElement("unborn-reel", { create: () => { throw new WebAssembly.RuntimeError("memory access out of bounds"); } });
    const events = [];
    const trapping = document.createElement("trapping-reel");
    const unborn = document.createElement("unborn-reel");
    for (const el of [trapping, unborn]) {
      el.innerHTML = '<p class="fallback">Fallback</p>';
      el.addEventListener("newsreel:error", (e) => events.push(e.detail.message));
      document.getElementById("cases").append(el);
    }

    const threw = [];
    for (const call of [() => trapping.load("{}"), () => trapping.load("{}"), () => trapping.articles, () => unborn.load("{}"), () => unborn.select("x")]) {
      try { call(); } catch (error) { threw.push(String(error)); }
    }
    // A real widget created after the failures still works.
    const fresh = document.createElement("news-reel");
    document.getElementById("cases").append(fresh);
    fresh.load({ latest: [{ id: "f", headline: "Fresh" }] });
    const view = (el) => ({
      state: el.getAttribute("state"),
      error: el.shadowRoot?.querySelector('[part="error"]')?.textContent ?? null,
      fallbackVisible: el.querySelector(".fallback")?.checkVisibility() ?? null,
    });
    return {
      threw,
      events,
      articles: trapping.articles,
      trapping: view(trapping),
      unborn: view(unborn),
      fresh: { state: fresh.getAttribute("state"), headline: fresh.shadowRoot.querySelector('[part="headline"]').textContent },
    };
  });
  assert.deepEqual(result.threw, []);
  assert.deepEqual(result.trapping, { state: "error", error: "the widget stopped: unreachable", fallbackVisible: true });
  assert.deepEqual(result.unborn, { state: "error", error: "the widget stopped: memory access out of bounds", fallbackVisible: true });
  assert.deepEqual(result.articles, []);
  // The unborn one fails as it connects, before the other's load() traps.
  assert.deepEqual(result.events, ["the widget stopped: memory access out of bounds", "the widget stopped: unreachable"]);
  assert.deepEqual(result.fresh, { state: "ready", headline: "Fresh" });
  assert.deepEqual(session.problems.pageErrors, []);
  await assertHealthyStillWorks(1);
});
