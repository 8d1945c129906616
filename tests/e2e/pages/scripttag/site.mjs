// Lays out the plain page (index.html) and the dist build the way a host
// deploys them: the script and its .wasm under a deep path prefix that has
// nothing to do with the page's own path. Used by tests/e2e/scripttag.test.mjs
// and by bench.mjs. The page is copied unchanged except for its script URL.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const ROOT = new URL("../../../..", import.meta.url).pathname;
const PAGE = new URL("index.html", import.meta.url).pathname;
export const PREFIX = "/some/deep/prefix/";
const PAGE_SCRIPT = 'src="/dist/newsreel.js"';

/** The page with its module script pointing at `scriptUrl`. */
export function pageWithScript(scriptUrl) {
  const page = readFileSync(PAGE, "utf8");
  if (page.split(PAGE_SCRIPT).length !== 2) throw new Error(`index.html must load its script as ${PAGE_SCRIPT}, once`);
  return page.replace(PAGE_SCRIPT, `src="${scriptUrl}"`);
}

/**
 * Writes the site into `dir` (emptied first) and returns the paths of its
 * pages: `twoFile` (newsreel.js + newsreel_bg.wasm), `inline` (the
 * single-file build) and `missingWasm` (a copy of newsreel.js without its .wasm).
 */
export function buildSite(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir + PREFIX, { recursive: true });
  for (const file of ["newsreel.js", "newsreel_bg.wasm", "newsreel.inline.js"]) {
    copyFileSync(ROOT + "dist/" + file, dir + PREFIX + file);
  }
  mkdirSync(dir + "/lonely/", { recursive: true });
  copyFileSync(ROOT + "dist/newsreel.js", dir + "/lonely/newsreel.js");
  const pages = {
    twoFile: ["/news/today/", PREFIX + "newsreel.js"],
    inline: ["/news/today/inline/", PREFIX + "newsreel.inline.js"],
    missingWasm: ["/news/today/missing-wasm/", "/lonely/newsreel.js"],
  };
  for (const [path, script] of Object.values(pages)) {
    mkdirSync(dir + path, { recursive: true });
    writeFileSync(dir + path + "index.html", pageWithScript(script));
  }
  return Object.fromEntries(Object.entries(pages).map(([name, [path]]) => [name, path]));
}
