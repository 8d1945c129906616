// The npm package in a React 19 app and in a Vue 3 app (tests/e2e/consumers/
// react and vue, installed by `make consumers`): each type-checks strictly
// against the package's JSX and template typings, is built by Vite and run in
// Chromium, where it renders the seed news, hears newsreel:ready and
// newsreel:select, changes a prop, and mounts and unmounts the widget many
// times without a leak (measured as tests/e2e/lifetime.test.mjs does: DOM
// nodes, listeners and wasm memory back at their baseline, and no removed
// element left alive).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, settled, ROOT, SCREENSHOTS } from "./browser.mjs";
import { serve } from "../../tools/serve.mjs";
import { APP, npmRun } from "./consumers.mjs";

const seed = JSON.parse(readFileSync(ROOT + "tests/fixtures/seed.json", "utf8"));


let env;
const servers = [];
before(async () => { env = await start(); });
after(async () => {
  for (const server of servers) server.close();
  await env?.close();
});

test("the React app and its type tests check with tsc (react-jsx, strict), misuse refused", async () => {
  // typecheck/react/misuse.tsx holds @ts-expect-error lines: a directive
  // with no error under it fails the check.
  await npmRun("typecheck:react");
});

test("the Vue app and its type tests check with vue-tsc (strict, strictTemplates), misuse refused", async () => {
  // typecheck/vue/Misuse.vue holds @vue-expect-error and @ts-expect-error lines.
  await npmRun("typecheck:vue");
});

/**
 * Calls `fn` on every object in the page whose prototype is what
 * `prototype` evaluates to (after a garbage collection), and returns its
 * result: a way to count what is still alive, whoever holds it.
 */
async function onInstances(cdp, prototype, fn) {
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: prototype });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: fn.toString(),
    returnByValue: true,
  });
  await cdp.send("Runtime.releaseObject", { objectId: objects.objectId });
  await cdp.send("Runtime.releaseObject", { objectId: proto.objectId });
  return result.value;
}

/** What a leak would make grow, after three garbage collections. */
async function counters(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
  // The app's bundle keeps the wasm module to itself: its memory is found
  // among the page's objects instead.
  const memories = await onInstances(cdp, "WebAssembly.Memory.prototype", function () {
    return this.map((memory) => memory.buffer.byteLength);
  });
  assert.equal(memories.length, 1, `wasm memories: ${memories}`);
  // Every <news-reel> element still alive, in the page or not.
  const elements = await onInstances(cdp, "customElements.get('news-reel').prototype", function () {
    return this.map((element) => element.isConnected);
  });
  return { nodes, listeners: jsEventListeners, memory: memories[0], elements };
}

/** What the app and its widget show. */
function view(page) {
  return page.evaluate(() => {
    const reel = document.querySelector("news-reel");
    const root = reel?.shadowRoot;
    return {
      state: reel?.getAttribute("state") ?? null,
      label: root?.querySelector("#nr-label")?.textContent ?? null,
      items: root ? [...root.querySelectorAll('[part="item"]')].map((i) => i.textContent) : [],
      headline: root?.querySelector('[part="headline"]')?.textContent ?? null,
      ready: document.querySelector("#ready").textContent,
      readies: Number(document.querySelector("#readies").textContent),
      opened: document.querySelector("#opened").textContent,
    };
  });
}

/** Builds one app with Vite, serves it and checks what a reader sees and does. */
async function checkApp(name, label) {
  await npmRun("build:" + name);
  const site = await serve(APP + "build/" + name);
  servers.push(site.server);

  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1000, height: 900 } });
  const cdp = await context.newCDPSession(page);
  await page.goto(site.url + "/");
  await settled(page);

  // Rendered with the attributes the app set: a static list of five.
  const first = await view(page);
  assert.equal(first.state, "ready");
  assert.equal(first.label, label);
  assert.equal(first.items.length, 5);
  first.items.forEach((text, i) => assert.ok(text.includes(seed.latest[i].headline), text));
  assert.equal(first.headline, seed.article.headline);
  // newsreel:ready reached the app, once, with its detail.
  const count = seed.latest.length + 1;
  assert.equal(first.ready, `${count} articles, 5 shown`);
  assert.equal(first.readies, 1);

  // The `strings` property the app set. The element gains it on main; until
  // then React writes an attribute and Vue's .prop an own property, and
  // nothing is checked here.
  const strings = await page.evaluate(() => {
    const reel = document.querySelector("news-reel");
    if (!("strings" in customElements.get("news-reel").prototype)) return null;
    return { prev: reel.strings.prev, next: reel.strings.next, attribute: reel.getAttribute("strings") };
  });
  if (strings) assert.deepEqual(strings, { prev: "Previous story", next: "Next story", attribute: null });

  // A click on a headline opens it, and the app shows newsreel:select's id.
  const chosen = 3;
  const expectedId = await page.evaluate(
    (headline) => document.querySelector("news-reel").articles.find((a) => a.headline === headline)?.id,
    seed.latest[chosen].headline,
  );
  assert.ok(expectedId);
  await page.locator("news-reel").locator('[part="item"] .pick').nth(chosen).click();
  await page.waitForFunction((id) => document.querySelector("#opened").textContent === id, expectedId, { timeout: 5000 });
  assert.equal((await view(page)).headline, seed.latest[chosen].headline);
  await page.screenshot({ path: `${SCREENSHOTS}${name}-app.png` });

  // The prop-change button: max-items 5 → 2 re-renders the ticker in place.
  await page.locator("#max-items").click();
  await page.waitForFunction(() => document.querySelector("news-reel").shadowRoot.querySelectorAll('[part="item"]').length === 2, null, { timeout: 5000 });
  const fewer = await view(page);
  assert.deepEqual(fewer.items.map((text, i) => text.includes(seed.latest[i].headline)), [true, true]);
  assert.equal(fewer.ready, `${count} articles, 2 shown`);
  await page.locator("#max-items").click();
  await page.waitForFunction(() => document.querySelector("news-reel").shadowRoot.querySelectorAll('[part="item"]').length === 5, null, { timeout: 5000 });

  // Unmount and mount through the app's button, as a reader toggling the
  // box would. Each mount is a new element that must render and report
  // ready; each unmount leaves the widget to be freed at the end of the task.
  await page.evaluate(() => {
    const task = () => new Promise((done) => setTimeout(done, 0));
    const until = async (what, done) => {
      for (let i = 0; !done(); i++) {
        if (i > 2000) throw new Error(`never ${what}`);
        await task();
      }
    };
    window.cycles = async (n) => {
      const toggle = document.getElementById("toggle");
      const readies = () => Number(document.getElementById("readies").textContent);
      for (let i = 0; i < n; i++) {
        toggle.click();
        await until("unmounted", () => !document.querySelector("news-reel"));
        await task();
        await task();
        const before = readies();
        toggle.click();
        await until("mounted and ready", () => document.querySelector("news-reel")?.getAttribute("state") === "ready" && readies() > before);
        const items = document.querySelector("news-reel").shadowRoot.querySelectorAll('[part="item"]').length;
        if (items !== 5) throw new Error(`cycle ${i}: ${items} items`);
      }
    };
  });
  await page.evaluate(() => window.cycles(5));
  const baseline = await counters(cdp);
  await page.evaluate(() => window.cycles(50));
  const later = await counters(cdp);
  // A removed widget that was never freed keeps about 90 nodes, 2 listeners
  // and 8 KB of wasm memory (measured by skipping widget.free()): fifty
  // would show here many times over.
  assert.ok(later.nodes <= baseline.nodes + 100, `DOM nodes ${baseline.nodes} → ${later.nodes}`);
  assert.ok(later.listeners <= baseline.listeners, `listeners ${baseline.listeners} → ${later.listeners}`);
  assert.equal(later.memory, baseline.memory, `wasm memory ${baseline.memory} → ${later.memory} bytes`);
  // The one mounted element is the only one alive: neither the framework
  // nor the widget holds on to a removed one.
  assert.deepEqual(baseline.elements, [true]);
  assert.deepEqual(later.elements, [true]);
  const last = await view(page);
  assert.equal(last.state, "ready");
  assert.equal(last.items.length, 5);

  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
}

test("React 19 app, built by Vite: renders, hears ready and select, updates a prop, mounts and unmounts 55 times without a leak", async () => {
  await checkApp("react", "Latest news, in React");
});

test("Vue 3 app, built by Vite: renders, hears ready and select, updates a prop, mounts and unmounts 55 times without a leak", async () => {
  await checkApp("vue", "Latest news, in Vue");
});
