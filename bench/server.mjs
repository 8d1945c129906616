// `make bench`, server rendering: first paint and the time to the first
// headline on screen for the demo page rendered by the client
// (www/index.html) and by the server (www/server.html, `newsreel render`),
// with the wasm held back by a throttled network (WASM_DELAY_MS, default
// 1000 ms) and a 4× slower CPU. Pages alternate run by run. Writes
// target/bench/server.json and prints a table of medians.
import { start, openPage } from "../tests/e2e/browser.mjs";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const DELAY = Number(process.env.WASM_DELAY_MS) || 1000;
const PAGES = { client: "/www/index.html", server: "/www/server.html" };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One load: first contentful paint, and when a headline's title first has a box on screen. */
async function measure(browser, url) {
  const { page, context } = await openPage(browser, { viewport: { width: 1100, height: 900 } });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.route("**/newsreel_bg.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, DELAY));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__firstHeadline = null;
    const look = () => {
      const title = document.querySelector("news-reel")?.shadowRoot?.querySelector('[part~="item"] .title');
      if (title && title.getClientRects().length > 0) window.__firstHeadline = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstHeadline !== null && document.querySelector("news-reel")?.getAttribute("state") === "ready", null, { timeout: 30000 });
  const result = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    firstHeadline: window.__firstHeadline,
  }));
  await context.close();
  return result;
}

const env = await start();
const samples = { client: [], server: [] };
for (let run = 0; run < RUNS + 1; run++) {
  for (const [name, path] of Object.entries(PAGES)) {
    const result = await measure(env.browser, env.url + path);
    if (run > 0) samples[name].push(result); // the first round warms up
  }
}
await env.close();

const summary = {};
for (const [name, list] of Object.entries(samples)) {
  summary[name] = {
    firstPaintMs: median(list.map((r) => r.firstPaint)),
    firstHeadlineMs: median(list.map((r) => r.firstHeadline)),
  };
}
const ratio = (key) => summary.server[key] / summary.client[key];
mkdirSync(ROOT + "target/bench", { recursive: true });
writeFileSync(ROOT + "target/bench/server.json", JSON.stringify({ runs: RUNS, wasmDelayMs: DELAY, cpuSlowdown: 4, summary, samples }, null, 2));
const row = (label, key) =>
  `| ${label} | ${summary.client[key].toFixed(0)} ms | ${summary.server[key].toFixed(0)} ms | ${ratio(key).toFixed(2)}× |`;
console.log(`\nServer rendering (median of ${RUNS} runs; wasm delayed ${DELAY} ms, CPU 4× slower)\n`);
console.log("| measure | client-rendered | server-rendered | server / client |");
console.log("| --- | ---: | ---: | ---: |");
console.log(row("first contentful paint", "firstPaintMs"));
console.log(row("first headline on screen", "firstHeadlineMs"));
