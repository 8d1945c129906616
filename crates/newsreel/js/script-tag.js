// Entry of the script-tag build (dist/newsreel.js). Loading this module is the
// whole set-up: it starts the WebAssembly module (found next to this file) and
// defines <news-reel>, which renders every element on the page, now and later.
// showStartFailure is element.js's, re-exported by the generated bindings.
import init, { defineNewsReel, showStartFailure, warmDates } from "../../../pkg/newsreel.js";
import { runtime, nextTask } from "./runtime.js";

warmDates(new URL("newsreel-intl.js", import.meta.url));
init()
  .then(nextTask)
  .then(() => defineNewsReel("news-reel", runtime))
  .catch((error) => showStartFailure("news-reel", error));
