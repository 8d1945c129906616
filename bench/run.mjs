// `make bench`: newsreel (dist/) against its vanilla-JS twin (bench/twin.js),
// in one headless Chromium, the two alternating run by run so that a busy
// moment of the machine hurts both alike. A second table compares newsreel
// with the simplest widget a developer would write (bench/plain.js), and
// with itself: ids picked to collide against ordinary ids, load(object)
// against load(text), source="#id" against load(text), src against the plain
// widget's fetch. Both tables run on generated data (bench/data.js) and on
// real feeds in many scripts (bench/corpus/, bench/real.js). Writes
// target/bench/results.json, target/bench/table.md and
// target/bench/ratios.svg, and prints the tables.
//
// BENCH_RUNS (default 15) sets the measured runs per implementation and
// measurement; WARMUP runs before them are not counted. BENCH_DIST measures
// the build in another directory instead of dist/. BENCH_IMPLS
// (default: newsreel,twin,plain, without newsreel when dist/ has no build)
// limits which implementations are loaded; what needs a missing one is
// skipped or shown as "–".
import { start } from "../tests/e2e/browser.mjs";
import { buildTwin } from "./build-twin.mjs";
import { ratioChart } from "./chart.mjs";
import { COLLIDE_BITS } from "./data.js";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = ROOT + "target/bench/";
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const WARMUP = 2;
const HEAP_RUNS = 5;
/**
 * A scenario whose first warm-up load took longer than this (e.g. the old
 * lookup on ids picked to collide: 30–70 s a load) gets one warm-up run and
 * SLOW_RUNS measured runs, not WARMUP and RUNS: its target is missed by far
 * whatever the exact figure.
 */
const SLOW_MS = 10000;
const SLOW_RUNS = 3;
const MOTION_MS = 2000;
const DIST_FILES = ["newsreel.js", "newsreel_bg.wasm"];
/** Where the measured build comes from: dist/, or BENCH_DIST (a directory with the same two files, e.g. an older build). */
const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) + "/" : ROOT + "dist/";
const HAVE_DIST = DIST_FILES.every((f) => existsSync(DIST + f));
/** The implementations this run loads. */
const AVAILABLE = (process.env.BENCH_IMPLS || "newsreel,twin,plain").split(",").map((s) => s.trim())
  .filter((impl) => impl && (impl !== "newsreel" || HAVE_DIST));
/** The newsreel/twin comparison (the first table), as far as both are loaded. */
const IMPLS = ["newsreel", "twin"].filter((impl) => AVAILABLE.includes(impl));
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

/**
 * Who goes first in run `run`: the list rotated by one each run (for two,
 * newsreel first on even runs and the twin first on odd ones).
 */
function order(run, list = IMPLS) {
  const k = run % Math.max(1, list.length);
  return [...list.slice(k), ...list.slice(0, k)];
}

// ---------------------------------------------------------------- browser

async function openSession(browser, url, { impls = "", probe = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Images in articles point at a made-up site (generated data) or at the real
  // sites of bench/corpus/: every request off the bench's own server is
  // answered locally with a pixel, never fetched.
  await context.route((u) => u.host !== new URL(url).host, (route) =>
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
  // A build that fails to define its element would otherwise hang here for good.
  const defined = await page.evaluate((ms) => Promise.race([window.bench.loaded,
    new Promise((done) => setTimeout(() => done(false), ms))]), 30000);
  if (defined !== true) throw new Error(`bench page: ${impls} not defined after 30 s (${errors.join("; ") || "no error reported"})`);
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
  const samples = Object.fromEntries(IMPLS.map((impl) => [impl, []]));
  const arrivals = Object.fromEntries(IMPLS.map((impl) => [impl, {}]));
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
  if (IMPLS.length === 2 && shape.newsreel !== shape.twin) throw new Error(`startup: ${shape.newsreel} vs ${shape.twin} items`);
  // Median milliseconds after inserting the script: where start-up time goes.
  const phases = Object.fromEntries(IMPLS.map((impl) => [impl, Object.fromEntries(
    Object.entries(arrivals[impl]).map(([what, ms]) => [what, Math.round(summary(ms).median * 10) / 10]))]));
  return { id: "startup", label: "startup: script → ready (seed, our format)", items: shape[IMPLS[0]], phases, samples };
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
  // The same measurements on real feeds (bench/corpus/, bench/real.js): two-byte
  // text in many scripts. 4,000 items is the most the corpus gives under the
  // 5 MB input limit, so there is no 10,000 row.
  for (const count of [100, 1000, 4000]) {
    list.push({
      id: `load-real-${count}`,
      label: `load+render ${count.toLocaleString("en")} (real two-byte JSON Feed)`,
      data: { main: { format: "real", count } },
      sample: async (s, impl) => {
        await s.call("mount", impl, null);
        await s.gc();
        return s.call("measureLoad", impl, "main");
      },
    });
  }
  list.push({
    id: "select-real",
    label: "select: open one of the two longest real articles",
    data: { main: { format: "real", count: 1000 } },
    sample: async (s, impl, run, prepared) => {
      await s.call("mount", impl, "main");
      await s.gc();
      return s.call("measureSelect", impl, prepared.main.ids[run % 2]);
    },
  });
  return list;
}

/** What must be equal between two arms of a scenario for their times to compare. */
const sameWork = (r) => ({ items: r.items, copies: r.copies, bodyNodes: r.bodyNodes });

/**
 * Runs one scenario's arms (by default newsreel and the twin) alternately,
 * WARMUP + RUNS times each; arms of implementations not loaded are left
 * out. Returns samples by arm name.
 */
async function timedScenario(s, scenario) {
  const arms = (scenario.arms ?? IMPLS.map((impl) => ({ name: impl, impl }))).filter((a) => AVAILABLE.includes(a.impl));
  const prepared = {};
  for (const [key, spec] of Object.entries(scenario.data)) {
    prepared[key] = await s.call("prepare", key, spec);
    // For `src`: the text written where the bench's server serves it (no-store, cache disabled).
    if (spec.serve) writeFileSync(OUT + spec.serve, await s.call("textOf", key));
  }
  const samples = Object.fromEntries(arms.map((a) => [a.name, []]));
  const same = scenario.same ?? sameWork;
  let shapes = {};
  let runs = RUNS;
  let warmup = WARMUP;
  let slowest = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const seen = {};
    for (const arm of order(run, arms)) {
      const r = await scenario.sample(s, arm.impl, run, prepared, arm);
      await s.call("unmount", arm.impl);
      if (r.state !== "ready") throw new Error(`${scenario.id} ${arm.name}: state ${r.state}`);
      seen[arm.name] = same(r);
      if (run >= warmup) samples[arm.name].push(r.ms);
      else slowest = Math.max(slowest, r.ms);
    }
    if (run === 0 && slowest > SLOW_MS) {
      [warmup, runs] = [1, Math.min(RUNS, SLOW_RUNS)];
      log(`${scenario.id}: a warm-up load took ${Math.round(slowest)} ms, so ${warmup} warm-up and ${runs} measured runs, not ${WARMUP} and ${RUNS}`);
    }
    // Equal work, or the comparison means nothing.
    const [first, ...rest] = arms.map((a) => a.name);
    for (const other of rest) {
      if (JSON.stringify(seen[other]) !== JSON.stringify(seen[first])) {
        throw new Error(`${scenario.id}: ${first} built ${JSON.stringify(seen[first])}, ${other} ${JSON.stringify(seen[other])}`);
      }
    }
    shapes = seen;
  }
  for (const key of Object.keys(scenario.data)) await s.call("forget", key);
  if (s.errors.length) throw new Error(`${scenario.id}: ${s.errors.join("; ")}`);
  const bytes = Object.fromEntries(Object.entries(prepared).map(([k, v]) => [k, v.bytes]));
  return { id: scenario.id, label: scenario.label, runs, bytes, built: shapes[arms[0]?.name] ?? null, samples };
}

/** A 4,000-item JSON Feed in full: ~500-byte HTML bodies, authors, tags (bench/data.js jsonFeedFull). */
const FEED_4000 = { format: "jsonfeed-full", count: 4000, seed: 21, bodyBytes: [300, 400] };
/** 4,000 items of the real feeds in bench/corpus/ (bench/real.js): Russian, Urdu, Chinese, Greek, Hindi, German, Italian. */
const REAL_4000 = { format: "real", count: 4000 };
/** What the `src` arms fetch: the bench's own server serves the repository, target/bench/ included. */
const SERVED = "/target/bench/";

/**
 * The 4,000-item baselines on one feed: load(text) against the plain widget
 * and the twin; load(object) against load(text); source="#id" (the JSON in a
 * <script type="application/json"> on the page) against load(text); and `src`
 * (fetched) against the plain widget that fetches and parses.
 */
function feedBaselines(name, feed, label) {
  const file = `${name}-4000.json`;
  const mountEmpty = async (s, impl) => {
    await s.call("mount", impl, null, null);
    await s.gc();
  };
  return [
    {
      id: `load-${name}-4000-plain`,
      label,
      data: { main: feed },
      arms: [{ name: "newsreel", impl: "newsreel" }, { name: "twin", impl: "twin" }, { name: "plain", impl: "plain" }],
      // The plain widget shows no loop copy and no sanitised markup: the same 50 headlines and the same article open.
      same: (r) => ({ items: r.items, headline: r.headline }),
      ratios: [
        { of: "newsreel", to: "plain", target: 1.3 },
        { of: "twin", to: "plain" },
        { of: "newsreel", to: "twin" },
      ],
      sample: async (s, impl) => {
        await mountEmpty(s, impl);
        return s.call("measureLoad", impl, "main");
      },
    },
    {
      id: name === "jsonfeed" ? "load-object-4000" : `load-object-${name}-4000`,
      label,
      data: { main: { ...feed, parsed: true } },
      arms: [
        { name: "newsreel, load(object)", impl: "newsreel", object: true },
        { name: "newsreel, load(text)", impl: "newsreel", object: false },
        { name: "twin, load(object)", impl: "twin", object: true },
        { name: "twin, load(text)", impl: "twin", object: false },
      ],
      same: (r) => ({ items: r.items, copies: r.copies, headline: r.headline, nodes: r.nodes }),
      ratios: [
        { of: "newsreel, load(object)", to: "newsreel, load(text)" },
        { of: "twin, load(object)", to: "twin, load(text)" },
      ],
      sample: async (s, impl, run, prepared, arm) => {
        await mountEmpty(s, impl);
        return s.call("measureLoad", impl, "main", arm.object);
      },
    },
    {
      id: `embed-${name}-4000`,
      label: `${label}, embedded, a fresh element`,
      data: { main: { ...feed, embed: `bench-${name}` } },
      arms: ["newsreel", "twin", "plain"].flatMap((impl) => [
        { name: `${impl}, source="#id"`, impl, fresh: { name: "source", value: `#bench-${name}` } },
        { name: `${impl}, load(text)`, impl, fresh: { key: "main" } },
      ]),
      same: (r) => ({ items: r.items, headline: r.headline }),
      ratios: [
        { of: 'newsreel, source="#id"', to: 'plain, source="#id"', target: 1.3 },
        { of: 'newsreel, source="#id"', to: "newsreel, load(text)" },
        { of: 'twin, source="#id"', to: "twin, load(text)" },
        { of: 'plain, source="#id"', to: "plain, load(text)" },
        { of: 'twin, source="#id"', to: 'plain, source="#id"' },
        { of: 'newsreel, source="#id"', to: 'twin, source="#id"' },
      ],
      sample: async (s, impl, run, prepared, arm) => {
        await s.call("unmount", impl);
        await s.gc();
        return s.call("measureFresh", impl, arm.fresh);
      },
    },
    {
      id: `src-${name}-4000`,
      label: `${label}, fetched, a fresh element`,
      data: { main: { ...feed, serve: file } },
      // The twin has no `src`.
      arms: ["newsreel", "plain"].flatMap((impl) => [
        { name: `${impl}, src`, impl, fresh: { name: "src", value: SERVED + file } },
        { name: `${impl}, load(text)`, impl, fresh: { key: "main" } },
      ]),
      same: (r) => ({ items: r.items, headline: r.headline }),
      ratios: [
        { of: "newsreel, src", to: "plain, src", target: 1.0 },
        { of: "newsreel, src", to: "newsreel, load(text)" },
        { of: "plain, src", to: "plain, load(text)" },
      ],
      sample: async (s, impl, run, prepared, arm) => {
        await s.call("unmount", impl);
        await s.gc();
        return s.call("measureFresh", impl, arm.fresh);
      },
    },
  ];
}
const COLLIDE_COUNT = 20000;

/**
 * The second table's scenarios: each names its arms (an implementation and
 * what it is given) and the ratios reported, with the issue's target where
 * there is one.
 */
function baselineScenarios() {
  const [loadPlain, loadObject, embed, src] = feedBaselines("jsonfeed", FEED_4000, "load 4,000, show 50 (JSON Feed with HTML bodies)");
  const real = feedBaselines("real", REAL_4000, "load 4,000, show 50 (real two-byte JSON Feed)");
  return [
    loadPlain,
    real[0],
    embed,
    real[2],
    src,
    real[3],
    {
      id: "collide-jsonfeed-20000",
      label: `load ${COLLIDE_COUNT.toLocaleString("en")}, show 50 (JSON Feed, ticker-only)`,
      data: {
        collide: { format: "ids", ids: "collide", count: COLLIDE_COUNT, seed: 3 },
        ordinary: { format: "ids", ids: "ordinary", count: COLLIDE_COUNT, seed: 3 },
      },
      arms: [
        { name: "newsreel, colliding ids", impl: "newsreel", key: "collide" },
        { name: "newsreel, ordinary ids", impl: "newsreel", key: "ordinary" },
        { name: "twin, colliding ids", impl: "twin", key: "collide" },
        { name: "twin, ordinary ids", impl: "twin", key: "ordinary" },
      ],
      // Same titles and dates (one seed), so the same 50 headlines; only the ids differ.
      same: (r) => ({ items: r.items, copies: r.copies, headline: r.headline }),
      ratios: [
        { of: "newsreel, colliding ids", to: "newsreel, ordinary ids", target: 2.0 },
        { of: "twin, colliding ids", to: "twin, ordinary ids" },
      ],
      sample: async (s, impl, run, prepared, arm) => {
        await s.call("mount", impl, null, null);
        await s.gc();
        return s.call("measureLoad", impl, arm.key);
      },
    },
    loadObject,
    real[1],
  ];
}

/** Medians by arm and the requested ratios (of medians, and run by run) of one baseline scenario. */
function baselineResult(t, scenario) {
  const arms = Object.fromEntries(Object.entries(t.samples).map(([name, ms]) => [name, summary(ms)]));
  const ratios = scenario.ratios.map((r) => {
    const row = { of: r.of, to: r.to, target: r.target ?? null };
    if (!arms[r.of] || !arms[r.to]) return { ...row, ratio: null, pairedRatio: null, met: null };
    const paired = summary(t.samples[r.of].map((ms, i) => ms / t.samples[r.to][i]));
    const ratio = Math.round((arms[r.of].median / arms[r.to].median) * 1000) / 1000;
    return { ...row, ratio, pairedRatio: paired, met: r.target ? ratio <= r.target : null };
  });
  const { samples, ...rest } = t;
  return { ...rest, arms, ratios };
}

/**
 * Memory after rendering 10,000 articles: the growth of the JS heap, of the
 * embedder (DOM) heap and of wasm linear memory, after forced GCs, each
 * implementation alone in a fresh page.
 */
async function heap(browser, url) {
  const spec = { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null };
  const runs = Object.fromEntries(IMPLS.map((impl) => [impl, []]));
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
  const s = await openSession(browser, url, { impls: IMPLS.join(",") });
  await s.call("prepare", "main", spec);
  const times = Object.fromEntries(IMPLS.map((impl) => [impl, { shown: [], hidden: [] }]));
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
    const changed = execFileSync("git", ["status", "--porcelain", "--", "crates", "Cargo.toml", "Cargo.lock"], { cwd: ROOT, encoding: "utf8" }).trim();
    if (changed) commit += " (with uncommitted changes in crates)";
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

const NONE = "–";
const fmtRatio = (v) => (v === null || v === undefined ? NONE : `${v.toFixed(2)}×`);
const fmtSpread = (p) => (p ? `${p.p25.toFixed(2)}–${p.p75.toFixed(2)}` : NONE);

function table(results) {
  const lines = [
    "| measurement | newsreel | twin | newsreel / twin | run by run (p25–p75) |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const ms = (x) => (x ? fmtMs(x.median) : NONE);
  for (const t of results.timings) {
    lines.push(`| ${t.label} | ${ms(t.newsreel)} | ${ms(t.twin)} | ${fmtRatio(t.ratio)} | ${fmtSpread(t.pairedRatio)} |`);
  }
  const h = results.heap;
  if (h) {
    const mb = (x) => (x ? fmtMb(x.total) : NONE);
    const ratio = h.newsreel && h.twin ? h.newsreel.total / h.twin.total : null;
    lines.push(`| memory after rendering 10,000 (JS + DOM + wasm growth) | ${mb(h.newsreel)} | ${mb(h.twin)} | ${fmtRatio(ratio)} | |`);
  }
  const m = results.boundary?.motion;
  if (m) lines.push(`| calls into wasm while the ticker moves (${m.ms / 1000} s, ${m.frames} frames) | ${m.exports} | – | ${m.callsPerFrame.toFixed(2)} per frame | |`);
  return lines.join("\n");
}

/** The second table: one row per ratio of a baseline scenario, with its target. */
function baselineTable(results) {
  const lines = [
    "| measurement | time | baseline | ratio | run by run (p25–p75) | target |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const b of results.baselines) {
    const bytes = [...new Set(Object.values(b.bytes).map((n) => (n / 1048576).toFixed(1) + " MB"))].join(" / ");
    for (const r of b.ratios) {
      const ms = (name) => (b.arms[name] ? fmtMs(b.arms[name].median) : NONE);
      const target = r.target ? `≤ ${r.target.toFixed(1)}×${r.met === null ? "" : r.met ? ": met" : ": MISSED"}` : "none (informational)";
      lines.push(`| ${b.label}, ${bytes}: ${r.of} ÷ ${r.to} | ${ms(r.of)} | ${ms(r.to)} | ${fmtRatio(r.ratio)} | ${fmtSpread(r.pairedRatio)} | ${target} |`);
    }
  }
  return lines.join("\n");
}

/** Every target; `met` null when this run could not measure it (an implementation was not loaded). */
function targets(results) {
  const byId = Object.fromEntries(results.timings.map((t) => [t.id, t]));
  const checks = [];
  const unmeasured = { value: "not measured (newsreel not loaded)", met: null };
  for (const id of ["load-jsonfeed-1000", "load-jsonld-1000", "load-jsonfeed-10000", "load-jsonld-10000"]) {
    const t = byId[id];
    const target = `${t.label} ≤ 1.2× twin`;
    checks.push(t.ratio === null ? { target, ...unmeasured } : { target, value: `${t.ratio.toFixed(2)}×`, met: t.ratio <= 1.2 });
  }
  const s = byId.startup;
  if (s?.newsreel && s?.twin) {
    const extra = s.newsreel.median - s.twin.median;
    checks.push({ target: "startup ≤ twin + 30 ms", value: `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms`, met: extra <= 30 });
  } else checks.push({ target: "startup ≤ twin + 30 ms", ...unmeasured });
  const m = results.boundary?.motion;
  if (m) checks.push({ target: "zero wasm calls per animation frame", value: `${m.exports} calls in ${m.frames} frames${m.moved ? "" : " (the ticker did not move!)"}`, met: m.exports === 0 && m.moved });
  else checks.push({ target: "zero wasm calls per animation frame", ...unmeasured });
  for (const b of results.baselines) {
    for (const r of b.ratios.filter((x) => x.target)) {
      const target = `${b.label}: ${r.of} ≤ ${r.target.toFixed(1)}× ${r.to}`;
      checks.push(r.ratio === null ? { target, value: `not measured (${!b.arms[r.of] ? r.of : r.to} not loaded)`, met: null }
        : { target, value: `${r.ratio.toFixed(2)}×`, met: r.met });
    }
  }
  return checks;
}

// ---------------------------------------------------------------- main

mkdirSync(ROOT + MEASURED, { recursive: true });
const build = {};
if (!AVAILABLE.includes("newsreel")) log(HAVE_DIST ? "newsreel left out (BENCH_IMPLS)" : `no build in ${DIST}: newsreel is left out, its measurements skipped`);
else if (process.env.BENCH_DIST) log(`measuring the build in ${DIST}`);
for (const file of AVAILABLE.includes("newsreel") ? DIST_FILES : []) {
  copyFileSync(DIST + file, ROOT + MEASURED + file);
  const bytes = readFileSync(ROOT + MEASURED + file);
  build[file] = { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex").slice(0, 16), built: statSync(DIST + file).mtime.toISOString(), from: DIST };
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
      load: "a fresh connected widget holding one placeholder item and max-items=10000 (every article is rendered), a forced GC, then load(text) → newsreel:ready → offsetHeight, plus the frame after (see settle)",
      settle: "every timed measurement adds the work of the frame after its forced layout: the time spent in the page's ResizeObserver and IntersectionObserver callbacks (wrapped in bench/page.js before any implementation loads; newsreel measures its marquee and builds the loop copy in a ResizeObserver after the browser's layout) and a layout forced right after them; the idle wait for that frame is not counted",
      bodies: "100 and 1,000 articles carry 2–5 KB HTML bodies; 10,000 articles are ticker-only records (id, link, headline, date, authors), because 10,000 full articles are ~40 MB of JSON, eight times newsreel's 5 MB input limit",
      jsonld: "an @graph: a CollectionPage, the publishing Organization, and one NewsArticle node per article with its publisher as an @id reference",
      heap: "after forced GCs (HeapProfiler.collectGarbage): growth of Runtime.getHeapUsage usedSize (JS) and embedderHeapUsedSize (DOM), and of wasm linear memory, from an empty widget to one showing 10,000 ticker-only articles; median of " + HEAP_RUNS + " fresh pages each",
      motion: "every wasm export and import wrapped at instantiation (bench/probe.js), counted over " + MOTION_MS + " ms of marquee motion",
      implementations: AVAILABLE.join(", "),
      plain: "bench/plain.js, the simplest widget a developer would write: JSON.parse, a JSON Feed's items deduplicated by id with a Set, sorted newest first with Date.parse, the first max-items headlines rendered as <li><a>title</a> <time>date</time></li> with createElement/textContent, and the newest article's headline and body text (its HTML parsed by an inert DOMParser document); no sanitiser, JSON-LD or motion; source=\"#id\" reads that element's textContent, src fetches with fetch() and reads response.text()",
      feed4000: "4,000 JSON Feed items in full (bench/data.js jsonFeedFull): id, url, title, content_html of ~500 bytes (paragraphs, links, emphasis, lists, quotes, figures; JSON-escaped quotes), RFC 3339 date_published with offsets, authors, tags",
      baselines: "a fresh connected widget holding one placeholder item, max-items left at its default (50), a forced GC, then load(…) → newsreel:ready → offsetHeight; the arms of a scenario rotate run by run (each goes first in turn) and a ratio's run-by-run spread pairs the two arms' samples of the same run",
      collide: `${COLLIDE_COUNT} ticker-only items (id = url, title, date) whose ids were picked (bench/data.js collidingIds, checked with BigInt FNV-1a) so that their FNV-1a 64 hashes agree in bits 7–${6 + COLLIDE_BITS}: under the old lookup, slot (hash >> 7) & mask in a power-of-two table at most half full, every id starts at the same slot of every table up to 2^${COLLIDE_BITS} slots; against ${COLLIDE_COUNT} ordinary ids of the same length and alphabet, with the same titles and dates; the twin (JS Set) measured alike as a control`,
      loadObject: "the same 4,000-item feed given to load() as the object JSON.parse made of it (parsed before the timer starts) or as its JSON text",
      real: "real feeds saved in bench/corpus/ (its README.md names each file's source repository, commit and licence): Russian, Urdu, Chinese, Greek, Hindi, German and Italian news in RSS 2.0, RSS 1.0 and Atom, decoded by their declared encodings and converted to JSON Feed 1.1 items by bench/real.js (guid → id, link → url, title, content:encoded or description → content_html, pubDate/dc:date → date_published in RFC 3339 with the feed's offset, author/dc:creator → authors, category → tags, image enclosure → image), repeated in order to the size wanted; copy k has `copy=k` added to its id and URL (newsreel drops an item that repeats either) and its dates k days earlier",
      fresh: "the embedded and fetched scenarios time a widget put on the page from nothing, for every arm: createElement, the attribute set (or none), appended to the page (and for load(text), load called in the same task) → newsreel:ready → offsetHeight, after a forced GC; max-items left at its default (50)",
      embed: "source=\"#id\": the JSON text in a <script type=\"application/json\" id=…> in the page (made before the scenario, as the HTML parser would), the element given source=\"#id\" before it is appended; against load(text) on an element appended in the same task",
      src: "src: the same text written to target/bench/ and served by the bench's loopback server (no-store, cache disabled over CDP), the element given src before it is appended → fetch → newsreel:ready; the plain widget fetches with fetch(), reads response.text() and JSON.parses it; the twin has no src",
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
      const times = Object.entries(t.samples).map(([impl, ms]) => `${impl} ${summary(ms).median.toFixed(1)} ms`).join(", ");
      const extra = t.samples.newsreel && t.samples.twin ? `, +${(summary(t.samples.newsreel).median - summary(t.samples.twin).median).toFixed(1)} ms` : "";
      console.log(`${t.label}: ${times}${extra}`, JSON.stringify(t.phases));
    } else if (only === "memory") {
      const h = await heap(env.browser, env.url);
      for (const impl of IMPLS) console.log(impl, JSON.stringify(h[impl]));
    } else {
      const s = await openSession(env.browser, env.url, { impls: AVAILABLE.join(",") });
      for (const scenario of [...scenarios(), ...baselineScenarios()].filter((c) => c.id === only)) {
        const t = await timedScenario(s, scenario);
        const b = baselineResult(t, { ratios: scenario.ratios ?? [{ of: "newsreel", to: "twin" }] });
        const times = Object.entries(b.arms).map(([name, x]) => `${name} ${x.median.toFixed(1)} ms`).join(", ");
        const ratios = b.ratios.map((r) => `${r.of} ÷ ${r.to} ${fmtRatio(r.ratio)}${r.target ? ` (target ≤ ${r.target})` : ""}`).join(", ");
        console.log(`${scenario.label}: ${times}; ${ratios}`);
      }
      await s.close();
    }
    process.exit(0);
  }

  log("startup");
  const timings = [await startup(env.browser, env.url)];
  const s = await openSession(env.browser, env.url, { impls: AVAILABLE.join(",") });
  for (const scenario of scenarios()) {
    log(scenario.id);
    timings.push(await timedScenario(s, scenario));
  }
  const baselines = [];
  for (const scenario of baselineScenarios()) {
    log(scenario.id);
    baselines.push(baselineResult(await timedScenario(s, scenario), scenario));
  }
  await s.close();
  results.timings = timings.map((t) => {
    const newsreel = t.samples.newsreel ? summary(t.samples.newsreel) : null;
    const twin = t.samples.twin ? summary(t.samples.twin) : null;
    const { samples, ...rest } = t;
    if (!newsreel || !twin) return { ...rest, newsreel, twin, ratio: null, pairedRatio: null };
    // Each run's two measurements were taken back to back: their ratio is
    // steadier on a busy machine than either time.
    const paired = summary(t.samples.newsreel.map((ms, i) => ms / t.samples.twin[i]));
    return { ...rest, newsreel, twin, ratio: Math.round((newsreel.median / twin.median) * 1000) / 1000, pairedRatio: paired };
  });
  results.baselines = baselines;

  log("memory");
  results.heap = await heap(env.browser, env.url);
  if (AVAILABLE.includes("newsreel")) {
    log("wasm boundary");
    results.boundary = await boundary(env.browser, env.url);
  }
  log("where the time goes");
  results.breakdown = [
    await breakdown(env.browser, env.url, "load+render 1,000 (JSON Feed)", { format: "jsonfeed", count: 1000, seed: 7, bodyBytes: FULL_BODIES }),
    await breakdown(env.browser, env.url, "load+render 1,000 (JSON-LD)", { format: "jsonld", count: 1000, seed: 7, bodyBytes: FULL_BODIES }),
    await breakdown(env.browser, env.url, "load 10,000, show 50 (JSON Feed)", { format: "jsonfeed", count: 10000, seed: 7, bodyBytes: null }, { maxItems: "50" }),
  ];
  results.targets = targets(results);
  results.machine.loadAverageAfter = loadavg().map((v) => Math.round(v * 100) / 100);
  results.seconds = Math.round((Date.now() - began) / 1000);

  const md = table(results) + "\n\n" + baselineTable(results);
  const m = results.machine;
  const wasm = !build["newsreel_bg.wasm"] ? "no newsreel build"
    : `wasm ${build["newsreel_bg.wasm"].bytes} bytes${process.env.BENCH_DIST ? `, the build in ${DIST}` : ""}`;
  const note = `${m.cpu}, ${m.nproc} cores, Chromium ${m.chromium}, commit ${m.commit} (${wasm}), ${RUNS} runs each`;
  writeFileSync(OUT + "results.json", JSON.stringify(results, null, 2) + "\n");
  writeFileSync(OUT + "table.md", md + "\n");
  writeFileSync(OUT + "ratios.svg", ratioChart(
    results.timings.filter((t) => t.ratio !== null).map((t) => ({ label: t.label, ratio: t.ratio, low: t.pairedRatio.p25, high: t.pairedRatio.p75 })),
    { title: "newsreel ÷ vanilla-JS twin (median time)", note },
  ));

  console.log(md);
  console.log(`\n${note}; load average ${m.loadAverage.join(" ")} → ${m.loadAverageAfter.join(" ")}`);
  console.log("\ntargets:");
  for (const c of results.targets) console.log(`  ${c.met === null ? "n/a    " : c.met ? "met    " : "MISSED "} ${c.target}: ${c.value}`);
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
