// Writes www/server.html: the seed page's news rendered into the page at build
// time by the native tool (`newsreel render`), so that the headlines are in
// the HTML itself. The script tag then takes the widget over. Run by `make www`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const index = readFileSync(join(root, "www/index.html"), "utf8");
const block = index.match(/<script type="application\/json" id="seed-news">([\s\S]*?)<\/script>/);
if (!block) throw new Error("www/index.html has no #seed-news block");
const widget = execFileSync(join(root, "target/release/newsreel"), ["render", "--heading-level", "1", "--css-url", "dist/newsreel.css", "-"], {
  input: block[1],
  encoding: "utf8",
});

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>newsreel demo: rendered on the server</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="demo.css">
  <!-- The widget below is in the HTML already (make www ran \`newsreel render\`);
       this script takes it over, keeping its nodes. -->
  <script type="module" src="dist/newsreel.js"></script>
</head>
<body>
  <header class="site">
    <p class="brand">newsreel demo</p>
    <nav aria-label="Demo pages">
      <a href="./">Our format</a>
      <a href="jsonld.html">schema.org JSON-LD</a>
      <a href="jsonfeed.html">JSON Feed</a>
      <a href="live.html">Live RSS</a>
      <a href="layouts.html">Views, modes, languages</a>
      <a href="ru.html" lang="ru">По-русски</a>
      <a href="server.html" aria-current="page">Server-rendered</a>
    </nav>
  </header>
  <main>
    ${widget}
  </main>
</body>
</html>
`;
writeFileSync(join(root, "www/server.html"), page);
console.log("www/server.html: rendered by newsreel render");
