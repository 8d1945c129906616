// A small static file server for the demo and the end-to-end tests: correct
// MIME types (application/wasm), loopback only, and optional extra headers
// per request (the tests use it to serve pages under a strict CSP).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port). `headersFor(path)`
 * may return extra response headers; `handle(req, res)` may answer a request
 * itself (a feed that changes, say) and return true. Resolves to { server, url }.
 */
export function serve(root, port = 0, headersFor = () => ({}), handle = () => false) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (await handle(req, res)) return;
      const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
        ...headersFor(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      done({ server, url: `http://127.0.0.1:${server.address().port}` });
    });
  });
}

/**
 * The demo's live feed at /live/news.xml: an RSS 2.0 feed that gains a
 * headline every `everyMs` (the oldest leaves after ten), with an ETag and
 * Last-Modified, answering conditional requests with 304 Not Modified.
 */
export function liveFeed(everyMs = 8000, now = () => Date.now()) {
  const started = now();
  const topics = ["Tram line 4 reopens after repairs", "City council approves the park plan", "Harbour ferry timetable changes",
    "Library extends its opening hours", "New cycle lanes on the river road", "Museum night draws record crowds",
    "Schools get new science labs", "Market square to close for the festival", "Water main work on Elm Street",
    "Local team wins the regional cup", "Airport adds a morning flight", "Old cinema to become a theatre"];
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return (req, res) => {
    if (!new URL(req.url, "http://localhost").pathname.endsWith("/live/news.xml")) return false;
    const tick = Math.floor((now() - started) / everyMs);
    const etag = `"live-${tick}"`;
    const modified = new Date(started + tick * everyMs);
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag, "last-modified": modified.toUTCString() }).end();
      return true;
    }
    const items = [];
    for (let n = tick; n > tick - 10 && n >= -2; n--) {
      const title = `${topics[((n % topics.length) + topics.length) % topics.length]} (update ${n + 3})`;
      const date = new Date(started + n * everyMs).toUTCString();
      items.push(`<item><title>${escape(title)}</title><link>https://news.example/live/${n + 3}</link>` +
        `<guid>https://news.example/live/${n + 3}</guid><pubDate>${date}</pubDate>` +
        `<description>${escape(`<p>${title}: the story as it develops.</p>`)}</description></item>`);
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "no-cache", etag,
      "last-modified": modified.toUTCString() });
    res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Live from the city desk</title>` +
      `<link>https://news.example/live/</link>${items.join("")}</channel></rss>`);
    return true;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = ".", port = "8000"] = process.argv.slice(2);
  const { url } = await serve(root, Number(port), () => ({}), liveFeed());
  console.log(`serving ${root} on ${url}/ (Ctrl-C to stop; live feed at ${url}/live/news.xml)`);
}
