// Injected by bench/run.mjs before any page script (Playwright addInitScript)
// into the pages that measure memory and boundary crossings, never into the
// timed ones. It wraps WebAssembly instantiation so that every call from JS
// into a wasm export, and from wasm into an imported JS function, is
// counted while `counting` is on, and keeps the module's memory for reading
// its size. wasm-bindgen's glue reads `instance.exports` only, so an
// instance stand-in with wrapped exports is all it sees.
(() => {
  const probe = {
    counting: false,
    memory: null,
    counts: { exports: 0, imports: 0, exportNames: {}, importNames: {} },
    reset() {
      probe.counts = { exports: 0, imports: 0, exportNames: {}, importNames: {} };
    },
  };
  window.__wasmProbe = probe;

  // wasm-bindgen names imports `__wbg_<name>_<hash>` (the shipped build
  // shortens them to a few letters): without the hash, the name is what matters.
  const shortName = (name) => name.replace(/^__wbg_/, "").replace(/_[0-9a-f]{8,16}$/, "");

  function count(kind, names, name) {
    probe.counts[kind]++;
    names[name] = (names[name] || 0) + 1;
  }

  function wrapImports(imports) {
    if (!imports) return imports;
    const wrapped = {};
    for (const [module, members] of Object.entries(imports)) {
      wrapped[module] = {};
      for (const [name, value] of Object.entries(members)) {
        if (typeof value !== "function") {
          wrapped[module][name] = value;
          continue;
        }
        const label = shortName(name);
        wrapped[module][name] = function (...args) {
          if (probe.counting) count("imports", probe.counts.importNames, label);
          return value.apply(this, args);
        };
      }
    }
    return wrapped;
  }

  function wrapResult(result) {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const exports = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] = typeof value !== "function" ? value : function (...args) {
        if (probe.counting) count("exports", probe.counts.exportNames, name);
        return value.apply(this, args);
      };
    }
    // The shipped build's export names are minified: find the memory by type.
    probe.memory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory) ?? null;
    const standIn = { exports };
    return result instanceof WebAssembly.Instance ? standIn : { instance: standIn, module: result.module };
  }

  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = async (source, imports) =>
    wrapResult(await streaming.call(WebAssembly, source, wrapImports(imports)));
  WebAssembly.instantiate = async (source, imports) =>
    wrapResult(await plain.call(WebAssembly, source, wrapImports(imports)));
})();
