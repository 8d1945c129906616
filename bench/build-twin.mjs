// Bundles bench/twin.js the way dist/newsreel.js is bundled (one minified ES
// module), with crates/newsreel-core/src/view/styles.css read at build time and inlined as text:
// the twin ships its styles inside its one file, as newsreel ships them
// inside its .wasm. The target is ES2022, not dist's ES2020, so that class
// private fields stay native instead of becoming WeakMap look-ups: the twin
// should be as quick as plain JavaScript can be in the browser measured.
import { build } from "../tools/node_modules/esbuild/lib/main.js";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Writes the bundle to `outfile` (absolute, or relative to the repository root). */
export async function buildTwin(outfile = "target/bench/twin.js") {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["bench/twin.js"],
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    loader: { ".css": "text" },
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildTwin(process.argv[2]));
}
