// `make bench`: newsreel (dist/) against its vanilla-JS twin (bench/twin.js),
// in one headless Chromium, the two alternating run by run so that a busy
// moment of the machine hurts both alike. Writes target/bench/results.json,
// target/bench/table.md and target/bench/ratios.svg, and prints the table.
//
// BENCH_RUNS (default 15) sets the measured runs per implementation and
// measurement; WARMUP runs before them are not counted.
import { start } from "../tests/e2e/browser.mjs";
import { buildTwin } from "./build-twin.mjs";
import { ratioChart } from "./chart.mjs";
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = ROOT + "target/bench/";
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const WARMUP = 2;
const HEAP_RUNS = 5;
const MOTION_MS = 2000;
const IMPLS = ["newsreel", "twin"];
const FULL_BODIES = [2000, 5000];
const PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
const SEED_TEXT = readFileSync(ROOT + "tests/fixtures/seed.json", "utf8");
// The build measured: a copy of dist/ taken at the start, so that a rebuild
// while the benchmark runs (the repository is shared) cannot mix two builds.
const MEASURED = "target/bench/dist/";
const NEWSREEL_URL = "/" + MEASURED + "newsreel.js";

const log = (...parts) => console.error("bench:", ...parts);

// ---------------------------------------------------------------- statistics

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v) => Math.round(v * 1000) / 1000;
  return {
    median: round(quantile(sorted, 0.5)),
    p25: round(quantile(sorted, 0.25)),
    p75: round(quantile(sorted, 0.75)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    samples: samples.map(round),
  };
}

/** Newsreel first on even runs, the twin first on odd ones. */
const order = (run) => (run % 2 === 0 ? IMPLS : [...IMPLS].reverse());

// ---------------------------------------------------------------- browser

async function openSession(browser, url, { impls = "", probe = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Images in generated articles point at a made-up site: answered locally, never fetched.
  await context.route("https://news.example.test/**", (route) =>
    route.fulfill({ status: 200, contentType: "image/svg+xml", body: PIXEL }));
  if (probe) await context.addInitScript({ path: ROOT + "bench/probe.js" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const query = new URLSearchParams({ newsreel: NEWSREEL_URL });
  if (impls) query.set("impls", impls);
  await page.goto(`${url}/bench/index.html?${query}`);
  await page.evaluate(() => window.bench.loaded);
  return {
    page,
    cdp,
    errors,
    call: (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]),
    async gc() {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------- measurements

/** Start-up: a fresh context per run (empty caches, cache disabled), so fetching and compiling are included. */
async function startup(browser, url) {
  const samples = { newsreel: [], twin: [] };
  const arrivals = { newsreel: {}, twin: {} };
  let shape = {};
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const impl of order(run)) {
      const s = await openSession(browser, url);
      const r = await s.call("startup", impl, `${Date.now()}-${run}`);
      await s.close();
      if (r.state !== "ready") throw new Error(`startup ${impl}: state ${r.state}`);
      if (s.errors.length) throw new Error(`startup ${impl}: ${s.errors.join("; ")}`);
      shape[impl] = r.items;
      if (run < WARMUP) continue;
      samples[impl].push(r.ms);
      for (const f of r.files) (arrivals[impl][`${f.file} (${f.bytes} bytes) arrived`] ??= []).push(f.end);
      (arrivals[impl]["newsreel:ready"] ??= []).push(r.eventMs);
    }
  }
  if (shape.newsreel !== shape.twin) throw new Error(`startup: ${shape.newsreel} vs ${shape.twin} items`);
  // Median milliseconds after inserting the script: where start-up time goes.
  const phases = Object.fromEntries(IMPLS.map((impl) => [impl, Object.fromEntries(
    Object.entries(arrivals[impl]).map(([what, ms]) => [what, Math.round(summary(ms).median * 10) / 10]))]));
  return { id: "startup", label: "startup: script → ready (seed, our format)", items: shape.newsreel, phases, samples };
}

const FORMAT_NAMES = { jsonfeed: "JSON Feed", jsonld: "JSON-LD" };

/** The timed scenarios, run in one page holding both implementations. */
function scenarios() {
  const list = [];
  for (const count of [100, 1000, 10000]) {
    for (const format of ["jsonfeed", "jsonld"]) {
      const full = count <= 1000;
      list.push({
        id: `load-${format}-${count}`,
        label: `load+render ${count.toLocaleString("en")} (${FORMAT_NAMES[format]}${full ? "" : ", ticker-only"})`,
        data: { main: { format, count, seed: 7, bodyBytes: full ? FULL_BODIES : null } },
        sample: async (s, impl) => {
          await s.call("mount", impl, null);
          await s.gc();
          return s.call("measureLoad", impl, "main");
        },
      });
    }
  }
  list.push({
    id: "load-jsonfeed-10000-max50",
    label: "load 10,000, show 50 (JSON Feed, max-items default)",
    data: { main: { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null } },
    sample: async (s, impl) => {
      await s.call("mount", impl, null, "50");
      await s.gc();
      return s.call("measureLoad", impl, "main");
    },
  });
  list.push({
    id: "update-1000",
    label: "update: load 1,000 changed into 1,000 shown",
    data: {
      before: { format: "jsonfeed", count: 1000, seed: 11, bodyBytes: FULL_BODIES },
      after: { format: "jsonfeed", count: 1000, seed: 12, bodyBytes: FULL_BODIES },
    },
    sample: async (s, impl) => {
      await s.call("mount", impl, "before");
      await s.gc();
      return s.call("measureLoad", impl, "after");
    },
  });
  list.push({
    id: "select-20k",
    label: "select: open a 20 KB HTML article",
    data: { main: { format: "jsonfeed", count: 100, seed: 5, bodyBytes: FULL_BODIES, bigBodies: [10, 20] } },
    sample: async (s, impl, run, prepared) => {
      await s.call("mount", impl, "main");
      await s.gc();
      return s.call("measureSelect", impl, prepared.main.ids[run % 2]);
    },
  });
  return list;
}

async function timedScenario(s, scenario) {
  const prepared = {};
  for (const [key, spec] of Object.entries(scenario.data)) prepared[key] = await s.call("prepare", key, spec);
  const samples = { newsreel: [], twin: [] };
  const shapes = { newsreel: null, twin: null };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const seen = {};
    for (const impl of order(run)) {
      const r = await scenario.sample(s, impl, run, prepared);
      await s.call("unmount", impl);
      if (r.state !== "ready") throw new Error(`${scenario.id} ${impl}: state ${r.state}`);
      seen[impl] = { items: r.items, copies: r.copies, bodyNodes: r.bodyNodes };
      if (run >= WARMUP) samples[impl].push(r.ms);
    }
    // Equal work, or the comparison means nothing.
    if (JSON.stringify(seen.newsreel) !== JSON.stringify(seen.twin)) {
      throw new Error(`${scenario.id}: newsreel built ${JSON.stringify(seen.newsreel)}, the twin ${JSON.stringify(seen.twin)}`);
    }
    Object.assign(shapes, seen);
  }
  for (const key of Object.keys(scenario.data)) await s.call("forget", key);
  if (s.errors.length) throw new Error(`${scenario.id}: ${s.errors.join("; ")}`);
  const bytes = Object.fromEntries(Object.entries(prepared).map(([k, v]) => [k, v.bytes]));
  return { id: scenario.id, label: scenario.label, bytes, built: shapes.newsreel, samples };
}

/**
 * Memory after rendering 10,000 articles: the growth of the JS heap, of the
 * embedder (DOM) heap and of wasm linear memory, after forced GCs, each
 * implementation alone in a fresh page.
 */
async function heap(browser, url) {
  const spec = { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null };
  const runs = { newsreel: [], twin: [] };
  for (let run = 0; run < HEAP_RUNS; run++) {
    for (const impl of order(run)) {
      const s = await openSession(browser, url, { impls: impl, probe: true });
      await s.call("mount", impl, null);
      const read = async () => {
        await s.gc();
        const usage = await s.cdp.send("Runtime.getHeapUsage");
        const dom = await s.cdp.send("Memory.getDOMCounters");
        return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0, wasm: await s.call("wasmMemoryBytes"), nodes: dom.nodes };
      };
      const before = await read();
      const shown = await s.call("loadGenerated", impl, spec);
      await s.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const after = await read();
      await s.close();
      if (shown.state !== "ready") throw new Error(`heap ${impl}: state ${shown.state}`);
      const delta = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
      runs[impl].push({ ...delta, total: delta.js + delta.embedder + delta.wasm, wasmTotal: after.wasm, items: shown.items });
    }
  }
  const median = (impl, key) => summary(runs[impl].map((r) => r[key])).median;
  const result = { spec, runs };
  for (const impl of IMPLS) {
    result[impl] = Object.fromEntries(["js", "embedder", "wasm", "total", "wasmTotal", "nodes"].map((k) => [k, median(impl, k)]));
  }
  return result;
}

/**
 * Calls across the wasm boundary: while the seed ticker moves (the target is
 * none), and during one load of 1,000 articles and one select.
 */
async function boundary(browser, url) {
  const s = await openSession(browser, url, { impls: "newsreel", probe: true });
  await s.call("setText", "seed", SEED_TEXT);
  await s.call("mount", "newsreel", "seed");
  await s.page.waitForTimeout(500);
  const motion = await s.call("countMotion", "newsreel", MOTION_MS);
  const top = (names, n = 12) => Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, n);
  const brief = (v) => ({ exports: v.exports, imports: v.imports, items: v.items, topImports: top(v.importNames), topExports: top(v.exportNames, 5) });
  const calls = {};
  for (const format of ["jsonfeed", "jsonld"]) {
    await s.call("prepare", format, { format, count: 1000, seed: 7, bodyBytes: FULL_BODIES });
    await s.call("mount", "newsreel", null);
    calls[`load 1,000 (${FORMAT_NAMES[format]})`] = brief(await s.call("countCalls", "newsreel", "load", format));
    await s.call("forget", format);
  }
  const prepared = await s.call("prepare", "select", { format: "jsonfeed", count: 100, seed: 5, bodyBytes: FULL_BODIES, bigBodies: [10] });
  await s.call("mount", "newsreel", "select");
  calls["select a 20 KB article"] = brief(await s.call("countCalls", "newsreel", "select", prepared.ids[0]));
  await s.close();
  return { motion: { ...motion, ms: MOTION_MS, callsPerFrame: motion.exports / Math.max(1, motion.frames) }, calls };
}

/** Where a sample of a CPU profile belongs. */
function groupOf(fn, where) {
  if (where.startsWith("wasm://") || /\.wasm(\?|$)/.test(where)) return "wasm code";
  if (fn === "decode" || fn === "encodeInto") return "string copies JS↔wasm (TextDecoder/TextEncoder)";
  if (where.includes("/dist/") || fn === "js-to-wasm" || fn === "wasm-to-js") return "newsreel JS glue";
  if (where.includes("/target/bench/")) return "twin JS";
  if (fn.startsWith("RegExp:")) return "twin JS";
  if (where.includes("/bench/")) return "harness";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "browser internals";
  if (fn === "(idle)" || fn === "(root)") return "idle";
  if (!where) return "DOM and Intl calls";
  return "other";
}

/**
 * Where the time of one load+render goes: the same load timed with the
 * widget shown and with it display:none (the difference is style and layout
 * of what was built), then CPU profiles of the hidden loads, their self time
 * grouped by where the code lives.
 */
async function breakdown(browser, url, label, spec, { runs = 5, profiled = 3, maxItems = "10000" } = {}) {
  const s = await openSession(browser, url, { impls: "newsreel,twin" });
  await s.call("prepare", "main", spec);
  const times = { newsreel: { shown: [], hidden: [] }, twin: { shown: [], hidden: [] } };
  for (let run = 0; run < 1 + runs; run++) {
    for (const impl of order(run)) {
      for (const hidden of [false, true]) {
        await s.call("mount", impl, null, maxItems, hidden);
        await s.gc();
        const r = await s.call("measureLoad", impl, "main");
        if (run > 0) times[impl][hidden ? "hidden" : "shown"].push(r.ms);
      }
    }
  }
  await s.cdp.send("Profiler.enable");
  await s.cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  const out = { label, spec, maxItems };
  for (const impl of IMPLS) {
    const groups = {};
    const functions = {};
    for (let i = 0; i < profiled; i++) {
      await s.call("mount", impl, null, maxItems, true);
      await s.gc();
      await s.cdp.send("Profiler.start");
      await s.call("measureLoad", impl, "main");
      const { profile: p } = await s.cdp.send("Profiler.stop");
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      p.samples.forEach((id, k) => {
        const { functionName: fn, url: where } = byId.get(id).callFrame;
        const ms = (p.timeDeltas[k + 1] ?? 0) / 1000;
        const group = groupOf(fn, where);
        groups[group] = (groups[group] ?? 0) + ms;
        const name = `${fn || "(anonymous)"}${where ? " " + where.split("/").pop() : ""}`;
        if (group !== "idle" && group !== "harness") functions[name] = (functions[name] ?? 0) + ms;
      });
    }
    const per = (ms) => Math.round((ms / profiled) * 10) / 10;
    const shown = summary(times[impl].shown).median;
    const hidden = summary(times[impl].hidden).median;
    out[impl] = {
      shown,
      withoutLayout: hidden,
      styleAndLayout: Math.round((shown - hidden) * 10) / 10,
      profileOfHiddenLoad: Object.fromEntries(Object.entries(groups)
        .filter(([g]) => g !== "idle" && g !== "harness").sort((a, b) => b[1] - a[1]).map(([g, ms]) => [g, per(ms)])),
      topFunctions: Object.entries(functions).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, ms]) => [f, per(ms)]),
    };
  }
  await s.close();
  return out;
}

// ---------------------------------------------------------------- report

const fmtMs = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + " ms";
const fmtMb = (bytes) => (bytes / 1048576).toFixed(1) + " MB";

function machine(browserVersion) {
  const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m)?.[1]?.trim() ?? "unknown";
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    // dist/ is built from the working tree, which may be ahead of HEAD.
    const changed = execFileSync("git", ["status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock"], { cwd: ROOT, encoding: "utf8" }).trim();
    if (changed) commit += " (with uncommitted changes in src)";
  } catch {
    // Not a git checkout: the results still stand.
  }
  return {
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpu,
    chromium: browserVersion,
    node: process.version,
    commit,
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

function table(results) {
  const lines = [
    "| measurement | newsreel | twin | newsreel / twin | run by run (p25–p75) |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const t of results.timings) {
    const p = t.pairedRatio;
    lines.push(`| ${t.label} | ${fmtMs(t.newsreel.median)} | ${fmtMs(t.twin.median)} | ${t.ratio.toFixed(2)}× | ${p.p25.toFixed(2)}–${p.p75.toFixed(2)} |`);
  }
  const h = results.heap;
  lines.push(`| memory after rendering 10,000 (JS + DOM + wasm growth) | ${fmtMb(h.newsreel.total)} | ${fmtMb(h.twin.total)} | ${(h.newsreel.total / h.twin.total).toFixed(2)}× | |`);
  const m = results.boundary.motion;
  lines.push(`| calls into wasm while the ticker moves (${m.ms / 1000} s, ${m.frames} frames) | ${m.exports} | – | ${m.callsPerFrame.toFixed(2)} per frame | |`);
  return lines.join("\n");
}

function targets(results) {
  const byId = Object.fromEntries(results.timings.map((t) => [t.id, t]));
  const checks = [];
  for (const id of ["load-jsonfeed-1000", "load-jsonld-1000", "load-jsonfeed-10000", "load-jsonld-10000"]) {
    const t = byId[id];
    checks.push({ target: `${t.label} ≤ 1.2× twin`, value: `${t.ratio.toFixed(2)}×`, met: t.ratio <= 1.2 });
  }
  const s = byId.startup;
  const extra = s.newsreel.median - s.twin.median;
  checks.push({ target: "startup ≤ twin + 30 ms", value: `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms`, met: extra <= 30 });
  const m = results.boundary.motion;
  checks.push({ target: "zero wasm calls per animation frame", value: `${m.exports} calls in ${m.frames} frames${m.moved ? "" : " (the ticker did not move!)"}`, met: m.exports === 0 && m.moved });
  return checks;
}

// ---------------------------------------------------------------- main

mkdirSync(ROOT + MEASURED, { recursive: true });
const build = {};
for (const file of ["newsreel.js", "newsreel_bg.wasm"]) {
  copyFileSync(ROOT + "dist/" + file, ROOT + MEASURED + file);
  const bytes = readFileSync(ROOT + MEASURED + file);
  build[file] = { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex").slice(0, 16), built: statSync(ROOT + "dist/" + file).mtime.toISOString() };
}
log("bundling the twin");
await buildTwin("target/bench/twin.js");
const env = await start();
const began = Date.now();
try {
  const results = {
    generatedAt: new Date().toISOString(),
    machine: machine(await env.browser.version()),
    build,
    method: {
      runs: RUNS,
      warmup: WARMUP,
      statistic: "median of the measured runs; newsreel and the twin alternate run by run (the first of each pair alternates too)",
      startup: "a fresh browser context per run (empty HTTP and code caches), cache disabled over CDP, no-store responses, and a unique query on the script URL: fetching and compiling the JS and wasm are included; timed from inserting the <script type=module> to newsreel:ready plus a forced layout",
      load: "a fresh connected widget holding one placeholder item and max-items=10000 (every article is rendered), a forced GC, then load(text) → newsreel:ready → offsetHeight",
      bodies: "100 and 1,000 articles carry 2–5 KB HTML bodies; 10,000 articles are ticker-only records (id, link, headline, date, authors), because 10,000 full articles are ~40 MB of JSON, eight times newsreel's 5 MB input limit",
      jsonld: "an @graph: a CollectionPage, the publishing Organization, and one NewsArticle node per article with its publisher as an @id reference",
      heap: "after forced GCs (HeapProfiler.collectGarbage): growth of Runtime.getHeapUsage usedSize (JS) and embedderHeapUsedSize (DOM), and of wasm linear memory, from an empty widget to one showing 10,000 ticker-only articles; median of " + HEAP_RUNS + " fresh pages each",
      motion: "every wasm export and import wrapped at instantiation (bench/probe.js), counted over " + MOTION_MS + " ms of marquee motion",
    },
  };

  // BENCH_ONLY=startup, =memory, =profile, or a scenario id such as BENCH_ONLY=update-1000: that
  // measurement alone, printed (a quick look while working; writes nothing).
  if (process.env.BENCH_ONLY) {
    const only = process.env.BENCH_ONLY;
    if (only === "profile") {
      const b = await breakdown(env.browser, env.url, "load 10,000, show 50 (JSON Feed)", { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null }, { maxItems: "50" });
      for (const impl of IMPLS) console.log(impl, JSON.stringify(b[impl], null, 1));
    } else if (only === "startup") {
      const t = await startup(env.browser, env.url);
      const [n, w] = [summary(t.samples.newsreel).median, summary(t.samples.twin).median];
      console.log(`${t.label}: newsreel ${n.toFixed(1)} ms, twin ${w.toFixed(1)} ms, +${(n - w).toFixed(1)} ms`, JSON.stringify(t.phases));
    } else if (only === "memory") {
      const h = await heap(env.browser, env.url);
      for (const impl of IMPLS) console.log(impl, JSON.stringify(h[impl]));
    } else {
      const s = await openSession(env.browser, env.url, { impls: "newsreel,twin" });
      for (const scenario of scenarios().filter((c) => c.id === only)) {
        const t = await timedScenario(s, scenario);
        const [n, w] = [summary(t.samples.newsreel).median, summary(t.samples.twin).median];
        console.log(`${scenario.label}: newsreel ${n.toFixed(1)} ms, twin ${w.toFixed(1)} ms, ${(n / w).toFixed(2)}×`);
      }
      await s.close();
    }
    process.exit(0);
  }

  log("startup");
  const timings = [await startup(env.browser, env.url)];
  const s = await openSession(env.browser, env.url, { impls: "newsreel,twin" });
  for (const scenario of scenarios()) {
    log(scenario.id);
    timings.push(await timedScenario(s, scenario));
  }
  await s.close();
  results.timings = timings.map((t) => {
    const newsreel = summary(t.samples.newsreel);
    const twin = summary(t.samples.twin);
    // Each run's two measurements were taken back to back: their ratio is
    // steadier on a busy machine than either time.
    const paired = summary(t.samples.newsreel.map((ms, i) => ms / t.samples.twin[i]));
    const { samples, ...rest } = t;
    return { ...rest, newsreel, twin, ratio: Math.round((newsreel.median / twin.median) * 1000) / 1000, pairedRatio: paired };
  });

  log("memory");
  results.heap = await heap(env.browser, env.url);
  log("wasm boundary");
  results.boundary = await boundary(env.browser, env.url);
  log("where the time goes");
  results.breakdown = [
    await breakdown(env.browser, env.url, "load+render 1,000 (JSON Feed)", { format: "jsonfeed", count: 1000, seed: 7, bodyBytes: FULL_BODIES }),
    await breakdown(env.browser, env.url, "load+render 1,000 (JSON-LD)", { format: "jsonld", count: 1000, seed: 7, bodyBytes: FULL_BODIES }),
    await breakdown(env.browser, env.url, "load 10,000, show 50 (JSON Feed)", { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null }, { maxItems: "50" }),
  ];
  results.targets = targets(results);
  results.machine.loadAverageAfter = loadavg().map((v) => Math.round(v * 100) / 100);
  results.seconds = Math.round((Date.now() - began) / 1000);

  const md = table(results);
  const m = results.machine;
  const note = `${m.cpu}, ${m.nproc} cores, Chromium ${m.chromium}, commit ${m.commit} (wasm ${build["newsreel_bg.wasm"].bytes} bytes), ${RUNS} runs each`;
  writeFileSync(OUT + "results.json", JSON.stringify(results, null, 2) + "\n");
  writeFileSync(OUT + "table.md", md + "\n");
  writeFileSync(OUT + "ratios.svg", ratioChart(
    results.timings.map((t) => ({ label: t.label, ratio: t.ratio, low: t.pairedRatio.p25, high: t.pairedRatio.p75 })),
    { title: "newsreel ÷ vanilla-JS twin (median time)", note },
  ));

  console.log(md);
  console.log(`\n${note}; load average ${m.loadAverage.join(" ")} → ${m.loadAverageAfter.join(" ")}`);
  console.log("\ntargets:");
  for (const c of results.targets) console.log(`  ${c.met ? "met    " : "MISSED "} ${c.target}: ${c.value}`);
  console.log("\nwhere the time goes (median ms per load; the split of the load without layout is CPU-profile self time):");
  for (const b of results.breakdown) {
    for (const impl of IMPLS) {
      const x = b[impl];
      console.log(`  ${b.label}, ${impl}: ${x.shown} = style+layout ${x.styleAndLayout} + the rest ${x.withoutLayout} (` +
        Object.entries(x.profileOfHiddenLoad).map(([g, ms]) => `${g} ${ms}`).join(", ") + ")");
    }
  }
  const st = results.timings[0].phases;
  for (const impl of IMPLS) console.log(`  startup ${impl}: ` + Object.entries(st[impl]).map(([k, v]) => `${k} at ${v} ms`).join(", "));
  console.log(`\nwritten: target/bench/results.json, table.md, ratios.svg (${results.seconds} s)`);
} finally {
  await env.close();
}
