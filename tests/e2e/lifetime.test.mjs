// A widget's lifetime and its failures, end to end in headless Chromium:
// - a widget removed from the page frees what it held (DOM nodes, wasm
//   memory), over many mount/unmount cycles as a single-page app makes them;
// - a re-inserted element renders again as it was;
// - a panic stops only its own widget, the module starts a fresh instance,
//   and the other widgets go on working in it, a thousand times over;
// - a host page whose DOM methods throw puts thousands of widgets in their
//   error state without throwing anything into the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, settled } from "./browser.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env.close();
});

/** An article list in our format, built in the page (none of it crosses the wire). */
function makeData(count) {
  const latest = [];
  for (let i = 0; i < count; i++) {
    latest.push({
      id: `a${i}`,
      headline: `Headline number ${i}`,
      url: `https://news.example.test/${i}`,
      datePublished: new Date(Date.UTC(2026, 0, 1) - i * 3600e3).toISOString(),
      articleBody: `<p>The body of article ${i}, with a <a href="https://news.example.test/${i}/more">link</a>.</p>`,
    });
  }
  return JSON.stringify({ latest });
}

async function soakPage() {
  const session = await openPage(env.browser);
  const cdp = await session.context.newCDPSession(session.page);
  await session.page.goto(env.url + "/tests/e2e/pages/lifetime/soak.html");
  await session.page.waitForFunction(() => window.started === true);
  await session.page.evaluate(`window.data = (${makeData})(1000);`);
  // One cycle: mount a 1,000-article widget, check it rendered, unmount it,
  // and let the task end (the widget is freed once it has not come back).
  await session.page.evaluate(() => {
    const task = () => new Promise((done) => setTimeout(done, 0));
    window.cycles = async (n) => {
      const app = document.getElementById("app");
      for (let i = 0; i < n; i++) {
        const el = document.createElement("news-reel");
        el.setAttribute("max-items", "1000");
        el.setAttribute("mode", "list");
        app.append(el);
        el.load(window.data);
        const items = el.shadowRoot.querySelectorAll('[part="item"]').length;
        if (el.getAttribute("state") !== "ready" || items !== 1000) {
          throw new Error(`cycle ${i}: state ${el.getAttribute("state")}, ${items} items`);
        }
        el.remove();
        await task();
        await task();
      }
    };
  });
  const counters = async () => {
    for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    const memory = await session.page.evaluate(() => window.wasmMemoryBytes());
    return { nodes, listeners: jsEventListeners, memory };
  };
  return { ...session, counters };
}

test("200 mount/unmount cycles of a 1,000-article widget leave DOM nodes and wasm memory at their baseline", async () => {
  const { page, problems, counters, context } = await soakPage();
  await page.evaluate(() => window.cycles(5));
  const baseline = await counters();
  await page.evaluate(() => window.cycles(200));
  const after = await counters();
  // One widget holds about 11,000 nodes (1,000 entries and their loop copy):
  // a leak of even one widget would show many thousands.
  assert.ok(after.nodes <= baseline.nodes + 100, `DOM nodes ${baseline.nodes} → ${after.nodes}`);
  assert.ok(after.listeners <= baseline.listeners, `listeners ${baseline.listeners} → ${after.listeners}`);
  assert.equal(after.memory, baseline.memory, `wasm memory ${baseline.memory} → ${after.memory} bytes`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("widgets polling a feed by src stop when removed: no request, timer or node is left behind", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await context.clock.install();
  const cdp = await context.newCDPSession(page);
  await page.goto(env.url + "/tests/e2e/pages/lifetime/soak.html");
  await page.waitForFunction(() => window.started === true);
  const FEED = "/tests/e2e/pages/lifetime/feed.xml";
  let requests = 0;
  page.on("request", (r) => { if (r.url().endsWith(FEED)) requests++; });
  const cycles = (n) => page.evaluate(async ({ n, FEED }) => {
    const task = () => new Promise((done) => setTimeout(done, 0));
    for (let i = 0; i < n; i++) {
      const el = document.createElement("news-reel");
      el.setAttribute("src", FEED);
      el.setAttribute("refresh", "5");
      const ready = new Promise((done) => el.addEventListener("newsreel:ready", done, { once: true }));
      document.getElementById("app").append(el);
      await ready;
      el.remove();
      await task();
      await task();
    }
  }, { n, FEED });
  const counters = async () => {
    for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    return { nodes, listeners: jsEventListeners, memory: await page.evaluate(() => window.wasmMemoryBytes()) };
  };
  await cycles(3);
  const baseline = await counters();
  await cycles(50);
  const after = await counters();
  assert.ok(after.nodes <= baseline.nodes + 100, `DOM nodes ${baseline.nodes} → ${after.nodes}`);
  assert.ok(after.listeners <= baseline.listeners, `listeners ${baseline.listeners} → ${after.listeners}`);
  assert.equal(after.memory, baseline.memory, `wasm memory ${baseline.memory} → ${after.memory} bytes`);
  assert.equal(requests, 53, "one request per widget");
  // A minute later, none of the 53 removed widgets has polled.
  await context.clock.fastForward(60_000);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(requests, 53, "no removed widget polls");
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("an element re-inserted after its widget was freed renders its data and its open article again", async () => {
  const { page, problems, context } = await soakPage();
  const result = await page.evaluate(async () => {
    const task = () => new Promise((done) => setTimeout(done, 0));
    const el = document.createElement("news-reel");
    el.setAttribute("mode", "list");
    document.getElementById("app").append(el);
    el.load(window.data);
    el.select("a7");
    el.remove();
    await task();
    await task();
    const readies = [];
    el.addEventListener("newsreel:ready", (e) => readies.push(e.detail.count));
    document.getElementById("app").append(el);
    // A move within one task keeps the widget as it is.
    el.remove();
    document.getElementById("app").append(el);
    return {
      state: el.getAttribute("state"),
      items: el.shadowRoot.querySelectorAll('[part="item"]').length,
      headline: el.shadowRoot.querySelector('[part="headline"]').textContent,
      current: el.shadowRoot.querySelector('[aria-current="true"]')?.dataset.id ?? null,
      readies,
      articles: el.articles.length,
    };
  });
  assert.deepEqual(result, {
    state: "ready",
    items: 50,
    headline: "Headline number 7",
    current: "a7",
    readies: [1000],
    articles: 50,
  });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** The healthy widget of traps.html still renders, pauses and opens articles. */
async function assertHealthy(page) {
  const healthy = page.locator("#healthy");
  const before = await page.evaluate(() => {
    const el = document.getElementById("healthy");
    return { state: el.getAttribute("state"), items: el.shadowRoot.querySelectorAll('[part="item"]').length, paused: el.paused };
  });
  assert.deepEqual(before, { state: "ready", items: 2, paused: false });
  await healthy.locator('[part="pause"]').click();
  await healthy.locator('[part="item"] .pick').nth(1).click();
  const after = await page.evaluate(() => {
    const el = document.getElementById("healthy");
    const root = el.shadowRoot;
    return {
      paused: el.paused,
      pauseLabel: root.querySelector('[part="pause"]').textContent,
      headline: root.querySelector('[part="headline"]').textContent,
      body: root.querySelector('[part="body"]').textContent,
    };
  });
  assert.deepEqual(after, { paused: true, pauseLabel: "Play", headline: "Healthy second, just as long, so that there is a pause control to press", body: "Second body." });
  // And a widget made now works as well.
  const fresh = await page.evaluate(() => {
    const el = document.createElement("news-reel");
    document.getElementById("cases").append(el);
    el.load({ latest: [{ id: "f", headline: "Fresh", articleBody: "Fresh body." }] });
    return { state: el.getAttribute("state"), headline: el.shadowRoot?.querySelector('[part="headline"]')?.textContent ?? el.shadowRoot?.innerHTML };
  });
  assert.deepEqual(fresh, { state: "ready", headline: "Fresh" });
}

test("1,000 panics: each stops only its own widget, and the others keep working in a fresh instance", async () => {
  const { page, problems, context } = await openPage(env.browser);
  await page.goto(env.url + "/tests/e2e/pages/lifetime/traps.html");
  await settled(page, "#healthy");
  const result = await page.evaluate(() => {
    const cases = document.getElementById("cases");
    const messages = new Set();
    let events = 0;
    for (let i = 0; i < 1000; i++) {
      const el = document.createElement("news-reel");
      el.setAttribute("test-panic", "");
      el.innerHTML = '<p class="fallback">Fallback</p>';
      el.addEventListener("newsreel:error", (e) => {
        events++;
        messages.add(e.detail.message);
      });
      cases.append(el);
      if (el.getAttribute("state") !== "error") return { failedAt: i, state: el.getAttribute("state") };
      // Keep the page small: the failed widgets are not what is measured.
      if (i % 100 === 99) cases.textContent = "";
    }
    return { events, messages: [...messages] };
  });
  assert.equal(result.events, 1000, JSON.stringify(result));
  assert.equal(result.messages.length, 1);
  assert.match(result.messages[0], /^the widget stopped: internal error: panicked at .*a panic forced by the test hook/s);
  // The text a reader sees starts in the widget's language, as every error's does.
  const shown = await page.evaluate(() => {
    const el = document.createElement("news-reel");
    el.setAttribute("test-panic", "");
    el.setAttribute("lang", "ru");
    document.getElementById("cases").append(el);
    return el.shadowRoot.querySelector('[part="error"]').textContent;
  });
  assert.match(shown, /^Не удалось показать новости: the widget stopped: internal error: panicked at /);
  await assertHealthy(page);
  assert.deepEqual(problems.pageErrors, []);
  // The panic is logged once, not once per widget.
  assert.equal(problems.consoleErrors.filter((m) => /a panic forced/.test(m)).length, 1, problems.consoleErrors.join("\n"));
  await context.close();
});

test("5,000 widgets whose browser calls the host page makes throw: each shows its error, nothing reaches the page", async () => {
  const { page, problems, context } = await openPage(env.browser);
  await page.goto(env.url + "/tests/e2e/pages/lifetime/traps.html");
  await settled(page, "#healthy");
  const result = await page.evaluate(() => {
    const uncaught = [];
    window.addEventListener("error", (e) => uncaught.push(String(e.message)));
    const original = Element.prototype.setAttribute;
    // A host page's hook: no setAttribute inside a `hostile` widget.
    Element.prototype.setAttribute = function (name, value) {
      const root = this.getRootNode();
      if (root instanceof ShadowRoot && root.host.hasAttribute("hostile")) throw new Error("setAttribute refused by the page");
      return original.call(this, name, value);
    };
    const cases = document.getElementById("cases");
    const states = {};
    const messages = new Set();
    try {
      for (let i = 0; i < 5000; i++) {
        const el = document.createElement("news-reel");
        el.setAttribute("hostile", "");
        el.innerHTML = '<script type="application/json">{"latest":[{"headline":"Never shown"}]}</script>';
        el.addEventListener("newsreel:error", (e) => messages.add(e.detail.message));
        cases.append(el);
        const state = el.getAttribute("state");
        states[state] = (states[state] ?? 0) + 1;
        if (i % 500 === 499) cases.textContent = "";
      }
    } finally {
      Element.prototype.setAttribute = original;
    }
    cases.textContent = "";
    return { states, messages: [...messages], uncaught };
  });
  assert.deepEqual(result.states, { error: 5000 });
  assert.deepEqual(result.messages, ["the page refused a change to the widget (setAttribute refused by the page)"]);
  assert.deepEqual(result.uncaught, []);
  await assertHealthy(page);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
