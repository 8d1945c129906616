// What the element (crates/newsreel/src/element.js) needs of the generated bindings,
// which its own module cannot import: a way to make a widget, a way to
// replace a wasm instance that trapped with a fresh one (wasm-bindgen's
// `--experimental-reset-state-function`).
import { Widget, __wbg_reset_state } from "../../../pkg/newsreel.js";

// Resolves in a later task (`scheduler.yield()` where there is one): the
// script-tag builds start the instance in one task and render the page's
// widgets in the next, two shorter tasks for a slow phone's main thread.
export const nextTask = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));

export const runtime = {
  create: (host) => new Widget(host),
  reset: __wbg_reset_state,
};
