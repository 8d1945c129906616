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

// binaryen puts every import in one module (one short name); the glue gets
// one imports object under that name. Imports from the glue itself are keys of
// its object `import0` (`name: function(…) {`); imports straight from a
// snippet module (`"./snippets/…": import1`) become keys of import0 too.
const moduleNames = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
if (moduleNames.size !== 1) fail(`expected one import module, found ${[...moduleNames].join(", ")}`);
const [moduleName] = moduleNames;
const aliases = new Map();
for (const [from] of mapping.imports) {
  if (aliases.has(from)) continue;
  const entry = new RegExp(`\\n\\s*${escape(JSON.stringify(from)).replace(/[./]/g, "\\$&")}: (import\\d+),`);
  const found = glue.match(entry);
  if (!found) fail(`the glue does not import the module ${JSON.stringify(from)}`);
  aliases.set(from, found[1]);
  glue = glue.replace(entry, found[1] === "import0" ? `\n        ${JSON.stringify(moduleName)}: import0,` : "");
}
const forwarded = [];
for (const [from, name, to] of mapping.imports) {
  const alias = aliases.get(from);
  if (alias !== "import0") {
    forwarded.push(`${JSON.stringify(to)}: ${alias}.${name},`);
    continue;
  }
  const key = new RegExp(`(^|[\\s,{])${escape(name)}(\\s*:)`, "m");
  if (!key.test(glue)) fail(`import ${name} is not a key in the glue`);
  glue = glue.replace(key, `$1${JSON.stringify(to)}$2`);
}
if (forwarded.length) {
  const start = "const import0 = {\n        __proto__: null,";
  if (!glue.includes(start)) fail("the glue's imports object has an unexpected shape");
  glue = glue.replace(start, `${start}\n        ${forwarded.join("\n        ")}`);
}

// Exports are read as `wasm.name`.
for (const [from, to] of mapping.exports) {
  const use = new RegExp(`\\bwasm\\.${escape(from)}\\b`, "g");
  glue = glue.replace(use, identifier.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`);
}

// Nothing of the old names is left, and every import the module has is provided.
for (const [from, name] of mapping.imports) {
  if (aliases.get(from) === "import0" && new RegExp(`\\b${escape(name)}\\b`).test(glue)) fail(`${name} is still in the glue`);
}
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
