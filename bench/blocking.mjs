// What the widget costs the page's main thread on a phone: the seed demo page
// (www/index.html) with and without its one script tag, in headless Chromium
// at a 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate) on a 1.6 Mbit/s
// link with 150 ms of latency, a fresh context (empty caches) per run. For
// each load: the long tasks (PerformanceObserver, buffered) until the widget
// is ready and a second of quiet has passed, their blocking time (the time
// of each beyond 50 ms) and the longest; then what the widget adds, with
// against without, medians of the runs. The page's layout shift is read too.
//
// The waiting is the same on both sides, and asks CDP's Runtime.evaluate
// (Playwright's own waiting compiles a script into the page: a long task of
// its own at 4×). Writes target/bench/blocking.json; prints a table.
// BENCH_RUNS (default 5); BENCH_DIST serves /www/dist/ from another build's
// directory, to set one build against another.
import { chromium } from "../tools/node_modules/playwright-core/index.mjs";
import { mkdirSync, writeFileSync } from "node:fs";
import { serve } from "../tools/serve.mjs";
import { readFile } from "node:fs/promises";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const PAGE = "/www/index.html";

const DIST = process.env.BENCH_DIST;
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };

// The same page without the widget's script: its fallback HTML stays.
async function handle(req, res) {
  const url = new URL(req.url, "http://localhost");
  if (DIST && url.pathname.startsWith("/www/dist/")) {
    const name = url.pathname.slice("/www/dist/".length);
    const body = await readFile(`${DIST}/${name}`);
    res.writeHead(200, { "content-type": TYPES[name.slice(name.lastIndexOf("."))], "cache-control": "no-store" }).end(body);
    return true;
  }
  if (url.pathname !== PAGE || !url.searchParams.has("without")) return false;
  const html = (await readFile(ROOT + PAGE.slice(1), "utf8")).replace(/<script type="module" src="dist\/newsreel\.js"><\/script>/, "");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
  return true;
}

function observe() {
  window.__longTasks = [];
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: "layout-shift", buffered: true });
}

async function load(browser, url, widget) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(observe);
  await page.goto(url + PAGE + (widget ? "" : "?without"), { waitUntil: "load" });
  const ask = async (expression) => (await cdp.send("Runtime.evaluate", { expression, returnByValue: true })).result.value;
  // Ready, or for the page without it, loaded: then a second of quiet.
  const done = widget ? `document.querySelector("news-reel")?.getAttribute("state") === "ready"` : `document.readyState === "complete"`;
  for (let waited = 0; !(await ask(done)); waited += 50) {
    if (waited > 60000) throw new Error("the widget did not get ready");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { tasks, shift } = await ask(`({ tasks: window.__longTasks, shift: window.__shift })`);
  await context.close();
  const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  return { blocking, longest, tasks: tasks.length, shift, durations: tasks.map((t) => Math.round(t.duration)) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { server, url } = await serve(ROOT, 0, () => ({ "cache-control": "no-store" }), handle);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const runs = { with: [], without: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    // Alternated, so that any drift of the machine falls on both sides.
    runs.without.push(await load(browser, url, false));
    runs.with.push(await load(browser, url, true));
  }
} finally {
  await browser.close();
  server.close();
}
const summary = (side) => ({
  blocking: median(runs[side].map((r) => r.blocking)),
  longest: median(runs[side].map((r) => r.longest)),
  tasks: median(runs[side].map((r) => r.tasks)),
  shift: median(runs[side].map((r) => r.shift)),
});
const result = {
  conditions: "seed demo page, 412 × 915, 4× CPU slowdown, 1.6 Mbit/s, 150 ms latency, cache disabled",
  runs: RUNS,
  with: summary("with"),
  without: summary("without"),
  samples: runs,
};
result.added = result.with.blocking - result.without.blocking;
mkdirSync(ROOT + "target/bench", { recursive: true });
writeFileSync(ROOT + "target/bench/blocking.json", JSON.stringify(result, null, 2) + "\n");
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`main thread, ${result.conditions}, median of ${RUNS}:`);
console.log(`  without the widget: blocking ${ms(result.without.blocking)}, longest task ${ms(result.without.longest)}, layout shift ${result.without.shift.toFixed(3)}`);
console.log(`  with the widget:    blocking ${ms(result.with.blocking)}, longest task ${ms(result.with.longest)}, layout shift ${result.with.shift.toFixed(3)}`);
console.log(`  added by the widget: ${ms(result.added)} of blocking (target ≤ 100 ms)`);
