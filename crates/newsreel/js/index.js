// The npm package's entry: `import { defineNewsReel } from "newsreel"`.
// showStartFailure is element.js's, re-exported by the generated bindings.
import init, {
  Widget, defineNewsReel as defineElement, __wbg_reset_state, showStartFailure, warmDates,
} from "./newsreel.js";

let started = null;

// The browser's date data, loaded in a task of its own while the app starts
// the module (a bundler's output has no date worker beside it).
warmDates();

// What the element needs of the generated bindings (see crates/newsreel/src/element.js).
const runtime = {
  create: (host) => new Widget(host),
  reset: __wbg_reset_state,
};

/**
 * Starts the WebAssembly module once and defines the custom element.
 * Resolves to true when the element was defined, false when the name was
 * already taken. Rejects only if the module cannot start (and every
 * <news-reel> then shows its error state).
 */
export function defineNewsReel(options = {}) {
  const tagName = options.tagName || "news-reel";
  if (!started) {
    started = init(options.wasmUrl ? { module_or_path: options.wasmUrl } : undefined);
  }
  return started.then(
    () => defineElement(tagName, runtime),
    (error) => {
      showStartFailure(tagName, error);
      throw error;
    },
  );
}

export default defineNewsReel;
