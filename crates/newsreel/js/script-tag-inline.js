// Entry of the single-file script-tag build (dist/newsreel.inline.js): the
// start-up of script-tag.js, with the WebAssembly bytes embedded in this
// module (esbuild's binary loader writes them as base64) instead of fetched
// from a .wasm file beside it. One request, and no MIME type to configure.
// showStartFailure is element.js's, re-exported by the generated bindings.
import init, { defineNewsReel, showStartFailure, warmDates, whenWanted } from "../../../pkg/newsreel.js";
import wasmBytes from "../../../pkg/newsreel_bg.wasm";
import { runtime, nextTask } from "./runtime.js";

// Nothing is fetched or started until the page has a widget to render
// (element.js's whenWanted).
whenWanted("news-reel")
  .then(() => {
    warmDates();
    return init({ module_or_path: wasmBytes });
  })
  .then(nextTask)
  .then(() => defineNewsReel("news-reel", runtime))
  .catch((error) => showStartFailure("news-reel", error));
