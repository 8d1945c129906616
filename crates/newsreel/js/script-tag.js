// Entry of the script-tag build (dist/newsreel.js). Loading this module is the
// whole set-up: once the page has a <news-reel> to render, it starts the
// WebAssembly module (found next to this file) and defines <news-reel>, which
// renders every element on the page, now and later.
// showStartFailure is element.js's, re-exported by the generated bindings.
import init, { defineNewsReel, showStartFailure, warmDates, whenWanted } from "../../../pkg/newsreel.js";
import { runtime, nextTask } from "./runtime.js";

// Nothing is fetched or started until the page has a widget to render
// (element.js's whenWanted).
whenWanted("news-reel")
  .then(() => {
    warmDates(new URL("newsreel-intl.js", import.meta.url));
    return init();
  })
  .then(nextTask)
  .then(() => defineNewsReel("news-reel", runtime))
  .catch((error) => showStartFailure("news-reel", error));
