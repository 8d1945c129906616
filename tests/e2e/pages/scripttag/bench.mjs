// Measures the two script-tag builds on the plain page: what travels
// (gzip, brotli) and how long the page takes from navigation start to
// `newsreel:ready` in headless Chromium, as the median of N runs, each in a
// fresh browser context. Not a test (figures vary by machine); the README's
// "Single-file build" paragraph quotes its output.
//
//   make dist && node tests/e2e/pages/scripttag/bench.mjs [runs=15]
//
// Profiles: "loopback" (no network cost: what is left is parsing, base64
// decoding, compiling and rendering), then two links emulated by Chromium
// (responses gzip-compressed as a host would send them): 10 Mbit/s with a
// 40 ms round trip, and Lighthouse's mobile link, 1.6 Mbit/s with 150 ms.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { start, openPage, ROOT } from "../../browser.mjs";
import { buildSite, PREFIX } from "./site.mjs";

const runs = Number(process.argv[2] || 15);
const SITE = ROOT + "target/bench-scripttag";
const pages = buildSite(SITE);

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };
const gzipped = new Map();
function gzipOf(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
  return gzipped.get(file);
}

// A host that compresses: every response gzip-encoded, nothing cached.
const server = createServer((req, res) => {
  let file = normalize(join(SITE, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (file.endsWith("/")) file += "index.html";
  if (!file.startsWith(SITE)) return res.writeHead(403).end();
  try {
    const body = gzipOf(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "content-encoding": "gzip",
      "cache-control": "no-store",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${server.address().port}`;

const sizes = (files) => {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const data = readFileSync(SITE + PREFIX + f);
    total.raw += data.length;
    total.gzip += gzipSync(data, { level: 9 }).length;
    total.brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
};
const builds = {
  "two-file": { page: pages.twoFile, files: ["newsreel.js", "newsreel_bg.wasm"] },
  "single-file": { page: pages.inline, files: ["newsreel.inline.js"] },
};

const env = await start();
const PROFILES = [
  ["loopback", null],
  ["10 Mbit/s, 40 ms RTT", { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 }],
  ["1.6 Mbit/s, 150 ms RTT", { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }],
];

async function startupMs(page, network) {
  const { page: tab, context } = await openPage(env.browser);
  await tab.addInitScript(() => {
    document.addEventListener("newsreel:ready", () => { window.readyAt = performance.now(); }, { once: true });
  });
  if (network) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  }
  await tab.goto(base + page, { waitUntil: "commit" });
  await tab.waitForFunction(() => window.readyAt !== undefined, null, { timeout: 30000 });
  const ms = await tab.evaluate(() => window.readyAt);
  await context.close();
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`build         raw B    gzip B  brotli B`);
for (const [name, build] of Object.entries(builds)) {
  const s = sizes(build.files);
  console.log(`${name.padEnd(12)} ${String(s.raw).padStart(7)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(9)}`);
}
for (const [profile, network] of PROFILES) {
  const times = Object.fromEntries(Object.keys(builds).map((n) => [n, []]));
  // One warm-up page each, then the builds alternate so drift hits both alike.
  for (const build of Object.values(builds)) await startupMs(build.page, network);
  for (let i = 0; i < runs; i++) {
    for (const [name, build] of Object.entries(builds)) times[name].push(await startupMs(build.page, network));
  }
  for (const [name, xs] of Object.entries(times)) {
    console.log(`${profile.padEnd(22)} ${name.padEnd(12)} median ${median(xs).toFixed(1)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${runs} runs)`);
  }
}
await env.close();
server.close();
