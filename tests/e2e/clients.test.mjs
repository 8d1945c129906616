// The npm package the way its users meet it: packed by `npm pack`, installed
// from the tarball into a small app (tests/e2e/consumers, installed by
// `make consumers`), bundled by Vite and by esbuild, type-checked by tsc with
// the app's own TypeScript, and run in Chromium from a static server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, readFileSync } from "node:fs";
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

test("the app has the packed package installed, as current as pkg/", () => {
  const installed = APP + "node_modules/newsreel/";
  // A real directory from the tarball, not a link into the source tree.
  assert.ok(lstatSync(installed).isDirectory(), "node_modules/newsreel is missing: run `make consumers`");
  assert.ok(!lstatSync(installed).isSymbolicLink());
  for (const file of ["package.json", "index.js", "newsreel_bg.wasm"]) {
    assert.ok(
      readFileSync(installed + file).equals(readFileSync(ROOT + "pkg/" + file)),
      `node_modules/newsreel/${file} differs from pkg/${file}: run \`make consumers\``,
    );
  }
});

test("the app's TypeScript type-checks against the shipped declarations, misuse refused", async () => {
  // Strict mode; typecheck/misuse.ts holds @ts-expect-error lines, which fail
  // the check if the declarations ever accept what they should refuse.
  await npmRun("typecheck:ts");
});

/**
 * Builds the app with one bundler, serves the output folder as a site root
 * and checks what a reader sees and does.
 */
async function checkBuild(bundler) {
  await npmRun("build:" + bundler);
  const site = await serve(APP + "build/" + bundler);
  servers.push(site.server);

  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1000, height: 900 } });
  const wasm = [];
  page.on("response", (r) => { if (new URL(r.url()).pathname.endsWith(".wasm")) wasm.push(r); });
  await page.goto(site.url + "/");
  await settled(page);

  const view = await page.evaluate(() => {
    const root = document.querySelector("news-reel").shadowRoot;
    return {
      state: document.querySelector("news-reel").getAttribute("state"),
      items: [...root.querySelectorAll('[part="item"]')].map((i) => i.textContent),
      headline: root.querySelector('[part="headline"]').textContent,
      paragraphs: [...root.querySelectorAll('[part="body"] p')].map((p) => p.textContent),
    };
  });
  assert.equal(view.state, "ready");
  assert.equal(view.items.length, seed.latest.length);
  seed.latest.forEach((article, i) => assert.ok(view.items[i].includes(article.headline), view.items[i]));
  assert.equal(view.headline, seed.article.headline);
  assert.deepEqual(view.paragraphs, seed.article.articleBody);

  // The module found its .wasm where the bundler put it, served as wasm.
  assert.equal(wasm.length, 1);
  assert.equal(wasm[0].status(), 200);
  assert.equal(wasm[0].headers()["content-type"], "application/wasm");

  // A click on a headline opens it and the app hears newsreel:select.
  // `articles` lists every article the element holds, as index.d.ts types them.
  const articles = await page.evaluate(() => document.querySelector("news-reel").articles.map((a) => ({
    id: a.id, headline: a.headline, url: a.url === null ? "null" : a.url,
    datePublished: a.datePublished === null ? "null" : a.datePublished,
  })));
  for (const a of articles) {
    assert.equal(typeof a.id, "string");
    assert.equal(typeof a.headline, "string");
    assert.ok(a.url === "null" || /^https?:/.test(a.url), `url ${a.url}`);
    assert.match(a.datePublished, /^(null|\d{4}-\d\d-\d\d(T.*)?)$/);
  }
  const chosen = 3;
  const expectedId = articles.find((a) => a.headline === seed.latest[chosen].headline)?.id;
  assert.ok(expectedId);
  await page.locator("news-reel").locator('[part="item"] .pick').nth(chosen).click();
  await page.waitForFunction((id) => document.querySelector("#opened").dataset.id === id, expectedId, { timeout: 5000 });
  const opened = await page.evaluate(() => ({
    headline: document.querySelector("news-reel").shadowRoot.querySelector('[part="headline"]').textContent,
    output: document.querySelector("#opened").value,
  }));
  assert.equal(opened.headline, seed.latest[chosen].headline);
  assert.equal(opened.output, expectedId);
  await page.screenshot({ path: `${SCREENSHOTS}${bundler}-article.png` });

  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
  return wasm[0].url();
}

test("Vite 7 build, no plugin: renders the seed news and opens a clicked headline", async () => {
  const wasmUrl = await checkBuild("vite");
  // Vite emits the .wasm as a hashed asset of its own.
  assert.match(new URL(wasmUrl).pathname, /^\/assets\/newsreel_bg-[\w-]+\.wasm$/);
});

test("esbuild build, .wasm copied beside the bundle: renders the seed news and opens a clicked headline", async () => {
  const wasmUrl = await checkBuild("esbuild");
  assert.equal(new URL(wasmUrl).pathname, "/newsreel_bg.wasm");
});

test("esbuild build, .wasm kept elsewhere and passed as defineNewsReel({ wasmUrl })", async () => {
  const wasmUrl = await checkBuild("wasm-url");
  assert.equal(new URL(wasmUrl).pathname, "/static/newsreel_bg.wasm");
});
