// Entry of the single-file script-tag build (dist/newsreel.inline.js): the
// start-up of script-tag.js, with the WebAssembly bytes embedded in this
// module (esbuild's binary loader writes them as base64) instead of fetched
// from a .wasm file beside it. One request, and no MIME type to configure.
// defineElement and warmDates are element.js's, re-exported by the generated bindings.
import init, { defineElement, warmDates } from "../../../pkg/newsreel.js";
import wasmBytes from "../../../pkg/newsreel_bg.wasm";
import { runtime, nextTask } from "./runtime.js";

// <news-reel> is defined at once; the module is fetched and started only
// when the first element is in the document (a lazy one: near the viewport).
// Between the two steps of the start a task ends (nextTask), and the
// browser's date data loads in a task of its own.
defineElement("news-reel", {
  ...runtime,
  start: () => {
    warmDates();
    return init({ module_or_path: wasmBytes }).then(nextTask);
  },
});
