// Gives the glue the short import and export names binaryen chose.
//
// wasm-bindgen names every import after its function plus a 16-hex-digit hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`) and every import lives in the module
// "./newsreel_bg.js"; the names sit in both the .wasm and the JS glue, and
// hashes do not compress. wasm-opt's --minify-imports-and-exports-and-modules
// renames them in the .wasm and prints the mapping as JSON; this script
// applies the mapping to the glue and checks that the two still agree.
//
// usage: node tools/minify-names.mjs <mapping.json> <glue.js> <module.wasm> [<glue.d.ts>]
import { readFileSync, writeFileSync } from "node:fs";

const [mappingPath, gluePath, wasmPath, typesPath] = process.argv.slice(2);
const mapping = JSON.parse(readFileSync(mappingPath, "utf8"));
const module = new WebAssembly.Module(readFileSync(wasmPath));
let glue = readFileSync(gluePath, "utf8");

const fail = (message) => {
  console.error(`minify-names: ${message}`);
  process.exit(1);
};
const escape = (name) => name.replace(/[$]/g, "\\$&");
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// Imports are the keys of the glue's imports object: `name: function(…) {`.
const moduleNames = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
if (moduleNames.size !== 1) fail(`expected one import module, found ${[...moduleNames].join(", ")}`);
const [moduleName] = moduleNames;
const oldModules = new Set(mapping.imports.map(([from]) => from));
for (const from of oldModules) {
  const key = JSON.stringify(from);
  if (!glue.includes(`${key}: import0`)) fail(`the glue does not import the module ${key}`);
  glue = glue.replace(`${key}: import0`, `${JSON.stringify(moduleName)}: import0`);
}
for (const [, from, to] of mapping.imports) {
  const key = new RegExp(`(^|[\\s,{])${escape(from)}(\\s*:)`, "m");
  if (!key.test(glue)) fail(`import ${from} is not a key in the glue`);
  glue = glue.replace(key, `$1${JSON.stringify(to)}$2`);
}

// Exports are read as `wasm.name`.
for (const [from, to] of mapping.exports) {
  const use = new RegExp(`\\bwasm\\.${escape(from)}\\b`, "g");
  glue = glue.replace(use, identifier.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`);
}

// Nothing of the old names is left, and every import the module has is provided.
for (const [, from] of mapping.imports) if (new RegExp(`\\b${escape(from)}\\b`).test(glue)) fail(`${from} is still in the glue`);
for (const [from] of mapping.exports) if (new RegExp(`\\bwasm\\.${escape(from)}\\b`).test(glue)) fail(`wasm.${from} is still in the glue`);
for (const { name } of WebAssembly.Module.imports(module)) {
  if (!glue.includes(`${JSON.stringify(name)}:`)) fail(`the module imports ${name}, which the glue does not provide`);
}
writeFileSync(gluePath, glue);

// The glue's types describe the raw exports (`InitOutput`): same renaming.
if (typesPath) {
  let types = readFileSync(typesPath, "utf8");
  for (const [from, to] of mapping.exports) {
    types = types.replace(new RegExp(`(readonly )${escape(from)}(:)`, "g"), `$1${identifier.test(to) ? to : JSON.stringify(to)}$2`);
  }
  writeFileSync(typesPath, types);
}
console.log(`minify-names: ${mapping.imports.length} imports and ${mapping.exports.length} exports renamed`);
