// Lays out the plain page (index.html) and the dist build the way a host
// deploys them: the script and its .wasm under a deep path prefix that has
// nothing to do with the page's own path. Used by tests/e2e/scripttag.test.mjs
// and by bench.mjs. The page is copied unchanged except for its script URL.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const ROOT = new URL("../../../..", import.meta.url).pathname;
const PAGE = new URL("index.html", import.meta.url).pathname;
export const PREFIX = "/some/deep/prefix/";
const PAGE_SCRIPT = 'src="/dist/newsreel.js"';

/**
 * The page with its module script pointing at `scriptUrl`, and with the
 * README's preload hint for `preloadWasm` (the .wasm beside the script)
 * when it is given.
 */
export function pageWithScript(scriptUrl, preloadWasm = null, nonce = null) {
  const page = readFileSync(PAGE, "utf8");
  if (page.split(PAGE_SCRIPT).length !== 2) throw new Error(`index.html must load its script as ${PAGE_SCRIPT}, once`);
  const hint = preloadWasm ? `<link rel="preload" href="${preloadWasm}" as="fetch" type="application/wasm" crossorigin>\n  ` : "";
  const attributes = nonce ? ` nonce="${nonce}"` : "";
  return page.replace(`<script type="module" ${PAGE_SCRIPT}`, `${hint}<script type="module"${attributes} src="${scriptUrl}"`);
}

/**
 * Writes the site into `dir` (emptied first) and returns the paths of its
 * pages: `twoFile` (newsreel.js + newsreel_bg.wasm), `preloaded` (the same
 * with the .wasm preloaded by the page), `inline` (the single-file build)
 * `missingWasm` (a copy of newsreel.js without its .wasm), `missingWorker`
 * (newsreel.js and its .wasm without newsreel-intl.js) and `nonced` (the
 * module script with a nonce, as under a nonce-based CSP), then `noWidget`
 * (the script and no widget) and `lazyBelow` (one lazy widget far down).
 */
export function buildSite(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir + PREFIX, { recursive: true });
  for (const file of ["newsreel.js", "newsreel-intl.js", "newsreel_bg.wasm", "newsreel.inline.js"]) {
    copyFileSync(ROOT + "dist/" + file, dir + PREFIX + file);
  }
  mkdirSync(dir + "/lonely/", { recursive: true });
  copyFileSync(ROOT + "dist/newsreel.js", dir + "/lonely/newsreel.js");
  mkdirSync(dir + "/no-worker/", { recursive: true });
  for (const file of ["newsreel.js", "newsreel_bg.wasm"]) copyFileSync(ROOT + "dist/" + file, dir + "/no-worker/" + file);
  const pages = {
    twoFile: ["/news/today/", PREFIX + "newsreel.js"],
    preloaded: ["/news/today/preloaded/", PREFIX + "newsreel.js", PREFIX + "newsreel_bg.wasm"],
    inline: ["/news/today/inline/", PREFIX + "newsreel.inline.js"],
    missingWasm: ["/news/today/missing-wasm/", "/lonely/newsreel.js"],
    missingWorker: ["/news/today/missing-worker/", "/no-worker/newsreel.js"],
    nonced: ["/news/today/nonced/", PREFIX + "newsreel.js", null, "r4nd0m"],
  };
  for (const [path, script, preload, nonce] of Object.values(pages)) {
    mkdirSync(dir + path, { recursive: true });
    writeFileSync(dir + path + "index.html", pageWithScript(script, preload, nonce));
  }
  // Pages that load the script where no widget is to be rendered yet: none at
  // all (one is added later), and one lazy widget three screens down.
  const later = {
    noWidget: ["/news/no-widget/", ""],
    lazyBelow: ["/news/lazy-below/", `<div style="height: 300vh">Above the fold</div>\n${LAZY_WIDGET}`],
  };
  for (const [path, body] of Object.values(later)) {
    mkdirSync(dir + path, { recursive: true });
    writeFileSync(dir + path + "index.html", `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Later</title><link rel="icon" href="data:,">\n` +
      `<script type="module" src="${PREFIX}newsreel.js"></script></head>\n<body>\n${body}\n</body>\n</html>\n`);
  }
  return Object.fromEntries(Object.entries({ ...pages, ...later }).map(([name, [path]]) => [name, path]));
}

/** A widget with embedded news and `loading="lazy"`, as HTML. */
export const LAZY_WIDGET = `<news-reel loading="lazy" source="#later-news"><a href="/news/">All the news</a></news-reel>
<script type="application/json" id="later-news">
  { "format": "newsreel/1", "latest": [ { "id": "later", "headline": "Added when wanted", "datePublished": "2026-12-07" } ] }
</script>`;
