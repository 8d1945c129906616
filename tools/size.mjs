// What a page downloads for newsreel, compressed as servers send it: each
// file of dist/, then what each kind of page fetches of them (the table the
// README's Size section shows), and that against the target in
// tools/size-budget.json. `--check` fails over the ceiling there.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const budget = JSON.parse(readFileSync(root + "tools/size-budget.json", "utf8"));

const sizes = {};
for (const file of ["newsreel.js", "newsreel-intl.js", "newsreel_bg.wasm", "newsreel.inline.js", "newsreel.css"]) {
  const data = readFileSync(root + "dist/" + file);
  sizes[file] = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const row = (name, s) => `${name.padEnd(24)} ${String(s.raw).padStart(8)} ${String(s.gzip).padStart(8)} ${String(s.brotli).padStart(8)}`;
const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + sizes[f].raw, gzip: t.gzip + sizes[f].gzip, brotli: t.brotli + sizes[f].brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

console.log(`${"file".padEnd(24)} ${"raw".padStart(8)} ${"gzip".padStart(8)} ${"brotli".padStart(8)}`);
for (const [file, s] of Object.entries(sizes)) console.log(row(file, s));

// The page kinds: the script-tag build fetches the module only once the page
// has a widget (element.js's defineElement), and the date worker with it.
const pages = [
  ["a page with a widget", ["newsreel.js", "newsreel-intl.js", "newsreel_bg.wasm"]],
  ["a server-rendered page", ["newsreel.css", "newsreel.js", "newsreel-intl.js", "newsreel_bg.wasm"]],
  ["the script, no widget", ["newsreel.js"]],
  ["single-file build", ["newsreel.inline.js"]],
];
console.log(`\n${"what a page downloads".padEnd(24)} ${"raw".padStart(8)} ${"gzip".padStart(8)} ${"brotli".padStart(8)}`);
for (const [name, files] of pages) console.log(row(name, sum(files)));

const withWidget = sum(pages[0][1]).gzip;
const over = withWidget - budget.targetGzipBytes;
console.log(`\ntarget for a page with a widget: ${budget.targetGzipBytes} B gzip: ${over <= 0 ? "met" : `MISSED by ${over} B`}`);
if (process.argv.includes("--check")) {
  if (withWidget > budget.ceilingGzipBytes) {
    console.error(`size: a page with a widget downloads ${withWidget} B gzip, over the ceiling of ${budget.ceilingGzipBytes} B (tools/size-budget.json)`);
    process.exit(1);
  }
  console.log(`size: a page with a widget downloads ${withWidget} B gzip, within the ceiling of ${budget.ceilingGzipBytes} B`);
}
