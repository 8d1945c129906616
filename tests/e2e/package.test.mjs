// The npm package as published: what `npm pack` of pkg/ puts in the tarball,
// and a package.json that follows npm's conventions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ROOT } from "./browser.mjs";

const PKG = ROOT + "pkg/";
const manifest = JSON.parse(readFileSync(PKG + "package.json", "utf8"));
const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: PKG, encoding: "utf8" }))[0];
const files = packed.files.map((f) => f.path).sort();

test("the tarball holds what a user needs and nothing else", () => {
  const snippets = files.filter((f) => f.startsWith("snippets/"));
  assert.equal(snippets.length, 1, snippets.join(", "));
  assert.match(snippets[0], /^snippets\/newsreel-[0-9a-f]+\/src\/element\.js$/);
  assert.deepEqual(files.filter((f) => !f.startsWith("snippets/")), [
    "README.md", "custom-elements.json", "index.d.ts", "index.js", "newsreel.d.ts", "newsreel.js", "newsreel_bg.wasm",
    "package.json", "react.d.ts", "vue.d.ts",
  ]);
  assert.ok(!files.some((f) => /\.rs$|\.gitignore$|test/.test(f)));
});

test("every module the package imports, and its .wasm, are in the tarball", () => {
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    const source = readFileSync(PKG + file, "utf8");
    const dir = new URL(file, "file:///pkg/");
    const targets = [
      ...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g),
      ...source.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
    ].map((m) => new URL(m[1], dir).pathname.slice("/pkg/".length));
    for (const target of targets) assert.ok(files.includes(target), `${file} needs ${target}, which is not packed`);
  }
});

test("package.json follows npm conventions", () => {
  const cargo = readFileSync(ROOT + "Cargo.toml", "utf8");
  assert.equal(manifest.name, "newsreel");
  assert.equal(manifest.version, cargo.match(/^version\s*=\s*"([^"]+)"/m)[1]);
  assert.equal(manifest.license, cargo.match(/^license\s*=\s*"([^"]+)"/m)[1]);
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.equal(manifest.type, "module");
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.private, undefined);
  // The entry and its types, both ways a tool looks for them, are packed.
  assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "default"]);
  for (const path of [manifest.types, manifest.main, manifest.exports["."].types, manifest.exports["."].default,
    manifest.exports["./newsreel_bg.wasm"], manifest.customElements, manifest.exports["./custom-elements.json"]]) {
    assert.ok(files.includes(path.replace(/^\.\//, "")), path);
  }
  // The framework typings are entries of their own, types only.
  assert.deepEqual(manifest.exports["./react"], { types: "./react.d.ts" });
  assert.deepEqual(manifest.exports["./vue"], { types: "./vue.d.ts" });
});

test("the main declarations need no framework; each framework's typings import only their own", () => {
  const imports = (file) => [...readFileSync(PKG + file, "utf8").matchAll(/^\s*import[^"']*["']([^"']+)["']/gm)].map((m) => m[1]);
  assert.deepEqual(imports("index.d.ts"), []);
  assert.deepEqual(imports("react.d.ts"), ["react", "./index.js"]);
  assert.deepEqual(imports("vue.d.ts"), ["vue", "./index.js"]);
});
