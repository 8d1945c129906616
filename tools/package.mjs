// Turns the wasm-bindgen output in pkg/ into the published npm package: our entry
// (index.js, index.d.ts), the typings for React and Vue (react.d.ts,
// vue.d.ts: types only, each its own entry), the Custom Elements Manifest
// (custom-elements.json, written by `make contract` from the element's table,
// crates/newsreel-core/src/contract.rs), a package.json that follows npm
// conventions, and the README. Run by `make pkg` after wasm-bindgen and wasm-opt.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const pkg = join(root, "pkg");
// The shell crate's [package] table, then the workspace's [workspace.package]
// (which holds the fields the crates share): the lines up to the next table,
// so that a dependency's `version` is never taken for the package's.
const tables = [["crates/newsreel/Cargo.toml", "[package]"], ["Cargo.toml", "[workspace.package]"]].map(([file, header]) => {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const rest = lines.slice(lines.indexOf(header) + 1);
  const end = rest.findIndex((line) => line.startsWith("["));
  return (end < 0 ? rest : rest.slice(0, end)).join("\n");
});
const field = (name) => {
  for (const table of tables) {
    const match = table.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"));
    if (match) return match[1];
  }
  throw new Error(`neither Cargo.toml has ${name}`);
};

for (const file of ["index.js", "index.d.ts", "react.d.ts", "vue.d.ts", "custom-elements.json"]) {
  copyFileSync(join(root, "crates/newsreel/js", file), join(pkg, file));
}
copyFileSync(join(root, "README.md"), join(pkg, "README.md"));
// wasm-bindgen's types of the raw wasm exports: not shipped, and stale once
// tools/minify-names.mjs has shortened the export names.
rmSync(join(pkg, "newsreel_bg.wasm.d.ts"), { force: true });

const manifest = {
  name: "newsreel",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: "git+" + field("repository") + ".git" },
  homepage: field("repository") + "#readme",
  bugs: { url: field("repository") + "/issues" },
  keywords: ["news", "ticker", "web-component", "custom-element", "webassembly", "json-ld", "json-feed"],
  type: "module",
  main: "./index.js",
  module: "./index.js",
  types: "./index.d.ts",
  // Where editors, linters and catalogues find the element's API.
  customElements: "./custom-elements.json",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.js" },
    // `import type {} from "newsreel/react"` (or "/vue"): JSX and template
    // types, apart from the entry so that a plain-JS user needs neither framework.
    "./react": { types: "./react.d.ts" },
    "./vue": { types: "./vue.d.ts" },
    "./newsreel_bg.wasm": "./newsreel_bg.wasm",
    "./custom-elements.json": "./custom-elements.json",
    "./package.json": "./package.json",
  },
  // What a user needs, nothing else (npm adds package.json itself).
  files: ["index.js", "index.d.ts", "react.d.ts", "vue.d.ts", "newsreel.js", "newsreel.d.ts", "newsreel_bg.wasm", "snippets/",
    "custom-elements.json", "README.md"],
  // Importing defines nothing; defineNewsReel() does, when called.
  sideEffects: false,
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/: newsreel@${manifest.version}`);
