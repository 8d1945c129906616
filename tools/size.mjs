// What a page downloads for the script-tag build, compressed as servers send
// it. `--check` fails when the gzip total exceeds tools/size-budget.json.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const files = ["dist/newsreel.js", "dist/newsreel-intl.js", "dist/newsreel_bg.wasm"];
const budget = JSON.parse(readFileSync(root + "tools/size-budget.json", "utf8"));

let totals = { raw: 0, gzip: 0, brotli: 0 };
console.log("file                     raw     gzip   brotli");
for (const f of files) {
  const data = readFileSync(root + f);
  const sizes = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(totals)) totals[k] += sizes[k];
  console.log(`${f.padEnd(22)} ${String(sizes.raw).padStart(7)} ${String(sizes.gzip).padStart(8)} ${String(sizes.brotli).padStart(8)}`);
}
console.log(`${"total".padEnd(22)} ${String(totals.raw).padStart(7)} ${String(totals.gzip).padStart(8)} ${String(totals.brotli).padStart(8)}`);
if (process.argv.includes("--check")) {
  if (totals.gzip > budget.gzipBytes) {
    console.error(`size: gzip total ${totals.gzip} B exceeds the budget of ${budget.gzipBytes} B (tools/size-budget.json)`);
    process.exit(1);
  }
  console.log(`size: gzip total ${totals.gzip} B is within the budget of ${budget.gzipBytes} B`);
}
