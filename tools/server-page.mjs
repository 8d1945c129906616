// Writes www/server.html: the seed page (www/index.html) with its news
// rendered into the HTML at build time by the native tool (`newsreel
// render`), so that the headlines are in the page itself. The script tag then
// takes the widget over. Run by `make www`. Everything else (head, site
// header, navigation) is index.html's, so the demo pages stay alike.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let page = readFileSync(join(root, "www/index.html"), "utf8");

/** `page` with `pattern` replaced; throws when index.html no longer has it. */
function replace(pattern, replacement, what) {
  if (!pattern.test(page)) throw new Error(`www/index.html has no ${what}`);
  page = page.replace(pattern, replacement);
}

const block = page.match(/\n *<script type="application\/json" id="seed-news">([\s\S]*?)<\/script>/);
if (!block) throw new Error("www/index.html has no #seed-news block");
const widget = execFileSync(join(root, "target/release/newsreel"), ["render", "--heading-level", "1", "--css-url", "dist/newsreel.css", "-"], {
  input: block[1],
  encoding: "utf8",
});

replace(/<title>[^<]*<\/title>/, "<title>newsreel demo: rendered on the server</title>", "title");
replace(/ *<!--(?:(?!-->)[^])*-->\n(\s*<script type="module")/,
  "  <!-- The widget below is in the HTML already (make www ran `newsreel render`);\n       this script takes it over, keeping its nodes. -->\n$1", "comment before its module script");
replace(/<a href="\.\/" aria-current="page">/, '<a href="./">', "current-page link");
replace(/<a href="server.html">/, '<a href="server.html" aria-current="page">', "link to server.html");
replace(/<main>[\s\S]*<\/main>/, () => `<main>\n    ${widget}\n  </main>`, "main element");
page = page.replace(block[0], "");
writeFileSync(join(root, "www/server.html"), page);
console.log("www/server.html: rendered by newsreel render");
