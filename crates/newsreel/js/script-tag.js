// Entry of the script-tag build (dist/newsreel.js). Loading this module is the
// whole set-up: it defines <news-reel>, which renders every element on the
// page, now and later, once it has started the WebAssembly module (found next
// to this file).
// defineElement and warmDates are element.js's, re-exported by the generated bindings.
import init, { defineElement, warmDates } from "../../../pkg/newsreel.js";
import { runtime, nextTask } from "./runtime.js";

// <news-reel> is defined at once; the module is fetched and started only
// when the first element is in the document (a lazy one: near the viewport).
// Between the two steps of the start a task ends (nextTask), and the
// browser's date data loads, in a worker where it can.
defineElement("news-reel", {
  ...runtime,
  start: () => {
    warmDates(new URL("newsreel-intl.js", import.meta.url));
    return init().then(nextTask);
  },
});
